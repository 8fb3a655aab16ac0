import type { Role } from '../../shared/api';
import type { Queryable } from '../db';
import { iso } from '../db/iso';

/** A configuration as stored: the secret still sealed (see secret-box.ts). */
export interface SsoConfigRecord {
  orgId: string;
  issuer: string;
  clientId: string;
  clientSecretEncrypted: string;
  emailDomain: string;
  ssoRequired: boolean;
  defaultRole: Extract<Role, 'admin' | 'member'>;
  updatedAt: string;
}

const COLUMNS = `org_id AS "orgId", issuer, client_id AS "clientId", client_secret_encrypted AS "clientSecretEncrypted",
  email_domain AS "emailDomain", sso_required AS "ssoRequired", default_role AS "defaultRole", updated_at AS "updatedAt"`;

type Row = Omit<SsoConfigRecord, 'updatedAt'> & { updatedAt: Date };
const record = (row: Row | undefined): SsoConfigRecord | undefined => row && { ...row, updatedAt: iso(row.updatedAt) };

/** A login in flight; see the sso_logins table (migration 013). */
export interface PendingLoginRow {
  orgId: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * The only module that speaks SQL about single sign-on. `byDomain` takes a transaction from
 * db.forSsoDomain, `consumeLogin` one from db.forSsoState; all others one from db.forOrg(orgId).
 */
export const ssoRepo = {
  forOrg: async (tx: Queryable, orgId: string): Promise<SsoConfigRecord | undefined> =>
    record((await tx.query<Row>(`SELECT ${COLUMNS} FROM sso_configs WHERE org_id = $1`, [orgId]))[0]),

  byDomain: async (tx: Queryable, domain: string): Promise<SsoConfigRecord | undefined> =>
    record((await tx.query<Row>(`SELECT ${COLUMNS} FROM sso_configs WHERE email_domain = $1`, [domain]))[0]),

  /** Inserts or replaces the organization's configuration (a UNIQUE violation: the domain is another's). */
  save: async (tx: Queryable, config: Omit<SsoConfigRecord, 'updatedAt'>, actorId: string): Promise<SsoConfigRecord> =>
    record(
      (
        await tx.query<Row>(
          `INSERT INTO sso_configs (org_id, issuer, client_id, client_secret_encrypted, email_domain, sso_required, default_role, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (org_id) DO UPDATE SET issuer = EXCLUDED.issuer, client_id = EXCLUDED.client_id,
             client_secret_encrypted = EXCLUDED.client_secret_encrypted, email_domain = EXCLUDED.email_domain,
             sso_required = EXCLUDED.sso_required, default_role = EXCLUDED.default_role,
             updated_by = EXCLUDED.updated_by, updated_at = now()
           RETURNING ${COLUMNS}`,
          [config.orgId, config.issuer, config.clientId, config.clientSecretEncrypted, config.emailDomain, config.ssoRequired, config.defaultRole, actorId],
        )
      )[0],
    )!,

  /** True when there was one to remove. */
  remove: async (tx: Queryable, orgId: string): Promise<boolean> =>
    (await tx.query('DELETE FROM sso_configs WHERE org_id = $1 RETURNING org_id', [orgId])).length > 0,

  /** Remembers a login until its callback; the organization's dead logins go at the same time. */
  async addLogin(tx: Queryable, orgId: string, stateHash: string, login: Omit<PendingLoginRow, 'orgId'>, minutes: number): Promise<void> {
    await tx.query('DELETE FROM sso_logins WHERE org_id = $1 AND expires_at < now()', [orgId]);
    await tx.query(
      `INSERT INTO sso_logins (state_hash, org_id, nonce, code_verifier, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
      [stateHash, orgId, login.nonce, login.codeVerifier, minutes],
    );
  },

  /** The login, removed in the same statement: a second callback with this state finds nothing. Expired: undefined. */
  async consumeLogin(tx: Queryable, stateHash: string): Promise<PendingLoginRow | undefined> {
    const [row] = await tx.query<PendingLoginRow & { live: boolean }>(
      `DELETE FROM sso_logins WHERE state_hash = $1
       RETURNING org_id AS "orgId", nonce, code_verifier AS "codeVerifier", expires_at > now() AS live`,
      [stateHash],
    );
    return row?.live ? { orgId: row.orgId, nonce: row.nonce, codeVerifier: row.codeVerifier } : undefined;
  },
};

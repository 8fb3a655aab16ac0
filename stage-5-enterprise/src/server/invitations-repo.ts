import type { Invitation, Role } from '../shared/api';
import type { Queryable } from './db';
import { iso, isoOrNull, isUuid } from './db/iso';

type Row = {
  id: string;
  email: string | null;
  domain: string | null;
  role: Role;
  expiresAt: Date;
  acceptedAt: Date | null;
  invitedBy: string | null;
  createdAt: Date;
  sentAt: Date;
};
const invitation = (row: Row): Invitation => ({
  ...row,
  expiresAt: iso(row.expiresAt),
  acceptedAt: isoOrNull(row.acceptedAt),
  createdAt: iso(row.createdAt),
  sentAt: iso(row.sentAt),
});
const COLUMNS = `i.id, i.email, i.domain, i.role, i.expires_at AS "expiresAt", i.accepted_at AS "acceptedAt",
  u.email AS "invitedBy", i.created_at AS "createdAt", i.sent_at AS "sentAt"`;

/** What accepting needs to know about an invitation found by its token: for one email, or for a domain. */
export type PendingInvitation = {
  id: string;
  orgId: string;
  email: string | null;
  domain: string | null;
  role: Role;
  expired: boolean;
  accepted: boolean;
};

/** Who an invitation is for: one email, or everyone whose email is on a domain. */
export type Invitee = { email: string; domain?: never } | { domain: string; email?: never };

/**
 * The only module that speaks SQL about invitations: stored with the SHA-256 of their token, never
 * the token. Every function but `byTokenHash` (db.forInvitation) takes a transaction from
 * db.forOrg(orgId) and says `org_id = $1`.
 */
export const invitationsRepo = {
  list: async (tx: Queryable, orgId: string): Promise<Invitation[]> =>
    (
      await tx.query<Row>(
        `SELECT ${COLUMNS} FROM invitations i LEFT JOIN users u ON u.id = i.invited_by
          WHERE i.org_id = $1 ORDER BY i.created_at DESC, i.id LIMIT 1000`,
        [orgId],
      )
    ).map(invitation),

  async insert(
    tx: Queryable,
    orgId: string,
    input: Invitee & { role: Role; tokenHash: string; expiresAt: Date; invitedBy: string },
  ): Promise<Invitation> {
    const [{ id }] = (await tx.query<{ id: string }>(
      `INSERT INTO invitations (org_id, email, domain, role, token_hash, expires_at, invited_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [orgId, input.email ?? null, input.domain ?? null, input.role, input.tokenHash, input.expiresAt, input.invitedBy],
    )) as [{ id: string }];
    return (await invitationsRepo.find(tx, orgId, id))!;
  },

  async find(tx: Queryable, orgId: string, id: string): Promise<Invitation | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await tx.query<Row>(
      `SELECT ${COLUMNS} FROM invitations i LEFT JOIN users u ON u.id = i.invited_by WHERE i.org_id = $1 AND i.id = $2`,
      [orgId, id],
    );
    return row && invitation(row);
  },

  /**
   * Sending a pending email invitation again: a new token (the old link stops working) and a new
   * expiry. Locked (FOR UPDATE) with its sent_at, so two resends at once take turns and the second
   * sees the first's time. Undefined: no such pending email invitation.
   */
  async lockPendingEmail(tx: Queryable, orgId: string, id: string): Promise<{ email: string; role: Role; sentAt: Date } | undefined> {
    if (!isUuid(id)) return undefined;
    const [row] = await tx.query<{ email: string; role: Role; sentAt: Date }>(
      `SELECT email, role, sent_at AS "sentAt" FROM invitations
        WHERE org_id = $1 AND id = $2 AND accepted_at IS NULL AND email IS NOT NULL FOR UPDATE`,
      [orgId, id],
    );
    return row;
  },

  renew: async (tx: Queryable, orgId: string, id: string, tokenHash: string, expiresAt: Date): Promise<void> =>
    void (await tx.query('UPDATE invitations SET token_hash = $3, expires_at = $4, sent_at = now() WHERE org_id = $1 AND id = $2', [
      orgId,
      id,
      tokenHash,
      expiresAt,
    ])),

  /** Revoking deletes a pending invitation; true when there was one. Accepted ones stay, as history. */
  revoke: async (tx: Queryable, orgId: string, id: string): Promise<boolean> =>
    isUuid(id) &&
    (await tx.query('DELETE FROM invitations WHERE org_id = $1 AND id = $2 AND accepted_at IS NULL RETURNING id', [orgId, id])).length > 0,

  /** Inside db.forInvitation(tokenHash): the one invitation that token opens. */
  async byTokenHash(tx: Queryable, tokenHash: string): Promise<PendingInvitation | undefined> {
    const [row] = await tx.query<PendingInvitation>(
      `SELECT id, org_id AS "orgId", email, domain, role, expires_at <= now() AS expired, accepted_at IS NOT NULL AS accepted
         FROM invitations WHERE token_hash = $1`,
      [tokenHash],
    );
    return row;
  },

  /** A domain invitation that still opens the organization (not revoked, not expired), held until the transaction ends. */
  stillOpen: async (tx: Queryable, orgId: string, id: string): Promise<boolean> =>
    (await tx.query('SELECT 1 FROM invitations WHERE org_id = $1 AND id = $2 AND expires_at > now() FOR SHARE', [orgId, id])).length > 0,

  /** Marks it accepted unless it already is or has expired: of two racing accepts, one wins. */
  markAccepted: async (tx: Queryable, orgId: string, id: string): Promise<boolean> =>
    (
      await tx.query(
        'UPDATE invitations SET accepted_at = now() WHERE org_id = $1 AND id = $2 AND accepted_at IS NULL AND expires_at > now() RETURNING id',
        [orgId, id],
      )
    ).length > 0,
};

import type { ApiKey, Org } from '../../shared/api';
import type { Queryable } from '../db';
import { iso, isoOrNull, isUuid } from '../db/iso';
import { STANDING, standingOf, type Standing, type StandingRow } from '../usage-repo';

type Row = { id: string; name: string; prefix: string; createdBy: string | null; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };
const apiKey = (row: Row): ApiKey => ({ ...row, createdAt: iso(row.createdAt), lastUsedAt: isoOrNull(row.lastUsedAt), revokedAt: isoOrNull(row.revokedAt) });

/**
 * What a request with a key acts as: the key's organization, with member rights, and the key's
 * creator as the teacher. `standing`: the organization's plan, suspension and patterns version, read
 * with the key, so that a chat need not read them again.
 */
export type KeyHolder = { keyId: string; prefix: string; orgId: string; creator: { id: string; email: string }; standing: Standing };
/** What a key's hash says and never stops saying: which key it is, and whose. Whether it still works is asked each time (`holder`). */
export type KeyFacts = { keyId: string; prefix: string; orgId: string };

/**
 * The only module that speaks SQL about API keys, stored as the SHA-256 of the key, never the key.
 * Every function but `byHash` (db.forApiKey) takes a transaction from db.forOrg(orgId) and says
 * `org_id = $1`.
 */
export const apiKeysRepo = {
  list: async (tx: Queryable, orgId: string): Promise<ApiKey[]> =>
    (
      await tx.query<Row>(
        `SELECT k.id, k.name, k.prefix, u.email AS "createdBy", k.created_at AS "createdAt",
                k.last_used_at AS "lastUsedAt", k.revoked_at AS "revokedAt"
           FROM api_keys k LEFT JOIN users u ON u.id = k.created_by
          WHERE k.org_id = $1 ORDER BY k.created_at DESC, k.id LIMIT 1000`,
        [orgId],
      )
    ).map(apiKey),

  /** The new key as the list shows it, with its creator's email. */
  async insert(tx: Queryable, orgId: string, input: { name: string; prefix: string; keyHash: string; createdBy: string }): Promise<ApiKey> {
    const [row] = await tx.query<Row>(
      `WITH k AS (
         INSERT INTO api_keys (org_id, name, prefix, key_hash, created_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, name, prefix, created_by, created_at, last_used_at, revoked_at)
       SELECT k.id, k.name, k.prefix, u.email AS "createdBy", k.created_at AS "createdAt",
              k.last_used_at AS "lastUsedAt", k.revoked_at AS "revokedAt"
         FROM k LEFT JOIN users u ON u.id = k.created_by`,
      [orgId, input.name, input.prefix, input.keyHash, input.createdBy],
    );
    return apiKey(row!);
  },

  /** True when a key still in use was revoked now. */
  revoke: async (tx: Queryable, orgId: string, id: string): Promise<boolean> =>
    isUuid(id) && (await tx.query('UPDATE api_keys SET revoked_at = now() WHERE org_id = $1 AND id = $2 AND revoked_at IS NULL RETURNING id', [orgId, id])).length > 0,

  /** Inside db.forApiKey(hash): the unrevoked key with this hash. */
  byHash: async (tx: Queryable, keyHash: string): Promise<KeyFacts | undefined> =>
    (
      await tx.query<KeyFacts>(
        'SELECT id AS "keyId", prefix, org_id AS "orgId" FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
        [keyHash],
      )
    )[0],

  /**
   * The key's holder, if the key still works: not revoked, and its creator still a member. One
   * statement gives the creator, the organization and their role in it (what organizations.find
   * would read) and the organization's standing (usage-repo.ts), so a call with a key checks all of
   * it in one round trip.
   */
  holder: async (tx: Queryable, orgId: string, keyId: string): Promise<{ creator: { id: string; email: string }; org: Org; standing: Standing } | undefined> => {
    const [row] = await tx.query<Omit<Org, 'plan'> & StandingRow & { creatorId: string; email: string }>(
      `SELECT u.id AS "creatorId", u.email, o.id, o.name, o.slug, m.role, ${STANDING}
         FROM api_keys k
         JOIN users u ON u.id = k.created_by
         JOIN memberships m ON m.org_id = k.org_id AND m.user_id = k.created_by
         JOIN organizations o ON o.id = k.org_id
        WHERE k.org_id = $1 AND k.id = $2 AND k.revoked_at IS NULL`,
      [orgId, keyId],
    );
    if (!row) return undefined;
    const standing = standingOf(row);
    return { creator: { id: row.creatorId, email: row.email }, org: { id: row.id, name: row.name, slug: row.slug, plan: standing.plan, role: row.role }, standing };
  },

  /**
   * When this key (revoked or not) was last used, null if never; undefined when the organization has
   * no such key. Read from the row, not from any process's memory: every instance sees the same.
   */
  lastUse: async (tx: Queryable, orgId: string, id: string): Promise<{ usedAt: string | null } | undefined> => {
    if (!isUuid(id)) return undefined;
    const [row] = await tx.query<{ usedAt: Date | null }>('SELECT last_used_at AS "usedAt" FROM api_keys WHERE org_id = $1 AND id = $2', [orgId, id]);
    return row && { usedAt: isoOrNull(row.usedAt) };
  },

  /** When any of the organization's keys, revoked ones too, was last used; null if none ever was. */
  orgLastUse: async (tx: Queryable, orgId: string): Promise<{ usedAt: string | null }> => {
    const [row] = await tx.query<{ usedAt: Date | null }>('SELECT max(last_used_at) AS "usedAt" FROM api_keys WHERE org_id = $1', [orgId]);
    return { usedAt: isoOrNull(row?.usedAt ?? null) };
  },

  /** Writes "last used" unless it was written in the minute before `now` (by this or another process). */
  touch: async (tx: Queryable, orgId: string, id: string, now: Date): Promise<void> =>
    void (await tx.query(
      "UPDATE api_keys SET last_used_at = $3 WHERE org_id = $1 AND id = $2 AND (last_used_at IS NULL OR last_used_at <= $3::timestamptz - interval '1 minute')",
      [orgId, id, now],
    )),
};

import type { ApiKey } from '../../shared/api';
import type { Queryable } from '../db';
import { iso, isoOrNull, isUuid } from '../db/iso';

type Row = { id: string; name: string; prefix: string; createdBy: string | null; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };
const apiKey = (row: Row): ApiKey => ({ ...row, createdAt: iso(row.createdAt), lastUsedAt: isoOrNull(row.lastUsedAt), revokedAt: isoOrNull(row.revokedAt) });

/** What a request with a key acts as: the key's organization, with member rights, and the key's creator as the teacher. */
export type KeyHolder = { keyId: string; prefix: string; orgId: string; creator: { id: string; email: string } | null };

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

  /** Inside db.forApiKey(hash): the unrevoked key with this hash, and who made it. */
  byHash: async (tx: Queryable, keyHash: string): Promise<KeyHolder | undefined> => {
    const [row] = await tx.query<{ keyId: string; prefix: string; orgId: string; creatorId: string | null; email: string | null }>(
      `SELECT k.id AS "keyId", k.prefix, k.org_id AS "orgId", k.created_by AS "creatorId", u.email
         FROM api_keys k LEFT JOIN users u ON u.id = k.created_by
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
      [keyHash],
    );
    return row && { keyId: row.keyId, prefix: row.prefix, orgId: row.orgId, creator: row.creatorId && row.email ? { id: row.creatorId, email: row.email } : null };
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

import type { Queryable } from '../db';

/** A stored answer: null status while the first request is still running. */
export type StoredRequest = { fingerprint: string; status: number | null; body: string | null };

/**
 * The only module that speaks SQL about idempotency keys (migrations/008-idempotency-keys.sql).
 * Every function takes a transaction from db.forOrg(orgId) and says `org_id = $1`.
 */
export const idempotencyRepo = {
  /**
   * Takes the key for a new request, or returns what the key already holds. Deleted first, so
   * their keys are free again: rows past 24 hours, and requests unanswered after a minute (a
   * request takes milliseconds; one that long was ended by a crash or a restart). Two requests
   * with one key at once: the primary key makes the second INSERT wait for the first to commit,
   * then find its row.
   */
  async claim(tx: Queryable, orgId: string, key: string, fingerprint: string): Promise<'claimed' | StoredRequest | undefined> {
    await tx.query(
      `DELETE FROM idempotency_keys
        WHERE org_id = $1 AND (created_at < now() - interval '24 hours' OR (status IS NULL AND created_at < now() - interval '1 minute'))`,
      [orgId],
    );
    const inserted = await tx.query(
      `INSERT INTO idempotency_keys (org_id, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT (org_id, key) DO NOTHING RETURNING key`,
      [orgId, key, fingerprint],
    );
    if (inserted.length) return 'claimed';
    const [row] = await tx.query<StoredRequest>('SELECT fingerprint, status, body FROM idempotency_keys WHERE org_id = $1 AND key = $2', [orgId, key]);
    return row; // undefined: the first request failed and let its key go just now
  },

  complete: (tx: Queryable, orgId: string, key: string, status: number, body: string) =>
    tx.query('UPDATE idempotency_keys SET status = $3, body = $4 WHERE org_id = $1 AND key = $2', [orgId, key, status, body]),

  /** A request that failed changed nothing: its key is free for the retry. */
  release: (tx: Queryable, orgId: string, key: string) =>
    tx.query('DELETE FROM idempotency_keys WHERE org_id = $1 AND key = $2 AND status IS NULL', [orgId, key]),
};

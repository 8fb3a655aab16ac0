import type { Db } from './db';

/**
 * The one list a stateless session needs: tokens that were logged out. A signed token stays
 * genuine until its `exp`, so logging out records its id here and every request looks it up.
 */
export function createRevokedSessionsRepo(db: Db, now: () => number = () => Math.floor(Date.now() / 1000)) {
  return {
    /** The token stops working now; its row is kept until the token would have expired. */
    revoke: (tokenId: string, expiresAt: number): Promise<void> =>
      db.transaction(async (tx) => {
        await tx.query('DELETE FROM revoked_sessions WHERE expires_at <= to_timestamp($1)', [now()]);
        await tx.query('INSERT INTO revoked_sessions (token_id, expires_at) VALUES ($1, to_timestamp($2)) ON CONFLICT DO NOTHING', [tokenId, expiresAt]);
      }),
    isRevoked: async (tokenId: string): Promise<boolean> =>
      (await db.query('SELECT 1 FROM revoked_sessions WHERE token_id = $1', [tokenId])).length > 0,
  };
}

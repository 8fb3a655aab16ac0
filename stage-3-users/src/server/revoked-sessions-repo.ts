import type { Db } from './db';

/**
 * The one list a stateless session needs: tokens that were logged out. A signed token stays
 * genuine until its `exp`, so logging out records its id here and every request looks it up.
 */
export function createRevokedSessionsRepo(db: Db, now: () => number = () => Math.floor(Date.now() / 1000)) {
  const statements = {
    insert: db.prepare<[string, number]>('INSERT OR IGNORE INTO revoked_sessions (token_id, expires_at) VALUES (?, ?)'),
    purge: db.prepare<[number]>('DELETE FROM revoked_sessions WHERE expires_at <= ?'),
    has: db.prepare<[string], number>('SELECT 1 FROM revoked_sessions WHERE token_id = ?').pluck(),
  };
  return {
    /** The token stops working now; its row is kept until the token would have expired. */
    revoke(tokenId: string, expiresAt: number): void {
      statements.purge.run(now());
      statements.insert.run(tokenId, expiresAt);
    },
    isRevoked: (tokenId: string): boolean => statements.has.get(tokenId) !== undefined,
  };
}

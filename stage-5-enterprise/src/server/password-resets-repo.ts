import type { Db, Queryable } from './db';

/** The only module that speaks SQL about pending password resets (stored as token hashes). */
export function createPasswordResetsRepo(db: Db) {
  return {
    /** The user's one pending reset: replaces any earlier one, and drops everyone's expired ones. */
    replace: (userId: string, tokenHash: string, expiresAt: Date, now: Date): Promise<void> =>
      db.transaction(async (tx) => {
        await tx.query('DELETE FROM password_resets WHERE user_id = $1 OR expires_at <= $2', [userId, now]);
        await tx.query('INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [tokenHash, userId, expiresAt]);
      }),
    /** The user of an unexpired token, leaving it in place. */
    find: async (tokenHash: string, now: Date): Promise<string | null> =>
      (await db.query<{ user_id: string }>('SELECT user_id FROM password_resets WHERE token_hash = $1 AND expires_at > $2', [tokenHash, now]))[0]
        ?.user_id ?? null,
    /** The user of an unexpired token, and the token is gone: deleting and reading in one statement
     * makes a token single-use even when two requests race. */
    consume: async (tokenHash: string, now: Date, q: Queryable = db): Promise<string | null> =>
      (await q.query<{ user_id: string }>('DELETE FROM password_resets WHERE token_hash = $1 AND expires_at > $2 RETURNING user_id', [tokenHash, now]))[0]
        ?.user_id ?? null,
  };
}

export type PasswordResetsRepo = ReturnType<typeof createPasswordResetsRepo>;

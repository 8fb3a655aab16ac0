import type { Db } from './db';

/** The only module that speaks SQL about pending password resets (stored as token hashes). */
export function createPasswordResetsRepo(db: Db) {
  const statements = {
    clear: db.prepare<[string, number]>('DELETE FROM password_resets WHERE user_id = ? OR expires_at <= ?'),
    insert: db.prepare<[string, string, number]>('INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES (?, ?, ?)'),
    find: db.prepare<[string, number], string>('SELECT user_id FROM password_resets WHERE token_hash = ? AND expires_at > ?').pluck(),
    // Deleting and reading in one statement makes a token single-use even when two requests race.
    consume: db
      .prepare<[string, number], string>('DELETE FROM password_resets WHERE token_hash = ? AND expires_at > ? RETURNING user_id')
      .pluck(),
  };

  return {
    /** The user's one pending reset: replaces any earlier one, and drops everyone's expired ones. */
    replace: (userId: string, tokenHash: string, expiresAt: number, now: number): void =>
      void db.transaction(() => {
        statements.clear.run(userId, now);
        statements.insert.run(tokenHash, userId, expiresAt);
      })(),
    /** The user of an unexpired token, leaving it in place. */
    find: (tokenHash: string, now: number): string | null => statements.find.get(tokenHash, now) ?? null,
    /** The user of an unexpired token, and the token is gone. */
    consume: (tokenHash: string, now: number): string | null => statements.consume.get(tokenHash, now) ?? null,
  };
}

export type PasswordResetsRepo = ReturnType<typeof createPasswordResetsRepo>;

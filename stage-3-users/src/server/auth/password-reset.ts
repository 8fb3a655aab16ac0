import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';

export const RESET_TOKEN_MINUTES = 30;

/**
 * The token goes out by mail; only its SHA-256 is stored, so someone who reads the database
 * cannot use a pending reset. A fast hash is enough here (unlike for passwords): the token is 256
 * random bits, there is nothing to guess.
 */
export function hashResetToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class PasswordResets {
  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new token for the user; it replaces any earlier one and expires in 30 minutes. */
  issue(userId: string): string {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + RESET_TOKEN_MINUTES * 60_000;
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM password_resets WHERE user_id = ? OR expires_at <= ?').run(userId, this.now());
      this.db
        .prepare('INSERT INTO password_resets (token_hash, user_id, expires_at) VALUES (?, ?, ?)')
        .run(hashResetToken(token), userId, expiresAt);
    })();
    return token;
  }

  /** The user a valid token belongs to, leaving the token in place (to check the new password first). */
  find(token: string): string | null {
    const row = this.db
      .prepare('SELECT user_id FROM password_resets WHERE token_hash = ? AND expires_at > ?')
      .get(hashResetToken(token), this.now()) as { user_id: string } | undefined;
    return row?.user_id ?? null;
  }

  /**
   * The user a valid token belongs to, and the token is gone: deleting and reading in one
   * statement makes it single-use even when two requests race. Null when unknown or expired.
   */
  consume(token: string): string | null {
    const row = this.db
      .prepare('DELETE FROM password_resets WHERE token_hash = ? AND expires_at > ? RETURNING user_id')
      .get(hashResetToken(token), this.now()) as { user_id: string } | undefined;
    return row?.user_id ?? null;
  }
}

import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db';
import type { PasswordResetsRepo } from '../password-resets-repo';

export const RESET_TOKEN_MINUTES = 30;

/**
 * The token goes out by mail; only its SHA-256 is stored, so someone who reads the database
 * cannot use a pending reset. A fast hash is enough here (unlike for passwords): the token is 256
 * random bits, there is nothing to guess.
 */
export function hashResetToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** One-time reset tokens: made here, kept (as hashes) by the repository. */
export class PasswordResets {
  constructor(
    private readonly repo: PasswordResetsRepo,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new token for the user; it replaces any earlier one and expires in 30 minutes. */
  async issue(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.repo.replace(userId, hashResetToken(token), new Date(now + RESET_TOKEN_MINUTES * 60_000), new Date(now));
    return token;
  }

  /** The user a valid token belongs to, leaving the token in place (to check the new password first). */
  find(token: string): Promise<string | null> {
    return this.repo.find(hashResetToken(token), new Date(this.now()));
  }

  /** The user a valid token belongs to, and the token is gone (single-use). Null when unknown or expired. */
  consume(token: string, q?: Queryable): Promise<string | null> {
    return this.repo.consume(hashResetToken(token), new Date(this.now()), q);
  }
}

import bcrypt from 'bcryptjs';
import { COMMON_PASSWORDS } from './common-passwords';
import { runBcrypt } from './password-pool';

/**
 * Passwords are HASHED, never encrypted: a hash cannot be turned back into the password, not even
 * by us. bcrypt is slow on purpose (cost 12 = 2^12 rounds, ~0.3 s here) and salts every hash, so
 * a stolen database costs an attacker that time for every guess, for every user separately.
 */
export const DEFAULT_BCRYPT_COST = 12;

/** bcrypt reads at most 72 BYTES; longer input would be cut silently, so we refuse it instead. */
export const PASSWORD_BYTES = { min: 8, max: 72 } as const;

/** Why a new password is refused, or null when it is acceptable. Length counts UTF-8 bytes. */
export function passwordProblem(password: string, email?: string): string | null {
  const bytes = Buffer.byteLength(password, 'utf8');
  if (bytes < PASSWORD_BYTES.min) return `Use at least ${PASSWORD_BYTES.min} characters.`;
  if (bytes > PASSWORD_BYTES.max) {
    return `Use at most ${PASSWORD_BYTES.max} bytes (about ${PASSWORD_BYTES.max} letters; accented letters and emoji count 2-4).`;
  }
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'This password is one of the most common ones; choose another.';
  if (email && lower === email.toLowerCase()) return 'Your password cannot be your email address.';
  return null;
}

export class PasswordHasher {
  /** A hash of nothing in particular, so unknown emails cost the same time as wrong passwords. */
  private decoy: Promise<string> | undefined;

  constructor(readonly cost: number = DEFAULT_BCRYPT_COST) {}

  /** Off the event loop, like verify (see password-pool.ts). */
  hash(password: string): Promise<string> {
    return runBcrypt({ op: 'hash', password, cost: this.cost });
  }

  verify(password: string, hash: string): Promise<boolean> {
    return runBcrypt({ op: 'verify', password, hash });
  }

  /**
   * Spends a verification's time and answers false. Without it, "no such email" would answer in
   * 1 ms and "wrong password" in 300 ms, and the timing alone would tell who has an account.
   */
  async verifyNobody(password: string): Promise<false> {
    this.decoy ??= this.hash('decoy');
    await this.verify(password, await this.decoy);
    return false;
  }

  /** True when a stored hash was made with a lower cost than today's: rehash it at next login. */
  isOutdated(hash: string): boolean {
    return bcrypt.getRounds(hash) < this.cost;
  }
}

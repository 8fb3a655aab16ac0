import bcrypt from 'bcryptjs';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_BCRYPT_COST, PasswordHasher, passwordProblem } from '../src/server/auth/passwords';

describe('password rules', () => {
  it('accepts 8 to 72 bytes that are not common', () => {
    expect(passwordProblem('tangerine-kite')).toBeNull();
    expect(passwordProblem('a'.repeat(72))).toBeNull();
  });

  it('refuses fewer than 8 characters', () => {
    expect(passwordProblem('short1!')).toMatch(/at least 8/);
  });

  it('counts bytes, not characters: 72 bytes is the most bcrypt reads', () => {
    expect(passwordProblem('a'.repeat(73))).toMatch(/at most 72 bytes/);
    // 25 emoji are 25 "characters" to a person but 100 bytes to bcrypt
    expect(passwordProblem('🔑'.repeat(25))).toMatch(/at most 72 bytes/);
    expect(passwordProblem('é'.repeat(36))).toBeNull(); // 72 bytes exactly
    expect(passwordProblem('é'.repeat(37))).toMatch(/at most 72 bytes/);
  });

  it('refuses the most common passwords, whatever their case', () => {
    expect(passwordProblem('password123')).toMatch(/most common/);
    expect(passwordProblem('PassWord1')).toMatch(/most common/);
    expect(passwordProblem('qwertyuiop')).toMatch(/most common/);
  });

  it('refuses the email as password', () => {
    expect(passwordProblem('Ada@Example.com', 'ada@example.com')).toMatch(/email/);
  });
});

describe('PasswordHasher', () => {
  it('uses cost 12 unless told otherwise (production strength)', () => {
    expect(DEFAULT_BCRYPT_COST).toBeGreaterThanOrEqual(12);
    expect(new PasswordHasher().cost).toBe(DEFAULT_BCRYPT_COST);
  });

  it('stores a salted bcrypt hash, never the password', async () => {
    const hasher = new PasswordHasher(4);
    const a = await hasher.hash('tangerine-kite');
    const b = await hasher.hash('tangerine-kite');
    expect(a).toMatch(/^\$2[aby]\$04\$/);
    expect(a).not.toContain('tangerine');
    expect(a).not.toBe(b); // a fresh salt each time
    expect(await hasher.verify('tangerine-kite', a)).toBe(true);
    expect(await hasher.verify('tangerine-kitE', a)).toBe(false);
  });

  it('answers false for nobody, after the same work as a real check: one bcrypt comparison at the same cost', async () => {
    const hasher = new PasswordHasher(5);
    // The comparison itself runs on a worker thread (password-pool.ts): count the jobs sent there.
    const compare = vi.spyOn(hasher, 'verify');
    try {
      await hasher.verify('anything', await hasher.hash('something else'));
      expect(await hasher.verifyNobody('anything')).toBe(false);
      expect(compare).toHaveBeenCalledTimes(2);
      const [real, nobody] = compare.mock.calls.map(([password, hash]) => ({ password, rounds: bcrypt.getRounds(hash) }));
      expect(nobody).toEqual(real);
    } finally {
      compare.mockRestore();
    }
  });

  it('spots hashes made with a lower cost', async () => {
    const old = await bcrypt.hash('tangerine-kite', 4);
    expect(new PasswordHasher(5).isOutdated(old)).toBe(true);
    expect(new PasswordHasher(4).isOutdated(old)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { AttemptThrottle } from '../src/server/auth/throttle';

const rule = { attempts: 5, windowSeconds: 900 };

describe('AttemptThrottle', () => {
  it('allows 5 attempts per key, then answers how long to wait', async () => {
    const throttle = new AttemptThrottle('t1', { account: rule });
    for (let i = 0; i < 5; i++) expect(await throttle.attempt({ account: 'a' })).toEqual({ allowed: true });
    const verdict = await throttle.attempt({ account: 'a' });
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) {
      expect(verdict.retryAfterSeconds).toBeGreaterThan(800);
      expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(900);
    }
  });

  it('blocks on any one rule: a busy address blocks every account it tries', async () => {
    const throttle = new AttemptThrottle('t2', { address: rule, account: rule });
    for (let i = 0; i < 5; i++) expect((await throttle.attempt({ address: '1', account: `${i}` })).allowed).toBe(true);
    expect((await throttle.attempt({ address: '1', account: 'fresh' })).allowed).toBe(false);
    expect((await throttle.attempt({ address: '2', account: 'fresh' })).allowed).toBe(true);
  });

  it('does not charge the later rules once an earlier one refuses', async () => {
    const throttle = new AttemptThrottle('t5', { accountAtAddress: { attempts: 1, windowSeconds: 900 }, account: { attempts: 2, windowSeconds: 900 } });
    expect((await throttle.attempt({ accountAtAddress: 'a 1', account: 'a' })).allowed).toBe(true);
    for (let i = 0; i < 10; i++) expect((await throttle.attempt({ accountAtAddress: 'a 1', account: 'a' })).allowed).toBe(false);
    expect((await throttle.attempt({ accountAtAddress: 'a 2', account: 'a' })).allowed).toBe(true);
  });

  it('gives a successful attempt its point back', async () => {
    const throttle = new AttemptThrottle('t3', { account: rule });
    for (let i = 0; i < 20; i++) {
      expect((await throttle.attempt({ account: 'b' })).allowed).toBe(true);
      await throttle.succeeded({ account: 'b' });
    }
  });

  it('counts parallel attempts before any of them finishes', async () => {
    const throttle = new AttemptThrottle('t4', { account: rule });
    const verdicts = await Promise.all(Array.from({ length: 50 }, () => throttle.attempt({ account: 'c' })));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
  });
});

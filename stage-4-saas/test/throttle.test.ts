import { describe, expect, it } from 'vitest';
import { AttemptThrottle } from '../src/server/auth/throttle';

const options = { attempts: 5, windowSeconds: 900 };

describe('AttemptThrottle', () => {
  it('allows 5 attempts per key, then answers how long to wait', async () => {
    const throttle = new AttemptThrottle('t1', options);
    for (let i = 0; i < 5; i++) expect(await throttle.attempt(['account:a'])).toEqual({ allowed: true });
    const verdict = await throttle.attempt(['account:a']);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) {
      expect(verdict.retryAfterSeconds).toBeGreaterThan(800);
      expect(verdict.retryAfterSeconds).toBeLessThanOrEqual(900);
    }
  });

  it('blocks on any one key: a busy IP blocks every account it tries', async () => {
    const throttle = new AttemptThrottle('t2', options);
    for (let i = 0; i < 5; i++) expect((await throttle.attempt(['ip:1', `account:${i}`])).allowed).toBe(true);
    expect((await throttle.attempt(['ip:1', 'account:fresh'])).allowed).toBe(false);
    expect((await throttle.attempt(['ip:2', 'account:fresh'])).allowed).toBe(true);
  });

  it('gives a successful attempt its point back', async () => {
    const throttle = new AttemptThrottle('t3', options);
    for (let i = 0; i < 20; i++) {
      expect((await throttle.attempt(['account:b'])).allowed).toBe(true);
      await throttle.succeeded(['account:b']);
    }
  });

  it('counts parallel attempts before any of them finishes', async () => {
    const throttle = new AttemptThrottle('t4', options);
    const verdicts = await Promise.all(Array.from({ length: 50 }, () => throttle.attempt(['account:c'])));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, ownerValue, startTestServer, uniqueEmail, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const login = (email: string, password: string) => server.anonymous.api('POST', '/api/auth/login', { email, password });

describe('login throttling', () => {
  it('after 5 wrong passwords for one account: 429 with Retry-After, even for the right password', async () => {
    const email = server.session.user.email;
    for (let i = 0; i < 5; i++) expect((await login(email, `wrong guess ${i}`)).status).toBe(401);
    for (const password of ['wrong guess 6', PASSWORD]) {
      const res = await login(email, password);
      expect(res.status).toBe(429);
      expect(res.json.error.code).toBe('too_many_attempts');
      expect(res.json.error.message).toMatch(/Try again in 15 minutes/);
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });

  it('after 5 failures from one IP address, across different accounts, that address waits', async () => {
    for (let i = 0; i < 5; i++) expect((await login(uniqueEmail('probe'), 'any-password-1')).status).toBe(401);
    expect((await login(server.session.user.email, PASSWORD)).status).toBe(429);
  });

  it('successful logins are not counted as failures', async () => {
    for (let i = 0; i < 8; i++) expect((await login(server.session.user.email, PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(server.session.user.email, 'wrong-password')).status).toBe(401);
    expect((await login(server.session.user.email, PASSWORD)).status).toBe(200);
  });

  it('the token route for programs shares the same throttle', async () => {
    for (let i = 0; i < 5; i++) expect((await login(server.session.user.email, `wrong ${i}-guess`)).status).toBe(401);
    const res = await server.anonymous.api('POST', '/api/auth/token', { email: server.session.user.email, password: PASSWORD });
    expect(res.status).toBe(429);
  });

  it('signups are limited per IP address (each one costs a bcrypt hash), refused passwords not counted', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await server.anonymous.api('POST', '/api/auth/signup', { email: uniqueEmail(), password: 'password1' })).status).toBe(400);
    }
    for (let i = 1; i < 30; i++) await server.signUp(); // the first of the 30 was made at start
    const res = await server.anonymous.api('POST', '/api/auth/signup', { email: uniqueEmail(), password: PASSWORD });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await ownerValue(server.db, 'SELECT count(*) FROM users')).toBe(30);
  });

  it('password-reset mails are throttled too (no mail bombing)', async () => {
    const email = server.session.user.email;
    for (let i = 0; i < 5; i++) expect((await server.anonymous.api('POST', '/api/auth/forgot-password', { email })).status).toBe(202);
    const res = await server.anonymous.api('POST', '/api/auth/forgot-password', { email });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(server.outbox.list()).toHaveLength(5);
  });
});

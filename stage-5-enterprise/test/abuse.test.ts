import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_RULES } from '../src/server/auth/accounts';
import { PASSWORD, call, ownerValue, startTestServer, uniqueEmail, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer({ trustProxy: true }); // so that each test can come from several addresses
});
afterEach(() => server.close());

/** The same request from another address (through a proxy the server trusts). */
const from = (address: string, path: string, body: unknown) =>
  call(server.url, 'POST', path, body, { headers: { 'x-forwarded-for': address } });
const login = (email: string, password: string, address = '203.0.113.1') => from(address, '/api/auth/login', { email, password });
const forgot = (email: string, address = '203.0.113.1') => from(address, '/api/auth/forgot-password', { email });

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

  it('a stranger\'s wrong guesses do not lock out the owner: the right password from another address gets in', async () => {
    const email = server.session.user.email;
    for (let i = 0; i < 5; i++) expect((await login(email, `wrong guess ${i}`, '198.51.100.66')).status).toBe(401);
    expect((await login(email, PASSWORD, '198.51.100.66')).status).toBe(429); // the stranger's address waits
    expect((await login(email, PASSWORD, '203.0.113.7')).status).toBe(200); // the owner, elsewhere, does not
  });

  it(`guesses spread over many addresses meet a slower per-account limit (${LOGIN_RULES.account.attempts} an hour)`, async () => {
    const email = server.session.user.email;
    const perAddress = LOGIN_RULES.accountAtAddress.attempts;
    for (let i = 0; i < LOGIN_RULES.account.attempts; i++) {
      expect((await login(email, `wrong guess ${i}`, `198.51.100.${Math.floor(i / perAddress)}`)).status).toBe(401);
    }
    const res = await login(email, 'one more guess', '192.0.2.200'); // a fresh address
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(55 * 60);
  });

  it(`after ${LOGIN_RULES.address.attempts} failures from one address, across different accounts, that address waits`, async () => {
    for (let i = 0; i < LOGIN_RULES.address.attempts; i++) expect((await login(uniqueEmail('probe'), 'any-password-1')).status).toBe(401);
    expect((await login(server.session.user.email, PASSWORD)).status).toBe(429);
    expect((await login(server.session.user.email, PASSWORD, '203.0.113.9')).status).toBe(200);
  });

  it('successful logins are not counted as failures', async () => {
    for (let i = 0; i < 8; i++) expect((await login(server.session.user.email, PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(server.session.user.email, 'wrong-password')).status).toBe(401);
    expect((await login(server.session.user.email, PASSWORD)).status).toBe(200);
  });

  it('the token route for programs shares the same throttle', async () => {
    for (let i = 0; i < 5; i++) expect((await login(server.session.user.email, `wrong ${i}-guess`)).status).toBe(401);
    const res = await from('203.0.113.1', '/api/auth/token', { email: server.session.user.email, password: PASSWORD });
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
    for (let i = 0; i < 5; i++) expect((await forgot(email)).status).toBe(202);
    const res = await forgot(email);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    await expect.poll(() => server.outbox.list().length).toBe(5);
  });

  it("others' reset requests do not block the owner's", async () => {
    const email = server.session.user.email;
    for (let i = 0; i < 6; i++) await forgot(email, '198.51.100.66');
    expect((await forgot(email, '203.0.113.7')).status).toBe(202);
    await expect.poll(() => server.outbox.list().length).toBe(6);
  });
});

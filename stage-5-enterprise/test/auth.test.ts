import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAGE } from '../src/shared/stage';
import { PASSWORD, call, ownerQuery, ownerValue, sessionCookieOf, startTestServer, uniqueEmail, withoutRequestId, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const usersCount = () => ownerValue<number>(server.db, 'SELECT count(*) FROM users');

describe('sign up, log in, log out', () => {
  it('signup answers 201 with the user (never the hash) and a session cookie', async () => {
    const email = uniqueEmail('new');
    const res = await server.anonymous.api('POST', '/api/auth/signup', { email, password: PASSWORD });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({ user: { id: expect.any(String), email, createdAt: expect.any(String) } });
    expect(res.text).not.toMatch(/hash|\$2[aby]\$/);
    const me = await call(server.url, 'GET', '/api/auth/me', undefined, { headers: { cookie: sessionCookieOf(res.headers) } });
    expect(me.json).toEqual({ user: res.json.user });
  });

  it('the email is one account whatever its case or spaces', async () => {
    const res = await server.anonymous.api('POST', '/api/auth/signup', { email: `  ${server.session.user.email.toUpperCase()} `, password: PASSWORD });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('email_taken');
    const login = await server.anonymous.api('POST', '/api/auth/login', { email: server.session.user.email.toUpperCase(), password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.json.user).toEqual(server.session.user);
  });

  it('the session cookie is HttpOnly, SameSite=Lax, path /, with a max age; not Secure outside production', async () => {
    const res = await server.anonymous.api('POST', '/api/auth/login', { email: server.session.user.email, password: PASSWORD });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='))!;
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).toMatch(/; Max-Age=604800/);
    expect(cookie).not.toMatch(/; Secure/);
  });

  it('in production the cookie is __Host- prefixed and Secure, and logout clears it the same way', async () => {
    const prod = await startTestServer({ production: true });
    try {
      const res = await prod.anonymous.api('POST', '/api/auth/login', { email: prod.session.user.email, password: PASSWORD });
      expect(res.headers.getSetCookie()).toEqual([expect.stringMatching(/^__Host-session=[\w.-]+; Max-Age=604800; Path=\/; Expires=.*; HttpOnly; Secure; SameSite=Lax$/)]);
      const out = await prod.api('POST', '/api/auth/logout');
      expect(out.headers.getSetCookie()[0]).toMatch(/^__Host-session=;.*Expires=Thu, 01 Jan 1970.*; HttpOnly; Secure; SameSite=Lax/);
      // The unprefixed name (which a sibling subdomain could plant) is not read in production.
      const planted = await call(prod.url, 'GET', '/api/auth/me', undefined, { headers: { cookie: prod.session.cookie.replace('__Host-', '') } });
      expect(planted.status).toBe(401);
    } finally {
      await prod.close();
    }
  });

  it('GET /api/auth/session answers 200 either way: the user, or null (for the page, where signed out is normal)', async () => {
    expect((await server.api('GET', '/api/auth/session')).json).toEqual({ user: server.session.user });
    const anonymous = await server.anonymous.api('GET', '/api/auth/session');
    expect(anonymous.status).toBe(200);
    expect(anonymous.json).toEqual({ user: null });
    const forged = await call(server.url, 'GET', '/api/auth/session', undefined, { headers: { cookie: 'session=forged.token.here' } });
    expect(forged.json).toEqual({ user: null });
  });

  it('logout answers 204 and clears the cookie', async () => {
    const res = await server.api('POST', '/api/auth/logout');
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie()[0]).toMatch(/^session=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('an unknown email and a wrong password get the very same answer', async () => {
    const unknown = await server.anonymous.api('POST', '/api/auth/login', { email: uniqueEmail('ghost'), password: PASSWORD });
    const wrong = await server.anonymous.api('POST', '/api/auth/login', { email: server.session.user.email, password: `${PASSWORD}!` });
    for (const res of [unknown, wrong]) {
      expect(res.status).toBe(401);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
    expect(unknown.json).toEqual({ error: { code: 'invalid_credentials', message: 'Wrong email or password.', requestId: expect.any(String) } });
    expect(withoutRequestId(wrong.json)).toEqual(withoutRequestId(unknown.json));
  });

  it('a password longer than 72 bytes never logs in, even when its first 72 bytes are right', async () => {
    const email = uniqueEmail('long');
    const password = 'p'.repeat(72);
    expect((await server.anonymous.api('POST', '/api/auth/signup', { email, password })).status).toBe(201);
    expect((await server.anonymous.api('POST', '/api/auth/login', { email, password: `${password}extra` })).status).toBe(401);
    expect((await server.anonymous.api('POST', '/api/auth/login', { email, password })).status).toBe(200);
  });

  it('weak passwords are refused at signup with the reason, and no account is made', async () => {
    const before = await usersCount();
    for (const [password, reason] of [
      ['short', /at least 8/],
      ['x'.repeat(73), /at most 72 bytes/],
      ['🔑'.repeat(19), /at most 72 bytes/], // 19 characters, 76 bytes
      ['password123', /most common/],
    ] as const) {
      const res = await server.anonymous.api('POST', '/api/auth/signup', { email: uniqueEmail(), password });
      expect(res.status).toBe(400);
      expect(res.json.error.details).toEqual([{ path: 'password', message: expect.stringMatching(reason) }]);
    }
    expect(await usersCount()).toBe(before);
  });

  it('the database holds no plaintext password, only salted bcrypt hashes', async () => {
    const passwords = [PASSWORD, 'another-secret-phrase-42'];
    await server.signUp(); // PASSWORD again: a different salt, a different hash
    await server.anonymous.api('POST', '/api/auth/signup', { email: uniqueEmail(), password: passwords[1] });
    const hashes = (await server.db.query<{ password_hash: string }>('SELECT password_hash FROM users')).map((row) => row.password_hash);
    expect(hashes).toHaveLength(3);
    for (const hash of hashes) expect(hash).toMatch(/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/);
    expect(new Set(hashes).size).toBe(3);
  });

  it('every byte the embedded database wrote (tables and write-ahead log) is free of the passwords', async () => {
    const embedded = await startTestServer({ engine: 'pglite' });
    const password = 'another-secret-phrase-42';
    await embedded.anonymous.api('POST', '/api/auth/signup', { email: uniqueEmail(), password });
    await embedded.close({ keepData: true });
    const files = readdirSync(join(embedded.dataDir, STAGE.dataFolder), { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const bytes = readFileSync(join(file.parentPath, file.name));
      for (const secret of [PASSWORD, password]) expect(bytes.includes(Buffer.from(secret)), file.name).toBe(false);
    }
    rmSync(embedded.dataDir, { recursive: true, force: true });
  });

  it('two signups racing for one email: exactly one account', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => server.anonymous.api('POST', '/api/auth/signup', { email, password: PASSWORD })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await ownerValue(server.db, 'SELECT count(*) FROM users WHERE email = $1', [email])).toBe(1);
  });

  it('an account and its example patterns commit together: when a pattern cannot be written, no account is left', async () => {
    // As if the disk filled up halfway through the signup: every insert into patterns fails.
    await ownerQuery(server.db, "ALTER TABLE patterns ADD CONSTRAINT disk_full CHECK (trigger <> trigger) NOT VALID");
    const email = uniqueEmail('halfway');
    const failed = await server.anonymous.api('POST', '/api/auth/signup', { email, password: PASSWORD });
    expect(failed.status).toBe(500);
    expect(failed.headers.getSetCookie()).toEqual([]);
    expect(await ownerValue(server.db, 'SELECT count(*) FROM users WHERE email = $1', [email])).toBe(0);

    // Nothing was half-made, so the same email signs up once the disk is fine again, examples and all.
    await ownerQuery(server.db, 'ALTER TABLE patterns DROP CONSTRAINT disk_full');
    const again = await server.signUp(email);
    expect((await again.api('GET', '/api/patterns')).json.patterns.map((p: { trigger: string }) => p.trigger)).toContain('my name is {name}');
    expect((await again.api('POST', '/api/chat', { message: 'My name is Ada' })).json.reply.text).toBe('Nice to meet you, Ada!');
  });
});

import { SignJWT, UnsecuredJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, ownerQuery, startTestServer, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const ISSUER = 'llm-journey/stage-5';
const AUDIENCE = 'llm-journey/stage-5/api';
const now = () => Math.floor(Date.now() / 1000);
const claimsFor = (userId: string) => ({ sub: userId, ver: 0, iss: ISSUER, aud: AUDIENCE, jti: 'token-1', iat: now(), exp: now() + 3600 });

/** How a program and a browser would each present a token. */
const asBearer = (token: string) => call(server.url, 'GET', '/api/patterns', undefined, { headers: { authorization: `Bearer ${token}` } });
const asCookie = (token: string) => call(server.url, 'GET', '/api/patterns', undefined, { headers: { cookie: `session=${token}` } });
const bothRefuse = async (token: string) => {
  expect((await asBearer(token)).status).toBe(401);
  expect((await asCookie(token)).status).toBe(401);
};

describe('session tokens at the API', () => {
  it('a genuine token works as a Bearer header and as the cookie (so the refusals below mean something)', async () => {
    const token = await new SignJWT(claimsFor(server.session.user.id)).setProtectedHeader({ alg: 'HS256' }).sign(server.secret);
    expect((await asBearer(token)).status).toBe(200);
    expect((await asCookie(token)).status).toBe(200);
  });

  it('POST /api/auth/token gives programs a Bearer token, without a cookie', async () => {
    const res = await server.anonymous.api('POST', '/api/auth/token', { email: server.session.user.email, password: 'correct horse battery staple' });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(res.json.expiresInSeconds).toBe(7 * 24 * 3600);
    const me = await call(server.url, 'GET', '/api/auth/me', undefined, { headers: { authorization: `Bearer ${res.json.token}` } });
    expect(me.json.user).toEqual(server.session.user);
  });

  it('refuses alg "none"', async () => {
    await bothRefuse(new UnsecuredJWT(claimsFor(server.session.user.id)).encode());
  });

  it('refuses a token signed with another secret', async () => {
    const wrong = new TextEncoder().encode('not-the-server-secret-but-long-enough!!');
    await bothRefuse(await new SignJWT(claimsFor(server.session.user.id)).setProtectedHeader({ alg: 'HS256' }).sign(wrong));
  });

  it('refuses a tampered payload (another user id under the original signature)', async () => {
    const bob = await server.signUp();
    const [header, , signature] = server.session.cookie.slice('session='.length).split('.');
    const payload = Buffer.from(JSON.stringify(claimsFor(bob.session.user.id))).toString('base64url');
    await bothRefuse(`${header}.${payload}.${signature}`);
  });

  it('refuses an expired token', async () => {
    const expired = { ...claimsFor(server.session.user.id), iat: now() - 7200, exp: now() - 3600 };
    await bothRefuse(await new SignJWT(expired).setProtectedHeader({ alg: 'HS256' }).sign(server.secret));
  });

  it('refuses the token of a deleted user', async () => {
    const bob = await server.signUp();
    expect((await bob.api('GET', '/api/patterns')).status).toBe(200);
    await ownerQuery(server.db, 'DELETE FROM users WHERE id = $1', [bob.session.user.id]);
    expect((await bob.api('GET', '/api/patterns')).status).toBe(401);
  });

  it('refuses a token from before a password change (its session version is old)', async () => {
    await ownerQuery(server.db, 'UPDATE users SET session_version = session_version + 1 WHERE id = $1', [server.session.user.id]);
    expect((await server.api('GET', '/api/patterns')).status).toBe(401);
  });
});

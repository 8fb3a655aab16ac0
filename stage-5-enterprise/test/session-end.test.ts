import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, call, sessionCookieOf, startTestServer, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const withCookie = (cookie: string, method = 'GET', path = '/api/patterns') => call(server.url, method, path, undefined, { headers: { cookie } });
const withBearer = (token: string, method = 'GET', path = '/api/patterns') =>
  call(server.url, method, path, undefined, { headers: { authorization: `Bearer ${token}` } });

async function logIn(): Promise<string> {
  const res = await server.anonymous.api('POST', '/api/auth/login', { email: server.session.user.email, password: PASSWORD });
  return sessionCookieOf(res.headers);
}

describe('ending sessions', () => {
  it('logout makes that token useless on the server, not only in this browser', async () => {
    const kept = server.session.cookie; // what an attacker who copied the cookie would hold
    expect((await withCookie(kept)).status).toBe(200);
    expect((await withCookie(kept, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await withCookie(kept)).status).toBe(401);
    expect((await withCookie(kept, 'GET', '/api/auth/session')).json).toEqual({ user: null });
  });

  it('logout with a program token ends that token; other sessions go on', async () => {
    const other = await logIn();
    const { json } = await server.anonymous.api('POST', '/api/auth/token', { email: server.session.user.email, password: PASSWORD });
    expect((await withBearer(json.token, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await withBearer(json.token)).status).toBe(401);
    expect((await withCookie(other)).status).toBe(200);
  });

  it('"sign out everywhere" ends every session of the user (other browsers, program tokens), and only theirs', async () => {
    const secondBrowser = await logIn();
    const { json } = await server.anonymous.api('POST', '/api/auth/token', { email: server.session.user.email, password: PASSWORD });
    const someoneElse = await server.signUp();
    const res = await withCookie(secondBrowser, 'POST', '/api/auth/logout-everywhere');
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie()[0]).toMatch(/^session=;.*Expires=Thu, 01 Jan 1970/);
    for (const cookie of [server.session.cookie, secondBrowser]) expect((await withCookie(cookie)).status).toBe(401);
    expect((await withBearer(json.token)).status).toBe(401);
    expect((await someoneElse.api('GET', '/api/patterns')).status).toBe(200);
    expect((await withCookie(await logIn())).status).toBe(200); // signing in again works
  });

  it('"sign out everywhere" needs a session', async () => {
    expect((await server.anonymous.api('POST', '/api/auth/logout-everywhere')).status).toBe(401);
  });

  it('a token older than a session lasts (7 days) is refused, whatever its exp says', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forge = (iat: number) =>
      new SignJWT({ ver: 0 })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(server.session.user.id)
        .setIssuer('llm-journey/stage-5')
        .setAudience('llm-journey/stage-5/api')
        .setJti(randomUUID())
        .setIssuedAt(iat)
        .setExpirationTime(now + 365 * 24 * 3600)
        .sign(server.secret);
    expect((await withBearer(await forge(now - 3600))).status).toBe(200); // the forge is right
    expect((await withBearer(await forge(now - 8 * 24 * 3600))).status).toBe(401);
  });
});

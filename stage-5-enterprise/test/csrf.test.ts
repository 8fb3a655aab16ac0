import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const teachWith = (headers: Record<string, string>) =>
  call(server.url, 'POST', '/api/patterns', { trigger: 'forged', response: 'by another site' }, { session: server.session, headers });
const count = async () => (await server.api('GET', '/api/patterns')).json.patterns.length;

describe('requests from other sites (CSRF)', () => {
  it('a cross-site or same-site (sibling subdomain) request with a valid cookie is refused with 403, nothing changed', async () => {
    const before = await count();
    const forged: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
    ];
    for (const headers of forged) {
      const res = await teachWith(headers);
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('cross_origin');
    }
    expect(await count()).toBe(before);
  });

  it('our own page (same-origin) and programs (no such headers) get through', async () => {
    const before = await count();
    expect((await teachWith({ 'sec-fetch-site': 'same-origin' })).status).toBe(201);
    expect((await teachWith({ origin: server.url })).status).toBe(201);
    expect((await teachWith({})).status).toBe(201);
    expect(await count()).toBe(before + 3);
  });

  it('a cross-site login is refused too (no logging a victim into the attacker’s account)', async () => {
    const res = await call(server.url, 'POST', '/api/auth/login', { email: server.session.user.email, password: 'x' }, { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(403);
  });

  it('reading is not affected (GET changes nothing)', async () => {
    const res = await call(server.url, 'GET', '/api/patterns', undefined, { session: server.session, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(res.status).toBe(200);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExport } from '@journey/llm-core';
import { call, startTestServer, type TestServer } from './helpers';

let server: TestServer;
let patternId: string;
beforeEach(async () => {
  server = await startTestServer();
  patternId = (await server.api('POST', '/api/patterns', { trigger: 'secret plans', response: 'hidden' })).json.pattern.id;
});
afterEach(() => server.close());

const protectedRoutes = (id: () => string) => [
  { method: 'GET', path: () => '/api/patterns' },
  { method: 'POST', path: () => '/api/patterns', body: { trigger: 'a', response: 'b' } },
  { method: 'PUT', path: () => `/api/patterns/${id()}`, body: { response: 'changed' } },
  { method: 'DELETE', path: () => `/api/patterns/${id()}` },
  { method: 'POST', path: () => '/api/chat', body: { message: 'secret plans' } },
  { method: 'POST', path: () => '/api/import', body: createExport([{ trigger: 'x', response: 'y' }]) },
  { method: 'GET', path: () => '/api/auth/me' },
];

describe('without a session', () => {
  for (const route of protectedRoutes(() => patternId)) {
    it(`${route.method} ${route.path().replace(/[0-9a-f-]{36}/, ':id')} → 401 JSON, nothing changed`, async () => {
      const before = (await server.api('GET', '/api/patterns')).json;
      const res = await server.anonymous.api(route.method, route.path(), route.body);
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ error: { code: 'unauthorized', message: 'Sign in first.', requestId: expect.any(String) } });
      expect((await server.api('GET', '/api/patterns')).json).toEqual(before);
    });
  }

  it('a made-up cookie or Bearer token is no session either', async () => {
    const attempts: Record<string, string>[] = [{ cookie: 'session=nonsense' }, { authorization: 'Bearer nonsense' }, { authorization: 'Basic YTpi' }];
    for (const headers of attempts) {
      expect((await call(server.url, 'GET', '/api/patterns', undefined, { headers })).status).toBe(401);
    }
  });

  it('an unknown /api path is 401 too: strangers learn nothing about the routes', async () => {
    expect((await server.anonymous.api('GET', '/api/admin')).status).toBe(401);
  });

  it('health and the ways in stay open', async () => {
    expect((await server.anonymous.api('GET', '/api/health')).status).toBe(200);
    expect((await server.anonymous.api('POST', '/api/auth/logout')).status).toBe(204);
    expect((await server.anonymous.api('POST', '/api/auth/login', { email: 'nobody@example.com', password: 'whatever-it-is' })).status).toBe(401);
  });
});

import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/server/ops/logger';
import { call, onPlan, startTestServer, type TestServer } from './helpers';

/** A logger like production's (JSON lines, the same redaction), writing into `lines`. */
function capturingLogger(lines: string[]) {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return createLogger('info', sink);
}

type LogLine = { reqId?: string; orgId?: string; userId?: string; msg?: string; req?: { id?: string; method?: string; url?: string; headers?: Record<string, string> }; res?: { statusCode?: number; headers?: Record<string, unknown> } };

describe('JSON request logs', () => {
  const lines: string[] = [];
  let server: TestServer;
  let orgId: string;
  let apiKey: string;
  beforeAll(async () => {
    server = await startTestServer({ logger: capturingLogger(lines) });
    await onPlan(server.url, server.session);
    orgId = (await server.api('GET', '/api/orgs')).json.activeOrgId;
    apiKey = (await server.api('POST', `/api/orgs/${orgId}/api-keys`, { name: 'logs' })).json.key;
  });
  afterAll(() => server?.close());

  /** The completion line of the request with this id. */
  const lineOf = (id: string): LogLine => {
    const found = lines.map((line) => JSON.parse(line) as LogLine).find((line) => line.req?.id === id && line.res);
    if (!found) throw new Error(`no log line for request ${id}:\n${lines.join('\n')}`);
    return found;
  };

  it('each request is one JSON line with the request id the caller sent (and the one echoed back)', async () => {
    const res = await call(server.url, 'GET', '/api/health', undefined, { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
    expect(lineOf('trace-abc-123')).toMatchObject({ req: { method: 'GET', url: '/api/health' }, res: { statusCode: 200 } });
  });

  it('carries the organization and the user once known (a session, or an API key)', async () => {
    await call(server.url, 'POST', '/api/chat', { message: 'hi' }, { session: server.session, headers: { 'x-request-id': 'chat-by-session' } });
    expect(lineOf('chat-by-session')).toMatchObject({ orgId, userId: server.session.user.id });
    await call(server.url, 'POST', '/api/chat', { message: 'hi' }, { headers: { authorization: `Bearer ${apiKey}`, 'x-request-id': 'chat-by-key' } });
    expect(lineOf('chat-by-key')).toMatchObject({ orgId, userId: server.session.user.id });
    await call(server.url, 'GET', '/api/health', undefined, { headers: { 'x-request-id': 'anonymous' } });
    expect(lineOf('anonymous')).not.toHaveProperty('orgId');
  });

  it('redacts authorization, cookies, set-cookie and keys: the secrets appear on no line', async () => {
    const signup = await call(server.url, 'POST', '/api/auth/signup', { email: 'redact@example.com', password: 'correct horse battery staple' }, { headers: { 'x-request-id': 'signup' } });
    const issued = signup.headers.getSetCookie()[0]!.split(';')[0]!.split('=')[1]!;
    await call(server.url, 'GET', '/api/patterns', undefined, { session: server.session, headers: { 'x-request-id': 'with-cookie' } });
    await call(server.url, 'GET', '/api/patterns', undefined, { headers: { authorization: `Bearer ${apiKey}`, 'x-request-id': 'with-key' } });

    expect(lineOf('signup').res?.headers?.['set-cookie']).toBe('[redacted]');
    expect(lineOf('with-cookie').req?.headers).toMatchObject({ cookie: '[redacted]' });
    expect(lineOf('with-key').req?.headers).toMatchObject({ authorization: '[redacted]' });
    const everything = lines.join('\n');
    const sessionToken = server.session.cookie.split('=')[1]!;
    for (const secret of [issued, sessionToken, apiKey, apiKey.slice(12), 'correct horse']) expect(everything).not.toContain(secret);
  });
});

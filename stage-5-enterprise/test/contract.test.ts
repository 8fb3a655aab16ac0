import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExport } from '@journey/llm-core';
import {
  ChatAnswerSchema,
  ErrorBodySchema,
  ImportAnswerSchema,
  PatternAnswerSchema,
  PatternListSchema,
  SessionAnswerSchema,
  TokenAnswerSchema,
  UserAnswerSchema,
} from '../src/shared/api';
import { PASSWORD, call, startTestServer, uniqueEmail, type TestServer } from './helpers';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

/** The page's types come from src/shared/api.ts: every answer the server gives must match them, exactly. */
describe('the contract in src/shared/api.ts', () => {
  it('describes every answer of the pattern, chat and import routes', async () => {
    const taught = await server.api('POST', '/api/patterns', { trigger: 'ping', response: 'pong' });
    expect(PatternAnswerSchema.parse(taught.json)).toEqual(taught.json);
    const id = taught.json.pattern.id;
    expect(PatternAnswerSchema.parse((await server.api('PUT', `/api/patterns/${id}`, { response: 'PONG' })).json)).toBeTruthy();
    const list = (await server.api('GET', '/api/patterns?limit=1')).json;
    expect(PatternListSchema.parse(list)).toEqual(list);
    expect(list.nextCursor).toEqual(expect.any(String));
    expect(ChatAnswerSchema.parse((await server.api('POST', '/api/chat', { message: 'ping' })).json).reply.text).toBe('PONG');
    const file = createExport([{ trigger: 'new one', response: 'yes' }]);
    expect(ImportAnswerSchema.parse((await server.api('POST', '/api/import', file)).json)).toEqual({ imported: 1 });
  });

  it('describes every answer of the auth routes', async () => {
    const credentials = { email: uniqueEmail(), password: PASSWORD };
    expect(UserAnswerSchema.parse((await server.anonymous.api('POST', '/api/auth/signup', credentials)).json)).toBeTruthy();
    expect(UserAnswerSchema.parse((await server.anonymous.api('POST', '/api/auth/login', credentials)).json)).toBeTruthy();
    expect(TokenAnswerSchema.parse((await server.anonymous.api('POST', '/api/auth/token', credentials)).json)).toBeTruthy();
    expect(UserAnswerSchema.parse((await server.api('GET', '/api/auth/me')).json).user).toEqual(server.session.user);
    expect(SessionAnswerSchema.parse((await server.api('GET', '/api/auth/session')).json).user).toEqual(server.session.user);
    expect(SessionAnswerSchema.parse((await server.anonymous.api('GET', '/api/auth/session')).json).user).toBeNull();
    // Logout and "sign out everywhere" answer 204 with no body.
    const everywhere = await server.api('POST', '/api/auth/logout-everywhere');
    expect([everywhere.status, everywhere.text]).toEqual([204, '']);
  });

  it('describes every error, and only uses codes from its catalogue', async () => {
    const errors = [
      await server.api('POST', '/api/patterns', { trigger: '' }),
      await server.raw('POST', '/api/chat', '{ nope'),
      await server.api('DELETE', '/api/patterns/nope'),
      await server.api('DELETE', '/api/patterns/%'), // invalid_path
      await server.api('GET', '/api/patterns?cursor=nope'), // invalid_cursor
      await server.api('GET', '/api/nowhere'),
      await server.api('POST', '/api/import', { format: 'something else' }),
      await server.api('POST', '/api/chat', { message: 'x'.repeat(100_000) }),
      await server.anonymous.api('GET', '/api/patterns'),
      await server.anonymous.api('POST', '/api/auth/signup', { email: server.session.user.email, password: PASSWORD }),
      await server.anonymous.api('POST', '/api/auth/reset-password', { token: 'unknown', password: PASSWORD }),
      await server.anonymous.api('POST', '/api/auth/signup', { email: uniqueEmail(), password: 'password' }),
      await call(server.url, 'POST', '/api/patterns', { trigger: 'a', response: 'b' }, { session: server.session, headers: { origin: 'https://evil.example' } }),
    ];
    const login = { email: uniqueEmail(), password: PASSWORD };
    for (let i = 0; i < 6; i++) errors.push(await server.anonymous.api('POST', '/api/auth/login', login)); // 401 … then 429
    for (const { status, json } of errors) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(ErrorBodySchema.parse(json)).toEqual(json); // an unknown code would fail here
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExport } from '@journey/llm-core';
import {
  ChatAnswerSchema,
  ErrorBodySchema,
  ImportAnswerSchema,
  PatternAnswerSchema,
  PatternListSchema,
} from '../src/shared/api';
import { startTestServer, type TestServer } from './helpers';

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
    expect(PatternListSchema.parse((await server.api('GET', '/api/patterns')).json).patterns.length).toBeGreaterThan(0);
    expect(ChatAnswerSchema.parse((await server.api('POST', '/api/chat', { message: 'ping' })).json).reply.text).toBe('PONG');
    const file = createExport([{ trigger: 'new one', response: 'yes' }]);
    expect(ImportAnswerSchema.parse((await server.api('POST', '/api/import', file)).json)).toEqual({ imported: 1 });
  });

  it('describes every error, and only uses codes from its catalogue', async () => {
    const errors = [
      await server.api('POST', '/api/patterns', { trigger: '' }),
      await server.raw('POST', '/api/chat', '{ nope'),
      await server.api('DELETE', '/api/patterns/nope'),
      await server.api('GET', '/api/nowhere'),
      await server.api('POST', '/api/import', { format: 'something else' }),
      await server.api('POST', '/api/chat', { message: 'x'.repeat(100_000) }),
    ];
    for (const { status, json } of errors) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(ErrorBodySchema.parse(json)).toEqual(json); // an unknown code would fail here
    }
  });
});

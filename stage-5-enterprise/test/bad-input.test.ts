import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExport, LIMITS } from '@journey/llm-core';
import { ownerQuery, startTestServer, type TestServer } from './helpers';

let server: TestServer;
let existingId: string;
let before: unknown;

beforeEach(async () => {
  server = await startTestServer();
  existingId = (await server.api('POST', '/api/patterns', { trigger: 'keep me', response: 'kept' })).json.pattern.id;
  before = (await server.api('GET', '/api/patterns')).json;
});
afterEach(() => server.close());

interface Case {
  name: string;
  method: string;
  path: string | (() => string);
  /** A value is sent as JSON; a string is sent as it is (to send broken JSON). */
  body?: unknown;
  raw?: boolean;
  status: number;
  code: string;
}

const long = (n: number) => 'x'.repeat(n + 1);
const unknownId = '00000000-0000-4000-8000-000000000000';

const cases: Case[] = [
  { name: 'invalid JSON (teach)', method: 'POST', path: '/api/patterns', body: '{"trigger": "a",', raw: true, status: 400, code: 'invalid_json' },
  { name: 'invalid JSON (update)', method: 'PUT', path: () => `/api/patterns/${existingId}`, body: "{trigger: 'a'}", raw: true, status: 400, code: 'invalid_json' },
  { name: 'invalid JSON (chat)', method: 'POST', path: '/api/chat', body: 'hello', raw: true, status: 400, code: 'invalid_json' },
  { name: 'invalid JSON (import)', method: 'POST', path: '/api/import', body: '{"format":', raw: true, status: 400, code: 'invalid_json' },
  { name: 'no body at all (teach)', method: 'POST', path: '/api/patterns', status: 400, code: 'invalid_request' },
  { name: 'a JSON array instead of an object', method: 'POST', path: '/api/patterns', body: [{ trigger: 'a', response: 'b' }], status: 400, code: 'invalid_request' },
  // express.json is strict: only an object or array is accepted as a body at all.
  { name: 'a bare JSON string', method: 'POST', path: '/api/chat', body: '"hi"', raw: true, status: 400, code: 'invalid_json' },
  { name: 'missing trigger', method: 'POST', path: '/api/patterns', body: { response: 'b' }, status: 400, code: 'invalid_request' },
  { name: 'missing response', method: 'POST', path: '/api/patterns', body: { trigger: 'a' }, status: 400, code: 'invalid_request' },
  { name: 'trigger is a number', method: 'POST', path: '/api/patterns', body: { trigger: 42, response: 'b' }, status: 400, code: 'invalid_request' },
  { name: 'response is null', method: 'POST', path: '/api/patterns', body: { trigger: 'a', response: null }, status: 400, code: 'invalid_request' },
  { name: 'empty trigger', method: 'POST', path: '/api/patterns', body: { trigger: '', response: 'b' }, status: 400, code: 'invalid_request' },
  { name: 'whitespace-only response', method: 'POST', path: '/api/patterns', body: { trigger: 'a', response: ' \n\t ' }, status: 400, code: 'invalid_request' },
  { name: 'over-long trigger', method: 'POST', path: '/api/patterns', body: { trigger: long(LIMITS.trigger), response: 'b' }, status: 400, code: 'invalid_request' },
  { name: 'over-long response', method: 'POST', path: '/api/patterns', body: { trigger: 'a', response: long(LIMITS.response) }, status: 400, code: 'invalid_request' },
  { name: 'a trigger with too many (a|b) phrasings for the engine', method: 'POST', path: '/api/patterns', body: { trigger: '(a|b) (c|d) (e|f) (g|h) (i|j) (k|l) (m|n)', response: 'b' }, status: 400, code: 'invalid_request' },
  { name: 'update with nothing to change', method: 'PUT', path: () => `/api/patterns/${existingId}`, body: {}, status: 400, code: 'invalid_request' },
  { name: 'update to an empty trigger', method: 'PUT', path: () => `/api/patterns/${existingId}`, body: { trigger: '  ' }, status: 400, code: 'invalid_request' },
  { name: 'update to an over-long response', method: 'PUT', path: () => `/api/patterns/${existingId}`, body: { response: long(LIMITS.response) }, status: 400, code: 'invalid_request' },
  { name: 'update with a wrong-typed field', method: 'PUT', path: () => `/api/patterns/${existingId}`, body: { trigger: ['a'] }, status: 400, code: 'invalid_request' },
  { name: 'update an unknown id', method: 'PUT', path: `/api/patterns/${unknownId}`, body: { trigger: 'a' }, status: 404, code: 'not_found' },
  { name: 'delete an unknown id', method: 'DELETE', path: `/api/patterns/${unknownId}`, status: 404, code: 'not_found' },
  { name: 'missing message', method: 'POST', path: '/api/chat', body: {}, status: 400, code: 'invalid_request' },
  { name: 'empty message', method: 'POST', path: '/api/chat', body: { message: '' }, status: 400, code: 'invalid_request' },
  { name: 'over-long message', method: 'POST', path: '/api/chat', body: { message: long(LIMITS.message) }, status: 400, code: 'invalid_request' },
  { name: 'oversized body (teach)', method: 'POST', path: '/api/patterns', body: { trigger: 'a', response: 'b', padding: 'x'.repeat(20_000) }, status: 413, code: 'payload_too_large' },
  { name: 'oversized body (chat)', method: 'POST', path: '/api/chat', body: { message: 'x'.repeat(20_000) }, status: 413, code: 'payload_too_large' },
  { name: 'oversized import file', method: 'POST', path: '/api/import', body: createExport([{ trigger: 'a', response: 'x'.repeat(3_000_000) }]), status: 413, code: 'payload_too_large' },
  { name: 'import of something that is not an export file', method: 'POST', path: '/api/import', body: { patterns: [] }, status: 400, code: 'invalid_export' },
  { name: 'import of a future file version', method: 'POST', path: '/api/import', body: { ...createExport([]), version: 2 }, status: 400, code: 'invalid_export' },
  { name: 'import where one pattern is over-long (all or nothing)', method: 'POST', path: '/api/import', body: createExport([{ trigger: 'fine', response: 'ok' }, { trigger: long(LIMITS.trigger), response: 'b' }]), status: 400, code: 'invalid_request' },
  { name: 'import where one pattern is empty (all or nothing)', method: 'POST', path: '/api/import', body: createExport([{ trigger: 'fine', response: 'ok' }, { trigger: 'b', response: '' }]), status: 400, code: 'invalid_request' },
  { name: 'an unknown /api route', method: 'GET', path: '/api/nothing-here', status: 404, code: 'not_found' },
  { name: 'a wrong method on a known route', method: 'PATCH', path: '/api/patterns', body: {}, status: 404, code: 'not_found' },
];

describe('bad input gets a JSON error and changes nothing', () => {
  for (const c of cases) {
    it(`${c.name} → ${c.status} ${c.code}`, async () => {
      const path = typeof c.path === 'function' ? c.path() : c.path;
      const res = c.raw ? await server.raw(c.method, path, c.body as string) : await server.api(c.method, path, c.body);

      expect(res.status).toBe(c.status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.json).toEqual({ error: { code: c.code, message: expect.any(String), requestId: expect.any(String), ...(res.json.error.details ? { details: expect.anything() } : {}) } });
      expect(res.json.error.message.length).toBeGreaterThan(0);
      expect(res.text).not.toMatch(/node_modules|\.ts:\d+|at \w+ \(/); // no stack trace
      expect((await server.api('GET', '/api/patterns')).json).toEqual(before);
      // The engine did not learn anything either.
      expect((await server.api('POST', '/api/chat', { message: 'fine' })).json.reply.patternId).toBeNull();
    });
  }

  it('says which field is wrong, and why', async () => {
    const res = await server.api('POST', '/api/patterns', { trigger: long(LIMITS.trigger) });
    expect(res.json.error.message).toBe(`trigger: Trigger must be at most ${LIMITS.trigger} characters.`);
    expect(res.json.error.details).toEqual([
      { path: 'trigger', message: `Trigger must be at most ${LIMITS.trigger} characters.` },
      { path: 'response', message: 'Response is required.' },
    ]);
  });

  it('names the pattern of an import file that is wrong', async () => {
    const file = createExport([{ trigger: 'fine', response: 'ok' }, { trigger: 'b', response: ' ' }]);
    const res = await server.api('POST', '/api/import', file);
    expect(res.json.error.message).toBe('Pattern 2: Response must not be empty.');
  });

  it('a server fault is a plain 500 with the same shape and no internals', async () => {
    await ownerQuery(server.db, 'ALTER TABLE patterns RENAME TO patterns_gone'); // a real failure: the insert now throws inside PostgreSQL
    const res = await server.api('POST', '/api/patterns', { trigger: 'a', response: 'b' });
    expect(res.status).toBe(500);
    expect(res.json).toEqual({ error: { code: 'internal_error', message: 'Something went wrong on the server.', requestId: expect.any(String) } });
  });
});

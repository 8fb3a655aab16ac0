import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '@journey/llm-core';
import { call, ownerValue, startTestServer, type TestServer } from './helpers';
import { v1World } from './v1-world';

let server: TestServer;
let key: string;
let existingId: string;
let before: unknown;

beforeAll(async () => {
  // Pro: the cases below make more calls than a free key's 60 a minute (rate limits have their own tests).
  server = await startTestServer({ plan: 'pro' });
  ({ key } = await v1World(server));
  existingId = (await send('POST', '/patterns', { trigger: 'keep me', response: 'kept' })).json.pattern.id;
  before = await state();
});
afterAll(() => server?.close());

/** Calls /api/v1 with the key; `raw` sends the body exactly as given, `headers` adds or replaces headers. */
function send(method: string, path: string, body?: unknown, { raw = false, headers = {} }: { raw?: boolean; headers?: Record<string, string> } = {}) {
  return call(server.url, method, `/api/v1${path}`, body, { raw, headers: { authorization: `Bearer ${key}`, ...headers } });
}

/** The organization's patterns and every stored idempotency key: equal before and after, nothing changed. */
async function state() {
  return { patterns: (await send('GET', '/patterns?limit=500')).json, idempotencyKeys: await ownerValue<number>(server.db, 'SELECT count(*)::int FROM idempotency_keys') };
}

interface Case {
  name: string;
  method: string;
  path: string | (() => string);
  body?: unknown;
  raw?: boolean;
  headers?: Record<string, string>;
  status: number;
  code: string;
}

const long = (n: number) => 'x'.repeat(n + 1);
const unknownId = '00000000-0000-4000-8000-000000000000';
const existing = (suffix = '') => () => `/patterns/${existingId}${suffix}`;
const badIdempotencyKey = { 'idempotency-key': 'has spaces in it' };

const cases: Case[] = [
  // ping, usage: the only input is the key
  { name: 'ping with a malformed key', method: 'GET', path: '/ping', headers: { authorization: 'Bearer jrny_sk_short' }, status: 401, code: 'unauthorized' },
  { name: 'usage with an unknown key', method: 'GET', path: '/usage', headers: { authorization: `Bearer jrny_sk_${'B'.repeat(43)}` }, status: 401, code: 'unauthorized' },
  { name: 'ping with a session-style bearer token', method: 'GET', path: '/ping', headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' }, status: 401, code: 'api_key_required' },
  // list
  { name: 'list: limit is not a number', method: 'GET', path: '/patterns?limit=many', status: 400, code: 'invalid_request' },
  { name: 'list: limit 0', method: 'GET', path: '/patterns?limit=0', status: 400, code: 'invalid_request' },
  { name: 'list: limit over 500', method: 'GET', path: '/patterns?limit=501', status: 400, code: 'invalid_request' },
  { name: 'list: limit not whole', method: 'GET', path: '/patterns?limit=1.5', status: 400, code: 'invalid_request' },
  { name: 'list: a cursor the server never gave', method: 'GET', path: '/patterns?cursor=nope', status: 400, code: 'invalid_cursor' },
  { name: 'list: cursor given twice', method: 'GET', path: '/patterns?cursor=a&cursor=b', status: 400, code: 'invalid_request' },
  { name: 'list: over-long cursor', method: 'GET', path: `/patterns?cursor=${long(200)}`, status: 400, code: 'invalid_request' },
  // create
  { name: 'create: invalid JSON', method: 'POST', path: '/patterns', body: '{"trigger": "a",', raw: true, status: 400, code: 'invalid_json' },
  { name: 'create: no body', method: 'POST', path: '/patterns', status: 400, code: 'invalid_request' },
  { name: 'create: an array', method: 'POST', path: '/patterns', body: [{ trigger: 'a', response: 'b' }], status: 400, code: 'invalid_request' },
  { name: 'create: missing response', method: 'POST', path: '/patterns', body: { trigger: 'a' }, status: 400, code: 'invalid_request' },
  { name: 'create: trigger is a number', method: 'POST', path: '/patterns', body: { trigger: 42, response: 'b' }, status: 400, code: 'invalid_request' },
  { name: 'create: whitespace-only trigger', method: 'POST', path: '/patterns', body: { trigger: ' \t', response: 'b' }, status: 400, code: 'invalid_request' },
  { name: 'create: over-long response', method: 'POST', path: '/patterns', body: { trigger: 'a', response: long(LIMITS.response) }, status: 400, code: 'invalid_request' },
  { name: 'create: control characters', method: 'POST', path: '/patterns', body: { trigger: 'a\u0000b', response: 'b' }, status: 400, code: 'invalid_request' },
  { name: 'create: a trigger too complex for the engine', method: 'POST', path: '/patterns', body: { trigger: '(a|b) (c|d) (e|f) (g|h) (i|j) (k|l) (m|n)', response: 'b' }, status: 400, code: 'invalid_request' },
  { name: 'create: oversized body', method: 'POST', path: '/patterns', body: { trigger: 'a', response: 'b', padding: 'x'.repeat(20_000) }, status: 413, code: 'payload_too_large' },
  { name: 'create: a bad Idempotency-Key', method: 'POST', path: '/patterns', body: { trigger: 'a', response: 'b' }, headers: badIdempotencyKey, status: 400, code: 'invalid_request' },
  { name: 'create: an over-long Idempotency-Key', method: 'POST', path: '/patterns', body: { trigger: 'a', response: 'b' }, headers: { 'idempotency-key': long(255) }, status: 400, code: 'invalid_request' },
  // get
  { name: 'get: an unknown id', method: 'GET', path: `/patterns/${unknownId}`, status: 404, code: 'not_found' },
  { name: 'get: an id that is not a uuid', method: 'GET', path: '/patterns/not-an-id', status: 404, code: 'not_found' },
  { name: 'get: a broken %-escape', method: 'GET', path: '/patterns/%', status: 400, code: 'invalid_path' },
  // update
  { name: 'update: nothing to change', method: 'PATCH', path: existing(), body: {}, status: 400, code: 'invalid_request' },
  { name: 'update: invalid JSON', method: 'PATCH', path: existing(), body: "{trigger: 'a'}", raw: true, status: 400, code: 'invalid_json' },
  { name: 'update: an empty trigger', method: 'PATCH', path: existing(), body: { trigger: '  ' }, status: 400, code: 'invalid_request' },
  { name: 'update: a wrong-typed field', method: 'PATCH', path: existing(), body: { response: ['a'] }, status: 400, code: 'invalid_request' },
  { name: 'update: an unknown id', method: 'PATCH', path: `/patterns/${unknownId}`, body: { response: 'a' }, status: 404, code: 'not_found' },
  { name: 'update: oversized body', method: 'PATCH', path: existing(), body: { response: 'x'.repeat(20_000) }, status: 413, code: 'payload_too_large' },
  { name: 'update: PUT is not v1 (PATCH is)', method: 'PUT', path: existing(), body: { response: 'a' }, status: 404, code: 'not_found' },
  // delete
  { name: 'delete: an unknown id', method: 'DELETE', path: `/patterns/${unknownId}`, status: 404, code: 'not_found' },
  { name: 'delete: a broken %-escape', method: 'DELETE', path: '/patterns/%zz', status: 400, code: 'invalid_path' },
  { name: 'delete: a sub-path of a pattern', method: 'DELETE', path: existing('/extra'), status: 404, code: 'not_found' },
  // chat
  { name: 'chat: invalid JSON', method: 'POST', path: '/chat', body: 'hello', raw: true, status: 400, code: 'invalid_json' },
  { name: 'chat: missing message', method: 'POST', path: '/chat', body: {}, status: 400, code: 'invalid_request' },
  { name: 'chat: empty message', method: 'POST', path: '/chat', body: { message: '' }, status: 400, code: 'invalid_request' },
  { name: 'chat: over-long message', method: 'POST', path: '/chat', body: { message: long(LIMITS.message) }, status: 400, code: 'invalid_request' },
  { name: 'chat: oversized body', method: 'POST', path: '/chat', body: { message: 'x'.repeat(20_000) }, status: 413, code: 'payload_too_large' },
  { name: 'chat: a bad Idempotency-Key', method: 'POST', path: '/chat', body: { message: 'hi' }, headers: badIdempotencyKey, status: 400, code: 'invalid_request' },
  // the document
  { name: 'openapi.json: POST (it is read-only)', method: 'POST', path: '/openapi.json', body: {}, status: 404, code: 'not_found' },
];

describe('bad input on /api/v1 gets a JSON error with its requestId, and changes nothing', () => {
  for (const c of cases) {
    it(`${c.name} → ${c.status} ${c.code}`, async () => {
      const path = typeof c.path === 'function' ? c.path() : c.path;
      const res = await send(c.method, path, c.body, { raw: c.raw, headers: c.headers });
      expect(res.status).toBe(c.status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.json).toEqual({ error: { code: c.code, message: expect.any(String), requestId: res.headers.get('x-request-id'), ...(res.json.error.details ? { details: expect.anything() } : {}) } });
      expect(res.text).not.toMatch(/node_modules|\.ts:\d+|at \w+ \(/); // no stack trace
      expect(await state()).toEqual(before);
    });
  }
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAPI_FILE, openApiDocument, openApiText } from '../src/server/openapi';
import { call, startTestServer, type TestServer } from './helpers';
import { checkV1Answer, checked } from './openapi-contract';
import { v1World } from './v1-world';

type Operation = { operationId: string; parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema: unknown }> }>; security?: unknown[] };
const doc = openApiDocument() as unknown as {
  components: { securitySchemes: Record<string, unknown> };
  paths: Record<string, Record<string, Operation>>;
};
const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));

describe('the OpenAPI document', () => {
  it('is generated from the zod schemas, and the committed openapi.json is up to date (run `pnpm openapi` if not)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(openApiText());
  });

  it('declares the bearer key, every operation, and the Idempotency-Key header on every POST', () => {
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort()).toEqual([
      'DELETE /api/v1/patterns/{id}',
      'GET /api/v1/openapi.json',
      'GET /api/v1/patterns',
      'GET /api/v1/patterns/{id}',
      'GET /api/v1/ping',
      'GET /api/v1/usage',
      'PATCH /api/v1/patterns/{id}',
      'POST /api/v1/chat',
      'POST /api/v1/patterns',
    ]);
    for (const { method, op } of operations.filter((o) => o.method === 'post')) {
      expect(op.parameters, method).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    }
  });

  it('gives every operation its error answers, with the one error schema', () => {
    for (const { path, method, op } of operations) {
      const errors = Object.entries(op.responses).filter(([status]) => status === 'default' || Number(status) >= 400);
      expect(errors.length, `${method} ${path}`).toBeGreaterThan(0);
      for (const [, response] of errors) expect(response.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Error' });
    }
  });
});

describe('the contract check (test/openapi-contract.ts) refuses what the document does not describe', () => {
  const ping = { ok: true, organization: { id: 'o', name: 'Acme', slug: 'acme', plan: 'free' } };
  const error = { error: { code: 'not_found', message: 'No.', requestId: 'r' } };

  it('accepts a documented answer', () => {
    expect(() => checkV1Answer('GET', '/api/v1/ping', 200, JSON.stringify(ping))).not.toThrow();
    expect(() => checkV1Answer('DELETE', '/api/v1/patterns/abc', 204, '')).not.toThrow();
  });

  it.each([
    ['an undocumented status', 'GET', '/api/v1/ping', 418, JSON.stringify(ping), /not documented/],
    ['an undocumented field', 'GET', '/api/v1/ping', 200, JSON.stringify({ ...ping, extra: 1 }), /does not match/],
    ['a wrong type', 'GET', '/api/v1/ping', 200, JSON.stringify({ ...ping, ok: 'yes' }), /does not match/],
    ['a missing field', 'GET', '/api/v1/patterns', 200, JSON.stringify({ patterns: [] }), /does not match/],
    ['an error code outside the catalogue', 'GET', '/api/v1/patterns/x', 404, JSON.stringify({ error: { ...error.error, code: 'nope' } }), /does not match/],
    ['a body where none is documented', 'DELETE', '/api/v1/patterns/x', 204, '{}', /without a body/],
    ['a path the document lacks, answered 200', 'GET', '/api/v1/secret', 200, '{}', /not in the OpenAPI document/],
  ])('%s', (_name, method, path, status, body, message) => {
    expect(() => checkV1Answer(method, path, status, body)).toThrow(message);
  });
});

describe('every operation is exercised, and each answer checked against the document', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('a tour of the API: each operation\'s success answer passes the contract check', async () => {
    const { v1 } = await v1World(server);
    checked.clear();
    await v1('GET', '/ping');
    const { pattern } = (await v1('POST', '/patterns', { trigger: 'tour', response: 'guide' }, { 'idempotency-key': 'tour-1' })).json;
    await v1('POST', '/patterns', { trigger: 'tour', response: 'guide' }, { 'idempotency-key': 'tour-1' }); // the replay, too
    await v1('GET', '/patterns?limit=1');
    await v1('GET', `/patterns/${pattern.id}`);
    await v1('PATCH', `/patterns/${pattern.id}`, { trigger: 'tour [please]' });
    await v1('POST', '/chat', { message: 'tour please' });
    await v1('GET', '/usage');
    await call(server.url, 'GET', '/api/v1/openapi.json');
    await v1('DELETE', `/patterns/${pattern.id}`);
    const success = (op: Operation) => Object.keys(op.responses).find((status) => status.startsWith('2'))!;
    expect([...checked.keys()].sort()).toEqual(operations.map(({ method, path, op }) => `${method.toUpperCase()} ${path} ${success(op)}`).sort());
  });

  it('the served document is the committed one', async () => {
    const res = await call(server.url, 'GET', '/api/v1/openapi.json');
    expect(res.json).toEqual(JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')));
  });

  it('/docs/api serves the interactive reference from the app itself, with no inline script', async () => {
    const page = await fetch(`${server.url}/docs/api`);
    const html = await page.text();
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.map(([, attributes, body]) => [attributes!.match(/src="([^"]+)"/)?.[1], body!.trim()])).toEqual([
      ['/docs/api/assets/swagger-ui-bundle.js', ''],
      ['/docs/api/init.js', ''],
    ]);
    expect(html).not.toMatch(/https?:\/\/(?!localhost)/); // no CDN
    for (const [asset, type] of [
      ['/docs/api/assets/swagger-ui-bundle.js', /javascript/],
      ['/docs/api/assets/swagger-ui.css', /text\/css/],
      ['/docs/api/init.js', /javascript/],
    ] as const) {
      const res = await fetch(`${server.url}${asset}`);
      expect([asset, res.status, res.headers.get('content-type')]).toEqual([asset, 200, expect.stringMatching(type)]);
    }
    expect((await fetch(`${server.url}/docs/api/init.js`).then((r) => r.text()))).toContain("url: '/api/v1/openapi.json'");
  });
});

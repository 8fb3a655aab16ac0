import { afterEach, describe, expect, it } from 'vitest';
import { JourneyClient, JourneyError, JourneyNetworkError, JourneyTimeoutError } from '../src/index';
import { apiError, json, localServer } from './local-server';

/**
 * The client's transport against a real HTTP server that misbehaves on purpose: which answers are
 * retried, how long it waits, which headers travel, and which error the caller gets.
 */
let server: Awaited<ReturnType<typeof localServer>> | undefined;
afterEach(() => server?.close());

const PATTERN = { id: 'p1', trigger: 'hi', response: 'hello', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', createdBy: null };
const client = (options: ConstructorParameters<typeof JourneyClient>[0] = {}) =>
  new JourneyClient({ apiKey: 'jrny_sk_test', baseUrl: server!.url, ...options });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('retries', () => {
  it('retries 503 and 500, then returns the answer; every attempt of a POST carries the same Idempotency-Key', async () => {
    server = await localServer((_req, res, i) => (i < 2 ? json(res, [503, 500][i]!, apiError('internal_error', 'down', `r${i}`)) : json(res, 201, { pattern: PATTERN })));
    const created = await client().patterns.create({ trigger: 'hi', response: 'hello' });
    expect(created).toEqual(PATTERN);
    const keys = server.received.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(UUID);
    expect(new Set(keys).size).toBe(1);
    expect(server.received.map((r) => r.body)).toEqual(Array(3).fill(JSON.stringify({ trigger: 'hi', response: 'hello' })));
  });

  it("sends the caller's own Idempotency-Key; two calls without one get two different keys; a GET gets none", async () => {
    server = await localServer((req, res) => (req.method === 'GET' ? json(res, 200, { patterns: [], nextCursor: null }) : json(res, 200, { reply: { text: 'ok' } })));
    const journey = client();
    await journey.chat('a', { idempotencyKey: 'order-42' });
    await journey.chat('a');
    await journey.chat('a');
    await journey.patterns.list();
    const keys = server.received.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toBe('order-42');
    expect(keys[1]).toMatch(UUID);
    expect(keys[2]).not.toBe(keys[1]);
    expect(keys[3]).toBeUndefined();
  });

  it('waits as long as Retry-After says (in seconds) before retrying a 429', async () => {
    server = await localServer((_req, res, i) =>
      i === 0 ? json(res, 429, apiError('too_many_attempts', 'slow down', 'r0'), { 'retry-after': '1' }) : json(res, 200, { reply: { text: 'ok' } }),
    );
    expect((await client().chat('hi')).text).toBe('ok');
    const [first, second] = server.received;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('reads Retry-After as an HTTP date too', async () => {
    server = await localServer((_req, res, i) =>
      i === 0 ? json(res, 503, apiError('internal_error', 'busy', 'r0'), { 'retry-after': new Date(Date.now() + 2000).toUTCString() }) : json(res, 200, { ok: true }),
    );
    await client().ping();
    const [first, second] = server.received;
    // An HTTP date has whole seconds: "in 2 s" is between 1 and 2 s from now.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once when Retry-After asks for more than a minute, with the 429 as the error', async () => {
    server = await localServer((_req, res) => json(res, 429, apiError('too_many_attempts', 'come back tomorrow', 'r0', { retryAfterSeconds: 86400 }), { 'retry-after': '86400' }));
    const error = await client().ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JourneyError);
    expect(error).toMatchObject({ code: 'too_many_attempts', status: 429, requestId: 'r0', details: { retryAfterSeconds: 86400 } });
    expect(server.received).toHaveLength(1);
  });

  it('stops after maxRetries, throwing the last answer', async () => {
    server = await localServer((_req, res, i) => json(res, 500, apiError('internal_error', 'broken', `r${i}`)));
    const error = await client({ maxRetries: 2 }).ping().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'internal_error', status: 500, requestId: 'r2' });
    expect(server.received).toHaveLength(3);
  });

  it('maxRetries: 0 sends once', async () => {
    server = await localServer((_req, res) => json(res, 503, apiError('internal_error', 'down', 'r')));
    await expect(client({ maxRetries: 0 }).ping()).rejects.toMatchObject({ status: 503 });
    expect(server.received).toHaveLength(1);
  });

  it('never retries another 4xx: 400, 401, 402, 404, 409, 422 are sent once', async () => {
    for (const status of [400, 401, 402, 404, 409, 422]) {
      server = await localServer((_req, res) => json(res, status, apiError('some_code', `refused ${status}`, 'r')));
      await expect(client().ping()).rejects.toMatchObject({ status, code: 'some_code', message: `refused ${status}` });
      expect(server.received).toHaveLength(1);
      await server.close();
    }
    server = undefined;
  });

  it('retries a dropped connection (network error), and succeeds', async () => {
    server = await localServer((req, res, i) => (i === 0 ? res.socket!.destroy() : json(res, 200, { ok: true })));
    expect(await client().ping()).toEqual({ ok: true });
    expect(server.received).toHaveLength(2);
  });
});

describe('errors', () => {
  it('an API error is a JourneyError with code, status, message, details and the requestId from the body', async () => {
    server = await localServer((_req, res) =>
      json(res, 400, apiError('invalid_request', 'Trigger is required.', 'req-123', { trigger: ['Trigger is required.'] }), { 'x-request-id': 'req-123' }),
    );
    const error = await client().patterns.create({ trigger: '', response: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JourneyError);
    expect(error).toMatchObject({ name: 'JourneyError', code: 'invalid_request', status: 400, requestId: 'req-123', message: 'Trigger is required.', details: { trigger: ['Trigger is required.'] } });
  });

  it('an answer not in the API shape (a proxy page) still has status and the X-Request-Id header', async () => {
    server = await localServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'edge-9' }).end('<h1>Bad gateway</h1>'));
    const error = await client({ maxRetries: 0 }).ping().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'http_error', status: 502, requestId: 'edge-9', message: 'HTTP 502 Bad Gateway' });
  });

  it('a 2xx that is not JSON is invalid_response, not a crash', async () => {
    server = await localServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>'));
    await expect(client().ping()).rejects.toMatchObject({ code: 'invalid_response', status: 200 });
  });

  it('nothing listening: JourneyNetworkError, code network_error', async () => {
    server = await localServer(() => undefined);
    const url = server.url;
    await server.close();
    server = undefined;
    const error = await new JourneyClient({ apiKey: 'k', baseUrl: url, maxRetries: 0 }).ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JourneyNetworkError);
    expect(error).toMatchObject({ code: 'network_error', status: undefined });
  });
});

describe('timeouts', () => {
  it('an attempt slower than timeoutMs is a JourneyTimeoutError (code timeout)', async () => {
    server = await localServer((_req, res) => setTimeout(() => json(res, 200, { ok: true }), 1000));
    const started = performance.now();
    const error = await client({ timeoutMs: 100, maxRetries: 0 }).ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JourneyTimeoutError);
    expect(error).toMatchObject({ code: 'timeout' });
    expect(performance.now() - started).toBeLessThan(900);
  });

  it('the timeout is per attempt: a slow first attempt is retried, and the second answers', async () => {
    server = await localServer((_req, res, i) => (i === 0 ? setTimeout(() => json(res, 200, { ok: 'late' }), 1000) : json(res, 200, { ok: true })));
    expect(await client({ timeoutMs: 200 }).ping()).toEqual({ ok: true });
    expect(server.received).toHaveLength(2);
  });

  it("a call's own timeoutMs overrides the client's", async () => {
    server = await localServer((_req, res) => setTimeout(() => json(res, 200, { ok: true }), 300));
    await expect(client({ timeoutMs: 50, maxRetries: 0 }).ping({ timeoutMs: 2000 })).resolves.toEqual({ ok: true });
  });

  it("the caller's AbortSignal cancels the call and its retries with the caller's reason", async () => {
    server = await localServer((_req, res) => json(res, 503, apiError('internal_error', 'down', 'r'), { 'retry-after': '5' }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user left')), 200);
    await expect(client().ping({ signal: controller.signal })).rejects.toThrow('user left');
    expect(server.received).toHaveLength(1);
  });
});

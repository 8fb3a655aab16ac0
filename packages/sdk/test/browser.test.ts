import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { chromiumExecutable } from '@journey/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiError, json, localServer } from './local-server';

/**
 * The built SDK (dist/, as published) loaded as a plain ES module by Chromium: no bundler, no Node.
 * One local server serves the page, the module files and a stand-in API on one origin, and fails
 * the first POST with a 503, so the browser run exercises fetch, crypto.randomUUID, AbortSignal and a retry.
 */
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
let browser: Browser;
let server: Awaited<ReturnType<typeof localServer>>;
const PATTERN = { id: 'p1', trigger: 'hi', response: 'hello', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', createdBy: null };

beforeAll(async () => {
  await promisify(execFile)('pnpm', ['run', 'build'], { cwd: PACKAGE_DIR });
  let posts = 0;
  server = await localServer((req, res) => {
    if (req.url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>sdk</title>');
    if (req.url.startsWith('/sdk/')) {
      const file = join(PACKAGE_DIR, 'dist', req.url.slice('/sdk/'.length).replace(/[^\w.-]/g, ''));
      return res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(file));
    }
    if (req.url === '/api/v1/ping') return json(res, 200, { ok: true, organization: { id: 'o1', name: 'Acme', slug: 'acme', plan: 'pro' } });
    if (req.url === '/api/v1/patterns' && req.method === 'POST') {
      return posts++ === 0 ? json(res, 503, apiError('internal_error', 'down', 'r503')) : json(res, 201, { pattern: PATTERN });
    }
    json(res, 404, apiError('not_found', 'No such pattern.', 'r404'), { 'x-request-id': 'r404' });
  });
  browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox', '--disable-gpu'] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('runs in a browser as a plain ES module: ping, a POST retried with one Idempotency-Key, a typed error, a clear error without a key', async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  // A string, as a page's own script: vitest would rewrite the dynamic import in a function.
  const result = await page.evaluate(`(async () => {
    const { JourneyClient, JourneyError } = await import('/sdk/index.js');
    const journey = new JourneyClient({ apiKey: 'jrny_sk_browser', baseUrl: location.origin });
    const pong = await journey.ping();
    const created = await journey.patterns.create({ trigger: 'hi', response: 'hello' });
    const notFound = await journey.patterns.get('nope').catch((e) => e);
    let noKey;
    try { new JourneyClient(); } catch (e) { noKey = e; }
    return {
      hasProcess: typeof process !== 'undefined',
      pong,
      created,
      notFound: { isJourneyError: notFound instanceof JourneyError, code: notFound.code, status: notFound.status, requestId: notFound.requestId },
      noKey: { code: noKey?.code },
    };
  })()`);
  expect(result).toEqual({
    hasProcess: false,
    pong: { ok: true, organization: { id: 'o1', name: 'Acme', slug: 'acme', plan: 'pro' } },
    created: PATTERN,
    notFound: { isJourneyError: true, code: 'not_found', status: 404, requestId: 'r404' },
    noKey: { code: 'missing_api_key' },
  });
  const posts = server.received.filter((r) => r.method === 'POST');
  expect(posts).toHaveLength(2);
  expect(posts[1]!.headers['idempotency-key']).toBe(posts[0]!.headers['idempotency-key']);
  expect(posts[0]!.headers.authorization).toBe('Bearer jrny_sk_browser');
});

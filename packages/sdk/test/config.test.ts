import { afterEach, describe, expect, it } from 'vitest';
import { JourneyClient, JourneyError } from '../src/index';
import { BACKOFF, parseRetryAfter, retryDelayMs } from '../src/retry';
import { json, localServer } from './local-server';

describe('configuration', () => {
  const saved = { key: process.env.JOURNEY_API_KEY, url: process.env.JOURNEY_BASE_URL };
  afterEach(() => {
    process.env.JOURNEY_API_KEY = saved.key ?? '';
    process.env.JOURNEY_BASE_URL = saved.url ?? '';
  });

  it('no key given and none in JOURNEY_API_KEY: a clear missing_api_key error at construction', () => {
    process.env.JOURNEY_API_KEY = '';
    const error = (() => {
      try {
        new JourneyClient();
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(JourneyError);
    expect(error).toMatchObject({ code: 'missing_api_key', message: expect.stringContaining('JOURNEY_API_KEY') });
  });

  it('reads JOURNEY_API_KEY and JOURNEY_BASE_URL when not given, and sends the key as a Bearer token', async () => {
    const server = await localServer((_req, res) => json(res, 200, { ok: true }));
    process.env.JOURNEY_API_KEY = 'jrny_sk_from_env';
    process.env.JOURNEY_BASE_URL = `${server.url}/`;
    await new JourneyClient().ping();
    expect(server.received[0]).toMatchObject({ url: '/api/v1/ping', headers: { authorization: 'Bearer jrny_sk_from_env' } });
    await server.close();
  });

  it('uses the fetch it is given', async () => {
    const server = await localServer((_req, res) => json(res, 200, { ok: true }));
    const seen: string[] = [];
    const journey = new JourneyClient({ apiKey: 'k', baseUrl: server.url, fetch: (input, init) => (seen.push(String(input)), fetch(input, init)) });
    await journey.patterns.list({ limit: 5, cursor: 'a b' });
    expect(seen).toEqual([`${server.url}/api/v1/patterns?limit=5&cursor=a+b`]);
    await server.close();
  });
});

describe('backoff', () => {
  it('full jitter: between 0 and base·2^attempt, capped at the maximum', () => {
    expect(retryDelayMs(0, null, () => 0)).toBe(0);
    expect(retryDelayMs(0, null, () => 0.999)).toBeCloseTo(BACKOFF.baseMs * 0.999);
    expect(retryDelayMs(2, null, () => 0.5)).toBe(BACKOFF.baseMs * 4 * 0.5);
    expect(retryDelayMs(20, null, () => 0.999)).toBeCloseTo(BACKOFF.maxMs * 0.999);
  });

  it('Retry-After in seconds or as an HTTP date; beyond a minute it is not waited for', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(retryDelayMs(0, '2', Math.random, now)).toBe(2000);
    expect(retryDelayMs(0, '61', Math.random, now)).toBeUndefined();
  });
});

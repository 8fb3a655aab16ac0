import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JourneyClient, JourneyError, type Pattern } from '../src/index';
import { startLiveServer, type LiveServer } from './live-server';
import { flakyProxy } from './proxy';

/**
 * Every method of the SDK against a live stage-5 server (its own process, PGlite), with a key made
 * as a user makes one; then the failures a real network produces, through a scripted proxy.
 */
let live: LiveServer;
beforeAll(async () => {
  live = await startLiveServer();
}, 120_000);
afterAll(() => live?.close());

/** A client that also records every answer's X-Request-Id, to compare with the errors' requestId. */
function recordingClient(apiKey: string, baseUrl = live.url) {
  const requestIds: (string | null)[] = [];
  const journey = new JourneyClient({
    apiKey,
    baseUrl,
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      requestIds.push(res.headers.get('x-request-id'));
      return res;
    },
  });
  return { journey, requestIds };
}

describe('every method, against a live server', () => {
  let journey: JourneyClient;
  beforeAll(async () => {
    journey = new JourneyClient({ apiKey: await live.newKey('enterprise'), baseUrl: live.url });
  });

  it("ping: ok, and the key's organization", async () => {
    const pong = await journey.ping();
    expect(pong).toMatchObject({ ok: true, organization: { id: expect.any(String), name: expect.any(String), slug: expect.any(String), plan: 'enterprise' } });
  });

  it('patterns: create, get, update, then chat answers with the change; delete, and get is 404', async () => {
    const created = await journey.patterns.create({ trigger: 'what is the deploy status', response: 'All green.' });
    expect(created).toMatchObject({ id: expect.any(String), trigger: 'what is the deploy status', response: 'All green.' });
    expect(await journey.patterns.get(created.id)).toEqual(created);

    const updated = await journey.patterns.update(created.id, { response: 'Shipped at noon.' });
    expect(updated).toMatchObject({ id: created.id, trigger: 'what is the deploy status', response: 'Shipped at noon.' });

    const reply = await journey.chat('what is the deploy status');
    expect(reply).toMatchObject({ text: 'Shipped at noon.', patternId: created.id });

    await journey.patterns.delete(created.id);
    await expect(journey.patterns.get(created.id)).rejects.toMatchObject({ code: 'not_found', status: 404 });
  });

  it('patterns.list pages with limit and cursor; patterns.all walks every page', async () => {
    const taught: Pattern[] = [];
    for (let i = 0; i < 4; i++) taught.push(await journey.patterns.create({ trigger: `page test ${i}`, response: `answer ${i}` }));
    const first = await journey.patterns.list({ limit: 2 });
    expect(first.patterns).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await journey.patterns.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.patterns.map((p) => p.id)).not.toContain(first.patterns[0]!.id);

    const everything: Pattern[] = [];
    for await (const pattern of journey.patterns.all({ limit: 3 })) everything.push(pattern);
    // The organization's five example patterns plus the four taught here, each once.
    expect(everything).toHaveLength(9);
    expect(new Set(everything.map((p) => p.id)).size).toBe(9);
    expect(everything.map((p) => p.id)).toEqual(expect.arrayContaining(taught.map((p) => p.id)));
  });

  it("chat: the organization's example pattern answers hello", async () => {
    const reply = await journey.chat('hello');
    expect(reply.text).toMatch(/^Hello!/);
    expect(reply.patternId).toEqual(expect.any(String));
  });

  it('usage: plan, limits, what was used, the period', async () => {
    const usage = await journey.usage();
    expect(usage).toMatchObject({ plan: 'enterprise', limits: expect.any(Object), used: expect.objectContaining({ patterns: expect.any(Number) }), period: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });
});

describe('errors are typed', () => {
  it('404 not_found carries the requestId of the X-Request-Id header', async () => {
    const { journey, requestIds } = recordingClient(await live.newKey());
    const error = await journey.patterns.get('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JourneyError);
    expect(error).toMatchObject({ code: 'not_found', status: 404, requestId: requestIds.at(-1) });
    expect((error as JourneyError).requestId).toMatch(/\S{8,}/);
  });

  it("402 plan_limit when the free plan's 10 patterns are taught, with the limit in details", async () => {
    const journey = new JourneyClient({ apiKey: await live.newKey('free'), baseUrl: live.url });
    // A new organization has five example patterns: five more reach the free plan's ten.
    for (let i = 0; i < 5; i++) await journey.patterns.create({ trigger: `limit ${i}`, response: 'ok' });
    const error = await journey.patterns.create({ trigger: 'the eleventh', response: 'no' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JourneyError);
    expect(error).toMatchObject({ code: 'plan_limit', status: 402, requestId: expect.any(String), details: expect.objectContaining({ plan: 'free' }) });
  });

  it('400 invalid_request names the field in details; nothing is created', async () => {
    const journey = new JourneyClient({ apiKey: await live.newKey(), baseUrl: live.url });
    const before = (await journey.usage()).used.patterns;
    const error = await journey.patterns.create({ trigger: '', response: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'invalid_request', status: 400, requestId: expect.any(String) });
    expect(JSON.stringify((error as JourneyError).details)).toContain('trigger');
    expect((await journey.usage()).used.patterns).toBe(before);
  });

  it('401 for a key that does not exist', async () => {
    const journey = new JourneyClient({ apiKey: `jrny_sk_${'A'.repeat(43)}`, baseUrl: live.url });
    await expect(journey.ping()).rejects.toMatchObject({ name: 'JourneyError', status: 401, requestId: expect.any(String) });
  });
});

describe('retries against a live server', () => {
  it('a 429 is retried after its Retry-After, and the call succeeds', async () => {
    const proxy = await flakyProxy(live.url, [{ tooManyRequests: '1' }]);
    try {
      const journey = new JourneyClient({ apiKey: await live.newKey(), baseUrl: proxy.url });
      expect((await journey.chat('hello')).text).toMatch(/^Hello!/);
      const [refused, retried] = proxy.seen;
      expect(proxy.seen).toHaveLength(2);
      expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(950);
      expect(retried!.upstreamStatus).toBe(200);
    } finally {
      await proxy.close();
    }
  });

  it('an answer lost after the server created the pattern: the retry replays it, and there is one pattern, not two', async () => {
    const proxy = await flakyProxy(live.url, ['forwardThenLose']);
    try {
      const apiKey = await live.newKey();
      const journey = new JourneyClient({ apiKey, baseUrl: proxy.url });
      const created = await journey.patterns.create({ trigger: 'only once please', response: 'once' });

      // What the organization has: the pattern once, the one the caller was given.
      const direct = new JourneyClient({ apiKey, baseUrl: live.url });
      const matching: Pattern[] = [];
      for await (const p of direct.patterns.all()) if (p.trigger === 'only once please') matching.push(p);
      expect(matching.map((p) => p.id)).toEqual([created.id]);

      // Why: the server handled both attempts, and the second carried the first's key, so it was a replay.
      const [lost, retried] = proxy.seen;
      expect([lost!.upstreamStatus, retried!.upstreamStatus]).toEqual([201, 201]);
      expect(retried!.idempotencyKey).toBe(lost!.idempotencyKey);
      expect(retried!.replayed).toBe('true');
    } finally {
      await proxy.close();
    }
  });
});

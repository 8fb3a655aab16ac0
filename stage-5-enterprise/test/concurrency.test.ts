import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, listAll, startTestServer, type TestServer } from './helpers';

const WRITERS = 50;
const SECONDS = 3;
const TOKEN = 'concurrency-metrics-token-0123456789abcdef';

/** How many engines this server has built so far (its /metrics). */
async function enginesBuilt(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  return Number(/^journey_engine_build_seconds_count (\d+)$/m.exec(text)?.[1] ?? NaN);
}

describe.each(ENGINES)('concurrent writers on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    // A quota far above what 50 writers can reach in 3 s: this test is about locks, not the cap.
    server = await startTestServer({ engine, patternQuota: 1_000_000, plan: 'enterprise', env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => server?.close());

  it(`${WRITERS} writers for ${SECONDS} s in one organization: every write acknowledged, nothing lost, chat knows all`, async () => {
    const before = (await listAll(server.url, server.session)).length;
    expect((await server.api('POST', '/api/chat', { message: 'hello' })).status).toBe(200); // the engine is built
    const built = await enginesBuilt(server.url);
    const stopAt = Date.now() + SECONDS * 1000;
    const statuses = new Map<number, number>();
    const acked: string[] = [];
    const writer = async (w: number) => {
      for (let i = 0; Date.now() < stopAt; i++) {
        const res = await server.api('POST', '/api/patterns', { trigger: `writer ${w} item ${i}`, response: `answer ${w} ${i}` });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) acked.push(res.json.pattern.id);
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));

    expect([...statuses.keys()]).toEqual([201]);
    const ids = (await listAll(server.url, server.session)).map((p) => p.id);
    expect(ids).toHaveLength(before + acked.length);
    expect(ids).toEqual(expect.arrayContaining(acked));
    expect((await server.api('POST', '/api/chat', { message: 'writer 7 item 0' })).json.reply.text).toBe('answer 7 0');
    // Each write found the engine as the one before left it: none was rebuilt from every pattern.
    expect(await enginesBuilt(server.url)).toBe(built);
    console.log(`concurrency (${engine}): ${acked.length} acknowledged writes by ${WRITERS} writers`);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, listAll, startTestServer, type TestServer } from './helpers';

const WRITERS = 50;
const SECONDS = 3;

describe.each(ENGINES)('concurrent writers on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    // A quota far above what 50 writers can reach in 3 s: this test is about locks, not the cap.
    server = await startTestServer({ engine, patternQuota: 1_000_000, plan: 'enterprise' });
  });
  afterAll(() => server?.close());

  it(`${WRITERS} writers for ${SECONDS} s in one organization: every write acknowledged, nothing lost, chat knows all`, async () => {
    const before = (await listAll(server.url, server.session)).length;
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
    console.log(`concurrency (${engine}): ${acked.length} acknowledged writes by ${WRITERS} writers`);
  });
});

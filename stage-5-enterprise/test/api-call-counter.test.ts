import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CALLS_WRITTEN_EVERY_MS, createApiCallCounter } from '../src/server/api-call-counter';
import { periodOf } from '../src/server/billing/plans';
import { ENGINES, call, ownerQuery, startTestServer, type TestServer } from './helpers';
import { acme, people, type People } from './tenancy';

describe.each(ENGINES)('API calls counted in batches on %s', (engine) => {
  let server: TestServer;
  let who: People;
  beforeAll(async () => {
    server = await startTestServer({ engine, plan: 'pro' });
    who = await people(server.url);
  });
  afterAll(() => server?.close());

  /** What the database holds for this key: the month's counter, the events, the daily rollup. */
  const written = async (orgId: string, keyId: string) => {
    const [row] = await ownerQuery<{ counter: number; events: number; daily: number }>(
      server.db,
      `SELECT (SELECT coalesce(sum(count), 0) FROM usage_counters WHERE org_id = $1 AND kind = 'api_call')::int AS counter,
              (SELECT count(*) FROM usage_events WHERE org_id = $1 AND api_key_id = $2 AND kind = 'api_call')::int AS events,
              (SELECT coalesce(sum(count), 0) FROM usage_daily WHERE org_id = $1 AND api_key_id = $2 AND kind = 'api_call')::int AS daily`,
      [orgId, keyId],
    );
    return row;
  };

  it('are in the database within a second of the calls, each once: counter, events and daily rollup agree', async () => {
    const world = await acme(server, who);
    const auth = { headers: { authorization: `Bearer ${world.apiKey.key}` } };
    const answers = await Promise.all(Array.from({ length: 12 }, () => call(server.url, 'GET', '/api/v1/ping', undefined, auth)));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    await new Promise((resolve) => setTimeout(resolve, API_CALLS_WRITTEN_EVERY_MS * 2));
    expect(await written(world.org.id, world.apiKey.apiKey.id)).toEqual({ counter: 12, events: 12, daily: 12 });
  });

  it('the usage page writes this instance\'s pending calls first, so its own calls are always in it', async () => {
    const world = await acme(server, who);
    const auth = { headers: { authorization: `Bearer ${world.apiKey.key}` } };
    for (let i = 0; i < 3; i++) expect((await call(server.url, 'GET', '/api/v1/ping', undefined, auth)).status).toBe(200);
    const usage = await call(server.url, 'GET', `/api/v1/usage`, undefined, auth); // the 4th call, read at once
    expect(usage.json.used.apiCalls).toBe(4);
  });

  it('a batch that cannot be written is tried three times, then dropped and said; the other organizations\' batches still land', async () => {
    const world = await acme(server, who);
    const said: string[] = [];
    const counter = createApiCallCounter(server.db, { log: (message) => said.push(message) });
    const gone = randomUUID(); // an organization deleted before its calls were written: the write fails (foreign key)
    counter.count(gone, randomUUID(), periodOf(new Date()));
    counter.count(world.org.id, world.apiKey.apiKey.id, periodOf(new Date()));
    await counter.write();
    expect(await written(world.org.id, world.apiKey.apiKey.id)).toEqual({ counter: 1, events: 1, daily: 1 });
    await counter.write();
    await counter.stop();
    expect(said).toEqual([
      `usage: will retry API call counts of organization ${gone}`,
      `usage: will retry API call counts of organization ${gone}`,
      `usage: dropped API call counts of organization ${gone}`,
    ]);
    await counter.write(); // nothing left to try
    expect(said).toHaveLength(3);
  });
});

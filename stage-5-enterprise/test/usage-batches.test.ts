import { randomUUID } from 'node:crypto';
import { createExport } from '@journey/llm-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE_WRITTEN_EVERY_MS, createUsageBatches } from '../src/server/usage-batches';
import { periodOf } from '../src/server/billing/plans';
import { ENGINES, call, ownerQuery, startTestServer, type TestServer } from './helpers';
import { acme, people, type People } from './tenancy';

describe.each(ENGINES)('usage written in batches on %s', (engine) => {
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
    await new Promise((resolve) => setTimeout(resolve, USAGE_WRITTEN_EVERY_MS * 2));
    expect(await written(world.org.id, world.apiKey.apiKey.id)).toEqual({ counter: 12, events: 12, daily: 12 });
  });

  it('the usage page writes this instance\'s pending calls first, so its own calls are always in it', async () => {
    const world = await acme(server, who);
    const auth = { headers: { authorization: `Bearer ${world.apiKey.key}` } };
    for (let i = 0; i < 3; i++) expect((await call(server.url, 'GET', '/api/v1/ping', undefined, auth)).status).toBe(200);
    const usage = await call(server.url, 'GET', `/api/v1/usage`, undefined, auth); // the 4th call, read at once
    expect(usage.json.used.apiCalls).toBe(4);
  });

  it('a chat is counted at once; its event and rollups are in the database within a second, and the analytics page writes them first', async () => {
    const world = await acme(server, who);
    const auth = { headers: { authorization: `Bearer ${world.apiKey.key}` } };
    const chats = async () => {
      const [row] = await ownerQuery<{ counter: number; events: number; daily: number; unanswered: number }>(
        server.db,
        `SELECT (SELECT coalesce(sum(count), 0) FROM usage_counters WHERE org_id = $1 AND kind = 'chat')::int AS counter,
                (SELECT count(*) FROM usage_events WHERE org_id = $1 AND kind = 'chat')::int AS events,
                (SELECT coalesce(sum(count), 0) FROM usage_daily WHERE org_id = $1 AND kind = 'chat')::int AS daily,
                (SELECT coalesce(sum(count), 0) FROM unanswered_daily WHERE org_id = $1 AND question = 'is anyone there')::int AS unanswered`,
        [world.org.id],
      );
      return row;
    };
    const asked = await Promise.all(Array.from({ length: 5 }, () => call(server.url, 'POST', '/api/v1/chat', { message: 'Is anyone there?' }, auth)));
    expect(asked.map((a) => a.status)).toEqual(Array(5).fill(200));
    expect((await chats())!.counter).toBe(5); // the limit's count: in the chat's own transaction
    await new Promise((resolve) => setTimeout(resolve, USAGE_WRITTEN_EVERY_MS * 2));
    expect(await chats()).toEqual({ counter: 5, events: 5, daily: 5, unanswered: 5 });

    expect((await call(server.url, 'POST', '/api/v1/chat', { message: 'Is anyone there?' }, auth)).status).toBe(200);
    const analytics = await call(server.url, 'GET', `/api/orgs/${world.org.id}/analytics?days=30`, undefined, { session: who.owner });
    expect(analytics.json.totals.chats).toBe(6); // read at once: this instance's pending chat was written first
  });

  it('teaches and imports are counted once committed, within a second: counter and events; a refused teach counts nothing', async () => {
    const world = await acme(server, who);
    const auth = { headers: { authorization: `Bearer ${world.apiKey.key}` } };
    const counted = async () => {
      const [row] = await ownerQuery<{ teaches: number; imports: number; events: number }>(
        server.db,
        `SELECT (SELECT coalesce(sum(count), 0) FROM usage_counters WHERE org_id = $1 AND kind = 'teach')::int AS teaches,
                (SELECT coalesce(sum(count), 0) FROM usage_counters WHERE org_id = $1 AND kind = 'import')::int AS imports,
                (SELECT count(*) FROM usage_events WHERE org_id = $1 AND kind IN ('teach', 'import'))::int AS events`,
        [world.org.id],
      );
      return row;
    };
    await call(server.url, 'GET', '/api/v1/usage', undefined, auth); // writes what this instance holds (acme's own teach)
    const before = await counted();
    expect((await call(server.url, 'POST', '/api/v1/patterns', { trigger: 'batched one', response: 'yes' }, auth)).status).toBe(201);
    expect((await call(server.url, 'POST', '/api/v1/patterns', { trigger: '', response: 'refused' }, auth)).status).toBe(400);
    const file = createExport([{ trigger: 'batched two', response: 'yes' }, { trigger: 'batched three', response: 'yes' }]);
    expect((await call(server.url, 'POST', '/api/import', file, auth)).json).toEqual({ imported: 2 });
    await new Promise((resolve) => setTimeout(resolve, USAGE_WRITTEN_EVERY_MS * 2));
    expect(await counted()).toEqual({ teaches: before!.teaches + 1, imports: before!.imports + 1, events: before!.events + 2 }); // one import, of two patterns
  });

  it('a batch that cannot be written is tried three times, then dropped and said; the other organizations\' batches still land', async () => {
    const world = await acme(server, who);
    const said: string[] = [];
    const batches = createUsageBatches(server.db, { log: (message) => said.push(message) });
    const gone = randomUUID(); // an organization deleted before its usage was written: the write fails (foreign key)
    batches.apiCall(gone, randomUUID(), periodOf(new Date()));
    batches.chat(gone, randomUUID(), 3, { patternId: null, question: 'hello' });
    batches.apiCall(world.org.id, world.apiKey.apiKey.id, periodOf(new Date()));
    await batches.write();
    expect(await written(world.org.id, world.apiKey.apiKey.id)).toEqual({ counter: 1, events: 1, daily: 1 });
    await batches.write();
    await batches.stop();
    expect(said).toEqual([
      `usage: will retry the usage of organization ${gone}`,
      `usage: will retry the usage of organization ${gone}`,
      `usage: dropped the usage of organization ${gone}`,
    ]);
    await batches.write(); // nothing left to try
    expect(said).toHaveLength(3);
  });
});

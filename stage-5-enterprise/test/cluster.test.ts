import { request } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config';
import { createServer } from '../src/server/server';
import { call, signUp, onPlan, tempDataDir } from './helpers';
import { keyHolder, startTestCluster, withKey, type TestCluster } from './cluster-helpers';

/**
 * The app as stage 5 runs it: two instances (separate processes) behind real nginx, on one
 * PostgreSQL database and one Redis. Whatever instance a request lands on, the answer is the same.
 */
let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster(2);
});
afterAll(() => cluster?.close());

/** What the database holds, read as its owner (no row-level security in the way). */
async function triggersInDatabase(orgId: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: cluster.database.where.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ trigger: string }>('SELECT trigger FROM patterns WHERE org_id = $1', [orgId]);
    return new Set(rows.map((row) => row.trigger));
  } finally {
    await client.end();
  }
}

/** A POST on a connection of its own (no keep-alive): its status, or the error's message. */
function postOnItsOwnConnection(url: string, body: unknown, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume().on('end', () => resolve(String(res.statusCode)));
    });
    req.on('error', (err) => resolve(err.message));
    req.end(JSON.stringify(body));
  });
}

/** `workers` loops calling `work` until `running()` turns false. */
async function underLoad(workers: number, running: () => boolean, work: (worker: number, n: number) => Promise<void>): Promise<void> {
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let n = 0; running(); n++) await work(worker, n);
    }),
  );
}

describe('two instances behind nginx', () => {
  it('teach through one instance, chat through the other, 200 times: every chat knows what was just taught', async () => {
    const [a, b] = cluster.instances.map((instance) => instance.url) as [string, string];
    const wrong: string[] = [];
    // Four organizations at once, 50 rounds each: each round's chat comes right after its teach.
    await Promise.all(
      [0, 1, 2, 3].map(async (team) => {
        const session = await signUp(a);
        await onPlan(a, session, 'enterprise');
        for (let round = 0; round < 50; round++) {
          const i = team * 50 + round;
          // Both directions, and every kind of write: teach, change, delete.
          const [teacher, chatter] = i % 2 === 0 ? [a, b] : [b, a];
          const taught = await call(teacher, 'POST', '/api/patterns', { trigger: `word${i}`, response: `answer ${i}` }, { session });
          expect(taught.status).toBe(201);
          const reply = await call(chatter, 'POST', '/api/chat', { message: `word${i}` }, { session });
          if (reply.json.reply?.text !== `answer ${i}`) wrong.push(`#${i} taught on ${teacher}: ${reply.text}`);
          if (round % 10 === 9) {
            const changed = await call(chatter, 'PUT', `/api/patterns/${taught.json.pattern.id}`, { response: `changed ${i}` }, { session });
            expect(changed.status).toBe(200);
            if ((await call(teacher, 'POST', '/api/chat', { message: `word${i}` }, { session })).json.reply?.text !== `changed ${i}`) wrong.push(`#${i} change`);
            expect((await call(teacher, 'DELETE', `/api/patterns/${taught.json.pattern.id}`, undefined, { session })).status).toBe(204);
            if ((await call(chatter, 'POST', '/api/chat', { message: `word${i}` }, { session })).json.reply?.text === `changed ${i}`) wrong.push(`#${i} delete`);
          }
        }
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('an instance that hears no news at all (a lost pub/sub message) still answers with what another instance just taught', async () => {
    // A third server on the same database without Redis: nothing it is told, only what it reads.
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: tempDataDir(), DATABASE_URL: cluster.database.where.databaseUrl, JWT_SECRET: cluster.jwtSecret });
    const deaf = await createServer(config);
    const deafUrl = (await deaf.start()).replace('localhost', '127.0.0.1');
    try {
      const session = await signUp(cluster.url);
      await onPlan(cluster.url, session, 'pro');
      for (let i = 0; i < 20; i++) {
        expect((await call(cluster.url, 'POST', '/api/patterns', { trigger: `deaf${i}`, response: `heard ${i}` }, { session })).status).toBe(201);
        expect((await call(deafUrl, 'POST', '/api/chat', { message: `deaf${i}` }, { session })).json.reply.text).toBe(`heard ${i}`);
      }
    } finally {
      await deaf.stop();
    }
  });

  it("an API key's N+1th request in a minute is 429 rate_limited, whichever instance serves it", async () => {
    const [a, b] = cluster.instances.map((instance) => instance.url) as [string, string];
    const { key } = await keyHolder(a, 'free'); // 60 a minute
    const remaining: number[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await call(i % 2 === 0 ? a : b, 'GET', '/api/patterns', undefined, withKey(key));
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-limit')).toBe('60');
      remaining.push(Number(res.headers.get('ratelimit-remaining')));
    }
    expect(remaining).toEqual(Array.from({ length: 60 }, (_, i) => 59 - i)); // one count, not one per instance
    for (const instance of [a, b, cluster.url]) {
      const refused = await call(instance, 'GET', '/api/patterns', undefined, withKey(key));
      expect(refused.status).toBe(429);
      expect(refused.json.error.code).toBe('rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    }
    // Another key (another organization, on the pro plan) is counted apart, with its own limit.
    const other = await keyHolder(b, 'pro');
    const res = await call(cluster.url, 'GET', '/api/patterns', undefined, withKey(other.key));
    expect([res.status, res.headers.get('ratelimit-limit'), res.headers.get('ratelimit-remaining')]).toEqual([200, '600', '599']);
  });

  it('kill -9 one instance under load: every acknowledged write is in the database, and the other keeps serving', async () => {
    const { orgId, key } = await keyHolder(cluster.url, 'enterprise');
    const acknowledged: string[] = [];
    const failures: string[] = [];
    let afterKill = 0;
    let killed = false;
    let running = true;
    const load = underLoad(8, () => running, async (worker, n) => {
      const trigger = `load-${worker}-${n}`;
      const res = await fetch(`${cluster.url}/api/patterns`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...withKey(key).headers },
        body: JSON.stringify({ trigger, response: 'kept' }),
      }).catch((err: Error) => err);
      if (res instanceof Error || res.status !== 201) failures.push(res instanceof Error ? res.message : `${res.status}`);
      else {
        acknowledged.push(trigger);
        if (killed) afterKill++;
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    cluster.instances[1]!.child.kill('SIGKILL');
    await cluster.instances[1]!.exited;
    killed = true;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    running = false;
    await load;
    const stored = await triggersInDatabase(orgId);
    expect(acknowledged.filter((trigger) => !stored.has(trigger))).toEqual([]);
    expect(afterKill).toBeGreaterThan(20); // the survivor served on alone
    // Only what was in flight on the killed instance may have failed (nginx does not repeat a POST it sent).
    expect(failures.length).toBeLessThanOrEqual(8);
    console.log(`kill -9: ${acknowledged.length} writes acknowledged (${afterKill} after the kill), ${failures.length} failed in flight`);
    await cluster.restart(1);
  });

  it('stopping one instance under load (out of nginx, then SIGTERM): zero failed requests through nginx, and it exits 0', async () => {
    const { key } = await keyHolder(cluster.url, 'enterprise');
    const statuses = new Map<string, number>();
    let running = true;
    // Each request on a connection of its own: a reload closes nginx's idle client connections, and
    // a POST a client sends on one at that instant fails (README, "Draining").
    const load = underLoad(8, () => running, async (worker, n) => {
      const write = n % 4 === 0;
      const outcome = await postOnItsOwnConnection(
        `${cluster.url}/api/${write ? 'patterns' : 'chat'}`,
        write ? { trigger: `term-${worker}-${n}`, response: 'kept' } : { message: `term-${worker}-${n - 1}` },
        withKey(key).headers,
      );
      statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await cluster.retire(0)).toBe(0); // it drains what nginx's old workers sent it, then exits
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    running = false;
    await load;
    console.log(`SIGTERM: ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect([...statuses.keys()].sort()).toEqual(['200', '201']);
    await cluster.restart(0);
  });
});

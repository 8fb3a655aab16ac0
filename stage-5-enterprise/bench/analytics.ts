/**
 * `pnpm --filter stage-5 bench:analytics`, after `analytics:seed`: the analytics endpoint's
 * latency over HTTP on PostgreSQL with 10 million events behind it, 200 requests one after the
 * other (what one owner opening the dashboard waits). Beside it, in the same run:
 *   - GET /api/health, the floor of any request to this server;
 *   - the same per-day figures computed from the raw events instead of the rollups (SQL only, no
 *     HTTP, fewer runs: it is slow), which is what the rollups save.
 * Goal (issue 18): p95 ≤ 50 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from '../src/server/server';
import { loadConfig } from '../src/server/config';
import { asOwner, ANALYTICS_DATABASE_URL, SEED_ORG_PREFIX } from './analytics-db';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const RAW_RUNS = Number(process.env.BENCH_RAW_RUNS ?? 10);
const P95_GOAL_MS = 50;

const percentile = (ms: number[], p: number) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const figures = (ms: number[]) => ({ p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99) });
async function timed(times: number, work: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  return ms;
}

const dataDir = mkdtempSync(join(tmpdir(), 'analytics-bench-'));
const server = await createServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent', NODE_ENV: 'test', DATABASE_URL: ANALYTICS_DATABASE_URL }));
const url = (await server.start()).replace('localhost', '127.0.0.1');
try {
  const db = server.db;
  const [seeded] = await asOwner(db, (tx) =>
    tx.query<{ id: string; events: string }>(
      `SELECT o.id, (SELECT count(*) FROM usage_events) AS events FROM organizations o WHERE o.name = $1`,
      [`${SEED_ORG_PREFIX}1`],
    ),
  );
  if (!seeded) throw new Error('No seeded organization: run `pnpm --filter stage-5 analytics:seed` first.');

  // An owner of the seeded organization, with a session.
  const email = `bench-${Date.now()}@example.com`;
  const signup = await fetch(`${url}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery staple' }) });
  const cookie = signup.headers.getSetCookie()[0]!.split(';')[0]!;
  const { user } = (await signup.json()) as { user: { id: string } };
  await asOwner(db, (tx) => tx.query("INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, 'owner')", [user.id, seeded.id]));

  const get = async (path: string) => {
    const res = await fetch(`${url}${path}`, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const analyticsPath = `/api/orgs/${seeded.id}/analytics?days=90`;
  const sample = (await get(analyticsPath)) as { totals: { chats: number }; unanswered: unknown[] };
  await timed(20, () => get(analyticsPath)); // warm-up: connections, plans, caches

  const analytics = figures(await timed(REQUESTS, () => get(analyticsPath)));
  const health = figures(await timed(REQUESTS, () => get('/api/health')));
  const raw = figures(
    await timed(RAW_RUNS, () =>
      asOwner(db, (tx) =>
        tx.query(
          `SELECT (created_at AT TIME ZONE 'UTC')::date AS day, kind, count(*), count(*) FILTER (WHERE fell_back)
             FROM usage_events WHERE org_id = $1 AND created_at >= now() - interval '90 days' GROUP BY 1, 2`,
          [seeded.id],
        ),
      ),
    ),
  );

  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`${Number(seeded.events).toLocaleString('en')} usage events in ${ANALYTICS_DATABASE_URL}; the organization read has ${sample.totals.chats.toLocaleString('en')} chats in 90 days`);
  console.table({
    [`GET analytics?days=90 (rollups), ${REQUESTS} requests`]: { p50: ms(analytics.p50), p95: ms(analytics.p95), p99: ms(analytics.p99) },
    [`GET /api/health (floor), ${REQUESTS} requests`]: { p50: ms(health.p50), p95: ms(health.p95), p99: ms(health.p99) },
    [`per-day figures from raw events (SQL only), ${RAW_RUNS} runs`]: { p50: ms(raw.p50), p95: ms(raw.p95), p99: ms(raw.p99) },
  });
  console.log(`analytics p95 ${ms(analytics.p95)} (goal ≤ ${P95_GOAL_MS} ms: ${analytics.p95 <= P95_GOAL_MS ? 'met' : 'NOT met'}); raw events p95 is ${(raw.p95 / analytics.p95).toFixed(0)}× the rollups'`);
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

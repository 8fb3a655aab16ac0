import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import express from 'express';
import pg from 'pg';
import { startCluster, renderNginxConfig, NGINX, type Cluster } from './cluster';
import { cpuSeconds } from './processes';

/**
 * `pnpm --filter stage-5 loadtest`: the cluster (nginx + instances) on a new PostgreSQL database
 * and Redis, driven through API keys. Writes its section of the journey's docs/performance.md. Needs DATABASE_URL's server
 * (default postgres://postgres@127.0.0.1:5432) and REDIS_URL (default redis://127.0.0.1:6379).
 */
const STAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const ADMIN_URL = process.env.LOADTEST_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 20);
const PORT = Number(process.env.LOADTEST_PORT ?? 3905);
const WARM_UP_SECONDS = 5; // before each measurement, not counted: JIT, connection pools, prepared statements, caches
const KEYS = 10; // 100 users ≈ 100 requests a second: more than one enterprise key's 6,000 a minute
const METRICS_TOKEN = randomBytes(24).toString('hex'); // the instances' /metrics: CPU and engine time

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function json(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.text()) || '{}' };
}

/** One enterprise organization with `KEYS` API keys and 50 patterns. */
async function seed(url: string): Promise<string[]> {
  const signup = await json(url, 'POST', '/api/auth/signup', { email: `load-${randomBytes(4).toString('hex')}@example.com`, password: 'correct horse battery staple' });
  const cookie = signup.headers.getSetCookie()[0]!.split(';')[0]!;
  const { activeOrgId } = JSON.parse((await json(url, 'GET', '/api/orgs', undefined, { cookie })).body);
  await json(url, 'POST', `/api/orgs/${activeOrgId}/billing/demo`, { plan: 'enterprise' }, { cookie });
  for (let i = 0; i < 50; i++) await json(url, 'POST', '/api/patterns', { trigger: `topic ${i}`, response: `answer ${i}` }, { cookie });
  const keys: string[] = [];
  for (let i = 0; i < KEYS; i++) keys.push(JSON.parse((await json(url, 'POST', `/api/orgs/${activeOrgId}/api-keys`, { name: `load ${i}` }, { cookie })).body).key);
  return keys;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** What a virtual user asks next (its `n`th request): the kind, for the report, and the request. */
type Ask = (user: number, n: number) => { kind: string; answer: Promise<{ status: number }> };

/** The journey's users, with API keys: 80% chat, 15% list, 5% teach. */
const journeyMix =
  (url: string, keys: string[]): Ask =>
  (user, n) => {
    const auth = { authorization: `Bearer ${keys[user % keys.length]}` };
    const dice = Math.random();
    if (dice < 0.8) return { kind: 'chat', answer: json(url, 'POST', '/api/v1/chat', { message: `tell me about topic ${n % 50}` }, auth) };
    if (dice < 0.95) return { kind: 'list', answer: json(url, 'GET', '/api/v1/patterns?limit=20', undefined, auth) };
    return { kind: 'teach', answer: json(url, 'POST', '/api/v1/patterns', { trigger: `user ${user} note ${n}`, response: 'noted' }, auth) };
  };

/** The same users asking a bare Express endpoint: the floor that nginx, Node and this load generator set here. */
const bareOnly =
  (url: string): Ask =>
  () => ({ kind: 'bare', answer: json(url, 'GET', '/bare') });

/** 100 virtual users, each: a request (`ask`), then 1 s of thinking. */
async function virtualUsers(ask: Ask, seconds = SECONDS, users = 100) {
  const latencies: number[] = [];
  const byKind: Record<string, number[]> = {};
  const errors = new Map<string, number>();
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: users }, async (_, user) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 1000)); // users arrive spread over a second
      for (let n = 0; Date.now() < until; n++) {
        const started = performance.now();
        const { kind, answer } = ask(user, n);
        const res = await answer;
        const ms = performance.now() - started;
        latencies.push(ms);
        (byKind[kind] ??= []).push(ms);
        if (res.status >= 400) errors.set(String(res.status), (errors.get(String(res.status)) ?? 0) + 1);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }),
  );
  const sorted = (list: number[]) => list.sort((a, b) => a - b);
  const p95ByKind = Object.fromEntries(Object.entries(byKind).map(([kind, list]) => [kind, percentile(sorted(list), 95)]));
  sorted(latencies);
  return { requests: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), p95ByKind, errors: Object.fromEntries(errors) };
}

/** Mean time of a `SELECT 1` answered by PostgreSQL, one after the other: what each round trip costs here. */
async function roundTripMs(n = 2000): Promise<number> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  const started = performance.now();
  for (let i = 0; i < n; i++) await client.query('SELECT 1');
  const ms = (performance.now() - started) / n;
  await client.end();
  return ms;
}

/**
 * The instances' process CPU, engine time (journey_engine_reply_seconds) and requests, summed from
 * their /metrics; and the longest event-loop stall of any instance since the last scrape (prom-client
 * resets its event-loop histogram at each one): a request that arrives then waits for it.
 */
async function serverCounters(cluster: Cluster) {
  const total = { cpu: 0, engine: 0, requests: 0, loopStallMs: 0, engineBuilds: 0, engineBuildSeconds: 0 };
  for (const instance of cluster.instances) {
    const text = await (await fetch(`${instance.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    const sum = (name: string) =>
      text
        .split('\n')
        .filter((line) => line.startsWith(name))
        .reduce((n, line) => n + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
    total.cpu += sum('process_cpu_seconds_total');
    total.engine += sum('journey_engine_reply_seconds_sum');
    total.requests += sum('http_requests_total');
    total.loopStallMs = Math.max(total.loopStallMs, sum('nodejs_eventloop_lag_max_seconds') * 1000);
    total.engineBuilds += sum('journey_engine_build_seconds_count');
    total.engineBuildSeconds += sum('journey_engine_build_seconds_sum');
  }
  return total;
}

/** CPU seconds used so far by every PostgreSQL process on this machine (0 where there is no /proc). */
const postgresCpuSeconds = () => cpuSeconds((proc) => proc.name === 'postgres');

/** Chat at saturation, and where the CPU went meanwhile: the instances' per request, the engine's share, PostgreSQL's per request. */
async function chatAtSaturation(cluster: Cluster, keys: string[]) {
  await maxThroughput(cluster.url, '/api/v1/chat', keys, { message: 'tell me about topic 7' }, WARM_UP_SECONDS);
  const [before, postgresBefore] = [await serverCounters(cluster), postgresCpuSeconds()];
  const max = await maxThroughput(cluster.url, '/api/v1/chat', keys, { message: 'tell me about topic 7' });
  const [after, postgresAfter] = [await serverCounters(cluster), postgresCpuSeconds()];
  const cpu = after.cpu - before.cpu;
  const requests = after.requests - before.requests;
  return {
    ...max,
    cpuMsPerRequest: (cpu * 1000) / requests,
    engineShare: (after.engine - before.engine) / cpu,
    postgresCpuMsPerRequest: ((postgresAfter - postgresBefore) * 1000) / requests,
  };
}

/** Requests per second at saturation (autocannon, 50 connections), rotating over the keys. */
async function maxThroughput(url: string, path: string, keys: string[] = [], body?: unknown, seconds = Math.max(5, Math.round(SECONDS / 2))) {
  let i = 0;
  const result = await autocannon({
    url: `${url}${path}`,
    connections: 50,
    duration: seconds,
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
    requests: [{ setupRequest: (req) => (keys.length ? { ...req, headers: { ...req.headers, authorization: `Bearer ${keys[i++ % keys.length]}` } } : req) }],
  });
  return { rps: Math.round(result.requests.average), p95: result.latency.p97_5, non2xx: result.non2xx, errors: result.errors };
}

/** A bare Express endpoint behind the same nginx configuration: the ceiling of this machine and proxy. */
async function bareExpress(): Promise<{ url: string; stop: () => Promise<void> }> {
  const app = express().get('/bare', (_req, res) => void res.json({ ok: true }));
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as import('node:net').AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), 'journey-bare-nginx-'));
  writeFileSync(join(dir, 'nginx.conf'), renderNginxConfig(dir, PORT + 50, [port]));
  const nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;'], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    url: `http://127.0.0.1:${PORT + 50}`,
    stop: async () => {
      nginx.kill('SIGQUIT');
      await new Promise((resolve) => nginx.once('exit', resolve));
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withCluster<T>(instances: number, work: (cluster: Cluster) => Promise<T>): Promise<T> {
  const name = `journey_load_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'journey-load-'));
  const cluster = await startCluster({
    port: PORT,
    instancePorts: Array.from({ length: instances }, (_, i) => PORT + 1 + i),
    env: { DATABASE_URL: url.href, REDIS_URL, REDIS_PREFIX: `${name}:`, JWT_SECRET: randomBytes(32).toString('base64url'), LOG_LEVEL: 'warn', DATA_DIR: dataDir, METRICS_TOKEN },
  });
  try {
    return await work(cluster);
  } finally {
    await cluster.stop();
    await admin(`DROP DATABASE ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average at start ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`;
console.log(`loadtest: ${machine}; ${SECONDS} s per scenario`);
const roundTrip = await roundTripMs();
console.log(`PostgreSQL round trip: ${roundTrip.toFixed(3)} ms`);
const bare = await bareExpress();
const bareMax = await maxThroughput(bare.url, '/bare');
console.log('bare Express behind nginx', bareMax);
await virtualUsers(bareOnly(bare.url), WARM_UP_SECONDS);
const bareUsers = await virtualUsers(bareOnly(bare.url));
console.log('100 users, bare Express behind nginx', bareUsers);
await bare.stop();
const two = await withCluster(2, async (cluster) => {
  const keys = await seed(cluster.url);
  await virtualUsers(journeyMix(cluster.url, keys), WARM_UP_SECONDS);
  const before = await serverCounters(cluster); // the event-loop stall counts from here
  const run = await virtualUsers(journeyMix(cluster.url, keys));
  const after = await serverCounters(cluster);
  const builds = { engineBuilds: after.engineBuilds - before.engineBuilds, engineBuildMs: (after.engineBuildSeconds - before.engineBuildSeconds) * 1000 };
  const users = { ...run, loopStallMs: after.loopStallMs, ...builds };
  console.log('100 users, two instances', users);
  const max = await chatAtSaturation(cluster, keys);
  console.log('chat at saturation, two instances', max);
  return { users, max };
});
const one = await withCluster(1, async (cluster) => {
  const keys = await seed(cluster.url);
  const max = await chatAtSaturation(cluster, keys);
  console.log('chat at saturation, one instance', max);
  return { max };
});

const ms = (n: number) => `${n.toFixed(1)} ms`;
const report = `## The load test (stage 5)

Measured by \`pnpm --filter stage-5 loadtest\` (scripts/loadtest.ts) on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${machine}. PostgreSQL and Redis on the same machine; everything shares the same cores.
- Path: client → nginx (deploy/nginx/journey.conf.template) → instance → PostgreSQL/Redis, with API keys on \`/api/v1\` (enterprise plan, ${KEYS} keys).
- ${SECONDS} s per scenario (half that at saturation), each after ${WARM_UP_SECONDS} s of the same load that is not counted.

| Scenario | Figure |
| --- | --- |
| 100 virtual users, 1 s think time, 80% chat / 15% list / 5% teach, two instances | ${two.users.requests} requests; p50 ${ms(two.users.p50)}, **p95 ${ms(two.users.p95)}**, p99 ${ms(two.users.p99)}; errors ${JSON.stringify(two.users.errors)} |
| The same, p95 by kind | chat ${ms(two.users.p95ByKind.chat!)}, list ${ms(two.users.p95ByKind.list!)}, teach ${ms(two.users.p95ByKind.teach!)} |
| The same, the longest event-loop stall of an instance (nodejs_eventloop_lag_max_seconds) | ${ms(two.users.loopStallMs)} |
| The same, engines rebuilt (journey_engine_build_seconds), and the time they took | ${two.users.engineBuilds}, ${ms(two.users.engineBuildMs)} in all |
| The same 100 users against the bare Express endpoint behind the same nginx: the floor here | p50 ${ms(bareUsers.p50)}, **p95 ${ms(bareUsers.p95)}**, p99 ${ms(bareUsers.p99)}; errors ${JSON.stringify(bareUsers.errors)} |
| Bare Express endpoint behind the same nginx, 50 connections | ${bareMax.rps} req/s |
| Chat with an API key behind nginx, two instances, 50 connections | ${two.max.rps} req/s (p97.5 ${ms(two.max.p95)}; non-2xx ${two.max.non2xx}) |
| The same, one instance | ${one.max.rps} req/s (p97.5 ${ms(one.max.p95)}; non-2xx ${one.max.non2xx}) |
| Ratio chat (two instances) / bare Express | ${(two.max.rps / bareMax.rps).toFixed(2)} |
| Two instances / one | ${(two.max.rps / one.max.rps).toFixed(2)} |
| Instances' CPU per chat request at saturation (two instances; process_cpu_seconds_total / http_requests_total) | ${ms(two.max.cpuMsPerRequest)} |
| The engine's share of that CPU (journey_engine_reply_seconds) | ${(two.max.engineShare * 100).toFixed(2)} % |
| PostgreSQL's CPU per chat request at saturation (its processes, from /proc) | ${ms(two.max.postgresCpuMsPerRequest)} |
| PostgreSQL round trip on this machine (\`SELECT 1\`, one after another) | ${roundTrip.toFixed(3)} ms |

On two cores, one instance against two: expect little gain. nginx, PostgreSQL, Redis, the load
generator and the instances all share the same two cores; one Node instance already keeps one core
busy and PostgreSQL the other. A second instance helps only while one instance is the bottleneck
(its event loop saturated) and cores are idle; on a machine with more cores, instances scale until
PostgreSQL does.
`;
// The report is one section of the journey's docs/performance.md, between its markers (the analytics bench has another).
const file = join(STAGE_DIR, '../docs/performance.md');
const [start, end] = ['<!-- loadtest:start -->', '<!-- loadtest:end -->'];
const doc = readFileSync(file, 'utf8');
const section = `${start}\n${report}${end}`;
writeFileSync(file, doc.includes(start) ? doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), () => section) : `${doc.trimEnd()}\n\n${section}\n`);
console.log('wrote docs/performance.md (the load test section)');

/**
 * `pnpm --filter stage-3 bench`: what does authentication cost per request? Stage 2's chat (no
 * accounts) and stage 3's chat (session cookie checked: JWT signature, claims, one user lookup)
 * run in one child process with the same 1k patterns; autocannon loads them one at a time from
 * this process. Then the pieces on their own: verifying one session, and bcrypt at cost 12.
 *   1. throughput: as many requests as 10 connections can push → req/s, latency
 *   2. a fixed arrival rate of 300 req/s → p95 (what a user feels at a realistic load)
 *   3. health and chat p95 while 10 signups hash their passwords at cost 12 (goal ≤ 50 ms), beside
 *      the same probes with no signups
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { HASH_THREADS } from '../src/server/auth/password-pool';
import { PasswordHasher } from '../src/server/auth/passwords';
import { loadConfig } from '../src/server/config';
import { createServer } from '../src/server/server';
import { createUsersRepo } from '../src/server/users-repo';
import { BENCH_MESSAGES } from './workload';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const FIXED_RATE = 300;

interface Figures {
  rps: number;
  /** Server CPU time per request, in µs (both apps share one process, loaded one at a time). */
  cpu: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** One autocannon run; latencies are collected per response (autocannon's summary has no p95). */
async function load(url: string, options: { seconds: number; overallRate?: number; cookie?: string }): Promise<Figures> {
  const cpuBefore = await serverCpu();
  let i = 0;
  const latencies: number[] = [];
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.cookie) headers.cookie = options.cookie;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/api/chat`,
        connections: 10,
        duration: options.seconds,
        overallRate: options.overallRate,
        requests: [
          {
            method: 'POST',
            headers,
            setupRequest: (req) => ({ ...req, body: JSON.stringify({ message: BENCH_MESSAGES[i++ % BENCH_MESSAGES.length] }) }),
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  const cpu = (await serverCpu()) - cpuBefore;
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    cpu: cpu / result.requests.total,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Mean milliseconds of `work` over `runs` runs. */
async function timeIt(runs: number, work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < runs; i++) await work();
  return (performance.now() - start) / runs;
}

const SIGNUPS = 10;
const P95_GOAL_MS = 50;

/** One health and one chat request every 20 ms until `done()`; the p95 of each. */
async function probe(url: string, cookie: string, done: () => boolean) {
  const health: number[] = [];
  const chat: number[] = [];
  const timed = async (into: number[], send: () => Promise<Response>) => {
    const start = performance.now();
    await (await send()).arrayBuffer();
    into.push(performance.now() - start);
  };
  const inFlight: Promise<void>[] = [];
  while (!done()) {
    inFlight.push(
      timed(health, () => fetch(`${url}/api/health`)),
      timed(chat, () =>
        fetch(`${url}/api/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ message: BENCH_MESSAGES[inFlight.length % BENCH_MESSAGES.length] }),
        }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await Promise.all(inFlight);
  const p95 = (list: number[]) => percentile(list.sort((a, b) => a - b), 95);
  return { health: p95(health), chat: p95(chat) };
}

/** Health and chat while SIGNUPS signups run at once (each a bcrypt hash at cost 12), and without them. */
async function duringSignups(url: string, cookie: string) {
  const until = Date.now() + 3000;
  const baseline = await probe(url, cookie, () => Date.now() > until);
  let settled = 0;
  const start = performance.now();
  const signups = Array.from({ length: SIGNUPS }, (_, i) =>
    fetch(`${url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `bench-signup-${i}-${Date.now()}@example.com`, password: 'a long bench password' }),
    }).finally(() => settled++),
  );
  const during = await probe(url, cookie, () => settled === SIGNUPS);
  const statuses = await Promise.all(signups.map(async (res) => (await res).status));
  return { baseline, during, seconds: (performance.now() - start) / 1000, created: statuses.filter((s) => s === 201).length };
}

const row = (name: string, f: Figures) =>
  `${name.padEnd(40)} ${f.rps.toFixed(0).padStart(8)} ${f.cpu.toFixed(0).padStart(8)} ${[f.p50, f.p95, f.p99].map((ms) => ms.toFixed(2).padStart(8)).join(' ')} ${String(f.non2xx + f.errors).padStart(7)}`;

/** The pieces of authentication, measured alone in this process. */
async function pieces() {
  const dataDir = mkdtempSync(join(tmpdir(), 'stage-3-bench-pieces-'));
  try {
    const hasher = new PasswordHasher();
    const { db, accounts } = await createServer(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), { hasher });
    const hashMs = await timeIt(5, () => hasher.hash('correct horse battery staple'));
    const hash = await hasher.hash('correct horse battery staple');
    const compareMs = await timeIt(5, () => hasher.verify('correct horse battery staple', hash));
    const user = await accounts.signUp('pieces@example.com', 'correct horse battery staple', '127.0.0.1');
    const token = await accounts.startSession(user.id);
    await timeIt(1000, () => accounts.userForSession(token)); // warm up
    const sessionMs = await timeIt(10_000, () => accounts.userForSession(token));
    // What a server-side session table would cost instead: one lookup by primary key.
    const users = createUsersRepo(db);
    const lookupMs = await timeIt(10_000, async () => users.byId(user.id));
    await db.close();
    return { hashMs, compareMs, sessionMs, lookupMs, cost: hasher.cost };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const child = spawn(process.execPath, ['--import', 'tsx', 'bench/servers.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
const targets = JSON.parse(line) as { meter: string; stage2: string | null; stage3: string; cookie: string; patterns: number };
const serverCpu = async () => ((await (await fetch(`${targets.meter}/cpu`)).json()) as { micros: number }).micros;

try {
  console.log(`stage-3 bench: ${targets.patterns} patterns per app, ${SECONDS} s per run, 10 connections\n`);
  const runs: [string, Figures][] = [];
  const measure = async (name: string, url: string, cookie?: string) => {
    await load(url, { seconds: 2, cookie }); // warm up (JIT, connection pools)
    const max = await load(url, { seconds: SECONDS, cookie });
    const atRate = await load(url, { seconds: SECONDS, overallRate: FIXED_RATE, cookie });
    runs.push([`${name}, max`, max], [`${name}, ${FIXED_RATE} req/s`, atRate]);
    return { max, atRate };
  };
  const two = targets.stage2 ? await measure('stage 2 chat (no accounts)', targets.stage2) : null;
  const three = await measure('stage 3 chat (session cookie)', targets.stage3, targets.cookie);

  console.log(`${'run'.padEnd(40)} ${'req/s'.padStart(8)} ${'CPU µs'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'failed'.padStart(7)}`);
  for (const [name, figures] of runs) console.log(row(name, figures));

  const signups = await duringSignups(targets.stage3, targets.cookie);
  const verdict = (ms: number) => (ms <= P95_GOAL_MS ? '✓' : '✗');
  console.log(
    `\nduring ${SIGNUPS} signups (bcrypt cost 12 on ${HASH_THREADS} worker thread${HASH_THREADS === 1 ? '' : 's'}; ${signups.created} created in ${signups.seconds.toFixed(1)} s), p95 (goal ≤ ${P95_GOAL_MS} ms):`,
  );
  console.log(`  GET /api/health: ${signups.during.health.toFixed(1)} ms (${signups.baseline.health.toFixed(1)} ms without signups) ${verdict(signups.during.health)}`);
  console.log(`  POST /api/chat:  ${signups.during.chat.toFixed(1)} ms (${signups.baseline.chat.toFixed(1)} ms without signups) ${verdict(signups.during.chat)}`);

  const { hashMs, compareMs, sessionMs, lookupMs, cost } = await pieces();
  console.log(`\nbcrypt at cost ${cost}: hash ${hashMs.toFixed(0)} ms, verify ${compareMs.toFixed(0)} ms (once per signup / login, never per request)`);
  console.log(`verifying one session (JWT HS256 + claims + user lookup), alone: ${(sessionMs * 1000).toFixed(1)} µs`);
  console.log(`  of which the user lookup (all a server-side session table would need): ${(lookupMs * 1000).toFixed(1)} µs`);

  const failed = runs.reduce((sum, [, f]) => sum + f.non2xx + f.errors, 0);
  if (two) {
    const authCost = three.max.cpu - two.max.cpu;
    console.log(`server CPU per chat request: stage 2 ${two.max.cpu.toFixed(0)} µs, stage 3 ${three.max.cpu.toFixed(0)} µs`);
    console.log(`auth cost per request: ${authCost.toFixed(0)} µs of CPU (+${((authCost / two.max.cpu) * 100).toFixed(0)}% on stage 2's)`);
    console.log(`throughput: stage 2 ${two.max.rps.toFixed(0)} req/s, stage 3 ${three.max.rps.toFixed(0)} req/s (ratio ${(three.max.rps / two.max.rps).toFixed(2)})`);
    console.log(`p95 at ${FIXED_RATE} req/s: stage 2 ${two.atRate.p95.toFixed(2)} ms, stage 3 ${three.atRate.p95.toFixed(2)} ms`);
  } else {
    console.log('stage-2-shared is not next to this folder: measured stage 3 alone.');
  }
  console.log(`failed requests: ${failed} ${failed === 0 ? '✓' : '✗'}`);
} finally {
  child.kill('SIGTERM');
}

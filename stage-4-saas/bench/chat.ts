/**
 * `pnpm --filter stage-4 bench`: what do organizations and a real database cost per request? Stage
 * 3's chat (session cookie, SQLite in the process) and this stage's (session cookie, then the
 * user's memberships read from the database on every request, row-level security, one engine per
 * organization) on PGlite and on PostgreSQL run in one child process with the same 1k patterns;
 * autocannon loads them one at a time from this process.
 *   1. throughput: as many requests as 10 connections can push → req/s, latency
 *   2. a fixed arrival rate of 300 req/s → p95 (what a user feels at a realistic load)
 * Goals (issues 13 and 15): on PostgreSQL, p95 ≤ 13 ms at 300 req/s, with a session and with an API key,
 * and at least half stage 3's throughput.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { BENCH_MESSAGES } from './workload';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const FIXED_RATE = 300;
const P95_GOAL_MS = 13;
const THROUGHPUT_GOAL = 0.5; // of stage 3's

interface Figures {
  rps: number;
  /**
   * Server CPU time per request, in µs (all apps share one process, loaded one at a time). For
   * PostgreSQL it leaves out the database server's own work, which runs in its processes.
   */
  cpu: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** One autocannon run; latencies are collected per response (autocannon's summary has no p95). */
async function load(url: string, options: { seconds: number; overallRate?: number; headers: Record<string, string> }): Promise<Figures> {
  const cpuBefore = await serverCpu();
  let i = 0;
  const latencies: number[] = [];
  const headers = { 'content-type': 'application/json', ...options.headers };
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

const row = (name: string, f: Figures) =>
  `${name.padEnd(40)} ${f.rps.toFixed(0).padStart(8)} ${f.cpu.toFixed(0).padStart(8)} ${[f.p50, f.p95, f.p99].map((ms) => ms.toFixed(2).padStart(8)).join(' ')} ${String(f.non2xx + f.errors).padStart(7)}`;
const verdict = (ok: boolean) => (ok ? '✓' : '✗');

interface Target {
  url: string;
  headers: Record<string, string>;
  patterns: number;
}

const child = spawn(process.execPath, ['--import', 'tsx', 'bench/servers.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
const targets = JSON.parse(line) as { meter: string; stage3: Target | null; pglite: Target; postgres: Target | null; postgresKey: Target | null; postgresMissing: string | null };
const serverCpu = async () => ((await (await fetch(`${targets.meter}/cpu`)).json()) as { micros: number }).micros;

try {
  console.log(`stage-4 bench: ${targets.pglite.patterns} patterns per app, ${SECONDS} s per run, 10 connections\n`);
  const runs: [string, Figures][] = [];
  const measure = async (name: string, { url, headers }: Target) => {
    await load(url, { seconds: 2, headers }); // warm up (JIT, connection pools, the engine cache)
    const max = await load(url, { seconds: SECONDS, headers });
    const atRate = await load(url, { seconds: SECONDS, overallRate: FIXED_RATE, headers });
    runs.push([`${name}, max`, max], [`${name}, ${FIXED_RATE} req/s`, atRate]);
    return { max, atRate };
  };
  const three = targets.stage3 ? await measure('stage 3 chat (SQLite)', targets.stage3) : null;
  const pglite = await measure('stage 4 chat on PGlite', targets.pglite);
  const postgres = targets.postgres ? await measure('stage 4 chat on PostgreSQL', targets.postgres) : null;
  const withKey = targets.postgresKey ? await measure('stage 4 chat on PostgreSQL, API key', targets.postgresKey) : null;

  console.log(`${'run'.padEnd(40)} ${'req/s'.padStart(8)} ${'CPU µs'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'failed'.padStart(7)}`);
  for (const [name, figures] of runs) console.log(row(name, figures));
  console.log();

  const stage4 = [['PGlite', pglite], ['PostgreSQL', postgres], ['API key', withKey]] as const;
  if (three) {
    for (const [engine, figures] of stage4) {
      if (!figures) continue;
      console.log(
        `${engine.padEnd(10)} / stage 3: throughput ${(figures.max.rps / three.max.rps).toFixed(2)}, ` +
          `CPU per request ${(figures.max.cpu / three.max.cpu).toFixed(2)}, p95 at ${FIXED_RATE} req/s ${(figures.atRate.p95 / three.atRate.p95).toFixed(2)}`,
      );
    }
  } else {
    console.log('stage-3-users is not next to this folder: measured stage 4 alone.');
  }
  if (postgres) {
    console.log(`\ngoals on PostgreSQL:`);
    console.log(`  p95 at ${FIXED_RATE} req/s: ${postgres.atRate.p95.toFixed(2)} ms (goal ≤ ${P95_GOAL_MS} ms) ${verdict(postgres.atRate.p95 <= P95_GOAL_MS)}`);
    if (withKey) {
      console.log(`  p95 at ${FIXED_RATE} req/s with an API key: ${withKey.atRate.p95.toFixed(2)} ms (goal ≤ ${P95_GOAL_MS} ms) ${verdict(withKey.atRate.p95 <= P95_GOAL_MS)}`);
    }
    if (three) {
      const ratio = postgres.max.rps / three.max.rps;
      console.log(`  throughput: ${ratio.toFixed(2)} of stage 3's (goal ≥ ${THROUGHPUT_GOAL}) ${verdict(ratio >= THROUGHPUT_GOAL)}`);
    }
  } else {
    console.log(`\nno PostgreSQL leg: ${targets.postgresMissing}`);
  }
  const failed = runs.reduce((sum, [, f]) => sum + f.non2xx + f.errors, 0);
  console.log(`failed requests: ${failed} ${verdict(failed === 0)}`);
} finally {
  child.kill('SIGTERM');
}

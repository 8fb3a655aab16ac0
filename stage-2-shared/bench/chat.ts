/**
 * `pnpm --filter stage-2 bench`: how much does the stage-2 app (validation, engine with 1k patterns,
 * logging, security headers) cost on top of Express itself? Both targets run in one child process;
 * autocannon loads them one at a time from this process.
 *   1. throughput: as many requests as 10 connections can push, for each target → req/s, latency
 *   2. a fixed arrival rate of 300 req/s → p95 (what a user feels at a realistic load)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { BENCH_MESSAGES } from './workload';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const GOAL_RATIO = 0.6;
const GOAL_P95_MS = 13;
const FIXED_RATE = 300;

interface Figures {
  rps: number;
  /** Server CPU time per request, in µs (both targets share one process, loaded one at a time). */
  cpu: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** One autocannon run; latencies are collected per response (autocannon's summary has no p95). */
async function load(url: string, options: { seconds: number; overallRate?: number }): Promise<Figures> {
  const cpuBefore = await serverCpu();
  let i = 0;
  const latencies: number[] = [];
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
            headers: { 'content-type': 'application/json' },
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
  `${name.padEnd(34)} ${f.rps.toFixed(0).padStart(8)} ${f.cpu.toFixed(0).padStart(8)} ${[f.p50, f.p95, f.p99].map((ms) => ms.toFixed(2).padStart(8)).join(' ')} ${String(f.non2xx + f.errors).padStart(7)}`;

const child = spawn(process.execPath, ['--import', 'tsx', 'bench/servers.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
const targets = JSON.parse(line) as { bare: string; chat: string; patterns: number };
const serverCpu = async () => ((await (await fetch(`${targets.bare}/cpu`)).json()) as { micros: number }).micros;

try {
  console.log(`stage-2 bench: ${targets.patterns} patterns loaded, ${SECONDS} s per run, 10 connections\n`);
  await load(targets.bare, { seconds: 2 }); // warm up both (JIT, connection pools)
  await load(targets.chat, { seconds: 2 });

  const bare = await load(targets.bare, { seconds: SECONDS });
  const chat = await load(targets.chat, { seconds: SECONDS });
  const bareAtRate = await load(targets.bare, { seconds: SECONDS, overallRate: FIXED_RATE });
  const chatAtRate = await load(targets.chat, { seconds: SECONDS, overallRate: FIXED_RATE });

  console.log(`${'run'.padEnd(34)} ${'req/s'.padStart(8)} ${'CPU µs'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'failed'.padStart(7)}`);
  console.log(row('bare Express JSON, max', bare));
  console.log(row('POST /api/chat (1k patterns), max', chat));
  console.log(row(`bare Express JSON, ${FIXED_RATE} req/s`, bareAtRate));
  console.log(row(`POST /api/chat, ${FIXED_RATE} req/s`, chatAtRate));

  const ratio = chat.rps / bare.rps;
  const failed = [bare, chat, bareAtRate, chatAtRate].reduce((sum, f) => sum + f.non2xx + f.errors, 0);
  console.log(`\nthroughput ratio chat / bare: ${ratio.toFixed(2)}  (goal ≥ ${GOAL_RATIO}) ${ratio >= GOAL_RATIO ? '✓' : '✗'}`);
  console.log(`server CPU per request, bare / chat: ${(bare.cpu / chat.cpu).toFixed(2)}  (the same ratio, less sensitive to a busy machine)`);
  console.log(`p95 at ${FIXED_RATE} req/s: ${chatAtRate.p95.toFixed(2)} ms  (goal ≤ ${GOAL_P95_MS} ms) ${chatAtRate.p95 <= GOAL_P95_MS ? '✓' : '✗'}`);
  console.log(`failed requests: ${failed} ${failed === 0 ? '✓' : '✗'}`);
} finally {
  child.kill('SIGTERM');
}

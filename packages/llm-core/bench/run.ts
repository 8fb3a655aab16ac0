import { cpus, loadavg } from 'node:os';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { PatternEngine } from '../src/index';
import type { Reply } from '../src/types';
import { NaiveMatcher } from './baseline';
import { buildCorpus, QUERY_CLASSES, type Query } from './corpus';
import { buildIndependentCorpus } from './independent-corpus';

// Run with: pnpm --filter @journey/llm-core bench   (SIZES=1000,10000 to pick sizes)
//      or: pnpm --filter @journey/llm-core bench:independent   (the English FAQ corpus, see independent-corpus.ts)
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const INDEPENDENT = process.argv.includes('independent');
const SIZES = (process.env.SIZES ?? '1000,10000,100000').split(',').map(Number);
const QUERIES_PER_CLASS = 400;
/** The baseline scans every pattern per reply, so it answers a sample of the queries to keep the run short. */
const BASELINE_QUERIES_PER_CLASS = 40;
/**
 * Every query is timed in each of ROUNDS rounds and its median kept: on a shared machine one timing
 * can include another process's time slice. The raw p99 over all single timings is printed too.
 */
const ROUNDS = 3;
const WARM_UP_MS = 1000;

interface Result {
  name: string;
  size: number;
  buildMs: number;
  buildCpuMs: number;
  heapMb: number;
  p50: number;
  p99: number;
  p99raw: number;
  /** From each query's median time; perSecondRaw divides all replies by the whole wall-clock time. */
  perSecond: number;
  perSecondRaw: number;
  accuracy: Record<string, number>;
}

function measure(name: string, size: number, build: () => { reply(m: string): Reply }, queries: Query[]): Result {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const matcher = build();
  const cpu = process.cpuUsage(cpu0);
  const buildMs = performance.now() - t0;
  const buildCpuMs = (cpu.user + cpu.system) / 1000;
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  // Warm-up, untimed and the same for both matchers: every query, again and again for WARM_UP_MS. V8
  // optimizes code only after it has run a while, and a long-running server answers with optimized code;
  // timing the first calls would measure the JIT instead.
  const warmUntil = performance.now() + WARM_UP_MS;
  do for (const q of queries) matcher.reply(q.message);
  while (performance.now() < warmUntil);
  const timings = queries.map(() => [] as number[]);
  const correct: Record<string, [number, number]> = {};
  const start = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, q] of queries.entries()) {
      const s = performance.now();
      const reply = matcher.reply(q.message);
      timings[i]!.push((performance.now() - s) * 1000);
      if (round > 0) continue;
      const right = reply.patternId === q.expected && (!q.captures || JSON.stringify(reply.captures) === JSON.stringify(q.captures));
      const tally = (correct[q.cls] ??= [0, 0]);
      tally[0] += right ? 1 : 0;
      tally[1]++;
    }
  }
  const totalMs = performance.now() - start;
  const medians = timings.map((t) => t.sort((a, b) => a - b)[t.length >> 1]!);
  const accuracy = Object.fromEntries(Object.entries(correct).map(([cls, [ok, n]]) => [cls, ok / n]));
  return {
    name, size, buildMs, buildCpuMs, heapMb,
    p50: percentile(medians, 0.5),
    p99: percentile(medians, 0.99),
    p99raw: percentile(timings.flat(), 0.99),
    perSecond: 1e6 / (medians.reduce((sum, t) => sum + t, 0) / medians.length),
    perSecondRaw: (ROUNDS * queries.length) / (totalMs / 1000),
    accuracy,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const results: Result[] = [];
for (const size of SIZES) {
  const { patterns, queries } = (INDEPENDENT ? buildIndependentCorpus : buildCorpus)(size, QUERIES_PER_CLASS);
  const sample = QUERY_CLASSES.flatMap((cls) => queries.filter((q) => q.cls === cls).slice(0, BASELINE_QUERIES_PER_CLASS));
  results.push(measure('engine', size, () => new PatternEngine(patterns), queries));
  results.push(measure('naive', size, () => new NaiveMatcher(patterns), sample));
  const [engine, naive] = results.slice(-2) as [Result, Result];
  console.error(`${size} patterns: engine ${engine.perSecond.toFixed(0)}/s vs naive ${naive.perSecond.toFixed(0)}/s (${(engine.perSecond / naive.perSecond).toFixed(0)}×)`);
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const header = ['matcher', 'patterns', 'build ms', 'build CPU ms', 'heap MB', 'p50 µs', 'p99 µs', 'p99 raw µs', 'replies/s', 'raw replies/s', '× naive', ...QUERY_CLASSES];
const rows = results.map((r) => {
  const naive = results.find((n) => n.name === 'naive' && n.size === r.size)!;
  return [
    r.name, fmt(r.size), fmt(r.buildMs), fmt(r.buildCpuMs), fmt(r.heapMb, 1), fmt(r.p50, 1), fmt(r.p99, 1), fmt(r.p99raw, 1), fmt(r.perSecond), fmt(r.perSecondRaw),
    r.name === 'engine' ? `${fmt(r.perSecond / naive.perSecond)}×` : '',
    ...QUERY_CLASSES.map((cls) => `${fmt((r.accuracy[cls] ?? 0) * 100, 1)}%`),
  ];
});
const load = loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`\n${INDEPENDENT ? 'independent English FAQ corpus' : 'invented-word corpus'}; node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${load}`);
console.log(`${QUERIES_PER_CLASS} queries per class (naive: ${BASELINE_QUERIES_PER_CLASS}), ${WARM_UP_MS} ms of warm-up rounds, then ${ROUNDS} timed rounds; p50/p99 and replies/s from each query's median round,`);
console.log('raw columns from every single timing and the whole wall-clock time. Build CPU includes V8 GC threads.');
console.log('Accuracy columns: share answered by the expected pattern (no match: share correctly given the fallback).\n');
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map((h, i) => (i < 2 ? '---' : '---:')).join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);

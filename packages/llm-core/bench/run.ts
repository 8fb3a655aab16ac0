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
const WARM_UP_MS = 1000;
/** The "repeated" figure: the measured queries again, in this many rounds, each query's median kept. */
const ROUNDS = 3;

interface Result {
  name: string;
  size: number;
  buildMs: number;
  buildCpuMs: number;
  heapMb: number;
  /** Each measured query timed once, the first time this matcher sees it (after warming up on others). */
  p50: number;
  p99: number;
  perSecond: number;
  /** The same queries asked again (median of ROUNDS rounds): what a benchmark that repeats itself would show. */
  repeatedPerSecond: number;
  accuracy: Record<string, number>;
}

/**
 * Times what a server sees: messages it has not just answered. The matcher is built (timed), warmed up
 * for WARM_UP_MS on a separate set of queries (V8 optimizes code only after it has run a while, and a
 * server runs warm), then every measured query is timed once. The repeated rounds come after, so they
 * cannot warm the measured figures.
 */
function measure(name: string, size: number, build: () => { reply(m: string): Reply }, queries: Query[], warmUp: Query[]): Result {
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
  const warmUntil = performance.now() + WARM_UP_MS;
  do for (const q of warmUp) matcher.reply(q.message);
  while (performance.now() < warmUntil);
  const once: number[] = [];
  const correct: Record<string, [number, number]> = {};
  for (const q of queries) {
    const s = performance.now();
    const reply = matcher.reply(q.message);
    once.push((performance.now() - s) * 1000);
    const right = reply.patternId === q.expected && (!q.captures || JSON.stringify(reply.captures) === JSON.stringify(q.captures));
    const tally = (correct[q.cls] ??= [0, 0]);
    tally[0] += right ? 1 : 0;
    tally[1]++;
  }
  const rounds = queries.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, q] of queries.entries()) {
      const s = performance.now();
      matcher.reply(q.message);
      rounds[i]!.push((performance.now() - s) * 1000);
    }
  }
  const medians = rounds.map((t) => t.sort((a, b) => a - b)[t.length >> 1]!);
  return {
    name, size, buildMs, buildCpuMs, heapMb,
    p50: percentile(once, 0.5),
    p99: percentile(once, 0.99),
    perSecond: 1e6 / mean(once),
    repeatedPerSecond: 1e6 / mean(medians),
    accuracy: Object.fromEntries(Object.entries(correct).map(([cls, [ok, n]]) => [cls, ok / n])),
  };
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Every other query is measured, the rest warm up; a warm-up query that is also measured is dropped. */
function split(queries: Query[]): { measured: Query[]; warmUp: Query[] } {
  const measured = queries.filter((_, i) => i % 2 === 0);
  const seen = new Set(measured.map((q) => q.message));
  return { measured, warmUp: queries.filter((q, i) => i % 2 === 1 && !seen.has(q.message)) };
}

const sample = (queries: Query[]) => QUERY_CLASSES.flatMap((cls) => queries.filter((q) => q.cls === cls).slice(0, BASELINE_QUERIES_PER_CLASS));

const results: Result[] = [];
for (const size of SIZES) {
  const { patterns, queries } = (INDEPENDENT ? buildIndependentCorpus : buildCorpus)(size, 2 * QUERIES_PER_CLASS);
  const { measured, warmUp } = split(queries);
  const perClass = QUERY_CLASSES.map((cls) => `${cls} ${measured.filter((q) => q.cls === cls).length}`).join(', ');
  console.error(`${size} patterns: measured queries: ${perClass}; warm-up queries: ${warmUp.length}`);
  results.push(measure('engine', size, () => new PatternEngine(patterns), measured, warmUp));
  results.push(measure('naive', size, () => new NaiveMatcher(patterns), sample(measured), sample(warmUp)));
  const [engine, naive] = results.slice(-2) as [Result, Result];
  console.error(`${size} patterns: engine ${engine.perSecond.toFixed(0)}/s vs naive ${naive.perSecond.toFixed(0)}/s (${(engine.perSecond / naive.perSecond).toFixed(0)}×)`);
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const header = ['matcher', 'patterns', 'p50 µs', 'p99 µs', 'replies/s', '× naive', 'repeated replies/s', 'build ms', 'build CPU ms', 'heap MB', 'heap B/pattern', ...QUERY_CLASSES];
const rows = results.map((r) => {
  const naive = results.find((n) => n.name === 'naive' && n.size === r.size)!;
  return [
    r.name, fmt(r.size), fmt(r.p50, 1), fmt(r.p99, 1), fmt(r.perSecond), r.name === 'engine' ? `${fmt(r.perSecond / naive.perSecond)}×` : '',
    fmt(r.repeatedPerSecond), fmt(r.buildMs), fmt(r.buildCpuMs), fmt(r.heapMb, 1), fmt((r.heapMb * 2 ** 20) / r.size),
    ...QUERY_CLASSES.map((cls) => `${fmt((r.accuracy[cls] ?? 0) * 100, 1)}%`),
  ];
});
const load = loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`\n${INDEPENDENT ? 'independent English FAQ corpus' : 'invented-word corpus'}; node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${load}`);
console.log(`Up to ${QUERIES_PER_CLASS} measured queries per class (naive: ${BASELINE_QUERIES_PER_CLASS}), each timed once after ${WARM_UP_MS} ms of warm-up on other queries:`);
console.log('p50, p99, replies/s and × naive are for messages the matcher has not just answered. "repeated" asks the same');
console.log(`queries again (median of ${ROUNDS} rounds). Build CPU includes V8 GC threads. Accuracy: share answered by the expected`);
console.log('pattern (no-match classes: share correctly given the fallback).\n');
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map((h, i) => (i < 2 ? '---' : '---:')).join('|')}|`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);

/**
 * What the SDK costs per call, against raw fetch doing the same request, in one run against a live
 * stage-5 server: the same key, the same route, interleaved (SDK, raw, SDK, raw, …) so both see the
 * same server and machine. Prints mean, p50 and p95 per call for each, and the difference.
 *   pnpm --filter @journey/sdk bench [calls per route, default 300]
 */
import { JourneyClient } from '../src/index';
import { startLiveServer } from '../test/live-server';

const CALLS = Number(process.argv[2] ?? 300);
const WARM_UP = 30;

const live = await startLiveServer();
try {
  const apiKey = await live.newKey('enterprise');
  const journey = new JourneyClient({ apiKey, baseUrl: live.url });
  const headers = { authorization: `Bearer ${apiKey}`, accept: 'application/json' };

  const raw = {
    ping: async () => {
      const res = await fetch(`${live.url}/api/v1/ping`, { headers });
      if (!res.ok) throw new Error(`ping: ${res.status}`);
      return res.json();
    },
    chat: async () => {
      const res = await fetch(`${live.url}/api/v1/chat`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'hello' }),
      });
      if (!res.ok) throw new Error(`chat: ${res.status}`);
      return (await res.json()).reply;
    },
  };
  const sdk = { ping: () => journey.ping(), chat: () => journey.chat('hello') };

  console.log(`SDK overhead per call, ${CALLS} calls each, interleaved, against ${live.url} (stage 5 on PGlite)\n`);
  console.log('route   client  mean ms  p50 ms  p95 ms');
  for (const route of ['ping', 'chat'] as const) {
    for (let i = 0; i < WARM_UP; i++) await sdk[route](), await raw[route]();
    const times = { sdk: [] as number[], raw: [] as number[] };
    for (let i = 0; i < CALLS; i++) {
      // Alternate which goes first, so neither always follows the other's garbage.
      const order = i % 2 === 0 ? (['sdk', 'raw'] as const) : (['raw', 'sdk'] as const);
      for (const who of order) {
        const started = performance.now();
        await (who === 'sdk' ? sdk : raw)[route]();
        times[who].push(performance.now() - started);
      }
    }
    const s = stats(times.sdk);
    const r = stats(times.raw);
    console.log(`${route.padEnd(7)} sdk     ${fmt(s.mean)}  ${fmt(s.p50)}  ${fmt(s.p95)}`);
    console.log(`${route.padEnd(7)} fetch   ${fmt(r.mean)}  ${fmt(r.p50)}  ${fmt(r.p95)}`);
    console.log(`${route.padEnd(7)} sdk − fetch: mean ${(s.mean - r.mean).toFixed(3)} ms, p50 ${(s.p50 - r.p50).toFixed(3)} ms; ratio of means ${(s.mean / r.mean).toFixed(3)}\n`);
  }
} finally {
  await live.close();
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, p50: at(0.5), p95: at(0.95) };
}

function fmt(ms: number): string {
  return ms.toFixed(3).padStart(7);
}

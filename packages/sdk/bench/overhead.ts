/**
 * What the SDK costs per call, against raw fetch doing the same request, in one run against a live
 * stage-5 server: the same key, the same route, the same headers (a POST's raw fetch sends an
 * Idempotency-Key too, as the SDK does), interleaved so both see the same server and machine.
 * Prints mean, p50 and p95 per call for each, and the difference. For chat, a third client, raw
 * fetch without the key, shows what the server's idempotency record costs (not the SDK's doing).
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

  const chat = (withIdempotencyKey: boolean) => async () => {
    const res = await fetch(`${live.url}/api/v1/chat`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', ...(withIdempotencyKey ? { 'idempotency-key': crypto.randomUUID() } : {}) },
      body: JSON.stringify({ message: 'hello' }),
    });
    if (!res.ok) throw new Error(`chat: ${res.status}`);
    return (await res.json()).reply;
  };
  const ping = async () => {
    const res = await fetch(`${live.url}/api/v1/ping`, { headers });
    if (!res.ok) throw new Error(`ping: ${res.status}`);
    return res.json();
  };
  type Client = { name: string; call: () => Promise<unknown> };
  const routes: Record<'ping' | 'chat', Client[]> = {
    ping: [
      { name: 'sdk', call: () => journey.ping() },
      { name: 'fetch', call: ping },
    ],
    chat: [
      { name: 'sdk', call: () => journey.chat('hello') },
      { name: 'fetch', call: chat(true) },
      { name: 'fetch, no Idempotency-Key', call: chat(false) },
    ],
  };

  console.log(`SDK overhead per call, ${CALLS} calls each, interleaved, against ${live.url} (stage 5 on PGlite)\n`);
  console.log('route  client                      mean ms   p50 ms   p95 ms');
  for (const [route, clients] of Object.entries(routes)) {
    for (let i = 0; i < WARM_UP; i++) for (const client of clients) await client.call();
    const times = clients.map(() => [] as number[]);
    for (let i = 0; i < CALLS; i++) {
      // Rotate who goes first, so none always follows another's garbage.
      for (let k = 0; k < clients.length; k++) {
        const index = (i + k) % clients.length;
        const started = performance.now();
        await clients[index]!.call();
        times[index]!.push(performance.now() - started);
      }
    }
    const [sdk, fetched, ...others] = times.map(stats);
    clients.forEach((client, index) => {
      const { mean, p50, p95 } = stats(times[index]!);
      console.log(`${route.padEnd(6)} ${client.name.padEnd(27)} ${fmt(mean)}  ${fmt(p50)}  ${fmt(p95)}`);
    });
    console.log(`${route.padEnd(6)} sdk − fetch: mean ${(sdk!.mean - fetched!.mean).toFixed(3)} ms, p50 ${(sdk!.p50 - fetched!.p50).toFixed(3)} ms; ratio of means ${(sdk!.mean / fetched!.mean).toFixed(3)}`);
    for (const other of others) console.log(`${route.padEnd(6)} fetch − (fetch, no Idempotency-Key): mean ${(fetched!.mean - other.mean).toFixed(3)} ms (the server storing the answer for replay)`);
    console.log('');
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

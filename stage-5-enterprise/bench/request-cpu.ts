/**
 * `pnpm --filter stage-5 bench:request-cpu`: the CPU one request costs the server and PostgreSQL,
 * by route: one instance on PostgreSQL and Redis (a throwaway database), no nginx, autocannon with
 * 10 connections for SECONDS (default 10) per route. Printed, never asserted: figures depend on the
 * machine. To compare two versions of the code, run it on each, one after the other.
 *
 * The instance's CPU and that of every `postgres` process are read from /proc (scripts/processes.ts,
 * Linux only) before and after, and divided by the requests served.
 *
 * ROUTE=chat measures only the routes whose path contains it. PROFILE_DIR=/tmp/prof writes the
 * server's CPU profile there when it stops (open it in Chrome DevTools: Performance, Load profile).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { cpuSeconds } from '../scripts/processes';
import { freshDatabase } from '../test/databases';

const SECONDS = Number(process.env.SECONDS ?? 10);
const PORT = Number(process.env.PORT ?? 3951);
const STAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const url = `http://127.0.0.1:${PORT}`;

async function json(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { headers: res.headers, body: JSON.parse((await res.text()) || '{}') };
}

const database = await freshDatabase('postgres');
const profile = process.env.PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROFILE_DIR}`] : [];
const server = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/server/main.ts'], {
  cwd: STAGE_DIR,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: database.where.databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `bench-${randomBytes(4).toString('hex')}:`,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'warn',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'journey-bench-')),
    PORT: String(PORT),
    HOST: '127.0.0.1',
  },
});
try {
  for (let ready = false; !ready; await new Promise((resolve) => setTimeout(resolve, 200))) {
    ready = await fetch(`${url}/health/ready`).then((res) => res.ok, () => false);
  }
  // An enterprise organization with 50 patterns and 10 keys, as the load test has.
  const signup = await json('POST', '/api/auth/signup', { email: `bench-${randomBytes(4).toString('hex')}@example.com`, password: 'correct horse battery staple' });
  const cookie = signup.headers.getSetCookie()[0]!.split(';')[0]!;
  const { activeOrgId } = (await json('GET', '/api/orgs', undefined, { cookie })).body;
  await json('POST', `/api/orgs/${activeOrgId}/billing/demo`, { plan: 'enterprise' }, { cookie });
  for (let i = 0; i < 50; i++) await json('POST', '/api/patterns', { trigger: `topic ${i}`, response: `answer ${i}` }, { cookie });
  const keys: string[] = [];
  for (let i = 0; i < 10; i++) keys.push((await json('POST', `/api/orgs/${activeOrgId}/api-keys`, { name: `bench ${i}` }, { cookie })).body.key);

  const routes = [
    { name: 'GET /health/live (no key, no database)', path: '/health/live' },
    { name: 'GET /api/v1/ping (the key checked)', path: '/api/v1/ping' },
    { name: 'GET /api/v1/patterns?limit=20', path: '/api/v1/patterns?limit=20' },
    { name: 'POST /api/v1/chat', path: '/api/v1/chat', body: { message: 'tell me about topic 7' } },
    { name: 'POST /api/v1/patterns (teach)', path: '/api/v1/patterns', body: { trigger: 'a note from the bench', response: 'noted' } },
  ].filter((route) => route.path.includes(process.env.ROUTE ?? ''));
  console.log(`${SECONDS} s per route, 10 connections, after 3 s of warm-up`);
  for (const route of routes) {
    let i = 0;
    const run = (duration: number) =>
      autocannon({
        url: `${url}${route.path}`,
        connections: 10,
        duration,
        method: route.body ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json' },
        body: route.body && JSON.stringify(route.body),
        requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${keys[i++ % keys.length]}` } }) }],
      });
    await run(3);
    const isServer = (proc: { pid: number }) => proc.pid === server.pid;
    const isPostgres = (proc: { name: string }) => proc.name === 'postgres';
    const [server0, postgres0] = [cpuSeconds(isServer), cpuSeconds(isPostgres)];
    const result = await run(SECONDS);
    const served = result.requests.total;
    const serverMs = ((cpuSeconds(isServer) - server0) * 1000) / served;
    const postgresMs = ((cpuSeconds(isPostgres) - postgres0) * 1000) / served;
    console.log(
      `${route.name.padEnd(42)} ${String(Math.round(result.requests.average)).padStart(5)} req/s, p50 ${result.latency.p50} ms; CPU per request: server ${serverMs.toFixed(2)} ms, PostgreSQL ${Math.max(0, postgresMs).toFixed(2)} ms; non-2xx ${result.non2xx}`,
    );
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  await database.drop();
}

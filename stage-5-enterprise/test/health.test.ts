import { request } from 'node:http';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createReadiness } from '../src/server/ops/readiness';
import { ENGINES, call, ownerQuery, startTestServer, type TestServer } from './helpers';

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A GET with a Host header of our choosing (fetch does not let one set it). */
function getWithHost(url: string, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(`${url}${path}`, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    })
      .on('error', reject)
      .end();
  });
}

/** Runs one statement on the PostgreSQL server as the superuser (outside the app's database). */
async function asSuperuser(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.each(ENGINES)('health probes on %s', (engine) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('/health/live answers 200; /health/ready checks the database and the migrations; /api/health stays', async () => {
    server = await startTestServer({ engine });
    expect(await call(server.url, 'GET', '/health/live')).toMatchObject({ status: 200, json: { status: 'live' } });
    const ready = await call(server.url, 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.json).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await call(server.url, 'GET', '/api/health')).toMatchObject({ status: 200, json: { status: 'ok' } });
  });

  it("probes answer whatever the Host (a kubelet calls the pod's address); the app still refuses strange hosts", async () => {
    server = await startTestServer({ engine });
    expect(await getWithHost(server.url, '/health/live', '10.1.2.3:3005')).toBe(200);
    expect(await getWithHost(server.url, '/health/ready', '10.1.2.3:3005')).toBe(200);
    expect(await getWithHost(server.url, '/api/health', '10.1.2.3:3005')).toBe(421);
  });

  it('a migration the database lacks makes it not ready (503), naming the failed check and no internals', async () => {
    server = await startTestServer({ engine });
    await ownerQuery(server.db, "DELETE FROM schema_migrations WHERE name = '007-api-keys-and-admin.sql'");
    const ready = await call(server.url, 'GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.json).toEqual({ status: 'not_ready', checks: { database: 'ok', migrations: 'failed' } });
  });

  it('a check registered later (as Redis will be) counts: failing, it makes readiness 503', async () => {
    server = await startTestServer({ engine });
    server.server.readiness.add('redis', () => Promise.reject(new Error('ECONNREFUSED 127.0.0.1:6379')));
    const ready = await call(server.url, 'GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.json).toEqual({ status: 'not_ready', checks: { database: 'ok', migrations: 'ok', redis: 'failed' } });
    expect(ready.text).not.toContain('6379');
  });

  it('draining: readiness answers 503 at once, liveness still 200', async () => {
    server = await startTestServer({ engine, env: { DRAIN_DELAY_MS: '1500' } });
    const stopping = server.server.stop();
    expect(await call(server.url, 'GET', '/health/ready')).toMatchObject({ status: 503, json: { status: 'draining', checks: {} } });
    expect((await call(server.url, 'GET', '/health/live')).status).toBe(200);
    await stopping;
  });
});

describe('readiness when the database goes away', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it.each(ENGINES.filter((engine) => engine === 'postgres'))('%s refusing connections: 503 database failed, then 200 once it takes them again', async (engine) => {
    server = await startTestServer({ engine });
    const name = new URL(server.server.config.databaseUrl!).pathname.slice(1);
    await asSuperuser(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    await asSuperuser(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
    const down = await call(server.url, 'GET', '/health/ready');
    expect(down.status).toBe(503);
    expect(down.json).toEqual({ status: 'not_ready', checks: { database: 'failed', migrations: 'failed' } });
    await asSuperuser(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    expect(await call(server.url, 'GET', '/health/ready')).toMatchObject({ status: 200, json: { status: 'ready' } });
  });

  it.each(ENGINES)('a closed database (%s: PGlite closed, or a stopped pool): 503 database failed', async (engine) => {
    const closing = await startTestServer({ engine });
    await closing.db.close();
    const down = await call(closing.url, 'GET', '/health/ready');
    expect(down.status).toBe(503);
    expect(down.json.checks.database).toBe('failed');
    await closing.close().catch(() => {}); // its database is closed already: stop() closing it again throws
  });
});

describe('readiness checks', () => {
  it('a check that never answers fails as a timeout instead of holding the probe', async () => {
    const readiness = createReadiness({ timeoutMs: 50 });
    readiness.add('fast', async () => {});
    readiness.add('stuck', () => new Promise(() => {}));
    expect(await readiness.report()).toMatchObject({ ready: false, status: 'not_ready', checks: { fast: 'ok', stuck: 'timeout' } });
  });

  it('with no failing check it is ready; once draining it is not, whatever the checks say', async () => {
    const readiness = createReadiness();
    readiness.add('fast', async () => {});
    expect(await readiness.report()).toMatchObject({ ready: true, status: 'ready', checks: { fast: 'ok' } });
    readiness.drain();
    expect(await readiness.report()).toMatchObject({ ready: false, status: 'draining' });
  });
});

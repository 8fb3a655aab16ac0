import { Agent, request, type ClientRequest, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, PASSWORD, call, spawnServer, tempDataDir, uniqueEmail, type ServerProcess } from './helpers';
import { freshDatabase, type TestDatabase } from './databases';

// The fastest engine to start a process on: PostgreSQL when the run has it.
const ENGINE = ENGINES.includes('postgres') ? 'postgres' : 'pglite';

/**
 * A signup whose body arrives in two halves: between them the request is in flight (the server has
 * its headers and waits in the handler), for as long as the test likes. `finish()` sends the rest.
 */
function slowSignup(url: string) {
  const body = JSON.stringify({ email: uniqueEmail('slow'), password: PASSWORD });
  const half = Math.floor(body.length / 2);
  let req!: ClientRequest;
  const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req = request(`${url}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
    });
    req.on('response', (res: IncomingMessage) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk)).on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, half));
  req.flushHeaders();
  return { response, finish: () => req.end(body.slice(half)) };
}

/** An idle keep-alive connection, left open after one answered request. */
async function idleKeepAlive(url: string): Promise<{ closed: Promise<void> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const socket = await new Promise<Socket>((resolve, reject) => {
    const req = request(`${url}/health/live`, { agent }, (res) => res.resume().on('end', () => resolve(req.socket as Socket)));
    req.on('error', reject).end();
  });
  expect(socket.destroyed).toBe(false);
  return { closed: new Promise((resolve) => socket.once('close', () => resolve())) };
}

const refused = (url: string) => fetch(`${url}/health/live`).then(
  () => false,
  (error: Error & { cause?: { code?: string } }) => error.cause?.code === 'ECONNREFUSED',
);

describe(`SIGTERM drains the server (a process on ${ENGINE})`, () => {
  let database: TestDatabase;
  let spawned: ServerProcess | undefined;
  afterEach(async () => {
    if (spawned?.child.exitCode === null) spawned.child.kill('SIGKILL');
    await spawned?.exited;
    await database?.drop();
  });

  const start = async (env: Record<string, string>) => {
    database = await freshDatabase(ENGINE);
    const where: Record<string, string> = database.where.databaseUrl ? { DATABASE_URL: database.where.databaseUrl } : {};
    spawned = await spawnServer(database.where.databaseUrl ? tempDataDir() : database.where.dataDir, { ...where, ...env });
    return spawned;
  };

  it('readiness 503 first, then new connections refused, keep-alive closed; the request in flight completes (201); exit 0', async () => {
    const server = await start({ DRAIN_DELAY_MS: '1000' });
    const idle = await idleKeepAlive(server.url);
    const slow = slowSignup(server.url);
    await sleep(100); // the server has the request's headers: it is in flight

    server.child.kill('SIGTERM');
    await sleep(100);
    // Draining: balancers are told first, while the listener still serves.
    expect(await call(server.url, 'GET', '/health/ready')).toMatchObject({ status: 503, json: { status: 'draining' } });
    expect((await call(server.url, 'GET', '/health/live')).status).toBe(200);

    // After the delay: the listener is closed and idle connections are gone; the slow one waits.
    await idle.closed;
    await expect.poll(() => refused(server.url), { timeout: 5_000, interval: 100 }).toBe(true);
    expect(server.child.exitCode).toBeNull();

    slow.finish();
    expect((await slow.response).status).toBe(201);
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/"signal":"SIGTERM"[\s\S]*"msg":"stopped"/);
  });

  it('a request that never finishes is cut at SHUTDOWN_TIMEOUT_MS, and the process still exits 0', async () => {
    const server = await start({ SHUTDOWN_TIMEOUT_MS: '500' });
    const stuck = slowSignup(server.url);
    await sleep(100);
    const sent = performance.now();
    server.child.kill('SIGTERM');

    await expect(stuck.response).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(await server.exited).toBe(0);
    expect(performance.now() - sent).toBeLessThan(5_000);
    expect(server.output()).toContain('connections cut');
  });
});

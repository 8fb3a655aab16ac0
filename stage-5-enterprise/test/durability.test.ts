import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createExport } from '@journey/llm-core';
import { freshDatabase, type TestDatabase } from './databases';
import { ENGINES, call, listAll, onPlan, signUp, spawnServer, tempDataDir, type Engine, type ServerProcess } from './helpers';

const running: ServerProcess[] = [];
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await server.exited;
  }
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Where a spawned server keeps its data: a data folder, and for PostgreSQL a new database too. */
async function newPlace(engine: Engine): Promise<{ dataDir: string; env: Record<string, string> }> {
  const dataDir = tempDataDir();
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  if (engine === 'pglite') return { dataDir, env: {} };
  const database: TestDatabase = await freshDatabase('postgres');
  cleanups.push(() => database.drop());
  return { dataDir, env: { DATABASE_URL: database.where.databaseUrl! } };
}
const start = async (place: { dataDir: string; env: Record<string, string> }) => {
  const server = await spawnServer(place.dataDir, place.env);
  running.push(server);
  return server;
};

describe.each(ENGINES)('durability on %s', (engine) => {
  it('kill -9 while writes are in flight loses none of the acknowledged ones', async () => {
    const place = await newPlace(engine);
    const first = await start(place);
    const session = await signUp(first.url);
    await onPlan(first.url, session); // room for more than the free plan's 10 patterns
    const before = (await listAll(first.url, session)).length;

    // 8 writers keep writing; the process is killed once 100 writes are acknowledged, with more in flight.
    const acked: string[] = [];
    let killed = false;
    const writer = async (w: number) => {
      for (let i = 0; !killed; i++) {
        try {
          const res = await call(first.url, 'POST', '/api/patterns', { trigger: `durable ${w} ${i}`, response: `kept ${w} ${i}` }, { session });
          if (res.status === 201) acked.push(res.json.pattern.id);
        } catch {
          return; // the connection died with the process: this write was never acknowledged
        }
        if (acked.length >= 100 && !killed) {
          killed = true;
          first.child.kill('SIGKILL'); // no shutdown handler runs: the database is not closed
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    expect(await first.exited).toBe('SIGKILL');

    // The same session still works: its signing secret was kept in the data folder.
    const second = await start(place);
    const patterns = await listAll(second.url, session);
    expect(patterns.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(acked));
    expect(patterns.length).toBeGreaterThanOrEqual(before + acked.length);
    // And the restarted engine answers from them.
    const newest = patterns[0]!; // the list is newest first
    expect((await call(second.url, 'POST', '/api/chat', { message: newest.trigger }, { session })).json.reply.text).toBe(newest.response);
  });

  it('SIGTERM lets an in-flight request finish, then exits cleanly with the database closed', async () => {
    const place = await newPlace(engine);
    const server = await start(place);
    const session = await signUp(server.url);
    const body = JSON.stringify(createExport([{ trigger: 'sent during shutdown', response: 'still saved' }]));

    // Start a request and send only half of its body, so it is in flight when the signal arrives.
    const { port } = new URL(server.url);
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/import', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie: session.cookie } });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 20));
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the server accept the connection

    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.child.exitCode).toBeNull(); // still waiting for the request
    req.end(body.slice(20));

    expect(await answer).toEqual({ status: 200, text: JSON.stringify({ imported: 1 }) });
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');

    const again = await start(place);
    expect((await call(again.url, 'POST', '/api/chat', { message: 'sent during shutdown' }, { session })).json.reply.text).toBe('still saved');
  });
});

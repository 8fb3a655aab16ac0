import { existsSync, rmSync } from 'node:fs';
import { databasePath } from '../src/server/db';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createExport } from '@journey/llm-core';
import { call, signUp, spawnServer, tempDataDir, type ServerProcess } from './helpers';

const running: ServerProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
    await server.exited;
  }
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});
const newDataDir = () => {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
};
const start = async (dataDir: string) => {
  const server = await spawnServer(dataDir);
  running.push(server);
  return server;
};

describe('durability', () => {
  it('kill -9 right after the last acknowledgement loses none of the N acknowledged writes', async () => {
    const N = 200;
    const dataDir = newDataDir();
    const first = await start(dataDir);
    const session = await signUp(first.url);
    const before = (await call(first.url, 'GET', '/api/patterns', undefined, { session })).json.patterns.length;

    const acked: string[] = [];
    for (let i = 0; i < N; i++) {
      const res = await call(first.url, 'POST', '/api/patterns', { trigger: `durable ${i}`, response: `kept ${i}` }, { session });
      expect(res.status).toBe(201);
      acked.push(res.json.pattern.id);
    }
    first.child.kill('SIGKILL'); // no shutdown handler runs: the database is not closed, the WAL not checkpointed
    expect(await first.exited).toBe('SIGKILL');

    // The same session still works: its signing secret was kept in the data folder.
    const second = await start(dataDir);
    const { patterns } = (await call(second.url, 'GET', '/api/patterns', undefined, { session })).json;
    expect(patterns).toHaveLength(before + N);
    expect(patterns.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(acked));
    // And the restarted engine answers from them.
    expect((await call(second.url, 'POST', '/api/chat', { message: `durable ${N - 1}` }, { session })).json.reply.text).toBe(`kept ${N - 1}`);
  });

  it('SIGTERM lets an in-flight request finish, then exits cleanly with the database closed', async () => {
    const dataDir = newDataDir();
    const server = await start(dataDir);
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
    // A clean close checkpoints the write-ahead log into the database file and removes it.
    expect(existsSync(`${databasePath(dataDir)}-wal`)).toBe(false);

    const again = await start(dataDir);
    expect((await call(again.url, 'POST', '/api/chat', { message: 'sent during shutdown' }, { session })).json.reply.text).toBe('still saved');
  });
});

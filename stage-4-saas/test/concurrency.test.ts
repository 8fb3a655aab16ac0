import { rmSync } from 'node:fs';
import { databasePath } from '../src/server/db';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { call, signUp, spawnServer, tempDataDir, type ServerProcess } from './helpers';

let server: ServerProcess | undefined;
let dataDir: string;
afterEach(async () => {
  server?.child.kill('SIGKILL');
  await server?.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

const WRITERS = 50;
const SECONDS = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('concurrent writers', () => {
  it(`${WRITERS} writers for ${SECONDS} s, while another connection also writes: no SQLITE_BUSY reaches a client, nothing lost`, async () => {
    dataDir = tempDataDir();
    server = await spawnServer(dataDir);
    const session = await signUp(server.url);
    const before = (await call(server.url, 'GET', '/api/patterns', undefined, { session })).json.patterns.length;

    // A second connection to the same file (think: a backup job or the sqlite3 shell) that keeps
    // taking the write lock and holding it for a few milliseconds. Without busy_timeout, the
    // server's writes would fail with SQLITE_BUSY whenever they collide with it.
    const other = new Database(databasePath(dataDir));
    other.pragma('busy_timeout = 5000');
    const stopAt = Date.now() + SECONDS * 1000;
    let otherWrites = 0;
    const competitor = (async () => {
      while (Date.now() < stopAt) {
        other.exec('BEGIN IMMEDIATE');
        other.prepare('UPDATE patterns SET updated_at = updated_at WHERE 0').run();
        await sleep(5); // hold the lock while the server is trying to write
        other.exec('COMMIT');
        otherWrites++;
        await sleep(20); // then let go for a while, as a periodic job would
      }
    })();

    const statuses = new Map<number, number>();
    const errors: unknown[] = [];
    const acked: string[] = [];
    const writer = async (w: number) => {
      for (let i = 0; Date.now() < stopAt; i++) {
        const res = await call(server!.url, 'POST', '/api/patterns', { trigger: `writer ${w} item ${i}`, response: 'ok' }, { session });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 201) acked.push(res.json.pattern.id);
        else errors.push(res.json);
      }
    };
    await Promise.all([competitor, ...Array.from({ length: WRITERS }, (_, w) => writer(w))]);
    other.close();

    expect(errors).toEqual([]);
    expect([...statuses.keys()]).toEqual([201]);
    expect(server.output()).not.toMatch(/SQLITE_BUSY/);
    expect(otherWrites).toBeGreaterThan(10); // the competitor really did take the lock, repeatedly
    const ids: string[] = (await call(server.url, 'GET', '/api/patterns', undefined, { session })).json.patterns.map((p: { id: string }) => p.id);
    expect(ids).toHaveLength(before + acked.length);
    expect(ids).toEqual(expect.arrayContaining(acked));
    console.log(`concurrency: ${acked.length} acknowledged writes by ${WRITERS} writers, ${otherWrites} competing transactions`);
  });
});

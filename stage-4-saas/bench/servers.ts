/**
 * The targets of `pnpm bench`, started side by side in one process (set up the same way, load
 * applied to one at a time): stage 3's app as it is (SQLite, one user), and this stage's app twice,
 * on the embedded PGlite and on a new database on the PostgreSQL server (created here, dropped on
 * SIGTERM). Each has one signed-in user whose space holds the same 1k patterns, so the differences
 * are the tenancy layer and the database. Prints the URLs as one JSON line, then serves until stopped.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { pino } from 'pino';
import { loadConfig } from '../src/server/config';
import { createServer } from '../src/server/server';
import { freshDatabase, type TestDatabase } from '../test/databases';
import { benchPatterns } from './workload';

const listen = (app: express.Express) =>
  new Promise<string>((resolve) => {
    const server: Server = app.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });

// Logs go to /dev/null: their cost is counted, the terminal is not flooded.
const logger = () => pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination('/dev/null'));
// PATTERN_QUOTA: room for the examples and the 1k bench patterns in one account (organization).
const configIn = (dataDir: string, databaseUrl?: string) => ({
  DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: process.env.LOG_LEVEL,
  PATTERN_QUOTA: '5000',
});
const dataDirs: string[] = [];
const databases: { close(): Promise<void> }[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `${name}-bench-`));
  dataDirs.push(dir);
  return dir;
};

/** A target: where it listens, and how a request proves who it is (a session cookie, as a browser; or an API key, as a program). */
interface Target {
  url: string;
  headers: Record<string, string>;
  patterns: number;
}

/** Stage 4: a user signs up (which makes their personal organization), and the patterns go into it. */
async function stage4(databaseUrl?: string): Promise<{ session: Target; key: Target }> {
  const config = loadConfig(configIn(tempDir(databaseUrl ? 'stage-4-postgres' : 'stage-4-pglite'), databaseUrl));
  const { app, accounts, patterns, organizations, billing, apiKeys, db } = await createServer(config, { logger: logger() });
  databases.push(db);
  const user = await accounts.signUp('bench@example.com', 'a long bench password', '127.0.0.1');
  const [org] = await organizations.listFor(user.id);
  // Enterprise (demo billing): no plan limit stops 1,000 patterns or the bench's chats; each chat is still counted.
  await billing.demoChange(user.id, org!.id, 'enterprise');
  const imported = (await patterns.importMany(org!.id, user, benchPatterns())).length;
  const { key } = await apiKeys.create(user.id, org!.id, 'bench');
  const url = await listen(app);
  return {
    session: { url, headers: { cookie: `session=${await accounts.startSession(user.id)}` }, patterns: imported },
    key: { url, headers: { authorization: `Bearer ${key}` }, patterns: imported },
  };
}

/**
 * Stage 3, loaded from its own folder next to this one (a copied-out stage 4 has none: then the
 * bench measures stage 4 alone). Imported by path so that this file does not depend on it.
 */
async function stage3(): Promise<Target | null> {
  const serverDir = fileURLToPath(new URL('../../stage-3-users/src/server/', import.meta.url));
  if (!existsSync(serverDir)) return null;
  const load = (file: string) => import(pathToFileURL(join(serverDir, file)).href);
  const [{ loadConfig: loadStage3Config }, { createServer: createStage3Server }] = await Promise.all(['config.ts', 'server.ts'].map(load));
  const { app, accounts, patterns } = createStage3Server(loadStage3Config(configIn(tempDir('stage-3'))), { logger: logger() });
  const user = await accounts.signUp('bench@example.com', 'a long bench password', '127.0.0.1');
  const imported = patterns.importMany(user.id, benchPatterns()).length;
  return { url: await listen(app), headers: { cookie: `session=${await accounts.startSession(user.id)}` }, patterns: imported };
}

/** A new database on the PostgreSQL server (TEST_DATABASE_URL, default the local one), or why there is none. */
async function postgresDatabase(): Promise<TestDatabase | string> {
  try {
    return await freshDatabase('postgres');
  } catch (error) {
    return (error as Error).message;
  }
}

// CPU time this process has used (µs): per request it is a steadier figure than req/s on a busy machine.
const meter = express().get('/cpu', (_req, res) => {
  const { user, system } = process.cpuUsage();
  res.json({ micros: user + system });
});

const database = await postgresDatabase();
const targets = {
  meter: await listen(meter),
  stage3: await stage3(),
  pglite: (await stage4()).session,
  ...(typeof database === 'string'
    ? { postgres: null, postgresKey: null }
    : await stage4(database.where.databaseUrl).then(({ session, key }) => ({ postgres: session, postgresKey: key }))),
  postgresMissing: typeof database === 'string' ? database : null,
};
console.log(JSON.stringify(targets));

process.once('SIGTERM', async () => {
  await Promise.all(databases.map((db) => db.close()));
  dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  if (typeof database !== 'string') await database.drop();
  process.exit(0);
});

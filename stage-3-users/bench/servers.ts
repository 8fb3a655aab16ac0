/**
 * The targets of `pnpm bench`, started side by side in one process (set up the same way, load
 * applied to one at a time): stage 2's app as it is (no accounts), and stage 3's app with a
 * signed-in user. Both have the same 1k patterns, so the difference between them is the
 * authentication layer. Prints the URLs as one JSON line, then serves until it is stopped.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { pino } from 'pino';
import type { PatternInput } from '@journey/llm-core';
import { createApp } from '../src/server/app';
import { createAccounts } from '../src/server/auth/accounts';
import { loadSessionSecret } from '../src/server/auth/session-secret';
import { openDatabase } from '../src/server/db';
import { FileOutbox } from '../src/server/mail/outbox';
import { createPatternsRepo } from '../src/server/patterns-repo';
import { createPatternsService } from '../src/server/patterns-service';
import { benchPatterns } from './workload';

const listen = (app: express.Express) =>
  new Promise<string>((resolve) => {
    const server: Server = app.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });

// Logs go to /dev/null: their cost is counted, the terminal is not flooded.
const logger = () => pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination('/dev/null'));
const dataDirs: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `${name}-bench-`));
  dataDirs.push(dir);
  return dir;
};

/** Stage 3: a user signs up once; every request then carries the session cookie, as a browser's would. */
async function stage3() {
  const dataDir = tempDir('stage-3');
  const db = openDatabase(dataDir);
  const outbox = new FileOutbox(join(dataDir, 'outbox'));
  const accounts = createAccounts(db, { secret: loadSessionSecret(dataDir, undefined), mailer: outbox, appUrl: 'http://localhost' });
  const patterns = createPatternsService(createPatternsRepo(db));
  const user = await accounts.signUp('bench@example.com', 'a long bench password', '127.0.0.1');
  const imported = patterns.importMany(user.id, benchPatterns()).length;
  const app = createApp({ patterns, accounts, logger: logger(), appUrl: 'http://localhost', production: false });
  return { url: await listen(app), cookie: `session=${await accounts.startSession(user.id)}`, patterns: imported };
}

/**
 * Stage 2, loaded from its own folder next to this one (a copied-out stage 3 has none: then the
 * bench measures stage 3 alone). Imported by path so that this file does not depend on it.
 */
async function stage2(): Promise<string | null> {
  const serverDir = fileURLToPath(new URL('../../stage-2-shared/src/server/', import.meta.url));
  if (!existsSync(serverDir)) return null;
  const load = (file: string) => import(pathToFileURL(join(serverDir, file)).href);
  const [{ createApp: createStage2App }, { openDatabase: openStage2 }, repo, service] = await Promise.all(
    ['app.ts', 'db.ts', 'patterns-repo.ts', 'patterns-service.ts'].map(load),
  );
  const patterns = service.createPatternsService(repo.createPatternsRepo(openStage2(tempDir('stage-2'))));
  patterns.importMany(benchPatterns() satisfies PatternInput[]);
  return listen(createStage2App({ patterns, logger: logger(), appUrl: 'http://localhost' }));
}

// CPU time this process has used (µs): per request it is a steadier figure than req/s on a busy machine.
const meter = express().get('/cpu', (_req, res) => {
  const { user, system } = process.cpuUsage();
  res.json({ micros: user + system });
});

const three = await stage3();
const urls = { meter: await listen(meter), stage2: await stage2(), stage3: three.url, cookie: three.cookie, patterns: three.patterns };
console.log(JSON.stringify(urls));

process.once('SIGTERM', () => {
  dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  process.exit(0);
});

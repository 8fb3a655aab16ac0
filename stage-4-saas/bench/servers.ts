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
import { loadConfig } from '../src/server/config';
import { createServer } from '../src/server/server';
import { benchPatterns } from './workload';

const listen = (app: express.Express) =>
  new Promise<string>((resolve) => {
    const server: Server = app.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });

// Logs go to /dev/null: their cost is counted, the terminal is not flooded.
const logger = () => pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination('/dev/null'));
// PATTERN_QUOTA: room for the examples and the 1k bench patterns in one account.
const configIn = (dataDir: string) => ({ DATA_DIR: dataDir, LOG_LEVEL: process.env.LOG_LEVEL, PATTERN_QUOTA: '5000' });
const dataDirs: string[] = [];
const tempDir = (name: string) => {
  const dir = mkdtempSync(join(tmpdir(), `${name}-bench-`));
  dataDirs.push(dir);
  return dir;
};

/** Stage 3: a user signs up once; every request then carries the session cookie, as a browser's would. */
async function stage3() {
  const { app, accounts, patterns, organizations } = await createServer(loadConfig(configIn(tempDir('stage-3'))), { logger: logger() });
  const user = await accounts.signUp('bench@example.com', 'a long bench password', '127.0.0.1');
  const [org] = await organizations.listFor(user.id);
  const imported = (await patterns.importMany(org!.id, user, benchPatterns())).length;
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
  const [{ loadConfig: loadStage2Config }, { createServer: createStage2Server }] = await Promise.all(['config.ts', 'server.ts'].map(load));
  const { app, patterns } = createStage2Server(loadStage2Config(configIn(tempDir('stage-2'))), { logger: logger() });
  patterns.importMany(benchPatterns() satisfies PatternInput[]);
  return listen(app);
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

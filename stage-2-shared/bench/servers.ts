/**
 * The two targets of `pnpm bench`, started side by side in one process (set up the same way, load
 * applied to one at a time): a bare Express JSON endpoint, and the real stage-2 app with 1k patterns.
 * Prints their URLs as one JSON line, then serves until it is stopped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { pino } from 'pino';
import { loadConfig } from '../src/server/config';
import { createServer } from '../src/server/server';
import { benchPatterns } from './workload';

const listen = (app: express.Express) =>
  new Promise<string>((resolve) => {
    const server: Server = app.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });

// The baseline: what Express itself costs to parse a JSON body and answer JSON.
const bare = express();
bare.post('/api/chat', express.json(), (req, res) => {
  res.json({ reply: { text: String(req.body?.message), patternId: null, confidence: 0, captures: {} } });
});
// CPU time this process has used (µs): per request it is a steadier figure than req/s on a busy machine.
bare.get('/cpu', (_req, res) => {
  const { user, system } = process.cpuUsage();
  res.json({ micros: user + system });
});

// The real app: the same middleware, validation, engine and logging as `pnpm start`. Logs go to
// /dev/null so the cost of writing them is counted but the terminal is not flooded.
const dataDir = mkdtempSync(join(tmpdir(), 'stage-2-bench-'));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: process.env.LOG_LEVEL });
const server = createServer(config, { logger: pino({ level: config.logLevel }, pino.destination('/dev/null')) });
server.patterns.importMany(benchPatterns());

const urls = { bare: await listen(bare), chat: await listen(server.app), patterns: server.patterns.list().length };
console.log(JSON.stringify(urls));

process.once('SIGTERM', () => {
  server.db.close();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
});

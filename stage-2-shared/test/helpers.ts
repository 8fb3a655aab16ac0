import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { createApp } from '../src/server/app';
import { openDatabase, type Db } from '../src/server/db';
import { createPatternsRepo } from '../src/server/patterns-repo';
import { createPatternsService } from '../src/server/patterns-service';
export { spawnServer, type ServerProcess } from './server-process';

/** A fresh, empty directory for one test's database; removed by the caller's cleanup. */
export function tempDataDir(): string {
  const base = join(tmpdir(), 'stage-2-tests');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, 'data-'));
}

/** Calls the API and returns the status and the parsed JSON (undefined for an empty body). */
export async function call(url: string, method: string, path: string, body?: unknown, raw = false) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : raw ? String(body) : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
}

export interface TestServer {
  url: string;
  db: Db;
  dataDir: string;
  api: (method: string, path: string, body?: unknown) => ReturnType<typeof call>;
  /** Sends `body` exactly as given (for invalid JSON). */
  raw: (method: string, path: string, body: string) => ReturnType<typeof call>;
  close: () => Promise<void>;
}

/** The real app on port 0 with a throwaway database, in this process, logging nothing. */
export async function startTestServer(options: { webRoot?: string; dataDir?: string; appUrl?: string; patternQuota?: number } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const db = openDatabase(dataDir);
  const app = createApp({
    patterns: createPatternsService(createPatternsRepo(db), { quota: options.patternQuota }),
    logger: pino({ level: 'silent' }),
    appUrl: options.appUrl ?? 'http://localhost:3002',
    webRoot: options.webRoot,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    db,
    dataDir,
    api: (method, path, body) => call(url, method, path, body),
    raw: (method, path, body) => call(url, method, path, body, true),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      if (db.open) db.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

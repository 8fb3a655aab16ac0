import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/server/config';
import { createServer } from '../src/server/server';
import type { Db } from '../src/server/db';
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

/** The real server (createServer, as main.ts) on port 0 with a throwaway database, in this process, logging nothing. */
export async function startTestServer(options: { webRoot?: string; dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const server = createServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), { webRoot: options.webRoot });
  const url = (await server.start()).replace('localhost', '127.0.0.1');
  return {
    url,
    db: server.db,
    dataDir,
    api: (method, path, body) => call(url, method, path, body),
    raw: (method, path, body) => call(url, method, path, body, true),
    close: async () => {
      await server.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/server/config';
import { createServer } from '../src/server/server';
import type { Db } from '../src/server/db';
import type { Pattern, PatternList } from '../src/shared/api';
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

/** Every pattern GET /api/patterns lists, page after page (500 at most a page). */
export async function listAll(url: string): Promise<Pattern[]> {
  const all: Pattern[] = [];
  let cursor: string | null = null;
  do {
    const query = `?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: PatternList = (await call(url, 'GET', `/api/patterns${query}`)).json;
    all.push(...page.patterns);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
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

export interface TestServerOptions {
  webRoot?: string;
  dataDir?: string;
  /** HOST: the address to listen on (127.0.0.1 by default, as in production). */
  host?: string;
  /** APP_URL: the one host name answered besides the loopback names. */
  appUrl?: string;
  /** PATTERN_QUOTA. */
  patternQuota?: number;
}

/** The real server (createServer, as main.ts) on port 0 with a throwaway database, in this process, logging nothing. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    HOST: options.host,
    APP_URL: options.appUrl,
    PATTERN_QUOTA: options.patternQuota?.toString(),
  });
  const server = createServer(config, { webRoot: options.webRoot });
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

import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PasswordHasher } from '../src/server/auth/passwords';
import { loadSessionSecret } from '../src/server/auth/session-secret';
import { loadConfig } from '../src/server/config';
import type { Db } from '../src/server/db';
import type { FileOutbox, Mailer } from '../src/server/mail/outbox';
import { createServer, type JourneyServer } from '../src/server/server';
import type { Pattern, PatternList, User } from '../src/shared/api';
import { ENGINES, freshDatabase, type Engine } from './databases';
export { spawnServer, type ServerProcess } from './server-process';
export { ENGINES, type Engine } from './databases';

/** A password that passes every rule, for test accounts. */
export const PASSWORD = 'correct horse battery staple';

/** bcrypt's cheapest cost, for speed. Only tests use it; passwords.test.ts checks the real default. */
export const TEST_BCRYPT_COST = 4;

/** An email no other test uses. */
export const uniqueEmail = (name = 'user') => `${name}-${randomUUID().slice(0, 8)}@example.com`;

/** A fresh, empty directory for one test's database; removed by the caller's cleanup. */
export function tempDataDir(): string {
  const base = join(tmpdir(), 'stage-5-tests');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, 'data-'));
}

/** A signed-in user as a client holds it: the session cookie the server set. */
export interface Session {
  user: User;
  cookie: string;
}

export interface CallOptions {
  /** Send `body` exactly as given (for invalid JSON). */
  raw?: boolean;
  /** Send this user's session cookie. */
  session?: Session;
  headers?: Record<string, string>;
}

/** An error body without its requestId (unique per request): to compare two answers for a tell. */
export function withoutRequestId<T>(body: T): T {
  const error = (body as { error?: { requestId?: string } } | undefined)?.error;
  if (!error) return body;
  const { requestId: _unique, ...rest } = error;
  return { ...body, error: rest } as T;
}

/** Calls the API and returns the status and the parsed JSON (undefined for an empty body). */
export async function call(url: string, method: string, path: string, body?: unknown, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.session) headers.cookie = options.session.cookie;
  const res = await fetch(`${url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : options.raw ? String(body) : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined };
}

/** Every pattern GET /api/patterns lists for the session, page after page (500 at most a page). */
export async function listAll(url: string, session?: Session): Promise<Pattern[]> {
  const all: Pattern[] = [];
  let cursor: string | null = null;
  do {
    const query = `?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: PatternList = (await call(url, 'GET', `/api/patterns${query}`, undefined, { session })).json;
    all.push(...page.patterns);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/**
 * Puts the session's active organization on a plan through demo billing (as its owner). Tests
 * that teach or chat more than the free plan allows (10 patterns, 100 chats) start with this.
 */
export async function onPlan(url: string, session: Session, plan: 'free' | 'pro' | 'enterprise' = 'enterprise'): Promise<void> {
  const { activeOrgId } = (await call(url, 'GET', '/api/orgs', undefined, { session })).json;
  const res = await call(url, 'POST', `/api/orgs/${activeOrgId}/billing/demo`, { plan }, { session });
  if (res.status !== 204) throw new Error(`demo billing refused: ${res.status} ${res.text}`);
}

/** The `name=value` part of the session cookie a response set (`__Host-session` in production). */
export function sessionCookieOf(headers: Headers): string {
  const cookie = headers.getSetCookie().find((c) => /^(__Host-)?session=/.test(c));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie.split(';')[0]!;
}

/** Signs a new user up through the API. */
export async function signUp(url: string, email = uniqueEmail(), password = PASSWORD): Promise<Session> {
  const res = await call(url, 'POST', '/api/auth/signup', { email, password });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${res.text}`);
  return { user: res.json.user, cookie: sessionCookieOf(res.headers) };
}

type Call = ReturnType<typeof call>;

/** The API as one user sees it (or as nobody, without a session). */
export interface Client {
  session?: Session;
  api: (method: string, path: string, body?: unknown) => Call;
  /** Sends `body` exactly as given (for invalid JSON). */
  raw: (method: string, path: string, body: string) => Call;
}

export function clientFor(url: string, session?: Session): Client {
  return {
    session,
    api: (method, path, body) => call(url, method, path, body, { session }),
    raw: (method, path, body) => call(url, method, path, body, { session, raw: true }),
  };
}

export interface TestServer extends Client {
  url: string;
  db: Db;
  dataDir: string;
  /** The key that signs sessions, to forge tokens with. */
  secret: Uint8Array;
  outbox: FileOutbox;
  /** `api` and `raw` above act as this user, signed up at start. */
  session: Session;
  anonymous: Client;
  /** Another user, signed up now. */
  signUp: (email?: string) => Promise<Client & { session: Session }>;
  /** The server's services, for tests that set up state without HTTP. */
  server: JourneyServer;
  /** Stops the server and deletes its data (keepData: the data folder stays, for the caller to read). */
  close: (options?: { keepData?: boolean }) => Promise<void>;
  /** Stops this server and starts another on the same data (one at a time: PGlite is one process's). */
  restart: () => Promise<Omit<TestServer, 'restart'>>;
}

export interface TestServerOptions {
  webRoot?: string;
  dataDir?: string;
  production?: boolean;
  /** HOST: the address to listen on (127.0.0.1 by default, as in production). */
  host?: string;
  /** APP_URL: links in mails, and the one host name answered besides the loopback names. */
  appUrl?: string;
  /** PATTERN_QUOTA. */
  patternQuota?: number;
  /** A real cost, for the checks that measure hashing; low by default, for speed. */
  bcryptCost?: number;
  /** As behind a reverse proxy on this machine: the client's address comes from X-Forwarded-For. */
  trustProxy?: boolean;
  mailer?: Mailer;
  /** PostgreSQL (a new database, dropped on close) or PGlite in the data folder. */
  engine?: Engine;
  /** More environment, e.g. the Stripe stand-in's (STRIPE_SECRET_KEY, STRIPE_API_URL, …). */
  env?: Record<string, string>;
  /** The clock plan limits read (a new month, the end of a grace period). */
  now?: () => Date;
  /** Where logs go (LOG_LEVEL is silent otherwise): for tests that read them. */
  logger?: Logger;
  /** The plan of the signed-in user's organization (demo billing), for tests that need more than the free plan's 10 patterns. */
  plan?: 'pro' | 'enterprise';
}

/**
 * The real server (createServer, as main.ts) on port 0 with a throwaway database, in this process,
 * logging nothing, one user signed in. Its session key is generated into the data folder, as
 * `pnpm start` does, so a server started again on the same folder accepts the same sessions.
 * `engine`: a new database on the PostgreSQL server, dropped on close (the default: it starts in
 * a fraction of a second), or PGlite in the data folder (a few seconds per start). The suites about
 * tenancy, durability and SQL run on both; PG_TESTS=off makes PGlite the default.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const engine = options.engine ?? (ENGINES.includes('postgres') ? 'postgres' : 'pglite');
  const postgres = engine === 'postgres' ? await freshDatabase('postgres') : undefined;
  const place: Place = { dataDir, databaseUrl: postgres?.where.databaseUrl };
  const running = await serve(place, options);
  return {
    ...running,
    close: async ({ keepData = false } = {}) => {
      await running.close();
      await postgres?.drop();
      if (!options.dataDir && !keepData) rmSync(dataDir, { recursive: true, force: true });
    },
    restart: async () => {
      await running.close();
      const again = await serve(place, options);
      // The new server now owns the data: closing it drops the database and the folder.
      return { ...again, close: async () => (await again.close(), await postgres?.drop(), rmSync(dataDir, { recursive: true, force: true })) };
    },
  };
}

/** Where a test server keeps its data: the data folder, and the PostgreSQL database when there is one. */
type Place = { dataDir: string; databaseUrl?: string };

/** A server on `place`, with a new user signed in; close() stops it (idempotent) and leaves the data. */
async function serve(place: Place, options: TestServerOptions) {
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: place.dataDir,
    LOG_LEVEL: 'silent',
    NODE_ENV: options.production ? 'production' : 'test',
    HOST: options.host,
    APP_URL: options.appUrl ?? 'http://localhost:3005',
    PATTERN_QUOTA: options.patternQuota?.toString(),
    ...(place.databaseUrl ? { DATABASE_URL: place.databaseUrl } : {}),
    ...options.env,
  });
  const server = await createServer(config, {
    webRoot: options.webRoot,
    hasher: new PasswordHasher(options.bcryptCost ?? TEST_BCRYPT_COST),
    mailer: options.mailer,
    trustProxy: options.trustProxy,
    now: options.now,
    logger: options.logger,
  });
  const url = (await server.start()).replace('localhost', '127.0.0.1');
  const session = await signUp(url, uniqueEmail('ada'));
  if (options.plan) await onPlan(url, session, options.plan);
  let stopped: Promise<void> | undefined;
  return {
    url,
    db: server.db,
    dataDir: place.dataDir,
    secret: loadSessionSecret(place.dataDir, undefined),
    outbox: server.outbox,
    ...clientFor(url, session),
    session,
    anonymous: clientFor(url),
    signUp: async (email?: string) => {
      const other = await signUp(url, email);
      return { ...clientFor(url, other), session: other };
    },
    server,
    close: () => (stopped ??= server.stop()),
  };
}

/**
 * A query as the database owner, past row-level security: for tests that count or plant rows
 * across organizations. `SET LOCAL ROLE NONE` returns to the session's own user for this
 * transaction only (the app never does this; see db/pglite.ts).
 */
export function ownerQuery<T = Record<string, unknown>>(db: Db, sql: string, params: unknown[] = []): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL ROLE NONE');
    return tx.query<T>(sql, params);
  });
}

/** The first column of the first row, as the owner: a count, a value. */
export async function ownerValue<T = unknown>(db: Db, sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await ownerQuery(db, sql, params);
  return Object.values(row ?? {})[0] as T;
}

import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import { createApp } from '../src/server/app';
import { createAccounts } from '../src/server/auth/accounts';
import { PasswordHasher } from '../src/server/auth/passwords';
import { openDatabase, type Db } from '../src/server/db';
import { FileOutbox, type Mailer } from '../src/server/mail/outbox';
import { createPatternsRepo } from '../src/server/patterns-repo';
import { createPatternsService } from '../src/server/patterns-service';
import type { User } from '../src/server/users-repo';
export { spawnServer, type ServerProcess } from './server-process';

/** A password that passes every rule, for test accounts. */
export const PASSWORD = 'correct horse battery staple';

/** bcrypt's cheapest cost, for speed. Only tests use it; passwords.test.ts checks the real default. */
export const TEST_BCRYPT_COST = 4;

/** An email no other test uses. */
export const uniqueEmail = (name = 'user') => `${name}-${randomUUID().slice(0, 8)}@example.com`;

/** A fresh, empty directory for one test's database; removed by the caller's cleanup. */
export function tempDataDir(): string {
  const base = join(tmpdir(), 'stage-3-tests');
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
  close: () => Promise<void>;
}

/** The real app on port 0 with a throwaway database, in this process, logging nothing, one user signed in. */
export async function startTestServer(
  options: { webRoot?: string; dataDir?: string; production?: boolean; secret?: Uint8Array; host?: string; appUrl?: string; bcryptCost?: number; trustProxy?: boolean; mailer?: Mailer; patternQuota?: number } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const db = openDatabase(dataDir);
  const secret = options.secret ?? new Uint8Array(randomBytes(32));
  const outbox = new FileOutbox(join(dataDir, 'outbox'));
  const accounts = createAccounts(db, {
    secret,
    mailer: options.mailer ?? outbox,
    appUrl: 'http://localhost:3003',
    hasher: new PasswordHasher(options.bcryptCost ?? TEST_BCRYPT_COST),
  });
  const app = createApp({
    patterns: createPatternsService(createPatternsRepo(db), { quota: options.patternQuota }),
    accounts,
    logger: pino({ level: 'silent' }),
    appUrl: options.appUrl ?? 'http://localhost:3003',
    production: options.production ?? false,
    outbox,
    webRoot: options.webRoot,
  });
  // As behind a reverse proxy on this machine: the client's address comes from X-Forwarded-For.
  if (options.trustProxy) app.set('trust proxy', 'loopback');
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, options.host ?? '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const session = await signUp(url, uniqueEmail('ada'));
  return {
    url,
    db,
    dataDir,
    secret,
    outbox,
    ...clientFor(url, session),
    session,
    anonymous: clientFor(url),
    signUp: async (email) => {
      const other = await signUp(url, email);
      return { ...clientFor(url, other), session: other };
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      if (db.open) db.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

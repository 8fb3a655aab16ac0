import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@journey/testkit';
import { freePort, spawnServer, type ServerProcess } from '../test/server-process';

export interface OwnServerOptions {
  /** More environment, read when the server starts (e.g. a DATABASE_URL made in an earlier beforeAll). */
  env?: () => Record<string, string>;
  /** Runs once before the first start, with the server's data folder (e.g. to migrate data into it). */
  before?: (dataDir: string) => Promise<void>;
}

/**
 * For a spec that stops and starts the server, or needs settings of its own (Stripe's), so it runs
 * its own: the same code and built page as `pnpm start`, with its own database, on a free port that
 * it keeps across a restart. Call it at the top of the spec file (or of a `describe`): it starts the
 * server before the tests and kills it after them. `env` is read when the server starts, so it may
 * name things that other `beforeAll`s, registered first, have started (a Stripe stand-in).
 */
export function ownServer(dataDirPrefix: string, options: OwnServerOptions = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), dataDirPrefix));
  let PORT: string;
  let server: ServerProcess;
  // APP_URL: the address the browser opens, so links back to the app (Stripe's success_url) keep its cookie.
  const spawn = () => spawnServer(dataDir, { PORT, APP_URL: `http://127.0.0.1:${PORT}`, ...options.env?.() });

  test.beforeAll(async () => {
    // Opening PGlite (and a `before` step) can outlast a test's 30 s on a busy machine. Longer than
    // the server's own startup bound (90 s), so a server that never listens says why.
    test.setTimeout(180_000);
    await options.before?.(dataDir);
    PORT = String(await freePort());
    server = await spawn();
  });
  test.afterAll(() => {
    server?.child.kill('SIGKILL');
  });

  return {
    dataDir,
    url: () => server.url,
    /** Stops the server as an operator would (SIGTERM); resolves with its exit code. */
    stop: () => {
      server.child.kill('SIGTERM');
      return server.exited;
    },
    /** Starts it again with the same port and data. */
    start: async () => {
      server = await spawn();
    },
  };
}

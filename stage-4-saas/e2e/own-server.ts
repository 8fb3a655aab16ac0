import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@journey/testkit';
import { freePort, spawnServer, type ServerProcess } from '../test/server-process';

/**
 * For a spec that stops and starts the server, or needs settings of its own (Stripe's), so it runs
 * its own: the same code and built page as `pnpm start`, with its own database, on a free port that
 * it keeps across a restart. Call it at the top of the spec file (or of a `describe`): it starts the
 * server before the tests and kills it after them. `env` is read when the server starts, so it may
 * name things that other `beforeAll`s, registered first, have started (a Stripe stand-in).
 */
export function ownServer(dataDirPrefix: string, env: () => Record<string, string> = () => ({})) {
  const dataDir = mkdtempSync(join(tmpdir(), dataDirPrefix));
  let PORT: string;
  let server: ServerProcess;

  let settings: Record<string, string>;

  test.beforeAll(async () => {
    PORT = String(await freePort());
    // APP_URL: the address the browser opens, so links back to the app (Stripe's success_url) keep its cookie.
    settings = { PORT, APP_URL: `http://127.0.0.1:${PORT}`, ...env() };
    server = await spawnServer(dataDir, settings);
  });
  test.afterAll(() => {
    server.child.kill('SIGKILL');
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
      server = await spawnServer(dataDir, settings);
    },
  };
}

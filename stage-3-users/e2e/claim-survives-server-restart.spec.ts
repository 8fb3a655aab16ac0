import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@journey/testkit';
import { freePort, spawnServer, type ServerProcess } from '../test/server-process';
import { logIn, patternRow, say, signUp, teach, unique, uniqueEmail } from './page-actions';

// This spec stops and starts the server, so it runs its own: the same code and built page as
// `pnpm start`, with its own database, on a free port that it keeps across the restart.
const dataDir = mkdtempSync(join(tmpdir(), 'stage-3-e2e-restart-'));
let PORT: string;
let server: ServerProcess;

test.beforeAll(async () => {
  PORT = String(await freePort());
  server = await spawnServer(dataDir, { PORT });
});
test.afterAll(() => {
  server.child.kill('SIGKILL');
});

test('what was taught, and the sessions, survive a server restart, in both browsers', async ({ page, browser }) => {
  const email = uniqueEmail('keys');
  const trigger = unique('where is the spare key');
  await signUp(page, email, undefined, server.url);
  await teach(page, trigger, 'Under the blue flower pot.');
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logIn(otherPage, email, undefined, server.url);
  await expect((await say(otherPage, trigger)).locator('.bubble')).toHaveText('Under the blue flower pot.');

  // Stop the server as an operator would, then start it again with the same port and data.
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
  server = await spawnServer(dataDir, { PORT });

  // Both browsers are still signed in: the key that signs sessions was kept in the data folder.
  for (const p of [page, otherPage]) {
    await p.reload();
    await expect(patternRow(p, trigger)).toBeVisible();
    await expect((await say(p, trigger)).locator('.bubble')).toHaveText('Under the blue flower pot.');
  }
  await other.close();
});

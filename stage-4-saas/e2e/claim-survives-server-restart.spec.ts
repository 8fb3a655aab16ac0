import { test, expect } from '@journey/testkit';
import { ownServer } from './own-server';
import { logIn, patternRow, say, signUp, teach, unique, uniqueEmail } from './page-actions';

// This spec stops and starts the server, so it runs its own.
const server = ownServer('stage-3-e2e-restart-');

test('what was taught, and the sessions, survive a server restart, in both browsers', async ({ page, browser }) => {
  const email = uniqueEmail('keys');
  const trigger = unique('where is the spare key');
  await signUp(page, email, undefined, server.url());
  await teach(page, trigger, 'Under the blue flower pot.');
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logIn(otherPage, email, undefined, server.url());
  await expect((await say(otherPage, trigger)).locator('.bubble')).toHaveText('Under the blue flower pot.');

  // Stop the server as an operator would, then start it again with the same port and data.
  expect(await server.stop()).toBe(0);
  await server.start();

  // Both browsers are still signed in: the key that signs sessions was kept in the data folder.
  for (const p of [page, otherPage]) {
    await p.reload();
    await expect(patternRow(p, trigger)).toBeVisible();
    await expect((await say(p, trigger)).locator('.bubble')).toHaveText('Under the blue flower pot.');
  }
  await other.close();
});

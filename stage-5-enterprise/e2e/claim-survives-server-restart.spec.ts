import { test, expect } from '@journey/testkit';
import { ownServer } from './own-server';
import { logIn, say, signUp, teach, triggers, uniqueEmail } from './page-actions';

// This spec stops and starts the server, so it runs its own.
const server = ownServer('stage-3-e2e-restart-');

test('what was taught, and the sessions, survive a server restart, in both browsers, and still answer first', async ({ page, browser }) => {
  // The journey's own example: a new account's example greeting `(hi|hello|hey) [there]` also answers `hello`.
  const email = uniqueEmail('hello');
  await signUp(page, email, undefined, server.url());
  await teach(page, 'hello', 'hi there');
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logIn(otherPage, email, undefined, server.url());
  await expect((await say(otherPage, 'hello')).locator('.bubble')).toHaveText('hi there');

  // Stop the server as an operator would, then start it again with the same port and data.
  expect(await server.stop()).toBe(0);
  await server.start();

  // Both browsers are still signed in: the key that signs sessions was kept in the data folder.
  for (const p of [page, otherPage]) {
    await p.reload();
    // Newest first: what was just taught, then the example it took over from.
    await expect(triggers(p)).toContainText(['hello', '(hi|hello|hey) [there]']);
    await expect((await say(p, 'hello')).locator('.bubble')).toHaveText('hi there');
  }
  await other.close();
});

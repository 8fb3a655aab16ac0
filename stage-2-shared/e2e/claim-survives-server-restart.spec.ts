import { test, expect } from '@journey/testkit';
import { ownServer } from './own-server';
import { say, teach, triggers } from './page-actions';

// This spec stops and starts the server, so it runs its own (a fresh database, with the examples).
const server = ownServer('stage-2-e2e-restart-');

test('what was taught survives a server restart, in both browsers, and still answers first', async ({ page, browser }) => {
  // The journey's own example: the example greeting `(hi|hello|hey) [there]` also answers `hello`.
  await page.goto(server.url());
  await teach(page, 'hello', 'hi there');
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(server.url());
  await expect((await say(otherPage, 'hello')).locator('.bubble')).toHaveText('hi there');

  // Stop the server as an operator would, then start it again with the same port and data.
  expect(await server.stop()).toBe(0);
  await server.start();

  for (const p of [page, otherPage]) {
    await p.reload();
    // Newest first: what was just taught, then the example it took over from.
    await expect(triggers(p)).toContainText(['hello', '(hi|hello|hey) [there]']);
    await expect((await say(p, 'hello')).locator('.bubble')).toHaveText('hi there');
  }
  await other.close();
});

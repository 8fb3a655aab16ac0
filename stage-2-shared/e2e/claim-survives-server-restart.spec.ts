import { test, expect } from '@journey/testkit';
import { ownServer } from './own-server';
import { patternRow, say, teach, unique } from './page-actions';

// This spec stops and starts the server, so it runs its own.
const server = ownServer('stage-2-e2e-restart-');

test('what was taught survives a server restart, in both browsers', async ({ page, browser }) => {
  const trigger = unique('where is the spare key');
  await page.goto(server.url());
  await teach(page, trigger, 'Under the blue flower pot.');
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(server.url());
  await expect((await say(otherPage, trigger)).locator('.bubble')).toHaveText('Under the blue flower pot.');

  // Stop the server as an operator would, then start it again with the same port and data.
  expect(await server.stop()).toBe(0);
  await server.start();

  for (const p of [page, otherPage]) {
    await p.reload();
    await expect(patternRow(p, trigger)).toBeVisible();
    await expect((await say(p, trigger)).locator('.bubble')).toHaveText('Under the blue flower pot.');
  }
  await other.close();
});

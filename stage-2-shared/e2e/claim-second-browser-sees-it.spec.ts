import { test, expect } from '@journey/testkit';
import { open, patternRow, say, teach, unique } from './page-actions';

test('what one browser teaches, a second browser (context) sees and answers with', async ({ page, browser }) => {
  const trigger = unique('what is our team motto');
  await open(page);
  await teach(page, trigger, 'Ship small, ship often.');

  // A separate context shares nothing with the first: no cookies, no storage. Only the server.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await open(otherPage);
  await expect(patternRow(otherPage, trigger)).toBeVisible();
  const answer = await say(otherPage, trigger);
  await expect(answer.locator('.bubble')).toHaveText('Ship small, ship often.');
  await other.close();
});

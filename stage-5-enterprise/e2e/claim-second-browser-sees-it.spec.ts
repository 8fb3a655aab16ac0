import { test, expect } from '@journey/testkit';
import { logIn, patternRow, say, signUp, teach, unique, uniqueEmail } from './page-actions';

test('what a user teaches in one browser, the same user sees on a second browser after logging in', async ({ page, browser }) => {
  const email = uniqueEmail('motto');
  const trigger = unique('what is our team motto');
  await signUp(page, email);
  await teach(page, trigger, 'Ship small, ship often.');

  // A separate context shares nothing with the first: no cookies, no storage. Only the server,
  // and it asks who you are first.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logIn(otherPage, email);
  await expect(patternRow(otherPage, trigger)).toBeVisible();
  const answer = await say(otherPage, trigger);
  await expect(answer.locator('.bubble')).toHaveText('Ship small, ship often.');
  await other.close();
});

import { test, expect } from '@journey/testkit';
import { open, patternRow, signUp, teach, triggers, unique, uniqueEmail } from './page-actions';

test("user A's patterns are invisible to user B, in another browser", async ({ page, browser }) => {
  const secret = unique('what is the vault code');
  await signUp(page, uniqueEmail('alice'));
  await teach(page, secret, '4-8-15-16');

  const other = await browser.newContext();
  const bobPage = await other.newPage();
  await signUp(bobPage, uniqueEmail('bob'));
  await expect(triggers(bobPage).first()).toBeVisible(); // B's list has loaded (B's own examples)
  await expect(patternRow(bobPage, secret)).toHaveCount(0);
  await expect(bobPage.getByText('4-8-15-16')).toHaveCount(0);

  // And what B teaches stays out of A's list, even after a reload.
  const bobs = unique('bob only');
  await teach(bobPage, bobs, 'mine');
  await open(page);
  await expect(patternRow(page, secret)).toBeVisible();
  await expect(patternRow(page, bobs)).toHaveCount(0);
  await other.close();
});

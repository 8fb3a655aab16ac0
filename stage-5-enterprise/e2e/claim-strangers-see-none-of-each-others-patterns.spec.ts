import { test, expect } from '@journey/testkit';
import { open, patternRow, signUp, teach, triggers, unique, uniqueEmail } from './page-actions';

// Stage 3's claim, kept: a new account starts in an organization of its own, so strangers still share nothing.
test("A's patterns are invisible to B, a stranger with an account (and an organization) of their own", async ({ page, browser }) => {
  const secret = unique('what is the vault code');
  await signUp(page, uniqueEmail('alice'));
  await teach(page, secret, '4-8-15-16');

  const other = await browser.newContext();
  const bobPage = await other.newPage();
  await signUp(bobPage, uniqueEmail('bob'));
  await expect(triggers(bobPage).first()).toBeVisible(); // B's list has loaded (the examples of B's own organization)
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

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@journey/testkit';
import { PASSWORD, logIn, logOut, signUp, uniqueEmail } from './page-actions';

// Chromium logs the refusals this spec causes on purpose (the old password's 401, the used link's
// 400) as console errors; here they are the expected outcome.
test.use({ allowConsoleErrors: [/status of (400|401)/] });

/**
 * The text of the newest mail to `to`, once it matches `pattern`. The server sends a mail after it
 * answers, so it may not be written yet: wait for it (the e2e server runs as production: no
 * /dev/outbox page to look at).
 */
async function mailTo(to: string, pattern: RegExp): Promise<string> {
  let text = '';
  await expect.poll(() => (text = newestMailTo(to)), { intervals: [100] }).toMatch(pattern);
  return text; // the mail the poll matched, not one read again after it
}

/** '' while there is none: a poll whose function throws fails at once instead of trying again. */
function newestMailTo(to: string): string {
  const outbox = join(process.env.STAGE3_E2E_DATA_DIR!, 'outbox');
  const mails = readdirSync(outbox)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(outbox, name), 'utf8')) as { to: string; text: string })
    .filter((mail) => mail.to === to);
  return mails.at(-1)?.text ?? '';
}

test('forgot password: a mailed link sets a new password once; the old one stops working', async ({ page }) => {
  const email = uniqueEmail('forgetful');
  await signUp(page, email);
  await logOut(page);

  await page.getByRole('button', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('status')).toHaveText('If this email has an account, a reset link is on its way.');

  const link = /http:\/\/localhost:\d+\/#reset=[\w-]+/.exec(await mailTo(email, /#reset=/))![0];
  // The mail links to the app's configured address; open the same path on this test server.
  const path = new URL(link).hash;
  await page.goto(`/${path}`);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('Your password is changed. Sign in with the new one.')).toBeVisible();
  await expect(page).not.toHaveURL(/reset=/);

  await logIn(page, email, 'a brand new passphrase');
  await logOut(page);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');

  // The link worked once.
  await page.goto(`/${path}`);
  await page.getByLabel('New password', { exact: true }).fill('yet another passphrase');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('alert')).toHaveText('This reset link is invalid, used or expired. Ask for a new one.');
});

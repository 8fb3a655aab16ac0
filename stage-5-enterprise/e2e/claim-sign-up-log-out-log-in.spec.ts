import { test, expect } from '@journey/testkit';
import { PASSWORD, enterEmail, logIn, logOut, patternRow, signUp, teach, unique, uniqueEmail } from './page-actions';

// Chromium logs the refusals these specs cause on purpose (a wrong password's 401, a weak
// password's 400, a taken email's 409) as console errors; here they are the expected outcome.
test.use({ allowConsoleErrors: [/status of (400|401|409)/] });

test('sign up, log out, log in: the account and its patterns are there again', async ({ page, context }) => {
  const email = uniqueEmail('ada');
  await signUp(page, email);
  // A new account starts with the examples, so the first chat works.
  await expect(patternRow(page, 'my name is {name}')).toBeVisible();
  const trigger = unique('what is my locker number');
  await teach(page, trigger, '42');

  // The session is a cookie the page cannot read; in production its name is __Host- prefixed (Secure, path /, no Domain).
  const session = (await context.cookies()).find((cookie) => cookie.name === '__Host-session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('session');

  await logOut(page);
  expect((await context.cookies()).find((cookie) => cookie.name === '__Host-session')).toBeUndefined();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible(); // still signed out after a reload

  // A wrong password is refused with a message that does not say which half was wrong.
  await enterEmail(page, email);
  await page.getByLabel('Password', { exact: true }).fill(`${PASSWORD}!`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');

  await logIn(page, email);
  await expect(patternRow(page, trigger)).toBeVisible();
});

test('signing up twice with one email is refused, with the reason beside the form', async ({ page, browser }) => {
  const email = uniqueEmail('twice');
  await signUp(page, email);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto('/');
  await otherPage.getByRole('button', { name: 'Create an account' }).click();
  await otherPage.getByLabel('Email', { exact: true }).fill(email.toUpperCase());
  await otherPage.getByLabel('New password', { exact: true }).fill('password123');
  await otherPage.getByRole('button', { name: 'Create account' }).click();
  // The password rule answers first, under its field...
  await expect(otherPage.getByText('This password is one of the most common ones; choose another.')).toBeVisible();
  await otherPage.getByLabel('New password', { exact: true }).fill('a much better passphrase');
  await otherPage.getByRole('button', { name: 'Create account' }).click();
  // ...then the taken email, on top.
  await expect(otherPage.getByRole('alert')).toHaveText('An account with this email already exists. Log in instead.');
  await other.close();
});

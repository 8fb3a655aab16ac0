import { test, expect } from '@journey/testkit';
import { logIn, logOut, open, signUp, uniqueEmail } from './page-actions';

// The ended sessions' calls answer 401 on purpose; Chromium logs them as console errors.
test.use({ allowConsoleErrors: [/status of 401/] });

test('logging out ends the session on the server: a copy of the cookie is refused', async ({ page, context }) => {
  await signUp(page, uniqueEmail('copied'));
  const copied = (await context.cookies()).find((cookie) => cookie.name === '__Host-session')!;
  await logOut(page);
  const res = await page.request.get('/api/patterns', { headers: { cookie: `${copied.name}=${copied.value}` } });
  expect(res.status()).toBe(401);
});

test('"Sign out everywhere" in one browser signs the other one out too', async ({ page, browser }) => {
  const email = uniqueEmail('everywhere');
  await signUp(page, email);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logIn(otherPage, email);

  await otherPage.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(otherPage.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await logIn(page, email); // the account itself is fine
  await open(page);
  await other.close();
});

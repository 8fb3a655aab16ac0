import { test, expect } from '@journey/testkit';
import { createOrganization, invite, signUp, unique, uniqueEmail } from './page-actions';

// The refused accept answers 403 on purpose; Chromium logs it as a console error.
test.use({ allowConsoleErrors: [/status of 403/] });

test('an invitation opened by another account says whose it is, joins nothing, and offers to switch account', async ({ page, browser }) => {
  const acme = unique('Acme');
  const invited = uniqueEmail('invited');
  await signUp(page, uniqueEmail('owner'));
  await createOrganization(page, acme);
  const link = await invite(page, invited);

  const other = await browser.newContext();
  const strangerPage = await other.newPage();
  await signUp(strangerPage, uniqueEmail('stranger'));
  await strangerPage.goto(link);
  await strangerPage.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(strangerPage.getByRole('alert')).toHaveText(`This invitation is for ${invited}. Sign in with that email to accept it.`);
  const { orgs } = await (await strangerPage.request.get('/api/orgs')).json();
  expect(orgs.map((org: { name: string }) => org.name)).not.toContain(acme);

  // "Use another account" signs out here and offers the way in, on the same link.
  await strangerPage.getByRole('button', { name: 'Use another account' }).click();
  await expect(strangerPage.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  await expect(strangerPage).toHaveURL(/\/invite#/);
  await other.close();
});

import { test, expect } from '@journey/testkit';
import { PASSWORD, createOrganization, expectBrainOf, mailTo, openMembers, signUp, unique, uniqueEmail } from './page-actions';

// Sign-up does not verify emails, so a domain link joins nobody by itself: it mails a link to the
// address the person signed in with, and only opening that mail joins.
test('a domain link mails the person a link to their own address; opening that mail joins', async ({ page, browser }, testInfo) => {
  const acme = unique('Acme');
  const domain = `acme-${Math.random().toString(36).slice(2, 8)}.example`;
  await signUp(page, uniqueEmail('owner'));
  await createOrganization(page, acme);
  await openMembers(page);
  await page.getByLabel('everyone on a domain').check();
  await page.locator('journey-invite-form').getByLabel('Email domain').fill(domain); // the SSO card has one too
  await page.getByRole('button', { name: 'Create domain link' }).click();
  const link = await page.getByLabel('Invitation link').inputValue();

  const context = await browser.newContext();
  const ada = await context.newPage();
  const email = `ada-${Math.random().toString(36).slice(2, 8)}@${domain}`;
  await ada.goto(link);
  await ada.getByLabel('Email', { exact: true }).fill(email);
  await ada.getByLabel('New password', { exact: true }).fill(PASSWORD);
  await ada.getByRole('button', { name: 'Create account' }).click();
  await expect(ada.getByRole('status')).toHaveText(`We sent a link to ${email}: open it to join ${acme}.`);
  await ada.screenshot({ path: testInfo.outputPath('mailed-wide.png'), fullPage: true });
  await ada.setViewportSize({ width: 390, height: 800 });
  await expect(ada.getByRole('status')).toBeVisible();
  await ada.screenshot({ path: testInfo.outputPath('mailed-390.png'), fullPage: true });
  const { orgs } = await (await ada.request.get('/api/orgs')).json();
  expect(orgs.map((org: { name: string }) => org.name)).not.toContain(acme);

  // The mail: proof that Ada reads that mailbox.
  const mailed = /\S+\/invite#\S+/.exec(await mailTo(email, /\/invite#/))![0];
  await ada.goto('/');
  await ada.goto(mailed);
  await ada.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(ada.getByText(`You joined ${acme} as member.`)).toBeVisible();
  await expectBrainOf(ada, acme);
  await context.close();
});

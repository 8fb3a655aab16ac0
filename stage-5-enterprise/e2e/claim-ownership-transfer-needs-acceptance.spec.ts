import { test, expect } from '@journey/testkit';
import { acceptBySigningUp, createOrganization, invite, openMembers, signUp, unique, uniqueEmail } from './page-actions';

test('ownership offered to a member changes nothing until that member accepts; then the roles swap', async ({ page, browser }) => {
  const acme = unique('Acme');
  const owner = uniqueEmail('owner');
  const member = uniqueEmail('member');
  await signUp(page, owner);
  await createOrganization(page, acme);
  const link = await invite(page, member);
  const other = await browser.newContext();
  const memberPage = await other.newPage();
  await acceptBySigningUp(memberPage, link, member, acme);

  // The owner offers.
  await page.reload();
  await openMembers(page);
  await page.getByLabel('Transfer ownership to').selectOption({ label: member });
  await page.getByRole('button', { name: 'Offer ownership' }).click();
  await expect(page.getByText(`Ownership offered to ${member}: nothing changes until they accept.`)).toBeVisible();
  await expect(page.getByRole('heading', { name: `Ownership offered to ${member}` })).toBeVisible();

  // Nothing has changed yet: both keep their roles, on both pages.
  await page.reload();
  await expect(page.getByText('You are an owner')).toBeVisible();
  await memberPage.reload();
  await openMembers(memberPage);
  await expect(memberPage.getByText('You are a member')).toBeVisible();
  await expect(memberPage.getByRole('button', { name: 'Delete organization' })).toHaveCount(0);

  // The member sees the offer and accepts it.
  await expect(memberPage.getByRole('heading', { name: `${owner} offers you ownership of ${acme}` })).toBeVisible();
  await memberPage.getByRole('button', { name: 'Accept ownership' }).click();
  await expect(memberPage.getByText(`You are now an owner of ${acme}.`)).toBeVisible();
  await expect(memberPage.getByText('You are an owner')).toBeVisible();
  await expect(memberPage.getByRole('heading', { name: /offers you ownership/ })).toHaveCount(0);

  // Roles swapped: the old owner is an admin now, and cannot act on the new owner.
  await page.reload();
  await expect(page.getByText('You are an admin')).toBeVisible();
  const rows = page.locator('journey-members li');
  await expect(rows.filter({ hasText: member })).toContainText('owner');
  await expect(page.getByRole('combobox', { name: `Role of ${member}` })).toHaveCount(0);
  await other.close();
});

import { test, expect } from '@journey/testkit';
import { createOrganization, expectBrainOf, openMembers, signUp, teach, unique, uniqueEmail } from './page-actions';

// The refused demotion answers 409 on purpose; Chromium logs it as a console error.
test.use({ allowConsoleErrors: [/status of 409/] });

test('the last owner cannot step down; deleting the organization takes its name typed again', async ({ page }) => {
  const email = uniqueEmail('founder');
  const acme = unique('Acme');
  await signUp(page, email);
  await createOrganization(page, acme);
  await teach(page, unique('what is our address'), '1 Main Street');
  await openMembers(page);

  // The last owner: the server refuses, the page says why, and the role stays.
  await page.getByLabel(`Role of ${email}`).selectOption('member');
  await expect(page.locator('journey-members').getByRole('alert')).toHaveText(
    'An organization needs an owner: make someone else owner first, or delete the organization.',
  );
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue('owner');

  const confirm = page.getByLabel(`Type ${acme} to confirm`);
  const remove = page.getByRole('button', { name: 'Delete organization' });
  await expect(remove).toBeDisabled();
  await confirm.fill(acme.slice(0, -1));
  await expect(remove).toBeDisabled();
  await confirm.fill(acme);
  await remove.click();

  // Gone from the switcher; the page is back in the personal organization.
  await expect(page.getByText(`Deleted ${acme}.`)).toBeVisible();
  await expectBrainOf(page, `${email.split('@')[0]}'s organization`);
  await expect(page.getByLabel('Organization', { exact: true }).locator('option')).toHaveCount(1);
});

import { test, expect } from '@journey/testkit';
import { ownPostgresServer } from './own-postgres-server';
import { say, signUp, uniqueEmail } from './page-actions';

// The refused chat: Chromium logs the 403.
test.use({ allowConsoleErrors: [/status of 403/] });

/**
 * A platform admin suspends an organization from /admin with a reason: its members see a notice
 * with that reason, and their chat shows the server's refusal; once unsuspended, chat answers again.
 * Its own server on its own PostgreSQL database, so the operator's command can make the admin.
 */
const server = ownPostgresServer('stage-5-e2e-suspend-');

test('an admin suspends an organization: its member sees why and cannot chat, until it is lifted', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const adaEmail = uniqueEmail('ada');
  await signUp(page, adaEmail, undefined, server.url());
  const { orgs } = await (await page.request.get(`${server.url()}/api/orgs`)).json();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const adminEmail = uniqueEmail('operator');
  await signUp(admin, adminEmail, undefined, server.url());
  await server.grantPlatformAdmin(adminEmail);
  await admin.goto(`${server.url()}/admin`);
  await admin.getByRole('link', { name: orgs[0].name }).click();
  await admin.getByLabel('Reason for the suspension').fill('card fraud under review');
  await admin.getByRole('button', { name: 'Suspend organization' }).click();
  await expect(admin.getByText(`${orgs[0].name} is suspended.`)).toBeVisible();
  await expect(admin.locator('journey-admin-org .chip', { hasText: 'suspended' })).toBeVisible();

  // Ada, when she next opens the page: the notice, and the server's own refusal in the chat.
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: `${orgs[0].name} is suspended` })).toContainText('card fraud under review');
  await page.getByLabel('Message').fill('hello');
  await page.getByLabel('Message').press('Enter');
  await expect(page.locator('journey-chat-panel').getByRole('alert')).toHaveText('This organization is suspended (card fraud under review). Contact support.');

  // Lifted: no notice, and chat answers.
  await admin.getByRole('button', { name: 'Unsuspend' }).click();
  await expect(admin.getByText(`${orgs[0].name} is no longer suspended.`)).toBeVisible();
  await adminContext.close();
  await page.reload();
  await expect((await say(page, 'hello')).locator('.bubble')).not.toBeEmpty();
  await expect(page.getByText(`${orgs[0].name} is suspended`)).toHaveCount(0);
});

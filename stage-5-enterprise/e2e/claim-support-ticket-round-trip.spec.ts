import { test, expect } from '@journey/testkit';
import { ownPostgresServer } from './own-postgres-server';
import { signUp, uniqueEmail } from './page-actions';

/**
 * "Contact support", both ways: a user writes from the app; a platform admin finds the ticket in
 * /admin with who wrote it and for which organization, replies and closes it; the reply arrives
 * as a mail to the user, in the outbox (/dev/outbox: this server runs as development).
 *
 * Its own server on its own PostgreSQL database, so the operator's command can make the admin
 * while the server runs.
 */
const server = ownPostgresServer('stage-5-e2e-support-', { NODE_ENV: 'development' });

test('a support message goes from the user to an admin, and the reply comes back as mail', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const userEmail = uniqueEmail('ada');
  await signUp(page, userEmail, undefined, server.url());
  await page.getByRole('link', { name: 'Support' }).click();
  await expect(page.getByRole('heading', { name: 'Contact support' })).toBeVisible();
  const question = 'Our import stopped at 10 patterns. Is that the free plan?';
  await page.getByLabel('Your message').fill(question);
  await page.getByRole('button', { name: 'Send to support' }).click();
  await expect(page.getByText(`Thank you: your message was sent to support. We will answer by email to ${userEmail}.`)).toBeVisible();
  await expect(page.getByLabel('Your message')).toHaveValue('');

  // The admin, in another browser.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const adminEmail = uniqueEmail('operator');
  await signUp(admin, adminEmail, undefined, server.url());
  await server.grantPlatformAdmin(adminEmail);
  await admin.goto(`${server.url()}/admin#support`);
  const ticket = admin.getByRole('article', { name: `Ticket from ${userEmail}` });
  await expect(ticket).toContainText(question);
  await expect(ticket.getByRole('link', { name: /organization/ })).toBeVisible(); // the user's organization
  const answer = 'Yes: the free plan keeps 10 patterns. Pro keeps 1,000; I have comped you a week of it.';
  await ticket.getByLabel(`Reply to ${userEmail}`).fill(answer);
  await ticket.getByRole('button', { name: 'Send reply' }).click();
  await expect(admin.getByText(`Reply mailed to ${userEmail}.`)).toBeVisible();
  await expect(ticket).toContainText(answer); // kept with the ticket
  await ticket.getByRole('button', { name: 'Close ticket' }).click();
  await expect(admin.getByText('No open tickets: nobody is waiting.')).toBeVisible();
  await admin.getByRole('button', { name: 'Closed' }).click();
  await expect(admin.getByRole('article', { name: `Ticket from ${userEmail}` })).toContainText(answer);
  await adminContext.close();

  // Back to the user, as mail.
  await page.goto(`${server.url()}/dev/outbox`);
  const mail = page.locator('article').filter({ hasText: 'Re: your support request' });
  await expect(mail).toHaveCount(1);
  await expect(mail).toContainText(`To ${userEmail}`);
  await expect(mail).toContainText(answer);
});

import { test, expect } from '@journey/testkit';
import { createOrganization, patternRow, say, signUp, switchOrganization, teach, unique, uniqueEmail } from './page-actions';

test('switching organization changes what the chat knows, and back again', async ({ page }) => {
  const email = uniqueEmail('switcher');
  const personal = `${email.split('@')[0]}'s organization`; // signup's own, with the examples
  const acme = unique('Acme');
  const question = unique('what is the wifi password');
  await signUp(page, email);
  await createOrganization(page, acme);
  await teach(page, question, 'acme-guest-2024');
  await expect((await say(page, question)).locator('.bubble')).toHaveText('acme-guest-2024');

  await switchOrganization(page, personal);
  // A fresh conversation, with the personal brain: it does not know Acme's answer, but knows its own.
  await expect(page.locator('journey-chat-panel li.bot:not([aria-label])')).toHaveCount(0);
  await expect(patternRow(page, question)).toHaveCount(0);
  const answer = await say(page, question);
  await expect(answer).not.toContainText('acme-guest-2024');
  await expect(answer).toContainText('No pattern matched');
  await expect((await say(page, 'hello')).locator('.bubble')).not.toContainText('No pattern matched');

  await switchOrganization(page, acme);
  await expect((await say(page, question)).locator('.bubble')).toHaveText('acme-guest-2024');
  // The choice is the session's, on the server: a reload stays in Acme.
  await page.reload();
  await expect(page.getByText(`These patterns belong to ${acme}`)).toBeVisible();
  await expect(patternRow(page, question)).toBeVisible();
});

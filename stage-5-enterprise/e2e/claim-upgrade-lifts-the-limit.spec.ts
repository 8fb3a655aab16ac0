import { createExport } from '@journey/llm-core';
import { test, expect } from '@journey/testkit';
import { ownServer } from './own-server';
import { expectBrainOf, openChat, signUp, teach, triggers, uniqueEmail, usageFigure } from './page-actions';

// The first 11th pattern is refused with 402 on purpose; Chromium logs it as a console error.
test.use({ allowConsoleErrors: [/status of 402/] });

// Its own server: the shared one allows 30 sign-ups an address per 15 minutes, and the other specs use them up.
const server = ownServer('stage-5-e2e-demo-upgrade-');

test('after upgrading through demo billing (no card), the 11th pattern is saved', async ({ page }) => {
  const email = uniqueEmail('upgrade');
  await signUp(page, email, undefined, server.url()); // 5 example patterns
  const five = createExport(Array.from({ length: 5 }, (_, i) => ({ trigger: `upgrade pattern ${i}`, response: `answer ${i}` })));
  expect((await page.request.post(`${server.url()}/api/import`, { data: five })).status()).toBe(200);
  await page.reload();
  await expect(triggers(page)).toHaveCount(10);

  // Refused on the free plan: the upgrade prompt.
  await page.getByLabel('When someone says').fill('the eleventh pattern');
  await page.getByLabel('Reply with').fill('saved after the upgrade');
  await page.getByRole('button', { name: 'Teach it' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upgrade to keep going' });
  await dialog.getByRole('button', { name: 'Upgrade to Pro · $29 a month' }).click();

  // No Stripe key on this server: the demo billing page, labelled as such.
  await expect(page.getByRole('heading', { name: 'Demo billing, no card' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /^Pro/ })).toBeChecked();
  await page.getByRole('button', { name: 'Switch to Pro' }).click();

  // Back in the app, on Pro.
  await expect(page.getByText(/is now on the Pro plan \(demo billing, no card\)/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Plan and usage' })).toBeVisible();
  await expect(page.locator('journey-usage .chip')).toHaveText('Pro plan');
  await expect(usageFigure(page, 'Patterns')).toHaveText('10 of 1,000');

  await openChat(page);
  await expectBrainOf(page, `${email.split('@')[0]}'s organization`);
  await teach(page, 'the eleventh pattern', 'saved after the upgrade');
  await page.reload();
  await expect(triggers(page)).toHaveCount(11);
  await expect(triggers(page).first()).toHaveText('the eleventh pattern');
});

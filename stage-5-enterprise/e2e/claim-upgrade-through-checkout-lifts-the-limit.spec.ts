import { createExport } from '@journey/llm-core';
import { test, expect } from '@journey/testkit';
import { openChat, signUp, teach, triggers, uniqueEmail, usageFigure } from './page-actions';
import { ownServerWithStripe } from './stripe-server';

// The first 11th pattern is refused with 402 on purpose, and the stand-in's checkout page has no
// favicon (404); Chromium logs both as console errors.
test.use({ allowConsoleErrors: [/status of (402|404)/] });

// Billing through Stripe: this spec's own server talks to the local Stripe stand-in.
const { server } = ownServerWithStripe('stage-5-e2e-checkout-');

test('after paying through Stripe Checkout (the stand-in), the 11th pattern is saved', async ({ page }) => {
  await signUp(page, uniqueEmail('checkout'), undefined, server.url()); // 5 example patterns
  const five = createExport(Array.from({ length: 5 }, (_, i) => ({ trigger: `checkout pattern ${i}`, response: `answer ${i}` })));
  expect((await page.request.post(`${server.url()}/api/import`, { data: five })).status()).toBe(200);
  await page.reload();
  await expect(triggers(page)).toHaveCount(10);

  await page.getByLabel('When someone says').fill('the eleventh pattern');
  await page.getByLabel('Reply with').fill('saved after paying');
  await page.getByRole('button', { name: 'Teach it' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upgrade to keep going' });
  await dialog.getByRole('button', { name: 'Upgrade to Pro · $29 a month' }).click();

  // Stripe's checkout page (the stand-in's): Pay sends the signed webhooks, then comes back.
  await expect(page.getByRole('heading', { name: 'Stripe stand-in: checkout' })).toBeVisible();
  await page.getByRole('button', { name: 'Pay' }).click();

  await expect(page.getByText(/Payment received, thank you: .* is on the Pro plan now\./)).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#billing'); // a reload would not thank again
  await expect(page.locator('journey-usage .chip')).toHaveText('Pro plan');
  await expect(usageFigure(page, 'Patterns')).toHaveText('10 of 1,000');
  await expect(page.getByRole('button', { name: 'Manage billing' })).toBeVisible(); // there is a subscription now

  await openChat(page);
  await teach(page, 'the eleventh pattern', 'saved after paying');
  await page.reload();
  await expect(triggers(page)).toHaveCount(11);
});

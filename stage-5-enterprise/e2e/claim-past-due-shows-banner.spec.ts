import type { Page } from '@playwright/test';
import { test, expect } from '@journey/testkit';
import { openPlanAndUsage, signUp, uniqueEmail } from './page-actions';
import { activeOrgId, ownServerWithStripe } from './stripe-server';
import type { StripeStandIn } from '../test/stripe-stand-in';

/** A new owner's organization pays for Pro through Checkout (the stand-in's Pay), then a renewal fails. */
async function paidThenFailed(page: Page, base: string, stripe: StripeStandIn): Promise<void> {
  await signUp(page, uniqueEmail('past-due'), undefined, base);
  const orgId = await activeOrgId(page.request, base);
  const { url } = (await (await page.request.post(`${base}/api/orgs/${orgId}/billing/checkout`, { data: { plan: 'pro' } })).json()) as { url: string };
  const subscription = await stripe.pay(url.split('/').at(-1)!);
  // What Stripe does when a renewal's charge fails: the subscription goes past_due, and it says so.
  const failed = stripe.set(subscription.id, 'past_due');
  expect(await stripe.deliver('invoice.payment_failed', stripe.invoiceFor(failed))).toBe(200);
  await page.reload();
}

const banner = (page: Page) => page.locator('journey-past-due').getByRole('alert');

test.describe('within the grace period', () => {
  const { server, stripe } = ownServerWithStripe('stage-5-e2e-past-due-');

  test('a past-due organization sees the banner: payment failed, and until when its paid limits last', async ({ page }) => {
    await paidThenFailed(page, server.url(), stripe());
    await expect(banner(page)).toContainText('Payment failed. The last payment for the Pro plan of');
    await expect(banner(page)).toContainText('did not go through. Pro limits last until');
    await expect(banner(page)).toContainText("after that the free plan's limits apply until it is paid.");
    await expect(banner(page).getByRole('button', { name: 'Manage billing' })).toBeVisible(); // the owner's way to pay

    // Paid limits still apply meanwhile.
    await openPlanAndUsage(page);
    await expect(page.locator('journey-usage .chip')).toHaveText('Pro plan');
    await expect(banner(page)).toBeVisible(); // on every tab
  });
});

test.describe('after the grace period', () => {
  // No grace at all: the failed payment's grace period is over at once.
  const { server, stripe } = ownServerWithStripe('stage-5-e2e-past-due-over-', { BILLING_GRACE_DAYS: '0' });

  test('the banner says the free limits apply now, and nothing was deleted', async ({ page }) => {
    await paidThenFailed(page, server.url(), stripe());
    await expect(banner(page)).toContainText('Payment failed. The Pro plan of');
    await expect(banner(page)).toContainText('is unpaid, and its grace period ended on');
    await expect(banner(page)).toContainText("the free plan's limits apply now (10 patterns, 100 chats a month).");
    await expect(banner(page)).toContainText('Nothing was deleted, and paying brings Pro back.');
    await openPlanAndUsage(page);
    await expect(page.locator('journey-usage .chip')).toHaveText('Free plan');
  });
});

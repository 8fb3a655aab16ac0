import { test, expect } from '@journey/testkit';
import { ownServer } from './own-server';
import { openChat, openPlanAndUsage, signUp, teach, triggers, uniqueEmail, usageFigure } from './page-actions';

// The 11th pattern is refused with 402 on purpose; Chromium logs it as a console error.
test.use({ allowConsoleErrors: [/status of 402/] });

// Its own server: the shared one allows 30 sign-ups an address per 15 minutes, and the other specs use them up.
const server = ownServer('stage-5-e2e-free-plan-');

test('on the free plan, 10 patterns are saved and the 11th is refused with the upgrade prompt', async ({ page }) => {
  await signUp(page, uniqueEmail('free'), undefined, server.url()); // a new account's organization starts with 5 example patterns
  await expect(triggers(page)).toHaveCount(5);
  for (let i = 1; i <= 5; i++) await teach(page, `free plan pattern ${i}`, `answer ${i}`);
  await expect(triggers(page)).toHaveCount(10);

  // The 11th: refused, and the dialog says why, with the plans side by side.
  await page.getByLabel('When someone says').fill('the eleventh pattern');
  await page.getByLabel('Reply with').fill('never saved');
  await page.getByRole('button', { name: 'Teach it' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upgrade to keep going' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('alert')).toHaveText('The free plan keeps 10 patterns, and this organization has 10. Upgrade to teach more; nothing was saved.');
  const rows = dialog.getByRole('table', { name: 'Plans' }).getByRole('row');
  await expect(rows).toHaveText([
    'Plan Patterns Chats a month Per month',
    'Free current 10 100 $0',
    'Pro 1,000 10,000 $29',
    'Enterprise Unlimited Unlimited $299',
  ]);
  await expect(dialog).toContainText('it keeps them all, but nobody can teach or import new ones until it is under the limit again');
  // The owner can upgrade from here.
  await expect(dialog.getByRole('button', { name: 'Upgrade to Pro · $29 a month' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Upgrade to Enterprise · $299 a month' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Not now' }).click();
  await expect(dialog).toBeHidden();

  // Nothing was saved, here or on the server.
  await expect(page.locator('journey-teach-form')).toContainText('The free plan keeps 10 patterns');
  await page.reload();
  await expect(triggers(page)).toHaveCount(10);
  await expect(triggers(page).filter({ hasText: 'the eleventh pattern' })).toHaveCount(0);

  // The usage bars say the same.
  await openPlanAndUsage(page);
  await expect(page.locator('journey-usage .chip')).toHaveText('Free plan');
  await expect(usageFigure(page, 'Patterns')).toHaveText('10 of 10 · limit reached');
  await expect(usageFigure(page, /^Chats in /)).toHaveText('0 of 100');
  await openChat(page);
});

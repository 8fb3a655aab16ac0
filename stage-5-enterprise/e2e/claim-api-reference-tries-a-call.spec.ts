import { test, expect } from '@journey/testkit';
import { signUp, uniqueEmail } from './page-actions';
import { createApiKey } from './saas-actions';

/**
 * The interactive reference at /docs/api is served by the app itself (no CDN) under its strict
 * Content-Security-Policy: a developer authorizes with a key made in the page and calls ping from
 * the reference, which answers 200 with their organization. No script is blocked on the way.
 */
test('the API reference authorizes with a key and calls ping, with nothing blocked by the CSP', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(String(error)));
  await signUp(page, uniqueEmail('dev'));
  const key = await createApiKey(page, 'Reference');

  await page.goto('/docs/api');
  await expect(page.getByRole('heading', { name: /Journey API/ })).toBeVisible();
  await page.getByRole('button', { name: 'Authorize' }).first().click();
  await page.locator('.modal-ux input').fill(key);
  await page.locator('.modal-ux').getByRole('button', { name: 'Apply credentials' }).click();
  await page.locator('.modal-ux').getByRole('button', { name: 'Close' }).click();

  const ping = page.locator('#operations-ping-ping');
  await ping.getByRole('button', { name: /^GET \/api\/v1\/ping/ }).click();
  await ping.getByRole('button', { name: 'Try it out' }).click();
  await ping.getByRole('button', { name: 'Execute' }).click();
  const live = ping.locator('.live-responses-table');
  await expect(live.locator('.response-col_status').nth(1)).toHaveText('200');
  await expect(live).toContainText('"ok": true');
  await expect(live).toContainText("'s organization");
  expect(problems).toEqual([]);
});

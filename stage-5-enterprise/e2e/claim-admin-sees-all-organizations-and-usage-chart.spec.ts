import { test, expect } from '@journey/testkit';
import { ownPostgresServer } from './own-postgres-server';
import { createOrganization, logOut, say, signUp, uniqueEmail } from './page-actions';

/**
 * A platform admin, made by the operator's real command, opens /admin and finds every
 * organization (not only their own), searches them, opens one, and sees the usage of the last
 * 30 days drawn as a chart on a canvas, with today's chats in it, and MRR over time beside it.
 *
 * Its own server on its own PostgreSQL database: the command runs while the server does (PGlite
 * would belong to the server's process), and the organizations listed are this spec's alone.
 */
const server = ownPostgresServer('stage-5-e2e-admin-');

test('an admin sees every organization with its figures, one organization in detail, and the usage and MRR charts drawn', async ({ page, browser }) => {
  test.setTimeout(90_000);
  // Two customers who know nothing of each other: Ada chats three times, Bob makes "Globex".
  const adaEmail = uniqueEmail('ada');
  await signUp(page, adaEmail, undefined, server.url());
  for (const message of ['hello', 'what can you do', 'hello']) await say(page, message);
  const bobs = await browser.newContext();
  const bob = await bobs.newPage();
  const bobEmail = uniqueEmail('bob');
  await signUp(bob, bobEmail, undefined, server.url());
  await createOrganization(bob, 'Globex');
  // Bob's first organization pays for Pro (demo billing): $29 of MRR from today.
  const { orgs } = await (await bob.request.get(`${server.url()}/api/orgs`)).json();
  const bobsFirst = orgs.find((org: { name: string }) => org.name !== 'Globex');
  expect((await bob.request.post(`${server.url()}/api/orgs/${bobsFirst.id}/billing/demo`, { data: { plan: 'pro' } })).status()).toBe(204);
  await bobs.close();

  const adminEmail = uniqueEmail('operator');
  await logOut(page);
  await signUp(page, adminEmail, undefined, server.url());
  await server.grantPlatformAdmin(adminEmail);
  await page.goto(`${server.url()}/admin`);

  // Every organization: Ada's, Bob's two and the admin's own, each with its figures.
  await expect(page.getByRole('heading', { name: 'Organizations' })).toBeVisible();
  const rows = page.locator('journey-admin-orgs tbody tr');
  await expect(rows).toHaveCount(4);
  const globex = rows.filter({ hasText: 'Globex' });
  await expect(globex.locator('td[data-label="Plan"]')).toHaveText('free');
  await expect(globex.locator('td[data-label="Members"]')).toHaveText('1');
  await expect(globex.locator('td[data-label="MRR"]')).toHaveText('$0');
  const adas = rows.filter({ hasText: adaEmail.split('@')[0] });
  await expect(adas.locator('td[data-label="Chats this month"]')).toHaveText('3');
  await expect(adas.locator('td[data-label="Patterns"]')).toHaveText('5'); // the examples

  // Search, then one organization: its member is Bob.
  await page.getByLabel('Search organizations').fill('globex');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(rows).toHaveCount(1);
  await rows.getByRole('link', { name: 'Globex' }).click();
  await expect(page.getByRole('heading', { name: 'Globex' })).toBeVisible();
  await expect(page.locator('journey-admin-org').getByRole('cell', { name: bobEmail })).toBeVisible();

  // Usage: 30 days, today's 3 chats by 1 organization, drawn by Chart.js on the canvas.
  await page.getByRole('link', { name: 'Usage' }).click();
  await expect(page.getByRole('heading', { name: 'Usage, last 30 days' })).toBeVisible();
  await page.getByText('The figures, day by day').click();
  const days = page.locator('journey-admin-usage details tbody tr');
  await expect(days).toHaveCount(30);
  await expect(days.first().locator('td')).toHaveText([/\w/, '3', '1']); // newest first: today
  const canvas = page.locator('journey-admin-usage canvas');
  await expect(canvas).toBeVisible();
  // Drawn with the data: today's bar is the tallest (3 chats, the axis's top), so the accent
  // colour covers a block of the canvas far larger than the legend's little square.
  const accentPixels = await canvas.evaluate((element: HTMLCanvasElement) => {
    const hex = getComputedStyle(document.documentElement).getPropertyValue('--journey-accent').trim();
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - r!) < 8 && Math.abs(data[i + 1]! - g!) < 8 && Math.abs(data[i + 2]! - b!) < 8 && data[i + 3]! > 200) count++;
    }
    return { count, legend: 12 * 12 * devicePixelRatio ** 2 };
  });
  expect(accentPixels.count).toBeGreaterThan(accentPixels.legend * 10);

  // MRR over time, from the audit trail's plan changes: $0 until Bob's $29 today, the line's step up.
  const mrr = page.locator('journey-admin-mrr');
  await expect(mrr.getByRole('heading', { name: 'MRR, last 30 days' })).toBeVisible();
  await expect(mrr.locator('.totals')).toContainText('MRR today$29');
  await mrr.getByText('MRR, day by day').click();
  await expect(mrr.locator('details tbody tr')).toHaveCount(30);
  await expect(mrr.locator('details tbody tr').first().locator('td')).toHaveText([/\w/, '$29']);
  const linePixels = await mrr.locator('canvas').evaluate((element: HTMLCanvasElement) => {
    const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
    let count = 0; // the line's colour (#059669) in the canvas's upper half: today's step up to $29, the axis's top
    for (let i = 0; i < data.length / 2; i += 4) if (Math.abs(data[i]! - 5) < 8 && Math.abs(data[i + 1]! - 150) < 8 && Math.abs(data[i + 2]! - 105) < 8 && data[i + 3]! > 200) count++;
    return count;
  });
  expect(linePixels).toBeGreaterThan(20);
  await mrr.getByRole('button', { name: '90 days' }).click();
  await expect(mrr.getByRole('heading', { name: 'MRR, last 90 days' })).toBeVisible();
  await expect(mrr.locator('details tbody tr')).toHaveCount(90);
});

import { test, expect } from '@journey/testkit';
import { logIn, PASSWORD, signUp, uniqueEmail } from './page-actions';
import { ownPostgresServer } from './own-postgres-server';

// The panel asks the server, which refuses: Chromium logs the 403.
test.use({ allowConsoleErrors: [/status of 403/] });

const server = ownPostgresServer('stage-5-e2e-not-admin-');

/**
 * /admin is the platform admins' panel. Anyone else who opens it, signed in or after signing in
 * there, sees "Admins only" and no organization; the admin API answers them 403 whatever the page
 * draws.
 */
test('a signed-in user who is no platform admin opening /admin sees "Admins only", and the API answers 403', async ({ page, browser }) => {
  const email = uniqueEmail('mallory');
  await signUp(page, email, undefined, server.url());
  await page.goto(`${server.url()}/admin`);
  await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  await expect(page.getByText(`${email} is not a platform admin`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Organizations' })).toHaveCount(0);
  await expect(page.locator('table')).toHaveCount(0);
  // Their own organization is not listed either: nothing of the panel is drawn.
  await expect(page.getByText(/organization · owner/)).toHaveCount(0);

  for (const path of ['/api/admin/orgs', '/api/admin/billing', '/api/admin/usage', '/api/admin/mrr', '/api/admin/tickets']) {
    const answer = await page.request.get(`${server.url()}${path}`);
    expect(answer.status(), path).toBe(403);
    expect((await answer.json()).error.message, path).toBe('Only platform admins can open the admin panel.');
  }

  // Signed out, /admin asks who you are first; signed in there, the same refusal.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await logIn(strangerPage, email, PASSWORD, `${server.url()}/admin`);
  await expect(strangerPage.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  await stranger.close();
});

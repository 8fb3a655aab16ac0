import { test, expect } from '@journey/testkit';
import { acceptBySigningUp, invite, openMembers, signUp, uniqueEmail } from './page-actions';
import { createApiKey, revokeApiKey } from './saas-actions';
import { ownPostgresServer } from './own-postgres-server';

const server = ownPostgresServer('stage-4-e2e-no-audit-');

/**
 * Stage 4's limit: no enterprise controls. An owner removes a member and revokes an API key, and
 * nothing anywhere records who did it (no audit trail); and people sign in with a password only,
 * never through their company's identity provider (no SSO). Stage 5 adds both (DESIGN.md:
 * GET /api/orgs/:orgId/audit, PUT /api/orgs/:orgId/sso, GET /api/auth/sso/start and /callback):
 * its sign-in page offers SSO, its organization pages have an audit log listing these two
 * actions, and those routes answer. Each of those makes this spec fail.
 *
 * A 404 alone would prove nothing (a typo in a path gives one too). So each absent route is asked
 * with the same session and organization id that a present sibling route answers 200 to, and the
 * 404 must be the router's own "Nothing at …": the route is missing, not the organization.
 */
test('an owner removes a member and revokes a key: no audit trail shows it anywhere, and sign-in offers no SSO', async ({ page, browser }) => {
  // Signing in: email and password on one form (not an email-first flow), and no other way in.
  await page.goto(server.url());
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Email', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /SSO|single sign-on|identity provider|SAML|company/i })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /SSO|single sign-on/i })).toHaveCount(0);

  // The owner's security actions: a member removed, a key revoked.
  const owner = uniqueEmail('ada');
  await signUp(page, owner, undefined, server.url());
  const { orgs, activeOrgId } = await (await page.request.get(`${server.url()}/api/orgs`)).json();
  const orgName: string = orgs.find((org: { id: string }) => org.id === activeOrgId).name;
  const member = uniqueEmail('bob');
  const link = await invite(page, member);
  const bobs = await browser.newContext();
  await acceptBySigningUp(await bobs.newPage(), link, member, orgName);
  await bobs.close();
  await page.reload();
  await openMembers(page);
  await page.getByRole('button', { name: `Remove ${member}` }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByText(`${member} was removed from ${orgName}.`)).toBeVisible();
  await createApiKey(page, 'Contractor laptop');
  await revokeApiKey(page, 'Contractor laptop');

  // Every tab the owner has: none is an audit log or an SSO setting, and none offers one.
  const tabs = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
  const names = await tabs.allTextContents();
  expect(names.length).toBeGreaterThanOrEqual(4);
  for (const name of names) {
    expect(name).not.toMatch(/audit|activity|history|security|SSO|sign-on/i);
    await tabs.filter({ hasText: name }).click();
    await expect(page.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { name: /audit|activity|history/i })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /audit|SSO|single sign-on/i })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /audit|SSO|single sign-on/i })).toHaveCount(0);
  }

  // The API: the sibling route answers for this organization; stage 5's routes are not there.
  expect((await page.request.get(`${server.url()}/api/orgs/${activeOrgId}/members`)).status()).toBe(200);
  const absent: [string, string, unknown?][] = [
    ['GET', `/api/orgs/${activeOrgId}/audit`],
    ['PUT', `/api/orgs/${activeOrgId}/sso`, { issuer: 'https://login.example.com', clientId: 'journey' }],
    ['GET', '/api/auth/sso/start'],
    ['GET', '/api/auth/sso/callback'],
  ];
  for (const [method, path, data] of absent) {
    const answer = await page.request.fetch(`${server.url()}${path}`, { method, data });
    expect(answer.status(), `${method} ${path}`).toBe(404);
    expect((await answer.json()).error, `${method} ${path}`).toEqual({ code: 'not_found', message: `Nothing at ${method} ${path}.` });
  }
});

import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from '@journey/testkit';
import { startTestProvider, type TestProvider } from '../test/oidc-provider';
import { enterEmail, expectBrainOf, logOut, openMembers, signUp, uniqueEmail } from './page-actions';
import { ownServer } from './own-server';

// Its own server: SSO needs SSO_ENCRYPTION_KEY in production, and the provider must know the
// app's callback address (APP_URL) before anyone signs in.
const server = ownServer('stage-5-e2e-sso-', { env: () => ({ SSO_ENCRYPTION_KEY: randomBytes(32).toString('base64') }) });
const appUrl = () => server.url().replace('localhost', '127.0.0.1'); // APP_URL: the callback comes back here

let provider: TestProvider;
test.beforeAll(async () => {
  provider = await startTestProvider(`${appUrl()}/api/auth/sso/callback`);
  provider.accounts.set('alice', { email: 'alice@acme.test' });
});
test.afterAll(() => provider?.close());

/** The wide and the 390 px view of what is on screen now, kept with the test's results. */
async function screenshots(page: Page, name: string, path: (file: string) => string): Promise<void> {
  const wide = page.viewportSize()!;
  await page.screenshot({ path: path(`${name}-wide.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path(`${name}-390.png`), fullPage: true });
  await page.setViewportSize(wide);
}

test('an owner sets up single sign-on; someone of that domain signs in at the provider and lands in the organization', async ({ page }, testInfo) => {
  const shot = (file: string) => testInfo.outputPath(file);
  const owner = uniqueEmail('owner');
  await signUp(page, owner, undefined, appUrl());
  const orgName = `${owner.split('@')[0]}'s organization`;

  // The owner configures the provider on the organization page, checking the issuer first.
  await openMembers(page);
  const form = page.locator('journey-sso-settings');
  await form.getByLabel('Issuer URL').fill(provider.issuer);
  await form.getByRole('button', { name: 'Check issuer' }).click();
  await expect(form.getByText(`✓ ${provider.issuer} answers`)).toBeVisible();
  await form.getByLabel('Client ID').fill(provider.clientId);
  await form.getByLabel('Client secret').fill(provider.clientSecret);
  await form.getByLabel('Email domain').fill('acme.test');
  await form.getByRole('button', { name: 'Save single sign-on' }).click();
  await expect(form.getByText('Saved. People with an @acme.test email now sign in with single sign-on.')).toBeVisible();
  await expect(form.getByLabel('Client secret')).toHaveValue(''); // write-only: never sent back
  await expect(form.getByLabel('Client secret')).toHaveAttribute('placeholder', 'Saved: leave empty to keep it');
  await form.scrollIntoViewIfNeeded();
  await screenshots(page, 'sso-settings', shot);
  await logOut(page);

  // Email first: an acme.test address is offered its provider, not a password field.
  await enterEmail(page, 'alice@acme.test');
  await expect(page.getByRole('link', { name: 'Continue with SSO' })).toBeVisible();
  await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
  await screenshots(page, 'login-sso-step', shot);

  await page.getByRole('link', { name: 'Continue with SSO' }).click();
  await expect(page.getByRole('heading', { name: 'Test identity provider' })).toBeVisible();
  await expect(page.getByLabel('Account')).toHaveValue('alice'); // the provider got the login hint
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByText('Signed in as alice@acme.test')).toBeVisible();
  await expectBrainOf(page, orgName);
});

test('any other email gets the password field after Continue', async ({ page }, testInfo) => {
  await page.goto(appUrl());
  await enterEmail(page, 'someone@example.com');
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Continue with SSO' })).toHaveCount(0);
  await page.goto(appUrl());
  await screenshots(page, 'login-email-step', (file) => testInfo.outputPath(file));
});

test('a refused SSO login comes back to the sign-in page with the reason', async ({ page }) => {
  await page.goto(`${appUrl()}/#sso-error=domain`);
  await expect(page.getByRole('alert')).toHaveText('You signed in at your provider with an email of another domain. Use your work email.');
  await expect(page).not.toHaveURL(/sso-error/);
});

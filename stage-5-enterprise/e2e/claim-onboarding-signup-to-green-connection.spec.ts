import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { test, expect } from '@journey/testkit';
import { logIn, signUpToGuide, uniqueEmail } from './page-actions';

const run = promisify(execFile);
const SDK = fileURLToPath(new URL('../../packages/sdk', import.meta.url));

/**
 * A scratch project outside the workspace where `import '@journey/sdk'` finds the workspace's
 * package, built now: node_modules/@journey/sdk is a link to it, as `npm i` would place it.
 */
function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'onboarding-claim-'));
  mkdirSync(join(dir, 'node_modules', '@journey'), { recursive: true });
  symlinkSync(SDK, join(dir, 'node_modules', '@journey', 'sdk'), 'dir');
  return dir;
}

test.beforeAll(async () => {
  await run('pnpm', ['--filter', '@journey/sdk', 'build']);
});

/** What the organization's bot answers to `message`, and the organization's name, asked as the signed-in page. */
async function botAnswer(page: Page, message: string) {
  const orgs = (await (await page.request.get('/api/orgs')).json()) as { orgs: { id: string; name: string }[]; activeOrgId: string };
  const reply = (await (await page.request.post('/api/chat', { data: { message } })).json()) as { reply: { text: string } };
  return { orgName: orgs.orgs.find((org) => org.id === orgs.activeOrgId)!.name, text: reply.reply.text };
}

/** From the welcome step, creates a key on the guide's second step and returns it as shown (once). */
async function createKeyInGuide(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'Get started' }).click();
  await expect(page.getByRole('heading', { name: 'Create an API key' })).toBeVisible();
  await page.getByLabel('Key name').fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText('Copy it now: you will not see it again.')).toBeVisible();
  return page.getByLabel('Your API key').inputValue();
}

const emptyState = (page: Page) => page.getByRole('heading', { name: 'Connect your first program' });

test('sign up → the guide → a key → the SDK example copied from the page runs with node → the page turns green', async ({ page }) => {
  await signUpToGuide(page, uniqueEmail('onboard'));
  await expect(page.getByRole('link', { name: 'Getting started' })).toHaveAttribute('aria-current', 'page');
  const key = await createKeyInGuide(page, 'Onboarding claim');
  expect(key).toMatch(/^jrny_sk_[0-9A-Za-z]{43}$/);

  await page.getByRole('button', { name: 'Next: install' }).click();
  await expect(page.getByLabel('Terminal', { exact: true })).toHaveText('npm i @journey/sdk');
  // The code exactly as the page shows it: the real key and this server's address are in it.
  const code = await page.getByLabel('hello.mjs', { exact: true }).innerText();
  expect(code).toContain(`apiKey: '${key}'`);
  expect(code).toContain(`baseUrl: '${new URL(page.url()).origin}'`);
  await page.getByRole('tab', { name: 'curl' }).click();
  await expect(page.getByRole('tabpanel', { name: 'curl' }).getByLabel('Terminal', { exact: true })).toContainText(`Authorization: Bearer ${key}`);

  await page.getByRole('button', { name: 'Next: test connection' }).click();
  await expect(page.getByText('Waiting for the first call…')).toBeVisible();
  await expect(page.getByText('Connected')).toHaveCount(0); // nothing called yet: no timer turns it green

  const dir = scratchProject();
  try {
    writeFileSync(join(dir, 'hello.mjs'), code);
    const { stdout } = await run('node', ['hello.mjs'], { cwd: dir });
    const expected = await botAnswer(page, 'hello');
    expect(stdout).toBe(`${expected.orgName} says: ${expected.text}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The server saw the key's first call, and told the waiting page.
  await expect(page.getByText('Connected')).toBeVisible();
  await expect(page.getByText(/The first call with this key arrived at/)).toBeVisible();

  // After the organization's first API call, the dashboard is the normal view.
  await page.getByRole('button', { name: 'Go to the dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Chat' })).toBeVisible();
  await expect(page.getByText('No program has called')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Chat' })).toBeVisible();
  await expect(emptyState(page)).toHaveCount(0);
});

test('skip the guide, resume it in another browser where it was left; the empty state lasts until the first API call', async ({ page, browser }) => {
  const email = uniqueEmail('skipper');
  await signUpToGuide(page, email);
  const key = await createKeyInGuide(page, 'Skipped');
  await page.getByRole('button', { name: 'Skip for now' }).click();

  // The dashboard: the bot works, with the guide above it until a program calls.
  await expect(page.getByRole('heading', { name: 'Chat' })).toBeVisible();
  await expect(emptyState(page)).toBeVisible();
  await expect(page.getByText('You skipped the guide at “Create an API key”')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Resume getting started' })).toBeVisible();

  // Another browser knows nothing but what the server kept: the step and the key's id, never the key.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logIn(otherPage, email);
  await otherPage.getByRole('link', { name: 'Resume getting started' }).click();
  await expect(otherPage.getByRole('heading', { name: 'Create an API key' })).toBeVisible();
  await expect(otherPage.getByText('You made a key here before.')).toBeVisible();
  await otherPage.getByRole('button', { name: 'Next: install' }).click();
  const code = await otherPage.getByLabel('hello.mjs', { exact: true }).innerText();
  expect(code).toContain('apiKey: process.env.JOURNEY_API_KEY');
  expect(code).not.toContain(key);
  await other.close();

  // The first API call, with that key: the empty state is gone.
  const ping = await page.request.get('/api/v1/ping', { headers: { authorization: `Bearer ${key}` } });
  expect(ping.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Chat' })).toBeVisible();
  await expect(emptyState(page)).toHaveCount(0);
});

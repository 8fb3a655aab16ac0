import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { expect } from '@journey/testkit';

/** What a person does on the API keys tab and in the admin panel, in the page's words. Shared by the specs. */

/** The "API keys" tab (admins and owners only). */
export async function openApiKeys(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { name: 'Create an API key' })).toBeVisible();
}

/** Creates a key on the API keys tab, reads it from the shown-once dialog, closes it, and returns it. */
export async function createApiKey(page: Page, name: string): Promise<string> {
  await openApiKeys(page);
  await page.getByLabel('Key name').fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  const dialog = page.getByRole('dialog', { name: `API key “${name}” created` });
  await expect(dialog.getByText('Copy it now: you will not see it again.')).toBeVisible();
  const key = await dialog.getByLabel('New API key').inputValue();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  return key;
}

/** The row of the API keys list that shows this key's name. */
export function apiKeyRow(page: Page, name: string) {
  return page.locator('journey-api-keys li').filter({ hasText: name });
}

/** Revokes a key from the list, answering the confirmation. */
export async function revokeApiKey(page: Page, name: string): Promise<void> {
  await apiKeyRow(page, name).getByRole('button', { name: `Revoke ${name}` }).click();
  await expect(page.getByText(`Revoke “${name}”? Programs using it get 401 from now on`)).toBeVisible();
  await page.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(page.getByText(`“${name}” is revoked: it no longer works.`)).toBeVisible();
}

/**
 * The operator's real command: `pnpm --filter stage-5 admin:grant <email>`, against the database
 * in `env` (a spec's own PostgreSQL database: PGlite would belong to the running server).
 */
export async function grantPlatformAdmin(email: string, env: Record<string, string>): Promise<void> {
  const { stdout } = await promisify(execFile)('pnpm', ['--filter', 'stage-5', 'admin:grant', email], { env: { ...process.env, ...env } });
  expect(stdout).toContain(`${email} is now a platform admin`);
}

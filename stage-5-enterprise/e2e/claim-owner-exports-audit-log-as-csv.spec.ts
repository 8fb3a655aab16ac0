import { readFile } from 'node:fs/promises';
import { test, expect } from '@journey/testkit';
import { createOrganization, invite, openMembers, signUp, unique, uniqueEmail } from './page-actions';
import { createApiKey } from './saas-actions';

test('an owner opens the audit log, sees who did what, and downloads it as CSV holding those rows', async ({ page }, testInfo) => {
  const acme = unique('Acme');
  const owner = uniqueEmail('owner');
  const invited = uniqueEmail('invited');
  await signUp(page, owner);
  await createOrganization(page, acme);

  // A new organization has nothing on record yet: the tab says so.
  await openMembers(page);
  await page.getByRole('tab', { name: 'Audit log' }).click();
  await expect(page.getByText('Nothing recorded yet.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('audit-empty.png'), fullPage: true });

  await page.getByRole('tab', { name: 'People' }).click();
  await invite(page, invited, 'admin');
  await createApiKey(page, 'Deploy bot');
  await openMembers(page);
  await page.getByRole('tab', { name: 'Audit log' }).click();
  const entries = page.locator('journey-audit-log li');
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText(`${owner} created jrny_sk_`); // newest first
  await expect(entries.first()).toContainText('Deploy bot');
  await expect(entries.nth(1)).toContainText(`${owner} sent ${invited}`);
  await expect(entries.nth(1)).toContainText('role: admin');
  await page.screenshot({ path: testInfo.outputPath('audit-wide.png'), fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const lines = (await readFile(file, 'utf8')).trim().split('\r\n');
  expect(lines[0]).toBe('"at","action","actor_type","actor","actor_id","target_type","target","target_id","ip","user_agent","request_id","summary","seq"');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain('"api_key.created","user",' + `"${owner}"`);
  expect(lines[2]).toContain('"invitation.sent","user",' + `"${owner}"`);
  expect(lines[2]).toContain(`"${invited}"`);

  // The filter narrows the list (and the export that follows it).
  await page.getByLabel('What').selectOption('invitation');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(entries).toHaveCount(1);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath('audit-narrow.png'), fullPage: true });
});

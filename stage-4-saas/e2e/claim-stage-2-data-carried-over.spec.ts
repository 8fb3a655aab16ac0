import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@journey/testkit';
import { migrateCommand, stage2Database } from '../test/stage-2-data';
import { ownServer } from './own-server';
import { patternRow, say, signUp, uniqueEmail } from './page-actions';

// This spec migrates into a stage-3 database and restarts the server, so it runs its own.
const server = ownServer('stage-3-e2e-upgrade-');
const stage2 = stage2Database(mkdtempSync(join(tmpdir(), 'stage-2-data-')), ['opening hours', 'who fixes the printer']);

test('what stage 2 knew, the owner finds after migrate:from-stage-2, and nobody else does', async ({ page, browser }) => {
  const owner = uniqueEmail('owner');
  await signUp(page, owner, undefined, server.url());
  const bystander = await browser.newContext();
  await signUp(await bystander.newPage(), uniqueEmail('bystander'), undefined, server.url());

  const first = migrateCommand(server.dataDir, ['--db', stage2, '--owner', owner]);
  expect(first.code, first.out).toBe(0);
  expect(first.out).toContain(`2 pattern(s) copied to ${owner}; 0 skipped`);
  const second = migrateCommand(server.dataDir, ['--db', stage2, '--owner', owner]);
  expect(second.out).toContain(`0 pattern(s) copied to ${owner}; 2 skipped (migrated before)`);

  // As the command says: restart stage 3, so that chat knows the new patterns.
  expect(await server.stop()).toBe(0);
  await server.start();

  await page.goto(server.url()); // still signed in: sessions survive a restart
  await expect(page.getByText(`Signed in as ${owner}`)).toBeVisible();
  for (const trigger of ['opening hours', 'who fixes the printer']) {
    await expect(patternRow(page, trigger)).toHaveCount(1); // once, though the command ran twice
    await expect((await say(page, trigger)).locator('.bubble')).toHaveText(`answer to ${trigger}`);
  }
  const bystanderPage = bystander.pages()[0]!;
  await bystanderPage.reload();
  await expect(bystanderPage.getByRole('heading', { name: 'Chat' })).toBeVisible();
  await expect(patternRow(bystanderPage, 'opening hours')).toHaveCount(0);
  await bystander.close();
});

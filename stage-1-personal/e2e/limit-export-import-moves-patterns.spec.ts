import { readFile } from 'node:fs/promises';
import { test, expect } from '@journey/testkit';
import { open, say, teach } from './page-actions';

test('exporting in one browser and importing in a fresh one carries the patterns over', async ({ page, browser }) => {
  await open(page);
  await teach(page, 'where did you come from', 'From a file exported in another browser.');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  const file = await download.path();
  const content = JSON.parse(await readFile(file, 'utf8'));
  expect(content).toMatchObject({ format: 'llm-journey-patterns', version: 1 });
  expect(download.suggestedFilename()).toMatch(/^patterns-\d{4}-\d{2}-\d{2}\.json$/);

  const fresh = await browser.newContext();
  const freshPage = await fresh.newPage();
  await open(freshPage);
  await expect(await say(freshPage, 'where did you come from')).toContainText('No pattern matched');

  const choosing = freshPage.waitForEvent('filechooser');
  await freshPage.getByRole('button', { name: 'Import…' }).click();
  await (await choosing).setFiles(file);
  await expect(freshPage.getByRole('status').filter({ hasText: 'Imported 1 pattern' })).toBeVisible();

  const answer = await say(freshPage, 'where did you come from');
  await expect(answer.locator('.bubble')).toHaveText('From a file exported in another browser.');
  await fresh.close();
});

import { readFile } from 'node:fs/promises';
import { test, expect } from '@journey/testkit';
import { open, say, triggers } from './page-actions';

const GARBAGE = '{"version":1,"patterns":[{"id":"x","trig';

test('unreadable saved data: the app explains, offers the raw data, then resets', async ({ page }) => {
  await open(page);
  await page.evaluate((raw) => localStorage.setItem('journey.patterns', raw), GARBAGE);
  await page.reload();

  await expect(page.getByRole('heading', { name: 'Your saved patterns could not be read' })).toBeVisible();
  await expect(page.getByText('The saved data is not valid JSON.')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the raw data' }).click();
  expect(await readFile(await (await downloading).path(), 'utf8')).toBe(GARBAGE);
  expect(await page.evaluate(() => localStorage.getItem('journey.patterns'))).toBe(GARBAGE); // nothing changed yet

  await page.getByRole('button', { name: 'Reset and start fresh' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Storage reset' })).toBeVisible();
  await page.reload();
  await expect(triggers(page)).toContainText(['what can you do']);
  await expect(await say(page, 'what can you do')).toContainText('Answered by “what can you do”');
});

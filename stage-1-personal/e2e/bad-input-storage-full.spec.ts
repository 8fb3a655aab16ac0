import { readFile } from 'node:fs/promises';
import { test, expect } from '@journey/testkit';
import { open, say, triggers } from './page-actions';

test('when browser storage is full the page says so and saves nothing half-way', async ({ page }) => {
  await open(page);
  const before = await triggers(page).allTextContents();
  // From now on every write fails the way a full localStorage does.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });

  await page.getByLabel('When someone says').fill('one too many');
  await page.getByLabel('Reply with').fill('There is no room for me.');
  await page.getByRole('button', { name: 'Teach it' }).click();
  await expect(page.getByRole('alert')).toContainText('storage for this page is full, so nothing was saved');
  await expect(page.getByLabel('When someone says')).toHaveValue('one too many'); // nothing typed is lost

  // Neither the page's memory (what chat and export use) nor the storage holds half a change.
  await expect(triggers(page)).toHaveText(before);
  await expect(await say(page, 'one too many')).toContainText('No pattern matched');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const exported = JSON.parse(await readFile(await (await downloading).path(), 'utf8'));
  expect(exported.patterns.map((p: { trigger: string }) => p.trigger)).toEqual(before);

  await page.reload();
  await expect(triggers(page)).toHaveText(before);
});

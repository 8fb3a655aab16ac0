import type { Page } from '@playwright/test';
import { test, expect } from '@journey/testkit';
import { say, signUp, teach, triggers, unique, uniqueEmail } from './page-actions';

async function importText(page: Page, name: string, text: string) {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await choosing).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a malformed or wrong-version file is refused clearly and changes nothing', async ({ page }) => {
  await signUp(page, uniqueEmail('importer'));
  const trigger = unique('still here');
  await teach(page, trigger, 'Yes, untouched.');
  await expect(triggers(page).first()).toHaveText(trigger); // the list has it (newest first) before we read it
  const before = await triggers(page).allTextContents();

  await importText(page, 'broken.json', '{"format": "llm-journey-patterns", "version": 1, "patt');
  await expect(page.getByRole('alert')).toHaveText(/can't be imported: The file is not valid JSON\. Your patterns were not changed\./);

  await importText(page, 'future.json', JSON.stringify({ format: 'llm-journey-patterns', version: 2, patterns: [] }));
  await expect(page.getByRole('alert')).toContainText('Unsupported file version 2');

  await page.reload();
  await expect(triggers(page)).toHaveText(before);
  await expect((await say(page, trigger)).locator('.bubble')).toHaveText('Yes, untouched.');
});

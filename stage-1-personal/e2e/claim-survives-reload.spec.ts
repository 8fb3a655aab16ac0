import { test, expect } from '@journey/testkit';
import { open, say, teach, triggers } from './page-actions';

test('taught patterns are still there after a reload', async ({ page }) => {
  await open(page);
  await teach(page, 'favourite colour', 'Teal, obviously.');

  await page.reload();
  await expect(triggers(page)).toContainText(['favourite colour']);
  const answer = await say(page, 'favourite colour');
  await expect(answer.locator('.bubble')).toHaveText('Teal, obviously.');
});

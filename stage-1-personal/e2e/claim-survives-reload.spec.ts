import { test, expect } from '@journey/testkit';
import { open, say, teach, triggers } from './page-actions';

test('taught patterns are still there after a reload, and still answer first', async ({ page }) => {
  await open(page);
  await teach(page, 'hello', 'hi there');

  await page.reload();
  await expect(triggers(page)).toContainText(['(hi|hello|hey) [there]', 'hello']);
  const answer = await say(page, 'hello');
  await expect(answer.locator('.bubble')).toHaveText('hi there');
});

import { test, expect } from '@journey/testkit';
import { open, say, teach, triggers } from './page-actions';

test('two tabs of the same browser share the patterns and never write over each other', async ({ page, context }) => {
  await open(page);
  const second = await context.newPage();
  await open(second);

  await teach(page, 'taught in tab one', 'Tab one speaking.');
  await expect(triggers(second)).toContainText(['taught in tab one']); // no reload needed
  await teach(second, 'taught in tab two', 'Tab two speaking.');

  await page.reload();
  await expect(triggers(page)).toContainText(['taught in tab one', 'taught in tab two']);
  await expect((await say(page, 'taught in tab two')).locator('.bubble')).toHaveText('Tab two speaking.');
});

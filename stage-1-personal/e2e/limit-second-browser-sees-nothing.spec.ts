import { test, expect } from '@journey/testkit';
import { open, say, teach, triggers } from './page-actions';

test('a second browser (context) knows nothing of what the first taught', async ({ page, browser }) => {
  await open(page);
  await teach(page, 'what is my secret', 'Only this browser knows.');

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await open(otherPage);
  await expect(triggers(otherPage).first()).toBeVisible();
  await expect(triggers(otherPage)).not.toContainText(['what is my secret']);
  await expect(await say(otherPage, 'what is my secret')).toContainText('No pattern matched');
  await other.close();
});

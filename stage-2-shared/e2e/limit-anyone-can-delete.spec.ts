import { test, expect } from '@journey/testkit';
import { deleteInAnotherBrowser, open, patternRow, say, teach, unique } from './page-actions';

test('anyone can delete anything: a second browser deletes what the first taught', async ({ page, browser }) => {
  const trigger = unique('the wifi password is');
  await open(page);
  await teach(page, trigger, 'correct horse battery staple');

  // The other browser is nobody in particular: no login, no owner. The server does as it is told.
  await deleteInAnotherBrowser(browser, trigger);

  // The first browser did nothing, yet after a reload its pattern is gone and the bot has forgotten it.
  await expect(patternRow(page, trigger)).toBeVisible(); // (until then it shows what it loaded)
  await open(page);
  await expect(patternRow(page, trigger)).toHaveCount(0);
  await expect(await say(page, trigger)).toContainText('No pattern matched');
});

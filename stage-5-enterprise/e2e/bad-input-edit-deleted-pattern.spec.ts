import { test, expect } from '@journey/testkit';
import { deleteInAnotherBrowser, patternRow, signUp, teach, unique, uniqueEmail } from './page-actions';

// Chromium logs the server's 404 answer as a console error; here it is the expected outcome.
test.use({ allowConsoleErrors: [/status of 404/] });

test('editing a pattern another browser deleted shows the server’s reason and drops the row', async ({ page, browser }) => {
  const email = uniqueEmail('office');
  const trigger = unique('the office closes at');
  await signUp(page, email);
  await teach(page, trigger, 'six');

  // The same user on another browser (or any member of the organization: they share its patterns).
  await deleteInAnotherBrowser(browser, email, trigger);

  await patternRow(page, trigger).getByRole('button', { name: /^Edit/ }).click();
  await page.locator('journey-pattern-list #edit-response').fill('seven');
  await page.locator('journey-pattern-list').getByRole('button', { name: 'Save' }).click();

  await expect(page.getByRole('alert')).toContainText('That pattern does not exist; someone may have deleted it.');
  // Neither the edit form nor the row stays behind: the list now shows what the server has.
  await expect(page.locator('journey-pattern-list li.editing')).toHaveCount(0);
  await expect(patternRow(page, trigger)).toHaveCount(0);
});

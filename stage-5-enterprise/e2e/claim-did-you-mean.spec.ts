import { test, expect } from '@journey/testkit';
import { signUp, say, teach, unique, uniqueEmail } from './page-actions';

test('a fallback offers "did you mean" buttons, and one click asks that question', async ({ page }) => {
  const place = unique('pool');
  await signUp(page, uniqueEmail('hours'));
  await teach(page, `what are the ${place} opening hours on sunday`, 'Closed on Sundays.');
  await teach(page, `what are the ${place} opening hours on monday`, 'Nine to five.');

  const fallback = await say(page, `what are the ${place} opening hours`);
  await expect(fallback).toContainText('No pattern matched');
  const chips = fallback.getByRole('group', { name: 'Did you mean' }).getByRole('button');
  await expect(chips).toHaveText([`what are the ${place} opening hours on monday`, `what are the ${place} opening hours on sunday`]);

  await chips.filter({ hasText: 'monday' }).click();
  const answers = page.locator('journey-chat-panel li.bot:not([aria-label])');
  await expect(answers.last().locator('.bubble')).toHaveText('Nine to five.');
});

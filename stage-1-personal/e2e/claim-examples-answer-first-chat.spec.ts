import { test, expect } from '@journey/testkit';
import { open, say, triggers } from './page-actions';

test('on a first visit the example patterns are there and the chat answers with them', async ({ page }) => {
  await open(page);
  await expect(triggers(page)).toContainText(['what can you do']);

  const answer = await say(page, 'What can you do?');
  await expect(answer).toContainText('I answer with the patterns you teach me.');
  await expect(answer).toContainText('Answered by “what can you do”');

  const greeting = await say(page, 'my name is Ada');
  await expect(greeting.locator('.bubble')).toHaveText('Nice to meet you, Ada!');
});

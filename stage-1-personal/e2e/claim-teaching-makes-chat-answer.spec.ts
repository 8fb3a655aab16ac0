import { test, expect } from '@journey/testkit';
import { open, say, teach } from './page-actions';

test('a taught pattern answers in the chat, named with its confidence', async ({ page }) => {
  await open(page);
  const before = await say(page, 'what is the capital of peru');
  await expect(before).toContainText('No pattern matched');

  await teach(page, 'what is the capital of peru', 'Lima, on the Pacific coast.');
  const answer = await say(page, 'What is the capital of Peru?');
  await expect(answer.locator('.bubble')).toHaveText('Lima, on the Pacific coast.');
  await expect(answer).toContainText('Answered by “what is the capital of peru”');
  await expect(answer).toContainText(/\d+% match/);
});

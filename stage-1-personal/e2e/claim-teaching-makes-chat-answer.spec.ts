import { test, expect } from '@journey/testkit';
import { open, say, teach } from './page-actions';

test('a taught pattern answers in the chat, even where an example pattern answered before', async ({ page }) => {
  await open(page);
  // The journey's own example: the example greeting `(hi|hello|hey) [there]` answers `hello` at first.
  const before = await say(page, 'hello');
  await expect(before).toContainText('Answered by “(hi|hello|hey) [there]”');

  await teach(page, 'hello', 'hi there');
  const answer = await say(page, 'Hello!');
  await expect(answer.locator('.bubble')).toHaveText('hi there');
  await expect(answer).toContainText('Answered by “hello”');
  await expect(answer).toContainText(/\d+% match/);
});

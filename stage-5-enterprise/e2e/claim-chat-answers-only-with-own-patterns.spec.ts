import { test, expect } from '@journey/testkit';
import { say, signUp, teach, unique, uniqueEmail } from './page-actions';

// A and B each sign up, so each has an organization of their own and no organization in common.
test("B's chat never answers with the patterns of A's organization, even asked word for word", async ({ page, browser }) => {
  const question = unique('what is the launch date');
  await signUp(page, uniqueEmail('alice'));
  await teach(page, question, 'March 3rd, keep it quiet');
  await expect((await say(page, question)).locator('.bubble')).toHaveText('March 3rd, keep it quiet');

  const other = await browser.newContext();
  const bobPage = await other.newPage();
  await signUp(bobPage, uniqueEmail('bob'));
  for (const message of [question, question.toUpperCase(), `${question}?`]) {
    const answer = await say(bobPage, message);
    await expect(answer).not.toContainText('March 3rd');
    await expect(answer).toContainText('No pattern matched');
  }
  await other.close();
});

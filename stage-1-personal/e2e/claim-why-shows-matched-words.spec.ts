import { test, expect } from '@journey/testkit';
import { open, say, teach } from './page-actions';

test('"why?" under an answer shows the words that matched and the typos it read', async ({ page }) => {
  await open(page);
  await teach(page, 'what is the weather', 'Sunny.');
  const answer = await say(page, 'whats teh weather');
  await expect(answer.locator('.bubble')).toHaveText('Sunny.');

  const why = answer.getByRole('button', { name: 'why?' });
  await expect(why).toHaveAttribute('aria-expanded', 'false');
  await why.click();
  await expect(why).toHaveAttribute('aria-expanded', 'true');
  const explanation = answer.locator('.why');
  await expect(explanation).toContainText('Close match');
  await expect(explanation).toContainText(/Matched words:\s*what\s+is\s+the\s+weather/);
  await expect(explanation).toContainText('teh → the');
});

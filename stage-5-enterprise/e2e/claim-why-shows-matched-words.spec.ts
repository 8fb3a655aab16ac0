import { test, expect } from '@journey/testkit';
import { signUp, say, teach, unique, uniqueEmail } from './page-actions';

test('"why?" under an answer shows the words that matched and the typos it read', async ({ page }) => {
  const city = unique('weather in');
  await signUp(page, uniqueEmail('why'));
  await teach(page, `what is the ${city}`, 'Sunny.');
  const answer = await say(page, `whats teh ${city}`);
  await expect(answer.locator('.bubble')).toHaveText('Sunny.');

  const why = answer.getByRole('button', { name: 'why?' });
  await expect(why).toHaveAttribute('aria-expanded', 'false');
  await why.click();
  await expect(why).toHaveAttribute('aria-expanded', 'true');
  const explanation = answer.locator('.why');
  await expect(explanation).toContainText('Close match');
  await expect(explanation).toContainText(new RegExp(`Matched words:\\s*what\\s+is\\s+the\\s+${city.replace(' ', '\\s+')}`));
  await expect(explanation).toContainText('teh → the');
});

import { test, expect } from '@journey/testkit';
import { signUp, triggers, uniqueEmail } from './page-actions';

test('an empty or over-long pattern is explained inline and not saved', async ({ page }) => {
  await signUp(page, uniqueEmail('typo'));
  const before = await triggers(page).allTextContents();

  await page.getByRole('button', { name: 'Teach it' }).click();
  await expect(page.getByText('Enter a trigger.')).toBeVisible();
  await expect(page.getByText('Enter a response.')).toBeVisible();
  await expect(page.getByLabel('When someone says')).toBeFocused();

  await page.getByLabel('When someone says').fill('x'.repeat(201));
  await page.getByLabel('Reply with').fill('fine');
  await page.getByRole('button', { name: 'Teach it' }).click();
  await expect(page.getByText('Keep the trigger to 200 characters (it has 201).')).toBeVisible();

  await page.reload();
  await expect(triggers(page)).toHaveText(before);
});

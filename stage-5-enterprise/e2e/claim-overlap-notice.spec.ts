import { test, expect } from '@journey/testkit';
import { signUp, teach, unique, uniqueEmail } from './page-actions';

test('teaching a trigger another pattern already answers says so, and who answers now', async ({ page }) => {
  const topic = unique('opening hours');
  await signUp(page, uniqueEmail('overlap'));
  await teach(page, `[what are your] ${topic}`, 'Nine to five.');
  await teach(page, topic, 'Nine to five, weekdays.');
  await expect(page.locator('journey-teach-form .overlap')).toHaveText(
    `“${topic}” is already answered by [what are your] ${topic}; yours will take over.`,
  );

  await teach(page, unique('a question nobody asked yet'), 'ok');
  await expect(page.locator('journey-teach-form .overlap')).toHaveCount(0);
});

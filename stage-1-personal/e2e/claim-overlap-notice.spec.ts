import { test, expect } from '@journey/testkit';
import { open, teach } from './page-actions';

test('teaching a trigger another pattern already answers says so, and who answers now', async ({ page }) => {
  await open(page);
  await teach(page, 'hello', 'hi there');
  await expect(page.locator('journey-teach-form .overlap')).toHaveText(
    /“hello” is already answered by\s+\(hi\|hello\|hey\) \[there\]\s*; yours will take over\./,
  );

  await teach(page, 'a question nobody asked yet', 'ok');
  await expect(page.locator('journey-teach-form .overlap')).toHaveCount(0);
});

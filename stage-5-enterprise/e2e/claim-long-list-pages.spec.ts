import { createExport } from '@journey/llm-core';
import { test, expect } from '@journey/testkit';
import { putOnPlan, signUp, triggers, uniqueEmail } from './page-actions';

test('a long pattern list shows the newest 100 at first, and the rest with "Load more"', async ({ page }) => {
  await signUp(page, uniqueEmail('many')); // 5 examples
  // 125 patterns are more than the free plan keeps (10): this claim is about paging, so the
  // organization goes on Pro (1,000) through demo billing first. The plan limits have claims of their own.
  await putOnPlan(page, 'pro');
  const file = createExport(Array.from({ length: 120 }, (_, i) => ({ trigger: `long list ${i}`, response: `answer ${i}` })));
  expect((await page.request.post('/api/import', { data: file })).status()).toBe(200);
  await page.reload();

  await expect(triggers(page)).toHaveCount(100);
  await expect(page.locator('journey-pattern-list .count')).toHaveText('100+');
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(triggers(page)).toHaveCount(125);
  await expect(triggers(page).first()).toHaveText('long list 119');
  await expect(page.locator('journey-pattern-list .count')).toHaveText('125');
  await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
});

import { createExport } from '@journey/llm-core';
import { test, expect } from '@journey/testkit';
import { open } from './page-actions';

test('a long pattern list shows the newest 100 at first, and the rest with "Load more"', async ({ page }) => {
  const tail = Math.random().toString(36).slice(2, 8); // the database is shared by every spec
  const file = createExport(Array.from({ length: 120 }, (_, i) => ({ trigger: `long list ${tail} ${i}`, response: `answer ${i}` })));
  expect((await page.request.post('/api/import', { data: file })).status()).toBe(200);
  const total = (await (await page.request.get('/api/patterns?limit=500')).json()).patterns.length;
  await open(page);

  const rows = page.locator('journey-pattern-list li .trigger');
  await expect(rows).toHaveCount(100);
  await expect(page.locator('journey-pattern-list .count')).toHaveText('100+');
  const loadMore = page.getByRole('button', { name: 'Load more' });
  while (await loadMore.isVisible()) {
    const shown = await rows.count();
    await loadMore.click();
    await expect(rows).not.toHaveCount(shown);
  }
  await expect(rows).toHaveCount(total);
  await expect(rows.first()).toHaveText(`long list ${tail} 119`);
});

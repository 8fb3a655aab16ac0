import { test, expect } from '@journey/testkit';

test('an anonymous visitor gets the sign-in page, and the API answers them 401', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Email', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Chat' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export' })).toHaveCount(0);

  for (const [method, path] of [['GET', '/api/patterns'], ['POST', '/api/chat'], ['POST', '/api/patterns']] as const) {
    const res = await page.request.fetch(path, { method, data: method === 'POST' ? { message: 'hi', trigger: 'a', response: 'b' } : undefined });
    expect(res.status(), `${method} ${path}`).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'Sign in first.', requestId: expect.any(String) } });
  }
});

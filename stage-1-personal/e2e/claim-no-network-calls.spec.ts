import { test, expect } from '@journey/testkit';
import { open, say, teach } from './page-actions';

test('the page talks to no other origin and calls no /api', async ({ page, baseURL }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));

  await open(page);
  await teach(page, 'are you online', 'No need: I live in this page.');
  await say(page, 'are you online');
  await page.reload();
  await say(page, 'are you online');

  const origin = new URL(baseURL!).origin;
  expect(requested.length, 'the recorder saw the page load').toBeGreaterThan(0);
  expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(requested.filter((url) => new URL(url).pathname.startsWith('/api'))).toEqual([]);
});

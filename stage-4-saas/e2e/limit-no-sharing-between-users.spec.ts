import { test, expect } from '@journey/testkit';
import { patternRow, signUp, teach, unique, uniqueEmail } from './page-actions';

/**
 * The limit of stage 3: every user is an island. Two colleagues cannot share one brain: there is
 * no control to share a pattern, and no route of the API gives B A's pattern: not the list, not
 * the chat, not a change or a delete by its id. Stage 4 (organizations) lifts it, and this fails then.
 */
test('A has no way to share a pattern with B, and B cannot reach it by id', async ({ page, browser }) => {
  const trigger = unique('where is the handbook');
  await signUp(page, uniqueEmail('alice'));
  await teach(page, trigger, 'https://handbook.example');

  // Nothing on A's page offers sharing, inviting or a team.
  const row = patternRow(page, trigger);
  await expect(row).toBeVisible();
  for (const name of [/share/i, /invite/i, /team/i, /organi[sz]ation/i, /member/i]) {
    await expect(page.getByRole('button', { name })).toHaveCount(0);
    await expect(page.getByRole('link', { name })).toHaveCount(0);
  }
  const { patterns } = await (await page.request.get('/api/patterns')).json();
  const id = patterns.find((p: { trigger: string }) => p.trigger === trigger).id as string;

  // B, signed in in another browser, tries every route there is that could reach it.
  const other = await browser.newContext();
  const bobPage = await other.newPage();
  await signUp(bobPage, uniqueEmail('bob'));
  const asBob = bobPage.request;
  const bobsList = await (await asBob.get('/api/patterns')).json();
  expect(bobsList.patterns.map((p: { id: string }) => p.id)).not.toContain(id);
  const { reply } = await (await asBob.post('/api/chat', { data: { message: trigger } })).json();
  expect(reply.text).not.toBe('https://handbook.example');
  expect((await asBob.put(`/api/patterns/${id}`, { data: { response: 'edited by bob' } })).status()).toBe(404);
  expect((await asBob.delete(`/api/patterns/${id}`)).status()).toBe(404);
  await other.close();

  // A's pattern is untouched.
  await page.reload();
  await expect(patternRow(page, trigger).locator('.response')).toHaveText('https://handbook.example');
});

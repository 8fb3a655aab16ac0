import { test, expect } from '@journey/testkit';
import { acceptBySigningUp, createOrganization, invite, patternRow, say, signUp, teach, unique, uniqueEmail } from './page-actions';

// The viewer's own API calls answer 403 on purpose; Chromium logs them as console errors.
test.use({ allowConsoleErrors: [/status of 403/] });

test('a viewer chats with the organization’s bot, sees no way to teach, and the API answers 403 when they try anyway', async ({ page, browser }) => {
  const acme = unique('Acme');
  const viewer = uniqueEmail('viewer');
  await signUp(page, uniqueEmail('owner'));
  await createOrganization(page, acme);
  await teach(page, 'opening hours', 'We open at nine.');
  const link = await invite(page, viewer, 'viewer');

  const other = await browser.newContext();
  const viewerPage = await other.newPage();
  await acceptBySigningUp(viewerPage, link, viewer, acme);

  // Chat works, with the organization's patterns.
  await expect(await say(viewerPage, 'opening hours')).toContainText('We open at nine.');

  // Teaching is not drawn, and the page says why; the pattern is listed, without edit or delete; no import.
  await expect(viewerPage.getByRole('heading', { name: 'You can read and chat' })).toBeVisible();
  await expect(viewerPage.getByText(`You are a viewer in ${acme}`)).toBeVisible();
  await expect(viewerPage.getByLabel('When someone says')).toHaveCount(0);
  await expect(viewerPage.getByRole('button', { name: 'Teach it' })).toHaveCount(0);
  await expect(patternRow(viewerPage, 'opening hours')).toBeVisible();
  await expect(viewerPage.getByRole('button', { name: /^(Edit|Delete) “opening hours”$/ })).toHaveCount(0);
  await expect(viewerPage.getByRole('button', { name: 'Import…' })).toHaveCount(0);

  // The page only hides: the server is the lock. The same session calling the API is refused, and nothing changes.
  const answers = await viewerPage.evaluate(async () => {
    const json = { 'content-type': 'application/json' };
    const { patterns } = await (await fetch('/api/patterns')).json();
    const id = patterns[0].id as string;
    const teachIt = await fetch('/api/patterns', { method: 'POST', headers: json, body: JSON.stringify({ trigger: 'sneaky', response: 'taught' }) });
    const edit = await fetch(`/api/patterns/${id}`, { method: 'PUT', headers: json, body: JSON.stringify({ response: 'changed' }) });
    const remove = await fetch(`/api/patterns/${id}`, { method: 'DELETE' });
    const after = await (await fetch('/api/patterns')).json();
    return {
      statuses: [teachIt.status, edit.status, remove.status],
      code: (await teachIt.json()).error.code,
      after: after.patterns.map((p: { trigger: string; response: string }) => `${p.trigger} → ${p.response}`),
    };
  });
  expect(answers).toEqual({ statuses: [403, 403, 403], code: 'forbidden', after: ['opening hours → We open at nine.'] });
  await other.close();
});

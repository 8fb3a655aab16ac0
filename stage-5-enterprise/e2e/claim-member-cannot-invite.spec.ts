import { test, expect } from '@journey/testkit';
import { acceptBySigningUp, createOrganization, invite, openMembers, signUp, unique, uniqueEmail } from './page-actions';

// The member's own calls answer 403 on purpose; Chromium logs them as console errors.
test.use({ allowConsoleErrors: [/status of 403/] });

test('a member sees no invite controls, and the API answers 403 when their page tries anyway', async ({ page, browser }) => {
  const acme = unique('Acme');
  const owner = uniqueEmail('owner');
  const member = uniqueEmail('member');
  await signUp(page, owner);
  await createOrganization(page, acme);
  const link = await invite(page, member); // the owner has the controls

  const other = await browser.newContext();
  const memberPage = await other.newPage();
  await acceptBySigningUp(memberPage, link, member, acme);
  await openMembers(memberPage);
  const members = memberPage.locator('journey-members li');
  await expect(members).toHaveCount(2);
  await expect(members.filter({ hasText: owner })).toContainText('owner');

  // Nothing to invite with, no invitations, no role changes or removals of others, no delete.
  await expect(memberPage.getByRole('heading', { name: 'Invite people' })).toHaveCount(0);
  await expect(memberPage.getByRole('button', { name: /invit/i })).toHaveCount(0);
  await expect(memberPage.getByLabel('Email', { exact: true })).toHaveCount(0);
  await expect(memberPage.getByRole('heading', { name: 'Invitations' })).toHaveCount(0);
  await expect(memberPage.getByRole('combobox', { name: /Role of/ })).toHaveCount(0);
  await expect(memberPage.getByRole('button', { name: `Remove ${owner}` })).toHaveCount(0);
  await expect(memberPage.getByRole('button', { name: 'Delete organization' })).toHaveCount(0);
  await expect(memberPage.getByRole('button', { name: `Leave ${member}` })).toBeVisible(); // leaving is theirs

  // The page only hides: the server is the lock. The same session calling the API is refused.
  const orgId = (await (await memberPage.request.get('/api/orgs')).json()).activeOrgId as string;
  const answers = await memberPage.evaluate(async (id) => {
    const post = await fetch(`/api/orgs/${id}/invitations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'outsider@example.com', role: 'member' }),
    });
    const list = await fetch(`/api/orgs/${id}/invitations`);
    return { post: post.status, code: (await post.json()).error.code, list: list.status };
  }, orgId);
  expect(answers).toEqual({ post: 403, code: 'forbidden', list: 403 });

  // Nothing was invited: the owner's list holds the one invitation, accepted.
  await page.reload();
  const invitations = page.locator('journey-invitations li');
  await expect(invitations).toHaveCount(1);
  await expect(invitations).toContainText(member);
  await expect(invitations).toContainText('accepted');
  await other.close();
});

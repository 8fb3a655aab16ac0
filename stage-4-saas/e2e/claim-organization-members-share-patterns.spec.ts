import { test, expect } from '@journey/testkit';
import {
  acceptBySigningUp,
  createOrganization,
  invite,
  mailTo,
  open,
  patternRow,
  say,
  signUp,
  teach,
  unique,
  uniqueEmail,
} from './page-actions';

/**
 * Stage 4's claim, and the end of stage 3's limit: two colleagues share one brain. Acme's owner
 * invites a colleague by email; in another browser the colleague opens the link, signs up with that
 * email and joins; from then on what either teaches, the other's list shows and chat answers.
 */
test("Acme's owner invites a colleague, who joins in another browser; each one's chat answers with what the other taught", async ({
  page,
  browser,
}) => {
  const acme = unique('Acme');
  const owner = uniqueEmail('owner');
  const colleague = uniqueEmail('colleague');
  await signUp(page, owner);
  await createOrganization(page, acme);
  const ownersTrigger = unique('where is the handbook');
  await teach(page, ownersTrigger, 'On the wiki, under Handbook.');

  // The link the page shows to copy is the one mailed (through the outbox).
  const link = await invite(page, colleague);
  expect(link).toMatch(/\/invite#[\w-]{20,}$/);
  expect(await mailTo(colleague, /\/invite#/)).toContain(link);

  const other = await browser.newContext();
  const colleaguePage = await other.newPage();
  await acceptBySigningUp(colleaguePage, link, colleague, acme);
  await expect(colleaguePage.getByLabel('Organization', { exact: true }).locator('option:checked')).toHaveText(`${acme} · member`);

  // The colleague sees the owner's pattern, taught by the owner, and their chat answers with it.
  await expect(patternRow(colleaguePage, ownersTrigger).locator('.taught-by')).toHaveText(`Taught by ${owner}`);
  await expect((await say(colleaguePage, ownersTrigger)).locator('.bubble')).toHaveText('On the wiki, under Handbook.');

  // And the other way round: what the colleague teaches, the owner's chat answers.
  const colleaguesTrigger = unique('when is the team lunch');
  await teach(colleaguePage, colleaguesTrigger, 'Fridays at noon.');
  await open(page);
  await expect(patternRow(page, colleaguesTrigger).locator('.taught-by')).toHaveText(`Taught by ${colleague}`);
  await expect((await say(page, colleaguesTrigger)).locator('.bubble')).toHaveText('Fridays at noon.');
  await other.close();
});

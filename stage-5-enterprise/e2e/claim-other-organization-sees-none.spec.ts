import { test, expect } from '@journey/testkit';
import { createOrganization, patternRow, say, signUp, teach, triggers, unique, uniqueEmail } from './page-actions';

// Asking for Acme by its id answers 404 on purpose; Chromium logs it as a console error.
test.use({ allowConsoleErrors: [/status of 404/] });

test("a Globex user sees none of Acme's patterns: not in the list, not in the chat, not by Acme's id", async ({ page, browser }) => {
  const acme = unique('Acme');
  const secret = unique('what is the acquisition codename');
  await signUp(page, uniqueEmail('acme-owner'));
  await createOrganization(page, acme);
  await teach(page, secret, 'Project Roadrunner');
  const acmeId = (await (await page.request.get('/api/orgs')).json()).activeOrgId as string;

  const other = await browser.newContext();
  const globexPage = await other.newPage();
  await signUp(globexPage, uniqueEmail('globex-owner'));
  await createOrganization(globexPage, unique('Globex')); // an empty brain: "No patterns yet"
  await expect(patternRow(globexPage, secret)).toHaveCount(0);
  for (const message of [secret, secret.toUpperCase(), `${secret}?`]) {
    const answer = await say(globexPage, message);
    await expect(answer).not.toContainText('Roadrunner');
    await expect(answer).toContainText('No pattern matched');
  }

  // Nor in the Globex user's other organization (their personal one, with its examples).
  const picker = globexPage.getByLabel('Organization', { exact: true });
  await expect(picker.locator('option')).toHaveCount(2);
  await expect(picker).not.toContainText(acme);
  await picker.selectOption({ index: 0 });
  await expect(triggers(globexPage).first()).toBeVisible();
  await expect(patternRow(globexPage, secret)).toHaveCount(0);
  await expect((await say(globexPage, secret)).locator('.bubble')).not.toHaveText('Project Roadrunner');

  // Switching to Acme by its id, from the Globex user's session, is refused as if it did not exist.
  const activate = await globexPage.evaluate(
    async (id) => (await fetch(`/api/orgs/${id}/activate`, { method: 'POST' })).status,
    acmeId,
  );
  expect(activate).toBe(404);
  await other.close();
});

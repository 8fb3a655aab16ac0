import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { expect } from '@journey/testkit';

/** What a person does on the page, in the words the page uses. Shared by the specs. */

/** Opens the app as whoever this browser is signed in as (the chat shows once the session is checked). */
export async function open(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Chat' })).toBeVisible();
}

/** A password every rule accepts. */
export const PASSWORD = 'tangerine kite 42';

/** Specs share one server: every account a spec makes has an email of its own. */
export const uniqueEmail = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}@example.com`;

/** Signs up through the sign-in page's "Create an account", and waits for the app. */
export async function signUp(page: Page, email: string, password = PASSWORD, url = '/'): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Chat' })).toBeVisible();
}

export async function logIn(page: Page, email: string, password = PASSWORD, url = '/'): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

export async function teach(page: Page, trigger: string, response: string): Promise<void> {
  await page.getByLabel('When someone says').fill(trigger);
  await page.getByLabel('Reply with').fill(response);
  await page.getByRole('button', { name: 'Teach it' }).click();
  await expect(page.getByText(`Learned “${trigger}”`)).toBeVisible();
}

/** Sends a message and returns the bot's answer bubble (and its "answered by" line). */
export async function say(page: Page, message: string) {
  const answers = page.locator('journey-chat-panel li.bot:not([aria-label])');
  const before = await answers.count();
  await page.getByLabel('Message').fill(message);
  await page.getByLabel('Message').press('Enter');
  await expect(answers).toHaveCount(before + 1);
  return answers.last();
}

/** The triggers shown in the pattern list. */
export function triggers(page: Page) {
  return page.locator('journey-pattern-list li .trigger');
}

/** The server is shared by every spec: a trigger with a random tail belongs to one spec only. */
export const unique = (words: string) => `${words} ${Math.random().toString(36).slice(2, 8)}`;

/** The row of the pattern list that shows this trigger. */
export function patternRow(page: Page, trigger: string) {
  return page.locator('journey-pattern-list li').filter({ has: page.locator('.trigger', { hasText: trigger }) });
}

/** Another browser (a context that shares nothing with this one) logs in as this user and deletes this pattern. */
export async function deleteInAnotherBrowser(browser: Browser, email: string, trigger: string): Promise<void> {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logIn(otherPage, email);
  await patternRow(otherPage, trigger).getByRole('button', { name: /^Delete/ }).click();
  await otherPage.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(patternRow(otherPage, trigger)).toHaveCount(0);
  await other.close();
}

/**
 * The text of the newest mail to `to`, once it matches `pattern`. The server sends a mail after it
 * answers, so it may not be written yet: wait for it (the e2e server runs as production: no
 * /dev/outbox page to look at).
 */
export async function mailTo(to: string, pattern: RegExp): Promise<string> {
  let text = '';
  await expect.poll(() => (text = newestMailTo(to)), { intervals: [100] }).toMatch(pattern);
  return text; // the mail the poll matched, not one read again after it
}

/** '' while there is none: a poll whose function throws fails at once instead of trying again. */
function newestMailTo(to: string): string {
  const outbox = join(process.env.STAGE4_E2E_DATA_DIR!, 'outbox');
  const mails = readdirSync(outbox)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(outbox, name), 'utf8')) as { to: string; text: string })
    .filter((mail) => mail.to === to);
  return mails.at(-1)?.text ?? '';
}

// ── Organizations (stage 4) ─────────────────────────────────────────────────────────────────────

/** The footer names the organization whose patterns are shown: the sign that its brain has loaded. */
export async function expectBrainOf(page: Page, orgName: string): Promise<void> {
  await expect(page.getByText(`These patterns belong to ${orgName}`)).toBeVisible();
}

/** "New organization" in the header: creates it, and the page switches to it (its brain is empty). */
export async function createOrganization(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'New organization' }).click();
  await page.getByLabel('Organization name').fill(name);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await expect(page.getByText(`Created ${name}.`)).toBeVisible();
  await expectBrainOf(page, name);
  await expect(page.getByText('No patterns yet')).toBeVisible();
}

/** Picks an organization in the header's switcher (its options read "Name · role"). */
export async function switchOrganization(page: Page, name: string): Promise<void> {
  const picker = page.getByLabel('Organization', { exact: true });
  const option = picker.locator('option', { hasText: `${name} · ` });
  await picker.selectOption(await option.getAttribute('value'));
  await expectBrainOf(page, name);
}

/** The "Members" tab: members, and for admins and owners the invitations. */
export async function openMembers(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Members' }).click();
  await expect(page.getByRole('heading', { name: 'Members' })).toBeVisible();
}

/** The "Chat and patterns" tab. */
export async function openChat(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Chat and patterns' }).click();
  await expect(page.getByRole('heading', { name: 'Chat' })).toBeVisible();
}

/** Invites `email` from the Members tab and returns the link the page shows to copy. */
export async function invite(page: Page, email: string, role: 'member' | 'admin' | 'owner' = 'member'): Promise<string> {
  await openMembers(page);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption(role);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation mailed to ${email} as ${role}.`)).toBeVisible();
  return page.getByLabel('Invitation link').inputValue();
}

/** Opens an invitation link signed out, and signs up with the invited email: the page joins at once. */
export async function acceptBySigningUp(page: Page, link: string, email: string, orgName: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole('heading', { name: "You're invited to an organization" })).toBeVisible();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('New password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(`You joined ${orgName} as`)).toBeVisible();
  await expectBrainOf(page, orgName);
}

// ── Plans and billing (stage 4) ─────────────────────────────────────────────────────────────────

/** The "Plan and usage" tab: the plan, and the bars of patterns and this month's chats. */
export async function openPlanAndUsage(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Plan and usage' }).click();
  await expect(page.getByRole('heading', { name: 'Plan and usage' })).toBeVisible();
}

/** A usage bar's figure, e.g. "10 of 10 · limit reached" for Patterns. */
export function usageFigure(page: Page, label: string | RegExp) {
  return page.locator('journey-usage-bar').filter({ has: page.locator('.label', { hasText: label }) }).locator('.figure');
}

/**
 * Puts the browser's active organization on a plan through demo billing's API (the e2e server has
 * no Stripe key), as its owner. For specs whose claim is not about plans but that need more than
 * the free plan's 10 patterns.
 */
export async function putOnPlan(page: Page, plan: 'free' | 'pro' | 'enterprise'): Promise<void> {
  const orgId = ((await (await page.request.get('/api/orgs')).json()) as { activeOrgId: string }).activeOrgId;
  expect((await page.request.post(`/api/orgs/${orgId}/billing/demo`, { data: { plan } })).status()).toBe(204);
}

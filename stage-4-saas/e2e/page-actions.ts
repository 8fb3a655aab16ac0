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

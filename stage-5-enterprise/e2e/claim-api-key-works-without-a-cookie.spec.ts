import { test, expect } from '@journey/testkit';
import { openChat, signUp, triggers, unique, uniqueEmail } from './page-actions';
import { apiKeyRow, createApiKey, openApiKeys } from './saas-actions';
import { ownPostgresServer } from './own-postgres-server';

const server = ownPostgresServer('stage-5-e2e-key-');

/**
 * An owner creates a key in the page, and a program that has nothing but that key (a fresh HTTP
 * client: no cookie, no browser) teaches and chats with the organization's brain. What it taught
 * shows in the owner's list, and the key's row says it was used.
 */
test('a key created in the page teaches and chats from a plain HTTP client with no cookie', async ({ page, playwright }) => {
  await signUp(page, uniqueEmail('ada'), undefined, server.url());
  const key = await createApiKey(page, 'Deploy bot');
  expect(key).toMatch(/^jrny_sk_[0-9A-Za-z]{43,}$/);
  // Shown once: the list shows its prefix, never the key.
  await expect(apiKeyRow(page, 'Deploy bot')).toContainText(key.slice(0, 12));
  await expect(page.locator('journey-api-keys')).not.toContainText(key.slice(12));
  await expect(apiKeyRow(page, 'Deploy bot')).toContainText('Never used');

  const program = await playwright.request.newContext({ baseURL: server.url() });
  expect((await program.storageState()).cookies).toEqual([]);
  const trigger = unique('what is the deploy status');
  const withKey = { authorization: `Bearer ${key}` };
  const taught = await program.post('/api/patterns', { headers: withKey, data: { trigger, response: 'All green, shipped at noon' } });
  expect(taught.status()).toBe(201);
  const chat = await program.post('/api/chat', { headers: withKey, data: { message: trigger } });
  expect(chat.status()).toBe(200);
  expect((await chat.json()).reply.text).toBe('All green, shipped at noon');
  // The same client without the key is nobody.
  expect((await program.post('/api/chat', { data: { message: trigger } })).status()).toBe(401);
  await program.dispose();

  // The owner sees what the program taught (once the page reads the list again), and that the key was used.
  await page.reload();
  await openChat(page);
  await expect(triggers(page).filter({ hasText: trigger })).toHaveCount(1);
  await openApiKeys(page);
  await expect(apiKeyRow(page, 'Deploy bot')).toContainText(/Last used \d+ seconds? ago/);
});

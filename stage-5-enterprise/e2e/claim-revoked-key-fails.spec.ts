import { test, expect } from '@journey/testkit';
import { signUp, uniqueEmail } from './page-actions';
import { apiKeyRow, createApiKey, revokeApiKey } from './saas-actions';
import { ownPostgresServer } from './own-postgres-server';

const server = ownPostgresServer('stage-5-e2e-revoked-');

/**
 * A key works until its owner revokes it in the page, and from that moment it gets 401, with the
 * one message that does not say whether a key is revoked or never existed.
 */
test('a key revoked in the page fails at once from a plain HTTP client', async ({ page, playwright }) => {
  await signUp(page, uniqueEmail('ada'), undefined, server.url());
  const key = await createApiKey(page, 'Old widget');
  const program = await playwright.request.newContext({ baseURL: server.url(), extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  const ask = () => program.post('/api/chat', { data: { message: 'hello' } });
  expect((await ask()).status()).toBe(200);

  await revokeApiKey(page, 'Old widget');
  await expect(apiKeyRow(page, 'Old widget')).toContainText('revoked');
  await expect(apiKeyRow(page, 'Old widget').getByRole('button', { name: /Revoke/ })).toHaveCount(0);

  const refused = await ask();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.message).toBe('This API key is not valid (unknown or revoked).');
  expect((await program.get('/api/patterns')).status()).toBe(401);
  await program.dispose();
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD, ownerQuery, ownerValue, startTestServer, uniqueEmail, type TestServer } from './helpers';
import { hashResetToken } from '../src/server/auth/password-reset';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const NEW_PASSWORD = 'a brand new passphrase';
/** Asks for a link; for the account's email, waits for its mail (written just after the answer). */
async function forgot(email: string) {
  const before = server.outbox.list().length;
  const res = await server.anonymous.api('POST', '/api/auth/forgot-password', { email });
  if (email === server.session.user.email) await expect.poll(() => server.outbox.list().length).toBe(before + 1);
  return res;
}
const reset = (token: string, password = NEW_PASSWORD) =>
  server.anonymous.api('POST', '/api/auth/reset-password', { token, password });
const login = (password: string) => server.anonymous.api('POST', '/api/auth/login', { email: server.session.user.email, password });

/** The token from the newest mail's link, as the user would click it. */
function tokenFromOutbox(): string {
  const [mail] = server.outbox.list();
  const link = /http:\/\/localhost:3005\/#reset=([\w-]+)/.exec(mail!.text);
  if (!link) throw new Error(`no reset link in: ${mail?.text}`);
  return link[1]!;
}

describe('password reset', () => {
  it('mails a link; the token sets a new password, the old one stops working', async () => {
    const res = await forgot(server.session.user.email);
    expect(res.status).toBe(202);
    const [mail] = server.outbox.list();
    expect(mail).toMatchObject({ to: server.session.user.email, subject: 'Reset your password' });
    expect(mail!.text).toMatch(/within 30 minutes/);

    const done = await reset(tokenFromOutbox());
    expect(done.status).toBe(204);
    expect((await login(PASSWORD)).status).toBe(401);
    expect((await login(NEW_PASSWORD)).status).toBe(200);
  });

  it('answers an unknown email exactly like a known one, and mails nothing', async () => {
    const known = await forgot(server.session.user.email);
    const unknown = await forgot(uniqueEmail('ghost'));
    expect(unknown.status).toBe(known.status);
    expect(unknown.json).toEqual(known.json);
    expect(server.outbox.list()).toHaveLength(1);
  });

  it('a token works once', async () => {
    await forgot(server.session.user.email);
    const token = tokenFromOutbox();
    expect((await reset(token)).status).toBe(204);
    const again = await reset(token, 'yet another passphrase');
    expect(again.status).toBe(400);
    expect(again.json.error.code).toBe('invalid_token');
    expect((await login(NEW_PASSWORD)).status).toBe(200);
  });

  it('a token expires after 30 minutes', async () => {
    await forgot(server.session.user.email);
    const token = tokenFromOutbox();
    const expiresAt = (await ownerValue<Date>(server.db, 'SELECT expires_at FROM password_resets')).getTime();
    expect(expiresAt - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    await ownerQuery(server.db, 'UPDATE password_resets SET expires_at = $1', [new Date(Date.now() - 1)]); // 30 minutes later
    expect((await reset(token)).json.error.code).toBe('invalid_token');
    expect((await login(PASSWORD)).status).toBe(200);
  });

  it('a newer mail replaces the older link', async () => {
    await forgot(server.session.user.email);
    const first = tokenFromOutbox();
    await forgot(server.session.user.email);
    expect((await reset(first)).json.error.code).toBe('invalid_token');
    expect((await reset(tokenFromOutbox())).status).toBe(204);
  });

  it('stores only the hash of the token', async () => {
    await forgot(server.session.user.email);
    const token = tokenFromOutbox();
    const stored = (await server.db.query<{ token_hash: string }>('SELECT token_hash FROM password_resets')).map((row) => row.token_hash);
    expect(stored).toEqual([hashResetToken(token)]);
    expect(JSON.stringify(await server.db.query('SELECT * FROM password_resets'))).not.toContain(token);
  });

  it('ends every session of the account (they may be the attacker’s)', async () => {
    expect((await server.api('GET', '/api/patterns')).status).toBe(200);
    await forgot(server.session.user.email);
    await reset(tokenFromOutbox());
    expect((await server.api('GET', '/api/patterns')).status).toBe(401);
  });

  it('refuses a weak new password and keeps the token for a better one', async () => {
    await forgot(server.session.user.email);
    const token = tokenFromOutbox();
    const weak = await reset(token, 'password1');
    expect(weak.status).toBe(400);
    expect(weak.json.error.details).toEqual([{ path: 'password', message: expect.stringMatching(/most common/) }]);
    expect((await login(PASSWORD)).status).toBe(200);
    expect((await reset(token)).status).toBe(204);
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../src/server/sso/secret-box';
import { createSso, type SsoAuditEvent } from '../src/server/sso/sso-service';
import { freePort } from './server-process';
import { ownerQuery, ownerValue, PASSWORD, sessionCookieOf, startTestServer, type Session, type TestServer } from './helpers';
import { startTestProvider, type TestProvider } from './oidc-provider';
import { CookieJar, followUntil, visit } from './sso-browser';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider), started on loopback.
 * An owner configures the provider for acme.test; people of acme.test sign in there.
 */
describe('single sign-on (OpenID Connect)', () => {
  let app: TestServer;
  let provider: TestProvider;
  let orgId: string;
  const domain = 'acme.test';

  const settings = (changes: Record<string, unknown> = {}) => ({
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    emailDomain: domain,
    ssoRequired: false,
    defaultRole: 'admin',
    ...changes,
  });
  const configure = async (changes: Record<string, unknown> = {}) => {
    const res = await app.api('PUT', `/api/orgs/${orgId}/sso`, settings(changes));
    expect(res.status, res.text).toBe(200);
  };

  /** Starts an SSO login for `email` and follows it through the provider, up to (not into) the app's callback. */
  async function upToCallback(email: string, { changeAuthorization }: { changeAuthorization?: (url: URL) => void } = {}) {
    const jar = new CookieJar();
    const start = await visit(jar, `${app.url}/api/auth/sso/start?email=${encodeURIComponent(email)}`);
    expect(start.status).toBe(303);
    const authorization = new URL(start.headers.get('location')!);
    expect(authorization.origin).toBe(provider.issuer);
    changeAuthorization?.(authorization);
    const callback = await followUntil(jar, authorization, (url) => url.pathname === '/api/auth/sso/callback');
    return { jar, callback: new URL(`${app.url}${callback.pathname}${callback.search}`) };
  }

  /** The app's answer to a callback: where it sends the browser, and the session it set, if any. */
  async function callBack(jar: CookieJar, callback: URL) {
    const res = await visit(jar, callback);
    const session = res.headers.getSetCookie().some((c) => /^session=[^;]/.test(c)) ? sessionCookieOf(res.headers) : undefined;
    return { status: res.status, location: res.headers.get('location'), session };
  }

  const userCount = (email: string) => ownerValue<number>(app.db, 'SELECT count(*)::int FROM users WHERE email = $1', [email]);

  beforeAll(async () => {
    const port = await freePort();
    app = await startTestServer({ appUrl: `http://localhost:${port}`, env: { PORT: String(port) } });
    provider = await startTestProvider(`http://localhost:${port}/api/auth/sso/callback`);
    provider.accounts.set('alice', { email: 'alice@acme.test' });
    provider.accounts.set('bob', { email: 'Bob@ACME.test' });
    provider.accounts.set('mallory', { email: 'mallory@other.test' });
    provider.accounts.set('unverified', { email: 'eve@acme.test', emailVerified: false });
    orgId = (await app.api('GET', '/api/orgs')).json.activeOrgId;
  });
  afterAll(async () => {
    await provider?.close();
    await app?.close();
  });

  it('signs a new person in: account made without a password, member with the default role, session works, organization active', async () => {
    await configure();
    provider.autoLogin = 'alice';
    const { jar, callback } = await upToCallback('alice@acme.test');
    const answer = await callBack(jar, callback);
    expect(answer).toMatchObject({ status: 303, location: '/' });
    expect(answer.session).toBeDefined();

    const me = await visit(jar, `${app.url}/api/auth/me`);
    expect((await me.json()).user.email).toBe('alice@acme.test');
    const orgs = await (await visit(jar, `${app.url}/api/orgs`)).json();
    expect(orgs.activeOrgId).toBe(orgId);
    expect(orgs.orgs).toEqual([expect.objectContaining({ id: orgId, role: 'admin' })]);
    expect(await ownerValue(app.db, 'SELECT password_hash FROM users WHERE email = $1', ['alice@acme.test'])).toBeNull();
    // No password opens this account.
    expect((await app.anonymous.api('POST', '/api/auth/login', { email: 'alice@acme.test', password: PASSWORD })).status).toBe(401);
  });

  it('signs the same person in again without a second account; the email is compared lowercased', async () => {
    provider.autoLogin = 'alice';
    const first = await upToCallback('alice@acme.test');
    expect((await callBack(first.jar, first.callback)).session).toBeDefined();
    expect(await userCount('alice@acme.test')).toBe(1);

    provider.autoLogin = 'bob';
    const bob = await upToCallback('bob@acme.test');
    expect(await callBack(bob.jar, bob.callback)).toMatchObject({ status: 303, location: '/' });
    expect(await userCount('bob@acme.test')).toBe(1);
  });

  it('refuses a callback whose state was changed', async () => {
    provider.autoLogin = 'alice';
    const { jar, callback } = await upToCallback('alice@acme.test');
    callback.searchParams.set('state', 'not-the-state-we-sent');
    expect(await callBack(jar, callback)).toEqual({ status: 303, location: '/#sso-error=state', session: undefined });
  });

  it('refuses a callback in another browser than the one that started the login (no state cookie)', async () => {
    provider.autoLogin = 'alice';
    const { callback } = await upToCallback('alice@acme.test');
    expect(await callBack(new CookieJar(), callback)).toEqual({ status: 303, location: '/#sso-error=state', session: undefined });
  });

  it('refuses an ID token whose nonce is not the one this login sent', async () => {
    provider.autoLogin = 'alice';
    const { jar, callback } = await upToCallback('alice@acme.test', {
      changeAuthorization: (url) => url.searchParams.set('nonce', 'a-nonce-of-someone-elses-login'),
    });
    expect(await callBack(jar, callback)).toEqual({ status: 303, location: '/#sso-error=nonce', session: undefined });
  });

  it('refuses a person of another domain, and makes no account for them', async () => {
    provider.autoLogin = 'mallory';
    const { jar, callback } = await upToCallback('alice@acme.test');
    expect(await callBack(jar, callback)).toEqual({ status: 303, location: '/#sso-error=domain', session: undefined });
    expect(await userCount('mallory@other.test')).toBe(0);
  });

  it('refuses an email the provider has not verified', async () => {
    provider.autoLogin = 'unverified';
    const { jar, callback } = await upToCallback('eve@acme.test');
    expect(await callBack(jar, callback)).toEqual({ status: 303, location: '/#sso-error=unverified', session: undefined });
    expect(await userCount('eve@acme.test')).toBe(0);
  });

  it('refuses a replayed callback (same code and state), even with the state cookie put back', async () => {
    provider.autoLogin = 'alice';
    const { jar, callback } = await upToCallback('alice@acme.test');
    const state = jar.get(callback, 'sso_state')!;
    expect((await callBack(jar, callback)).session).toBeDefined();
    jar.set(callback, 'sso_state', state);
    expect(await callBack(jar, callback)).toEqual({ status: 303, location: '/#sso-error=state', session: undefined });
  });

  it('will not sign in as an existing account that is not a member: it must be invited', async () => {
    const carol = await app.signUp('carol@acme.test');
    provider.accounts.set('carol', { email: carol.session.user.email });
    provider.autoLogin = 'carol';
    const { jar, callback } = await upToCallback('carol@acme.test');
    expect(await callBack(jar, callback)).toEqual({ status: 303, location: '/#sso-error=account_exists', session: undefined });
  });

  it('"SSO required" refuses password login, tokens and signups for the domain (403 sso_required with the start URL); other domains are untouched', async () => {
    const dave = await app.signUp('dave@acme.test'); // a password account made before SSO was required
    await configure({ ssoRequired: true });
    const startUrl = `/api/auth/sso/start?email=${encodeURIComponent('dave@acme.test')}`;
    for (const path of ['/api/auth/login', '/api/auth/token']) {
      const res = await app.anonymous.api('POST', path, { email: dave.session.user.email, password: PASSWORD });
      expect(res.status).toBe(403);
      expect(res.json.error).toMatchObject({ code: 'sso_required', details: { startUrl } });
    }
    const signup = await app.anonymous.api('POST', '/api/auth/signup', { email: 'newcomer@acme.test', password: PASSWORD });
    expect(signup.json.error.code).toBe('sso_required');
    expect(await userCount('newcomer@acme.test')).toBe(0);
    expect((await app.anonymous.api('GET', '/api/auth/sso/discover?email=dave%40acme.test')).json).toEqual({ sso: true, required: true, startUrl });
    expect((await app.anonymous.api('GET', '/api/auth/sso/discover?email=dave%40example.com')).json).toEqual({ sso: false, required: false, startUrl: null });
    expect((await app.anonymous.api('POST', '/api/auth/login', { email: app.session.user.email, password: PASSWORD })).status).toBe(200);
    await configure({ ssoRequired: false });
    expect((await app.anonymous.api('POST', '/api/auth/login', { email: dave.session.user.email, password: PASSWORD })).status).toBe(200);
  });

  it('stores the client secret encrypted, and never shows it', async () => {
    await configure();
    const stored = await ownerValue<string>(app.db, 'SELECT client_secret_encrypted FROM sso_configs WHERE org_id = $1', [orgId]);
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(provider.clientSecret);
    expect(Buffer.from(stored.split('.')[3]!, 'base64url').toString('latin1')).not.toContain(provider.clientSecret);
    const read = await app.api('GET', `/api/orgs/${orgId}/sso`);
    expect(read.json.sso).toMatchObject({ issuer: provider.issuer, emailDomain: domain, hasClientSecret: true });
    expect(read.text).not.toContain(provider.clientSecret);
    // Saving again without the secret keeps it: the next login still works.
    const { clientSecret: _kept, ...withoutSecret } = settings();
    expect((await app.api('PUT', `/api/orgs/${orgId}/sso`, withoutSecret)).status).toBe(200);
    provider.autoLogin = 'alice';
    const { jar, callback } = await upToCallback('alice@acme.test');
    expect((await callBack(jar, callback)).session).toBeDefined();
  });

  it('lets only owners configure it: an admin gets 403, a stranger 404', async () => {
    const admin = await app.signUp();
    await ownerQuery(app.db, "INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, 'admin')", [admin.session.user.id, orgId]);
    const stranger = await app.signUp();
    for (const [who, status] of [[admin, 403], [stranger, 404]] as const) {
      expect((await who.api('GET', `/api/orgs/${orgId}/sso`)).status).toBe(status);
      expect((await who.api('PUT', `/api/orgs/${orgId}/sso`, settings({ emailDomain: 'evil.test' }))).status).toBe(status);
      expect((await who.api('DELETE', `/api/orgs/${orgId}/sso`)).status).toBe(status);
    }
    expect((await app.api('GET', `/api/orgs/${orgId}/sso`)).json.sso.emailDomain).toBe(domain);
    expect((await app.anonymous.api('GET', `/api/orgs/${orgId}/sso`)).status).toBe(401);
  });

  it('gives one domain to one organization only (409 sso_domain_taken)', async () => {
    const other = await app.signUp();
    const otherOrg = (await other.api('GET', '/api/orgs')).json.activeOrgId;
    const res = await other.api('PUT', `/api/orgs/${otherOrg}/sso`, settings());
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('sso_domain_taken');
  });

  it('checks the issuer by discovery before saving: an unreachable one is a clear 400, and nothing changes', async () => {
    const deadPort = await freePort();
    const res = await app.api('PUT', `/api/orgs/${orgId}/sso`, settings({ issuer: `http://127.0.0.1:${deadPort}`, emailDomain: 'changed.test' }));
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('sso_issuer_unreachable');
    expect(res.json.error.message).toContain(`http://127.0.0.1:${deadPort}/.well-known/openid-configuration`);
    expect((await app.api('GET', `/api/orgs/${orgId}/sso`)).json.sso.emailDomain).toBe(domain);
    const check = await app.api('POST', `/api/orgs/${orgId}/sso/check`, { issuer: provider.issuer });
    expect(check.json).toEqual({ issuer: provider.issuer, authorizationEndpoint: `${provider.issuer}/auth` });
    for (const issuer of ['', 'not a url']) {
      const refused = await app.api('POST', `/api/orgs/${orgId}/sso/check`, { issuer });
      expect(refused.status).toBe(400);
      expect(refused.json.error).toMatchObject({ code: 'invalid_request', message: expect.stringMatching(/^issuer: Issuer must be/) });
    }
    const notHttps = await app.api('PUT', `/api/orgs/${orgId}/sso`, settings({ issuer: 'http://login.example.com' }));
    expect(notHttps.json.error).toMatchObject({ code: 'invalid_request', details: [{ path: 'issuer' }] });
  });

  it('ends SSO with DELETE: the domain signs in with passwords again', async () => {
    expect((await app.api('DELETE', `/api/orgs/${orgId}/sso`)).status).toBe(204);
    expect((await app.api('GET', `/api/orgs/${orgId}/sso`)).json).toEqual({ sso: null });
    const start = await visit(new CookieJar(), `${app.url}/api/auth/sso/start?email=alice%40acme.test`);
    expect(start.headers.get('location')).toBe('/#sso-error=not_configured');
  });

  it('hands each change to the audit hook, inside its transaction, with a before/after and no secret', async () => {
    const events: SsoAuditEvent[] = [];
    const sso = createSso(app.db, {
      secretBox: new SecretBox(randomBytes(32)),
      appUrl: app.url,
      onAudit: async (tx, event) => {
        expect(await tx.query('SELECT org_id FROM sso_configs')).toHaveLength(event.summary.after ? 1 : 0); // sees its own change
        events.push(event);
      },
    });
    const owner = app.session.user.id;
    await sso.save(owner, orgId, { ...settings(), defaultRole: 'member', ssoRequired: false });
    const { clientSecret: _kept, ...withoutSecret } = settings();
    await sso.save(owner, orgId, { ...withoutSecret, defaultRole: 'member', ssoRequired: true });
    await sso.remove(owner, orgId);
    await sso.remove(owner, orgId); // nothing to remove: no entry
    const side = { issuer: provider.issuer, clientId: provider.clientId, emailDomain: domain, defaultRole: 'member' };
    expect(events).toEqual([
      { action: 'sso.configured', orgId, target: { type: 'sso', id: orgId, label: domain }, summary: { before: null, after: { ...side, ssoRequired: false, secretChanged: true } } },
      { action: 'sso.configured', orgId, target: { type: 'sso', id: orgId, label: domain }, summary: { before: { ...side, ssoRequired: false }, after: { ...side, ssoRequired: true, secretChanged: false } } },
      { action: 'sso.configured', orgId, target: { type: 'sso', id: orgId, label: domain }, summary: { before: { ...side, ssoRequired: true }, after: null } },
    ]);
    expect(JSON.stringify(events)).not.toContain(provider.clientSecret);
  });
});

describe('single sign-on without SSO_ENCRYPTION_KEY in production', () => {
  it('refuses to save a configuration, and says why (503 sso_unavailable)', async () => {
    const app = await startTestServer({ production: true, appUrl: 'http://localhost:3005' });
    try {
      const orgId = (await app.api('GET', '/api/orgs')).json.activeOrgId;
      const res = await app.api('PUT', `/api/orgs/${orgId}/sso`, {
        issuer: 'https://login.example.com', clientId: 'x', clientSecret: 'y', emailDomain: 'example.org',
      });
      expect(res.status).toBe(503);
      expect(res.json.error).toMatchObject({ code: 'sso_unavailable', message: expect.stringContaining('SSO_ENCRYPTION_KEY') });
    } finally {
      await app.close();
    }
  });
});

describe('the secret box (AES-256-GCM)', () => {
  const box = new SecretBox(randomBytes(32));

  it('opens what it sealed; the same secret sealed twice looks different (a random IV each time)', () => {
    const sealed = box.seal('s3cret');
    expect(box.open(sealed)).toBe('s3cret');
    expect(box.seal('s3cret')).not.toBe(sealed);
  });

  it('refuses a sealed value changed by one character, and one sealed with another key', () => {
    const sealed = box.seal('s3cret');
    const last = sealed.at(-1) === 'A' ? 'B' : 'A';
    expect(() => box.open(sealed.slice(0, -1) + last)).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it('wants a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32 bytes/);
  });
});

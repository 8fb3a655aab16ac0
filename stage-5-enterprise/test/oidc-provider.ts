import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** A person the test provider knows: their account id is what the login form asks for. */
export interface ProviderAccount {
  email: string;
  emailVerified?: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by id; tests add their own. */
  accounts: Map<string, ProviderAccount>;
  /** Set: the next login signs this account in without a page (API tests). Unset: a login form (the browser's test). */
  autoLogin: string | undefined;
  close: () => Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A real OpenID Connect provider (oidc-provider, the certified implementation) on a free loopback
 * port, with one confidential client whose redirect URI is the app's callback. Logging in is a
 * one-field form (the account id), or automatic with `autoLogin`; consent is implied.
 */
export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, ProviderAccount>();
  const clientId = 'journey-app';
  const clientSecret = 'a-test-client-secret-that-is-long-enough-0123456789';

  const configuration: Configuration = {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // The email goes into the ID token itself, which is what the app reads.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['test-provider-cookie-key'] },
    ttl: { Session: 600, Grant: 600, Interaction: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      return account && { accountId: id, claims: () => ({ sub: id, email: account.email, email_verified: account.emailVerified ?? true }) };
    },
    // Consent is implied: every client gets the scopes it asks for.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();
  const state: TestProvider = { issuer, clientId, clientSecret, accounts, autoLogin: undefined, close: async () => {} };

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const login = body.get('login') ?? '';
      if (!accounts.has(login)) return void res.writeHead(400).end('unknown account');
      return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    }
    if (state.autoLogin) return provider.interactionFinished(req, res, { login: { accountId: state.autoLogin } }, { mergeWithLastSubmission: false });
    const details = await provider.interactionDetails(req, res);
    const hint = String(details.params.login_hint ?? '');
    const suggested = [...accounts].find(([, account]) => account.email === hint)?.[0] ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Test identity provider</title><link rel="icon" href="data:,">
<style>body{font:16px system-ui,sans-serif;background:#f4f1ea;display:grid;place-items:center;min-height:100vh;margin:0}
form{background:#fff;padding:2rem;border-radius:12px;box-shadow:0 2px 12px #0002;display:grid;gap:.75rem;width:min(22rem,85vw)}
input,button{font:inherit;padding:.6rem;border-radius:8px;border:1px solid #bbb}button{background:#2d4a8a;color:#fff;border:0}</style></head>
<body><form method="post" action="/interaction/${uid}">
<h1>Test identity provider</h1><p>Signing in to <b>${escapeHtml(String(details.params.client_id))}</b></p>
<label>Account <input name="login" value="${escapeHtml(suggested)}" autofocus></label>
<button type="submit">Sign in</button></form></body></html>`);
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const uid = req.url?.match(/^\/interaction\/([\w-]+)$/)?.[1];
    if (!uid) return callback(req, res);
    interaction(req, res, uid).catch((error: Error) => res.writeHead(500).end(error.message));
  });
  state.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return state;
}

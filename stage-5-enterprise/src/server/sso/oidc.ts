import * as client from 'openid-client';
import { isAllowedIssuer } from '../../shared/api';

/** The provider gets this long to answer discovery; an unreachable issuer is a clear error, not a hang. */
const DISCOVERY_TIMEOUT_SECONDS = 5;

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** What the callback must check, kept server-side between the redirect and the callback. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * The provider as openid-client sees it, from its discovery document
 * (`<issuer>/.well-known/openid-configuration`). openid-client checks that the document names the
 * same issuer. http is let through for loopback issuers only (a provider in development, the tests').
 */
export function discover({ issuer, clientId, clientSecret }: OidcClientSettings): Promise<client.Configuration> {
  const url = new URL(issuer);
  if (!isAllowedIssuer(url)) throw new Error('issuer must be https');
  return client.discovery(url, clientId, clientSecret, undefined, {
    timeout: DISCOVERY_TIMEOUT_SECONDS,
    execute: url.protocol === 'http:' ? [client.allowInsecureRequests] : [],
  });
}

/**
 * Where to send the browser: the authorization code flow with PKCE (the verifier never leaves the
 * server; the provider sees only its hash), a state (binds the callback to this login) and a nonce
 * (binds the ID token to this login).
 */
export async function beginLogin(config: client.Configuration, redirectUri: string, loginHint: string | undefined) {
  const pending: PendingLogin = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
    ...(loginHint ? { login_hint: loginHint } : {}),
  });
  return { url, pending };
}

/**
 * The callback: trades the code for tokens (sending the PKCE verifier) and checks the ID token:
 * signature, issuer, audience (our client id), expiry, nonce and state. Throws on any mismatch.
 */
export async function finishLogin(config: client.Configuration, callbackUrl: URL, pending: PendingLogin) {
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  return { email: claims.email, emailVerified: claims.email_verified };
}

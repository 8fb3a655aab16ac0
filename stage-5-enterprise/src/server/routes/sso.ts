import { Router, type CookieOptions, type Response } from 'express';
import type { Accounts } from '../auth/accounts';
import { setActiveOrgCookie } from '../auth/active-org';
import { signedInUser } from '../auth/require-user';
import { setSessionCookie } from '../auth/session-transport';
import { jsonBody } from '../body';
import { validate } from '../errors';
import { SSO_LOGIN_MINUTES, SsoLoginError, type Sso } from '../sso/sso-service';
import { SsoEmailQuerySchema, SsoIssuerCheckSchema, SsoSettingsInputSchema } from '../../shared/api';

/**
 * The state travels in this cookie too: a callback is accepted only in the browser that started
 * the login, so nobody can finish their own login in someone else's browser (login CSRF).
 */
const STATE_COOKIE = 'sso_state';
const stateCookieOptions = (production: boolean): CookieOptions => ({
  httpOnly: true,
  sameSite: 'lax', // sent on the provider's top-level redirect back to us
  secure: production,
  path: '/api/auth/sso',
});

/** Signing in through the organization's identity provider: open to everyone, like login. */
export function ssoLoginRoutes(sso: Sso, accounts: Accounts, production: boolean): Router {
  const router = Router();

  router.get('/auth/sso/discover', async (req, res) => {
    const { email } = validate(SsoEmailQuerySchema, req.query);
    res.json(await sso.discovery(email));
  });

  // Navigations, not fetches: every answer is a redirect, to the provider or back to the page,
  // which says why (#sso-error=reason); the details go to the log only.
  const failed = (res: Response, error: unknown) => {
    if (!(error instanceof SsoLoginError)) throw error;
    res.req.log.warn({ reason: error.message }, 'sso login refused');
    res.clearCookie(STATE_COOKIE, stateCookieOptions(production));
    res.redirect(303, `/#sso-error=${error.reason}`);
  };

  router.get('/auth/sso/start', async (req, res) => {
    const { email } = validate(SsoEmailQuerySchema, req.query);
    try {
      const { redirectTo, state } = await sso.start(email);
      res.cookie(STATE_COOKIE, state, { ...stateCookieOptions(production), maxAge: SSO_LOGIN_MINUTES * 60_000 });
      res.redirect(303, redirectTo);
    } catch (error) {
      failed(res, error);
    }
  });

  router.get('/auth/sso/callback', async (req, res) => {
    const browserState: unknown = req.cookies?.[STATE_COOKIE];
    try {
      const query = new URL(req.originalUrl, 'http://callback').searchParams;
      const { userId, orgId } = await sso.finish(query, typeof browserState === 'string' ? browserState : undefined);
      // The same session as a password login gives, in the organization the provider belongs to.
      setSessionCookie(res, await accounts.startSession(userId), production, accounts.sessionSeconds);
      setActiveOrgCookie(res, orgId, production);
      res.clearCookie(STATE_COOKIE, stateCookieOptions(production));
      res.redirect(303, '/');
    } catch (error) {
      failed(res, error);
    }
  });

  return router;
}

/** An organization's SSO configuration: owners only (the service checks, from the database). */
export function ssoSettingsRoutes(sso: Sso): Router {
  const router = Router();

  router.get('/orgs/:orgId/sso', async (req, res) => {
    res.json({ sso: await sso.settings(signedInUser(req).id, req.params.orgId) });
  });

  router.put('/orgs/:orgId/sso', jsonBody, async (req, res) => {
    const input = validate(SsoSettingsInputSchema, req.body);
    res.json({ sso: await sso.save(signedInUser(req).id, req.params.orgId, input) });
  });

  router.delete('/orgs/:orgId/sso', async (req, res) => {
    await sso.remove(signedInUser(req).id, req.params.orgId);
    res.status(204).end();
  });

  router.post('/orgs/:orgId/sso/check', jsonBody, async (req, res) => {
    const { issuer } = validate(SsoIssuerCheckSchema, req.body);
    res.json(await sso.checkIssuer(signedInUser(req).id, req.params.orgId, issuer));
  });

  return router;
}

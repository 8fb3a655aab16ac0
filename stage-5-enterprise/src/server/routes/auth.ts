import { Router, type Response } from 'express';
import type { Accounts } from '../auth/accounts';
import type { Sso } from '../sso/sso-service';
import { requireUser, signedInUser } from '../auth/require-user';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from '../auth/session-transport';
import { jsonBody } from '../body';
import { validate } from '../errors';
import { CredentialsSchema, ForgotPasswordSchema, ResetPasswordSchema } from '../../shared/api';

/** Thin like the pattern routes: check the input, call the accounts logic, set the cookie, pick the status. */
export function authRoutes(accounts: Accounts, sso: Pick<Sso, 'refusePassword'>, production: boolean): Router {
  const router = Router();
  const startSession = async (res: Response, userId: string) =>
    setSessionCookie(res, await accounts.startSession(userId), production, accounts.sessionSeconds);

  router.post('/auth/signup', jsonBody, async (req, res) => {
    const { email, password } = validate(CredentialsSchema, req.body);
    await sso.refusePassword(email); // 403 sso_required: this domain signs in at its provider
    const user = await accounts.signUp(email, password, req.ip ?? 'unknown');
    await startSession(res, user.id);
    res.status(201).json({ user });
  });

  router.post('/auth/login', jsonBody, async (req, res) => {
    const { email, password } = validate(CredentialsSchema, req.body);
    await sso.refusePassword(email); // 403 sso_required: this domain signs in at its provider
    const user = await accounts.logIn(email, password, req.ip ?? 'unknown');
    await startSession(res, user.id);
    res.json({ user });
  });

  /** For programs: the same check as login, but the token comes back in the body and no cookie is set. */
  router.post('/auth/token', jsonBody, async (req, res) => {
    const { email, password } = validate(CredentialsSchema, req.body);
    await sso.refusePassword(email); // 403 sso_required: this domain signs in at its provider
    const user = await accounts.logIn(email, password, req.ip ?? 'unknown');
    res.json({ token: await accounts.startSession(user.id), expiresInSeconds: accounts.sessionSeconds });
  });

  // The token stops working on the server (see sessions.ts), and the cookie leaves this browser.
  router.post('/auth/logout', async (req, res) => {
    const token = sessionTokenOf(req, production);
    if (token) await accounts.endSession(token);
    clearSessionCookie(res, production);
    res.status(204).end();
  });

  // Every session of this user ends: other browsers, programs' tokens, a stolen cookie.
  router.post('/auth/logout-everywhere', requireUser(accounts, production), async (req, res) => {
    await accounts.endAllSessions(signedInUser(req));
    clearSessionCookie(res, production);
    res.status(204).end();
  });

  router.get('/auth/me', requireUser(accounts, production), (req, res) => {
    res.json({ user: signedInUser(req) });
  });

  // For the page: "nobody is signed in" is an ordinary answer there, not an error (no 401).
  router.get('/auth/session', async (req, res) => {
    const token = sessionTokenOf(req, production);
    res.json({ user: (token && (await accounts.userForSession(token))) || null });
  });

  // 202 whether or not the email has an account, as fast either way: the answer must not tell.
  router.post('/auth/forgot-password', jsonBody, async (req, res) => {
    const { email } = validate(ForgotPasswordSchema, req.body);
    const { mailed } = await accounts.requestPasswordReset(email, req.ip ?? 'unknown');
    mailed.catch((err: unknown) => req.log.error({ err }, 'password reset mail failed'));
    res.status(202).json({ message: 'If this email has an account, a reset link is on its way.' });
  });

  router.post('/auth/reset-password', jsonBody, async (req, res) => {
    const { token, password } = validate(ResetPasswordSchema, req.body);
    await accounts.resetPassword(token, password);
    clearSessionCookie(res, production);
    res.status(204).end();
  });

  return router;
}

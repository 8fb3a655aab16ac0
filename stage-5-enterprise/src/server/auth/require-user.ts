import type { Request, RequestHandler } from 'express';
import type { User } from '../../shared/api';
import { AppError } from '../app-error';
import type { Accounts } from './accounts';
import { sessionTokenOf } from './session-transport';

declare global {
  namespace Express {
    interface Request {
      /** Set by requireUser: who is asking. */
      user?: User;
    }
  }
}

const unauthorized = () => new AppError('unauthorized', 'Sign in first.');

/**
 * The gate in front of every protected route: no valid session, no entry (401). A valid token is
 * not enough on its own: the user must still exist, the token must be of their current session
 * version (a password reset or "sign out everywhere" ends older sessions) and not logged out.
 */
export function requireUser(accounts: Accounts, production: boolean): RequestHandler {
  return async (req, _res, next) => {
    if (req.apiKey) return next(); // a program with an organization key (auth/api-key.ts) acts as the key's creator
    const token = sessionTokenOf(req, production);
    const user = token ? await accounts.userForSession(token) : undefined;
    if (!user) return next(unauthorized());
    req.user = user;
    next();
  };
}

/** The signed-in user of a request that passed requireUser. */
export function signedInUser(req: Request): User {
  if (!req.user) throw unauthorized();
  return req.user;
}

import type { Request, RequestHandler, Response } from 'express';
import type { Org } from '../../shared/api';
import { AppError } from '../app-error';
import type { Organizations } from '../organizations-service';
import { signedInUser } from './require-user';

declare global {
  namespace Express {
    interface Request {
      /** Set by requireOrg: the organization /api/patterns, /api/chat and /api/import act on, with the user's role. */
      org?: Org;
    }
  }
}

/**
 * Which organization the session acts on is a preference kept in a cookie: only an id, never a
 * role. On every request the user's memberships are read from the database; a cookie naming an
 * organization they left (or never joined) is ignored, and their first organization is used.
 */
export const ACTIVE_ORG_COOKIE = 'org';

export function setActiveOrgCookie(res: Response, orgId: string, production: boolean): void {
  res.cookie(ACTIVE_ORG_COOKIE, orgId, { httpOnly: true, sameSite: 'lax', secure: production, path: '/' });
}

const wantedOrgId = (req: Request): string | undefined => {
  const cookie: unknown = req.cookies?.[ACTIVE_ORG_COOKIE];
  return typeof cookie === 'string' && cookie !== '' ? cookie : undefined;
};

/** The active organization among the user's own: the one the cookie names if still theirs, else the first. */
export async function activeOrgOf(req: Request, organizations: Organizations): Promise<{ orgs: Org[]; active: Org | undefined }> {
  const orgs = await organizations.listFor(signedInUser(req).id);
  const wanted = wantedOrgId(req);
  return { orgs, active: orgs.find((org) => org.id === wanted) ?? orgs[0] };
}

/** After requireUser: the gate of the routes that act on the active organization. */
export function requireOrg(organizations: Organizations): RequestHandler {
  return async (req, _res, next) => {
    if (req.apiKey) return next(); // a key's organization is set by apiKeyAuth, with member rights
    const { active } = await activeOrgOf(req, organizations);
    if (!active) return next(new AppError('no_organization', 'You belong to no organization yet: create one, or accept an invitation.'));
    req.org = active;
    next();
  };
}

/** The organization of a request that passed requireOrg. */
export function activeOrg(req: Request): Org {
  if (!req.org) throw new Error('requireOrg must run before this route');
  return req.org;
}

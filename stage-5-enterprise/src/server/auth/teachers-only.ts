import type { Request, RequestHandler } from 'express';
import { requireRole } from '../roles';
import { activeOrg } from './active-org';

/**
 * After requireOrg: viewers read patterns and chat; teaching, editing, deleting and importing need
 * a member at least. The role is the one requireOrg just read from the database.
 */
export function requireTeacher(req: Request, action: string): void {
  requireRole(activeOrg(req).role, 'member', action);
}

/** The same, as a step before the body is read: a viewer's 2 MB import is refused unread. */
export const teachersOnly =
  (action: string): RequestHandler =>
  (req, _res, next) => {
    requireTeacher(req, action);
    next();
  };

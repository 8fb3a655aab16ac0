import type { RequestHandler } from 'express';
import { AppError } from '../app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The second line against CSRF (the SameSite cookie is the first): a request that changes
 * something must come from our own pages. Browsers say where a request comes from in
 * `Sec-Fetch-Site` (older ones in `Origin`); a sibling subdomain is "same-site" for the cookie but
 * not "same-origin" here. Programs send neither header and carry no cookie: they pass.
 */
export const sameOriginOnly: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const fetchSite = req.get('sec-fetch-site');
  const origin = req.get('origin');
  const allowed =
    fetchSite !== undefined
      ? fetchSite === 'same-origin' || fetchSite === 'none' // "none": the user typed it / a bookmark
      : origin === undefined || hostOf(origin) === req.get('host');
  if (!allowed) return next(new AppError('cross_origin', 'Requests from other sites are not allowed.'));
  next();
};

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // "null" (a sandboxed page) or garbage: never ours
  }
}

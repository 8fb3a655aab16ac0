import type { RequestHandler } from 'express';

/** API answers change at any moment (and from stage 3 are someone's own): no browser or proxy may keep a copy. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  next();
};

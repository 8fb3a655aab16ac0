import type { Request, RequestHandler } from 'express';
import type { Metrics } from './metrics';

/** The one label of every request no route matched: 404s, static files, scanners' guesses. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * The route a request matched, as its pattern (`/api/patterns/:id`), read once the response is
 * sent: by then Express has set `req.route` and the routers' mount path (`req.baseUrl`). A raw URL
 * would make one series per pattern id, or per guess of a scanner.
 */
export function routeOf(req: Request): string {
  const path: unknown = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : UNMATCHED_ROUTE;
}

/** Counts and times every request, by route pattern, method and status. First in the chain. */
export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      metrics.requestServed(routeOf(req), req.method, res.statusCode, (performance.now() - started) / 1000);
    });
    next();
  };
}

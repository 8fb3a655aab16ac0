import type { Request, RequestHandler } from 'express';
import type { Metrics } from './metrics';

/** The one label of every request no route matched: 404s, static files, scanners' guesses. */
export const UNMATCHED_ROUTE = '(unmatched)';

/**
 * Remembers the route a request matches, as its pattern (`/api/patterns/:id`): the routers' mount
 * path (`req.baseUrl`) plus the route's path, taken when Express sets `req.route`. Read later it
 * would be wrong: an error leaving a router restores `req.baseUrl` before the response is sent.
 * A raw URL would make one series per pattern id, or per guess of a scanner.
 */
function trackRoute(req: Request): () => string {
  let route: unknown;
  let pattern = UNMATCHED_ROUTE;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(matched: { path?: unknown } | undefined) {
      route = matched;
      if (typeof matched?.path === 'string') pattern = `${req.baseUrl}${matched.path}`;
    },
  });
  return () => pattern;
}

/** Counts and times every request, by route pattern, method and status. First in the chain. */
export function httpMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const routeOf = trackRoute(req);
    res.once('finish', () => {
      metrics.requestServed(routeOf(), req.method, res.statusCode, (performance.now() - started) / 1000);
    });
    next();
  };
}

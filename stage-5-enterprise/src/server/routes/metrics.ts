import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import { AppError } from '../app-error';
import type { Metrics } from '../ops/metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * GET /metrics for Prometheus, with `Authorization: Bearer <METRICS_TOKEN>`. The figures show
 * traffic and routes, so they are not public: without the token, 401 (and without METRICS_TOKEN
 * the route is not mounted at all: 404). The token is compared in constant time (digests of equal
 * length), so response times do not reveal how much of a guess was right.
 */
export function metricsRoutes(metrics: Metrics, token: string): Router {
  const expected = digest(`Bearer ${token}`);
  return Router().get('/metrics', async (req, res) => {
    if (!timingSafeEqual(digest(req.get('authorization') ?? ''), expected)) {
      throw new AppError('unauthorized', 'Send Authorization: Bearer <METRICS_TOKEN>.');
    }
    res.set('Cache-Control', 'no-store').type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

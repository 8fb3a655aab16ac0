import { Router } from 'express';
import type { Logger } from 'pino';
import type { Readiness } from '../ops/readiness';

/**
 * For orchestrators and balancers, outside /api (no cookies, no Host check: a kubelet calls the
 * pod's address). Liveness says only "this process answers": restarting it would not fix a
 * database that is down, so the database belongs to readiness, which takes the instance out of
 * rotation instead.
 */
export function probeRoutes(readiness: Readiness, logger: Logger): Router {
  return Router()
    .get('/health/live', (_req, res) => {
      res.set('Cache-Control', 'no-store').json({ status: 'live' });
    })
    .get('/health/ready', async (_req, res) => {
      const { ready, status, checks, errors } = await readiness.report();
      if (!ready && status !== 'draining') logger.warn({ checks, errors }, 'not ready');
      res.set('Cache-Control', 'no-store').status(ready ? 200 : 503).json({ status, checks });
    });
}

import { Router } from 'express';

/** For load balancers and start scripts: answers as soon as the server accepts requests. */
export function healthRoutes(): Router {
  return Router().get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
}

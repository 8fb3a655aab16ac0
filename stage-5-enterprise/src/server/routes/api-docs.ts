import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import swaggerUiDist from 'swagger-ui-dist';

const PAGE = fileURLToPath(new URL('../api-docs/', import.meta.url));
const SWAGGER_UI = swaggerUiDist.getAbsoluteFSPath();
/** The only files of swagger-ui-dist the page needs (its own index.html would open a sample API). */
const ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];

/**
 * GET /docs/api: the interactive reference of /api/v1 (Swagger UI), served by the app from
 * node_modules, no CDN. Its start-up script is a file (init.js), so the Content-Security-Policy
 * needs no 'unsafe-inline' for scripts.
 */
export function apiDocsRoutes(): Router {
  const router = Router();
  router.get('/docs/api', (_req, res) => res.sendFile('index.html', { root: PAGE }));
  router.get('/docs/api/init.js', (_req, res) => res.sendFile('init.js', { root: PAGE }));
  for (const file of ASSETS) {
    router.get(`/docs/api/assets/${file}`, (_req, res) => res.sendFile(file, { root: SWAGGER_UI, maxAge: '1d' }));
  }
  return router;
}

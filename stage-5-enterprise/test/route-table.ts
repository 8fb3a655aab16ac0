import type { Express } from 'express';

export interface RouteEntry {
  method: string;
  path: string;
}

type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle: { stack?: Layer[] }; matchers?: ((path: string) => unknown)[] };

/** Where a router is mounted: the root, /api, or /api/v1 (found by asking which paths it matches). */
function mountOf(layer: Layer): string {
  const matches = (path: string) => Boolean(layer.matchers?.[0]?.(path));
  if (matches('/elsewhere/')) return '';
  if (matches('/api/elsewhere/')) return '/api';
  return matches('/api/v1/') ? '/api/v1' : '';
}

/**
 * Every route the app answers, read from Express's own router stack (not a list kept by hand): a
 * route added tomorrow is in the isolation fuzz tomorrow. Routers mounted on /api and /api/v1 are
 * found by asking their layer which paths it matches.
 */
export function routeTable(app: Express): RouteEntry[] {
  const routes: RouteEntry[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) routes.push({ method: method.toUpperCase(), path: prefix + layer.route.path });
      } else if (layer.handle.stack) {
        walk(layer.handle.stack, prefix === '' ? mountOf(layer) : prefix);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return routes;
}

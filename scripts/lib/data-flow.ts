/**
 * Where a stage file sits along the path a request takes: database → repository → service →
 * routes → page. A diff read in this order tells the story from the data up; alphabetical order
 * buries the key change of a stage (stage 3's `WHERE user_id`) thousands of lines down.
 */
export const LAYERS = ['database', 'repository', 'service', 'routes', 'page', 'tooling', 'tests', 'docs'] as const;
export type Layer = (typeof LAYERS)[number];

/** The layer of a stage-relative, `/`-separated path. The first rule that matches wins. */
export function layerOf(path: string): Layer {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.endsWith('.md')) return 'docs';
  if (/^(test|e2e)\//.test(path)) return 'tests';
  if (/\/migrations\//.test(path) || name.endsWith('.sql') || /^src\/server\/((db|migrate)\.ts$|db\/)/.test(path)) {
    return 'database';
  }
  if (/^src\/server\/.*-repo\.ts$/.test(path)) return 'repository';
  if (/^src\/server\/(routes\/|(app|main|config|errors|schemas)\.ts$)/.test(path)) return 'routes';
  if (path.startsWith('src/server/')) return 'service';
  if (path.startsWith('src/') || path.startsWith('public/') || /^(index\.html|vite\.config\.ts)$/.test(path)) {
    return 'page';
  }
  return 'tooling';
}

/**
 * Sorts by layer, the schema (SQL) first within its layer, then by path (code point, never
 * locale, so every machine agrees).
 */
export function byDataFlow(a: string, b: string): number {
  const rank = (path: string) => LAYERS.indexOf(layerOf(path)) * 2 + (path.endsWith('.sql') ? 0 : 1);
  const difference = rank(a) - rank(b);
  if (difference !== 0) return difference;
  return a < b ? -1 : a > b ? 1 : 0;
}

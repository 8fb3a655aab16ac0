/**
 * Runs before `start`: makes the PGlite template once per machine (initdb, ~20 s), so that the
 * server itself starts from a copy in about a second. Nothing to do when DATABASE_URL is set.
 */
import { ensureTemplate } from '../src/server/db/pglite-data-dir';

if (!process.env.DATABASE_URL) {
  const started = performance.now();
  if (await ensureTemplate()) console.log(`PGlite template made in ${Math.round(performance.now() - started)} ms (once per machine)`);
}

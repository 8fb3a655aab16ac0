import { ensureTemplate } from '../src/server/db/pglite-data-dir';

export default async function setup(): Promise<void> {
  const started = performance.now();
  if (await ensureTemplate()) {
    console.log(`PGlite template made in ${Math.round(performance.now() - started)} ms (once per machine)`);
  }
}

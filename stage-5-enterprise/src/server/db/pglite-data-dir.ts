import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

// A new PGlite cluster is made by running initdb in WebAssembly: about 12 s of CPU (25 s and more
// on a busy 2-core machine). Copying one made earlier takes about 1 s. So the first one made on a
// machine is kept as a template (in node_modules/.cache, one per PGlite version) and new ones are
// copies of it.
const pgliteVersion: string = JSON.parse(
  readFileSync(join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '..', 'package.json'), 'utf8'),
).version;
export const TEMPLATE_DIR = fileURLToPath(
  new URL(`../../../node_modules/.cache/pglite-template-${pgliteVersion}`, import.meta.url),
);

/**
 * Makes sure `dataDir` holds a PGlite cluster, and says where it came from: it was there already,
 * it was copied from the template, or the template had to be made first.
 */
export async function prepareDataDir(dataDir: string): Promise<'existing' | 'template' | 'initdb'> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return 'existing';
  const made = await ensureTemplate();
  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o700 });
  const copying = `${dataDir}.${process.pid}-${Date.now()}`;
  cpSync(TEMPLATE_DIR, copying, { recursive: true });
  chmodSync(copying, 0o700); // this user's only, like stage 3's database file
  renameSync(copying, dataDir); // all at once: a copy cut short is never taken for a cluster
  return made ? 'initdb' : 'template';
}

/** Makes the template unless it exists; true when it had to. Safe when two processes race. */
export async function ensureTemplate(): Promise<boolean> {
  if (existsSync(TEMPLATE_DIR)) return false;
  const building = `${TEMPLATE_DIR}.${process.pid}-${Date.now()}`;
  mkdirSync(dirname(TEMPLATE_DIR), { recursive: true });
  const pglite = await PGlite.create({ dataDir: building });
  await pglite.close();
  try {
    renameSync(building, TEMPLATE_DIR); // all at once: nobody copies a half-made template
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(TEMPLATE_DIR)) throw error; // not just another process finishing first
  }
  return true;
}

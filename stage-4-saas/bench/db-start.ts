/**
 * How long the embedded database takes to start, in each case it meets: the first cluster on a
 * machine (initdb), a new data folder (copied from the template), and a restart (existing folder),
 * beside loading a dumped tarball. Wall time depends on what else the machine runs; CPU time less.
 *
 *   pnpm --filter stage-4 bench:db-start          (add `cold` to make a cluster from scratch too)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDb } from '../src/server/db';

const root = mkdtempSync(join(tmpdir(), 'journey-db-start-'));
async function measure<T>(label: string, work: () => Promise<T>): Promise<T> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  console.log(`${label.padEnd(52)} wall ${Math.round(performance.now() - wall)} ms, cpu ${Math.round((used.user + used.system) / 1000)} ms`);
  return result;
}

try {
  if (process.argv.includes('cold')) {
    const cold = await measure('initdb, first query (no template)', async () => {
      const db = await PGlite.create({ dataDir: join(root, 'cold') });
      await db.query('SELECT 1');
      return db;
    });
    const dump = await cold.dumpDataDir('none');
    await cold.close();
    await measure('from a dumped tarball (loadDataDir), first query', async () => {
      const db = await PGlite.create({ dataDir: join(root, 'dump'), loadDataDir: dump });
      await db.query('SELECT 1');
      await db.close();
    });
  }
  const where = { dataDir: join(root, 'app') };
  for (const label of ['openDb, new data folder', 'openDb, same folder again (a restart)']) {
    const db = await measure(label, () => openDb(where));
    console.log(`  from ${db.info.from}, ${db.info.applied.length} migrations applied, startMs ${db.info.startMs}`);
    await db.close();
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDb } from './src/server/db';

const root = mkdtempSync(join(tmpdir(), 'pglite-measure-'));
async function measure(label: string, work: () => Promise<unknown>) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  console.log(`${label}: wall ${Math.round(performance.now() - wall)} ms, cpu ${Math.round((used.user + used.system) / 1000)} ms`);
  return result;
}
const what = process.argv[2];
if (what === 'cold') {
  const cold = (await measure('cold: initdb + first query', async () => {
    const db = await PGlite.create({ dataDir: join(root, 'cold') });
    await db.query('SELECT 1');
    return db;
  })) as PGlite;
  const dump = await cold.dumpDataDir('none');
  await cold.close();
  await measure('from a dumped tarball (loadDataDir) + first query', async () => {
    const db = await PGlite.create({ dataDir: join(root, 'dump'), loadDataDir: dump });
    await db.query('SELECT 1');
    await db.close();
  });
} else {
  const env = { DATA_DIR: join(root, 'app') };
  const db = (await measure(`openDb, ${what}`, () => openDb(env))) as Awaited<ReturnType<typeof openDb>>;
  console.log(`  (info: from ${db.info.from}, ${db.info.applied.length} migrations, startMs ${db.info.startMs})`);
  await db.close();
  const again = (await measure('openDb, same data dir again', () => openDb(env))) as Awaited<ReturnType<typeof openDb>>;
  console.log(`  (info: from ${again.info.from}, startMs ${again.info.startMs})`);
  await again.close();
}
rmSync(root, { recursive: true });

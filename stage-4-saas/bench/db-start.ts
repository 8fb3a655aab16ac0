/**
 * `pnpm --filter stage-4 bench:db-start`: how long the embedded database takes to start, in each
 * case it meets: the first cluster on a machine (initdb, beside loading a dumped tarball), a new
 * data folder (copied from the template), and a restart (an existing folder). Then what a person
 * waits for: from starting the server process until its first request answers, for a new data
 * folder and for a restart (goal, issue 13: within 5 s). Wall time depends on what else the
 * machine runs; CPU time less.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDb } from '../src/server/db';
import { spawnServer } from '../test/server-process';

const FIRST_ANSWER_GOAL_MS = 5000;

const root = mkdtempSync(join(tmpdir(), 'journey-db-start-'));
async function measure<T>(label: string, work: () => Promise<T>): Promise<T> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  console.log(`${label.padEnd(52)} wall ${String(Math.round(performance.now() - wall)).padStart(6)} ms, cpu ${Math.round((used.user + used.system) / 1000)} ms`);
  return result;
}

/** Starts `src/server/main.ts` as `pnpm start` does after its build, and times its first answer. */
async function firstAnswer(label: string, dataDir: string): Promise<number> {
  const started = performance.now();
  const server = await spawnServer(dataDir, { LOG_LEVEL: 'info', DATABASE_URL: '' }); // PGlite, whatever the shell says
  try {
    const health = await fetch(`${server.url}/api/health`);
    if (!health.ok) throw new Error(`health answered ${health.status}`);
    const ms = Math.round(performance.now() - started);
    const [, from, ready] = /"from":"(\w+)".*database: pglite ready in (\d+) ms/.exec(server.output()) ?? [];
    console.log(
      `${label.padEnd(52)} first answer ${String(ms).padStart(6)} ms (database from ${from}, ready in ${ready} ms) ` +
        `${ms <= FIRST_ANSWER_GOAL_MS ? '✓' : '✗'} goal ≤ ${FIRST_ANSWER_GOAL_MS} ms`,
    );
    return ms;
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

try {
  console.log('PGlite, in this process:');
  const cold = await measure('  initdb, first query (no template)', async () => {
    const db = await PGlite.create({ dataDir: join(root, 'cold') });
    await db.query('SELECT 1');
    return db;
  });
  const dump = await cold.dumpDataDir('none');
  await cold.close();
  await measure('  from a dumped tarball (loadDataDir), first query', async () => {
    const db = await PGlite.create({ dataDir: join(root, 'dump'), loadDataDir: dump });
    await db.query('SELECT 1');
    await db.close();
  });
  const where = { dataDir: join(root, 'app') };
  for (const label of ['  openDb, new data folder (+ migrations)', '  openDb, same folder again (a restart)']) {
    const db = await measure(label, () => openDb(where));
    console.log(`    from ${db.info.from}, ${db.info.applied.length} migrations applied, startMs ${db.info.startMs}`);
    await db.close();
  }

  console.log('\nThe server (node + tsx + PGlite), from its start until GET /api/health answers:');
  const server = join(root, 'server');
  await firstAnswer('  new data folder (from the template)', server);
  await firstAnswer('  the same folder again (a restart)', server);
} finally {
  rmSync(root, { recursive: true, force: true });
}

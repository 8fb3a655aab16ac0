import { PGlite, types } from '@electric-sql/pglite';
import { migrate } from '../migrate';
import type { Engine, Queryable } from './index';
import { prepareDataDir } from './pglite-data-dir';

/**
 * PGlite in `dataDir`: one embedded PostgreSQL session in this process. Its data directory comes
 * from a prepared copy when it is new (see pglite-data-dir.ts), the migrations run as the owner
 * (`postgres`), and then the session takes the journey_app role for good.
 *
 * One session means one transaction at a time: PGlite queues the others. And this session could
 * `RESET ROLE` back to the owner: here the role guards against a forgotten WHERE, not against
 * code that asks to be the owner again. (So can a pool connection, with SET ROLE NONE: a server
 * that must resist that connects as a LOGIN role of its own.)
 */
export async function openPglite(dataDir: string): Promise<Engine> {
  const started = performance.now();
  const from = await prepareDataDir(dataDir);
  const pglite = await PGlite.create({ dataDir, parsers: { [types.INT8]: Number } });
  const applied = await migrate({
    query: async (sql, params) => (await pglite.query<never>(sql, params as unknown[])).rows,
    exec: async (sql) => void (await pglite.exec(sql)),
  });
  await pglite.exec('SET ROLE journey_app');
  const startMs = Math.round(performance.now() - started);

  const on = (session: Pick<PGlite, 'query'>): Queryable => ({
    query: async <T>(sql: string, params?: readonly unknown[]) =>
      (await session.query<T>(sql, params as unknown[])).rows,
  });
  return {
    ...on(pglite),
    transaction: (work) => pglite.transaction((tx) => work(on(tx))),
    close: () => pglite.close(),
    info: { engine: 'pglite', startMs, applied, from },
  };
}

import { PGlite, types } from '@electric-sql/pglite';
import { migrate } from '../migrate';
import { afterAndCommit } from './iso';
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
    async transaction(work, opening) {
      // In process there is no round trip to save; `andCommit` keeps PostgreSQL's meaning: once its
      // statement went through, the transaction commits, whatever the work does next.
      let last: 'not yet' | 'sent' | 'done' = 'not yet';
      let after: { error: unknown } | undefined; // thrown by the work after its last statement
      const result = await pglite.transaction(async (tx) => {
        if (opening) await tx.query(opening.sql, opening.params as unknown[]);
        const statements = on(tx);
        try {
          return await work({
            query: async <T,>(sql: string, params?: readonly unknown[]) => {
              if (last !== 'not yet') throw afterAndCommit();
              return statements.query<T>(sql, params);
            },
            andCommit: {
              query: async <T,>(sql: string, params?: readonly unknown[]) => {
                last = 'sent';
                const rows = await statements.query<T>(sql, params);
                last = 'done';
                return rows;
              },
            },
          });
        } catch (error) {
          if (last !== 'done') throw error;
          after = { error };
          return undefined;
        }
      });
      if (after) throw after.error;
      return result!;
    },
    close: () => pglite.close(),
    info: { engine: 'pglite', startMs, applied, from },
  };
}

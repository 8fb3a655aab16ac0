import pg from 'pg';
import { migrate } from '../migrate';
import type { Engine, Queryable } from './index';

// Both engines answer with the same JavaScript types: counts and other int8 values as numbers
// (pg would give strings; PGlite gives numbers), timestamps as Date, uuids as strings.
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * PostgreSQL at `url`. The migrations run on one connection as the url's user (the owner); the pool
 * then starts every connection as journey_app (`-c role=…`, which RESET ROLE returns to).
 */
export async function openPostgres(url: string): Promise<Engine> {
  const started = performance.now();
  const owner = new pg.Client({ connectionString: url });
  await owner.connect();
  let applied: string[];
  try {
    applied = await migrate({
      query: async (sql, params) => (await owner.query(sql, params as unknown[])).rows,
      exec: async (sql) => void (await owner.query(sql)),
    });
  } finally {
    await owner.end();
  }

  const pool = new pg.Pool({ ...poolSettings(url), types });
  // An idle connection that breaks (the server restarts) is dropped from the pool; without a
  // listener its error would end the process.
  pool.on('error', (error) => console.error('database: idle connection lost:', error.message));
  const on = (client: pg.PoolClient | pg.Pool): Queryable => ({
    query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
  });
  await pool.query('SELECT 1');

  return {
    ...on(pool),
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is closed instead of going back to the pool.
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
    info: { engine: 'postgres', startMs: Math.round(performance.now() - started), applied },
  };
}

/**
 * Every pool connection starts as journey_app (`-c role=…`), after any server settings the url
 * itself passes in `options` (e.g. `-c statement_timeout=5000`): pg would let the url's
 * `options` replace ours, so they are taken out of it and put together here.
 */
function poolSettings(url: string): { connectionString: string; options: string } {
  const parsed = new URL(url);
  const own = parsed.searchParams.get('options');
  parsed.searchParams.delete('options');
  return { connectionString: parsed.href, options: [own, '-c role=journey_app'].filter(Boolean).join(' ') };
}

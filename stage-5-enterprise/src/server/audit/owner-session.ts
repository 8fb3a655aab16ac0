import { join } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import pg from 'pg';
import { STAGE } from '../../shared/stage';
import type { Queryable } from '../db';

/**
 * A connection as the database's owner, for the audit scripts: verifying reads every chain (the
 * app role reads one organization at a time), and pruning deletes, which the app role may not.
 * PostgreSQL: DATABASE_URL's user. PGlite: its one session (stop the server first).
 */
export async function openOwnerSession(where: { databaseUrl?: string; dataDir: string }): Promise<Queryable & { close(): Promise<void> }> {
  if (where.databaseUrl) {
    const client = new pg.Client({ connectionString: where.databaseUrl, types: { getTypeParser: ownerTypes } });
    await client.connect();
    return { query: async (sql, params) => (await client.query(sql, params as unknown[])).rows, close: () => client.end() };
  }
  const pglite = await PGlite.create({ dataDir: join(where.dataDir, STAGE.dataFolder), parsers: { [types.INT8]: Number } });
  return { query: async <T>(sql: string, params?: readonly unknown[]) => (await pglite.query<T>(sql, params as unknown[])).rows, close: () => pglite.close() };
}

/** int8 as numbers, as the app's connections read them (db/postgres.ts). */
const ownerTypes = ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser;

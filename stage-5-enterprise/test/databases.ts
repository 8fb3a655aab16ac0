import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDb, type Db } from '../src/server/db';

/**
 * Every database test runs on both engines: PGlite in a temp folder, and a new database on the
 * PostgreSQL server at TEST_DATABASE_URL (default: the local one), created and dropped by the test
 * file. PG_TESTS=off leaves PostgreSQL out, and only when asked to.
 */
export type Engine = 'pglite' | 'postgres';
export const ENGINES: Engine[] = process.env.PG_TESTS === 'off' ? ['pglite'] : ['pglite', 'postgres'];

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** Where it is: a data folder (PGlite in dataDir/pglite) or a database URL. */
  where: { databaseUrl?: string; dataDir: string };
  open(): Promise<Db>;
  /** Closes what `open` opened and deletes the database. */
  drop(): Promise<void>;
}

export async function freshDatabase(engine: Engine): Promise<TestDatabase> {
  const opened: Db[] = [];
  const open = async () => {
    const db = await openDb(where);
    opened.push(db);
    return db;
  };
  const closeAll = () => Promise.all(opened.map((db) => db.close().catch(() => {})));
  let where: TestDatabase['where'];

  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'journey-test-'));
    where = { dataDir };
    return { where, open, drop: async () => (await closeAll(), rmSync(dataDir, { recursive: true, force: true })) };
  }

  const name = `journey_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  where = { databaseUrl: url.href, dataDir: 'unused' };
  return { where, open, drop: async () => (await closeAll(), await admin(`DROP DATABASE ${name} WITH (FORCE)`)) };
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `The PostgreSQL leg of the tests needs a server at ${ADMIN_URL} (set TEST_DATABASE_URL), ` +
        `or PG_TESTS=off to run on PGlite only. Connecting failed: ${(error as Error).message}`,
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

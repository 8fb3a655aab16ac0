import pg from 'pg';
import { openDb, type Db } from '../src/server/db';
import type { Queryable } from '../src/server/db';

/** The benchmark's own PostgreSQL database (ANALYTICS_DATABASE_URL), kept between the seed and the bench. */
export const ANALYTICS_DATABASE_URL = process.env.ANALYTICS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/journey_analytics_bench';

/** The seeded organizations are named "Seed 1" … "Seed N"; the benchmark reads the first. */
export const SEED_ORG_PREFIX = 'Seed ';

/** Drops and creates the database (connected to the server's `postgres` database). */
export async function recreateDatabase(url = ANALYTICS_DATABASE_URL): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/** Opens (and migrates) the database. */
export const openAnalyticsDb = (dataDir: string): Promise<Db> => openDb({ databaseUrl: ANALYTICS_DATABASE_URL, dataDir });

/** Work as the database owner, past row-level security (as the tests' ownerQuery). */
export const asOwner = <T>(db: Db, work: (tx: Queryable) => Promise<T>): Promise<T> =>
  db.transaction(async (tx) => {
    await tx.query('SET LOCAL ROLE NONE');
    return work(tx);
  });

/** One statement on its own connection as the database's owner, outside any transaction (VACUUM needs that). */
export async function ownerStatement(sql: string, url = ANALYTICS_DATABASE_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

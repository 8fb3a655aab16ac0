import type { Db } from '../db';
import { pendingMigrations } from '../migrate';

/** The database answers a query (through the app's own pool, as every request would). */
export const databaseCheck = (db: Db) => () => db.query('SELECT 1');

/** Every migration this code ships is applied: the schema is the one the code expects. */
export const migrationsCheck = (db: Db) => async () => {
  const pending = await pendingMigrations(db);
  if (pending.length > 0) throw new Error(`migrations not applied: ${pending.join(', ')}`);
};

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Queryable } from './db';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/** The migration files in `dir`, in number order. */
function migrationFiles(dir: string) {
  return readdirSync(dir)
    .filter((name) => /^\d+-.+\.sql$/.test(name))
    .map((name) => ({ name, version: Number.parseInt(name, 10) }))
    .sort((a, b) => a.version - b.version);
}

/**
 * The migrations this code ships that the database has not applied (readiness: a database restored
 * from an old backup, or a new one, is not the schema this code expects). Runs as journey_app,
 * which may read schema_migrations (granted by migrate, below).
 */
export async function pendingMigrations(db: Queryable, dir = MIGRATIONS_DIR): Promise<string[]> {
  const applied = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version));
  return migrationFiles(dir)
    .filter(({ version }) => !applied.has(version))
    .map(({ name }) => name);
}

/** One session as the database owner: the only place where SQL runs without journey_app's limits. */
export interface OwnerSession extends Queryable {
  /** Several statements without parameters: a migration file. */
  exec(sql: string): Promise<void>;
}

/**
 * Applies migrations/NNN-name.sql files that this database has not seen yet, in number order, and
 * returns their names. Each file runs in its own transaction together with its row in
 * schema_migrations, so a failing file leaves the database exactly as it was. An advisory lock
 * makes a second process starting at the same moment wait, then find nothing left to do.
 * Never edit an applied file: add the next number.
 */
export async function migrate(owner: OwnerSession, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = migrationFiles(dir);

  await owner.query("SELECT pg_advisory_lock(hashtext('schema_migrations'))");
  try {
    await owner.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Set(
      (await owner.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version),
    );
    const newlyApplied: string[] = [];
    for (const { name, version } of files) {
      if (applied.has(version)) continue;
      await owner.exec('BEGIN');
      try {
        await owner.exec(readFileSync(join(dir, name), 'utf8'));
        await owner.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [version, name]);
        await owner.exec('COMMIT');
      } catch (error) {
        await owner.exec('ROLLBACK');
        throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      newlyApplied.push(name);
    }
    // The app may see which versions are applied (readiness), never change them. After the loop:
    // journey_app is created by the first migration.
    await owner.exec('GRANT SELECT ON schema_migrations TO journey_app');
    return newlyApplied;
  } finally {
    await owner.query("SELECT pg_advisory_unlock(hashtext('schema_migrations'))");
  }
}

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Db } from './db';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Applies migrations/NNN-name.sql files that this database has not seen yet, in number order.
 * Each file runs in its own transaction together with its row in schema_migrations, so a failing
 * file leaves the database exactly as it was. Never edit an applied file: add the next number.
 */
export function migrate(db: Db, dir = MIGRATIONS_DIR): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  )`);
  const files = readdirSync(dir)
    .filter((name) => /^\d+-.+\.sql$/.test(name))
    .map((name) => ({ name, version: Number.parseInt(name, 10) }))
    .sort((a, b) => a.version - b.version);

  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name) VALUES (?, ?)');
  const applyOnce = db.transaction((version: number, name: string): boolean => {
    if (isApplied.get(version)) return false;
    db.exec(readFileSync(join(dir, name), 'utf8'));
    record.run(version, name);
    return true;
  });

  const newlyApplied: string[] = [];
  for (const { version, name } of files) {
    // immediate: take the write lock before checking, so two processes starting at once on the
    // same file cannot both apply a migration.
    if (applyOnce.immediate(version, name)) newlyApplied.push(name);
  }
  return newlyApplied;
}

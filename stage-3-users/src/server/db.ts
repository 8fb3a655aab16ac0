import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { STAGE } from '../shared/stage';
import { migrate } from './migrate';

export type Db = Database.Database;

export const databasePath = (dataDir: string): string => join(dataDir, STAGE.dataFile);

/**
 * Opens (or creates) the database file in `dataDir`, tuned for a web server, and migrates it.
 * (Stage 2 put the example patterns into a new database; stage 3 gives them to each new account.)
 */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(databasePath(dataDir));
  // WAL: readers never block the writer and the writer never blocks readers.
  db.pragma('journal_mode = WAL');
  // FULL: every commit is fsynced to the WAL before it returns, so a 201 means "on disk" — even if
  // the machine loses power. (NORMAL survives a killed process too, but may drop the last commits
  // on a power cut or OS crash; an acknowledged write must not be one of them.)
  db.pragma('synchronous = FULL');
  // Another connection (a second process, the sqlite3 shell, a backup) may hold the write lock for
  // a moment: wait up to 5 s for it instead of failing at once with SQLITE_BUSY.
  db.pragma('busy_timeout = 5000');
  // SQLite leaves foreign keys off unless each connection asks; later stages rely on them.
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

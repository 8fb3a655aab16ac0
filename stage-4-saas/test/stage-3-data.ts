import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

/**
 * A stage-3 database file as stage 3 leaves it (its schema, as its migrations made it), with the
 * given users and their patterns. Written here, not imported from stage 3: this stage is read and
 * copied on its own.
 */
export function stage3Database(dir: string, users: { email: string; passwordHash: string; patterns: [string, string][] }[]) {
  const file = join(dir, 'stage-3.sqlite');
  const db = new Database(file);
  db.exec(`
    CREATE TABLE patterns (id TEXT PRIMARY KEY, trigger TEXT NOT NULL, response TEXT NOT NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
    CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE, password_hash TEXT NOT NULL,
      session_version INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')));
    ALTER TABLE patterns ADD COLUMN user_id TEXT REFERENCES users (id) ON DELETE CASCADE;
  `);
  const ids: Record<string, string> = {};
  for (const user of users) {
    ids[user.email] = randomUUID();
    db.prepare('INSERT INTO users (id, email, password_hash) VALUES (?, ?, ?)').run(ids[user.email], user.email, user.passwordHash);
    for (const [trigger, response] of user.patterns) addStage3Pattern(db, ids[user.email]!, trigger, response);
  }
  return { file, ids, db };
}

export function addStage3Pattern(db: Database.Database, userId: string, trigger: string, response: string): void {
  db.prepare('INSERT INTO patterns (id, user_id, trigger, response) VALUES (?, ?, ?, ?)').run(randomUUID(), userId, trigger, response);
}

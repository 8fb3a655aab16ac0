import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../src/server/migrate';
import { openDatabase, type Db } from '../src/server/db';
import { tempDataDir } from './helpers';

const opened: Db[] = [];
const dirs: string[] = [];
afterEach(() => {
  opened.splice(0).forEach((db) => db.open && db.close());
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});
const track = (db: Db) => (opened.push(db), db);
const newDir = () => {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
};

const tables = (db: Db) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();

describe('migrations', () => {
  it('a new database gets every migration, recorded in schema_migrations', () => {
    const db = track(openDatabase(newDir()));
    expect(tables(db)).toEqual(expect.arrayContaining(['patterns', 'schema_migrations']));
    const versions = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(versions[0]).toEqual({ version: 1, name: '001-patterns.sql' });
  });

  it('opening the database again applies nothing twice', () => {
    const dir = newDir();
    track(openDatabase(dir)).close();
    const db = track(openDatabase(dir));
    expect(migrate(db)).toEqual([]);
  });

  it('applies files in number order and only the new ones', () => {
    const db = track(new Database(':memory:'));
    const dir = newDir();
    writeFileSync(join(dir, '002-second.sql'), 'ALTER TABLE t ADD COLUMN b TEXT;');
    writeFileSync(join(dir, '001-first.sql'), 'CREATE TABLE t (a TEXT);');
    writeFileSync(join(dir, 'notes.txt'), 'not a migration');
    expect(migrate(db, dir)).toEqual(['001-first.sql', '002-second.sql']);

    writeFileSync(join(dir, '010-tenth.sql'), 'CREATE INDEX t_a ON t (a);');
    expect(migrate(db, dir)).toEqual(['010-tenth.sql']);
  });

  it('a failing migration leaves no trace: neither its changes nor its record', () => {
    const db = track(new Database(':memory:'));
    const dir = newDir();
    writeFileSync(join(dir, '001-first.sql'), 'CREATE TABLE t (a TEXT);');
    writeFileSync(join(dir, '002-broken.sql'), 'CREATE TABLE u (a TEXT); INSERT INTO nowhere VALUES (1);');
    expect(() => migrate(db, dir)).toThrow(/no such table: nowhere/);
    expect(tables(db)).toEqual(['schema_migrations', 't']);
    expect(db.prepare('SELECT name FROM schema_migrations').pluck().all()).toEqual(['001-first.sql']);
  });

  it('turns on WAL, FULL sync, a busy timeout and foreign keys', () => {
    const db = track(openDatabase(newDir()));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

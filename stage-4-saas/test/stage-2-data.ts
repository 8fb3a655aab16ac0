import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { migrate } from '../src/server/migrate';

const STAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const MIGRATIONS = join(STAGE_DIR, 'src/server/migrations');

/**
 * A stage-2 database in `dir`, made the way stage 2 makes one: its own migration (001, which
 * stage 3 inherited unchanged), then patterns written with the SQL of stage 2's repo. Each
 * pattern answers `answer to <trigger>`.
 */
export function stage2Database(dir: string, triggers: string[]): string {
  const stage2Migrations = join(dir, 'stage-2-migrations');
  mkdirSync(stage2Migrations, { recursive: true });
  for (const file of readdirSync(MIGRATIONS).filter((f) => /^001-/.test(f))) {
    copyFileSync(join(MIGRATIONS, file), join(stage2Migrations, file));
  }
  const file = join(dir, 'stage-2.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, stage2Migrations);
  const insert = db.prepare('INSERT INTO patterns (id, trigger, response) VALUES (?, ?, ?)');
  for (const trigger of triggers) insert.run(randomUUID(), trigger, `answer to ${trigger}`);
  db.close();
  return file;
}

/** Runs `pnpm migrate:from-stage-2` as a person would, against the stage-3 data folder `dataDir`. */
export function migrateCommand(dataDir: string, args: string[]): { code: number | null; out: string } {
  const result = spawnSync('pnpm', ['--silent', 'migrate:from-stage-2', ...args], {
    cwd: STAGE_DIR,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

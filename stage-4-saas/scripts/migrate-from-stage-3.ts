/**
 * pnpm --filter stage-4 migrate:from-stage-3 [--db <stage-3 database>] [--dry-run]
 *
 * Copies every user and pattern of a stage-3 database into stage 4's database (DATABASE_URL, else
 * PGlite in DATA_DIR): each user keeps their password and gets a personal organization holding
 * their patterns. Safe to run again: what was copied before is skipped.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/server/config';
import { openDb } from '../src/server/db';
import { UpgradeError, describeUpgrade, readStage3, upgradeFromStage3 } from '../src/server/upgrade/from-stage-3';

/** Where stage 3 keeps its database when DATA_DIR is not set (see stage-3-users/src/shared/stage.ts). */
const STAGE_3_DATABASE = fileURLToPath(new URL('../../stage-3-users/data/stage-3.sqlite', import.meta.url));

const USAGE = `Usage: pnpm --filter stage-4 migrate:from-stage-3 [--db <file>] [--dry-run]

  --db <file>  the stage-3 database, opened read-only (default: stage 3's own,
               stage-3-users/data/stage-3.sqlite)
  --dry-run    show what would happen, write nothing

The stage-4 database is DATABASE_URL when set, else PGlite in DATA_DIR (default stage-4-saas/data).
With PGlite, stop stage 4 first: the embedded database belongs to one process at a time.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  // pnpm --filter runs us inside stage-4-saas; a relative --db means relative to where the user typed it.
  const sourceFile = values.db ? resolve(process.env.INIT_CWD ?? process.cwd(), values.db) : STAGE_3_DATABASE;
  if (!existsSync(sourceFile)) throw new UpgradeError(`No file at ${sourceFile}.`);
  const data = readStage3(sourceFile);
  const { dataDir, databaseUrl } = loadConfig();
  const db = await openDb({ dataDir, databaseUrl });
  try {
    const report = await upgradeFromStage3(db, data, { dryRun: values['dry-run'] });
    const into = databaseUrl ? `${new URL(databaseUrl).pathname.slice(1)} (DATABASE_URL)` : `PGlite in ${dataDir}`;
    console.log(`From: ${sourceFile}\nInto: ${into}\n${describeUpgrade(report)}`);
    if (report.patterns.copied > 0 && !report.dryRun && databaseUrl) {
      console.log('If stage 4 is running, restart it so its chat knows the new patterns.');
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof UpgradeError ? error.message : error);
  process.exitCode = 1;
});

/**
 * pnpm --filter stage-3 migrate:from-stage-2 --owner <email> [--db <stage-2 database>] [--create] [--dry-run]
 *
 * Copies every pattern of a stage-2 database into stage 3's database (DATA_DIR) and gives it to
 * one user. Safe to run again: what was copied before is skipped. See docs/upgrading-your-data.md.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { PasswordHasher } from '../src/server/auth/passwords';
import { loadConfig } from '../src/server/config';
import { databasePath, openDatabase } from '../src/server/db';
import { UpgradeError, describeUpgrade, readStage2, upgradeFromStage2 } from '../src/server/upgrade/from-stage-2';
import { createUsersRepo } from '../src/server/users-repo';

/** Where stage 2 keeps its database when DATA_DIR is not set (see stage-2-shared/src/shared/stage.ts). */
const STAGE_2_DATABASE = fileURLToPath(new URL('../../stage-2-shared/data/stage-2.sqlite', import.meta.url));

const USAGE = `Usage: pnpm --filter stage-3 migrate:from-stage-2 --owner <email> [--db <file>] [--create] [--dry-run]

  --owner <email>  the stage-3 user who receives every pattern; must have signed up
  --db <file>      the stage-2 database, opened read-only (default: stage 2's own,
                   stage-2-shared/data/stage-2.sqlite)
  --create         create that user if missing (no password: they use "Forgot password?")
  --dry-run        show what would happen, write nothing

The stage-3 database is the one in DATA_DIR (default stage-3-users/data).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      owner: { type: 'string' },
      create: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  if (!values.owner) throw new UpgradeError(`--owner is required.\n\n${USAGE}`);
  const owner = z.email().safeParse(values.owner.trim().toLowerCase());
  if (!owner.success) throw new UpgradeError(`--owner must be an email address, not "${values.owner}".`);

  // pnpm --filter runs us inside stage-3-users; a relative --db means relative to where the user typed it.
  const sourceFile = values.db ? resolve(process.env.INIT_CWD ?? process.cwd(), values.db) : STAGE_2_DATABASE;
  if (!existsSync(sourceFile)) throw new UpgradeError(`No file at ${sourceFile}.`);
  const { dataDir } = loadConfig();
  const targetFile = databasePath(dataDir);
  if (existsSync(targetFile) && realpathSync(targetFile) === realpathSync(sourceFile)) {
    throw new UpgradeError('--db names stage 3’s own database; point it at the stage-2 database instead.');
  }

  const patterns = readStage2(sourceFile);
  const target = openDatabase(dataDir);
  try {
    const needsAccount = values.create && !createUsersRepo(target).byEmail(owner.data);
    // A random password nobody knows: the account is usable only after a password reset.
    const createWithHash = needsAccount ? await new PasswordHasher().hash(randomBytes(32).toString('base64url')) : undefined;
    const report = upgradeFromStage2(target, patterns, {
      ownerEmail: owner.data,
      createWithHash,
      dryRun: values['dry-run'],
    });
    console.log(`From: ${sourceFile}\nInto: ${targetFile}\n${describeUpgrade(report)}`);
    if (report.copied > 0 && !report.dryRun) {
      console.log('If stage 3 is running, restart it so its chat knows the new patterns.');
    }
  } finally {
    target.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof UpgradeError ? error.message : error);
  process.exitCode = 1;
});

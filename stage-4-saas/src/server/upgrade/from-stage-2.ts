import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Db } from '../db';
import { createUsersRepo } from '../users-repo';

/**
 * Carries a stage-2 database into stage 3, in the steps every upgrade of this journey follows:
 *   1. read   the old database, read-only, and check it is what we think it is;
 *   2. map    each old row to its new shape (here: a pattern gains an owner);
 *   3. write  in ONE transaction, recording each old id in the `migrated_rows` ledger;
 *   4. report what was done. A dry run does all of it, then rolls back.
 * The ledger makes it idempotent: a second run skips every row it finds there.
 */
const SOURCE = 'stage-2/patterns';

export interface Stage2Pattern {
  id: string;
  trigger: string;
  response: string;
  createdAt: string;
  updatedAt: string;
}

export interface UpgradeReport {
  found: number;
  copied: number;
  alreadyMigrated: number;
  owner: { id: string; email: string; created: boolean };
  dryRun: boolean;
}

export class UpgradeError extends Error {
  override name = 'UpgradeError';
}

/** Step 1: the stage-2 patterns, from a file opened read-only (the old data is never touched). */
export function readStage2(file: string): Stage2Pattern[] {
  let source: Database.Database;
  try {
    source = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new UpgradeError(`Cannot open ${file} as a SQLite database: ${(error as Error).message}`);
  }
  try {
    const columns = new Set(source.prepare("SELECT name FROM pragma_table_info('patterns')").pluck().all() as string[]);
    if (!['id', 'trigger', 'response', 'created_at', 'updated_at'].every((column) => columns.has(column))) {
      throw new UpgradeError(`${file} has no stage-2 patterns table.`);
    }
    if (columns.has('user_id')) {
      throw new UpgradeError(`${file} is already a stage-3 database (its patterns have owners).`);
    }
    return source
      .prepare<[], Stage2Pattern>(
        'SELECT id, trigger, response, created_at AS createdAt, updated_at AS updatedAt FROM patterns ORDER BY created_at, rowid',
      )
      .all();
  } finally {
    source.close();
  }
}

export interface UpgradeOptions {
  ownerEmail: string;
  /** When the owner has no account: create one with this password hash (else refuse). */
  createWithHash?: string;
  dryRun?: boolean;
}

/** Steps 2-4: gives every not-yet-migrated pattern to the owner, in one transaction. */
export function upgradeFromStage2(target: Db, patterns: readonly Stage2Pattern[], options: UpgradeOptions): UpgradeReport {
  const users = createUsersRepo(target);
  const isMigrated = target.prepare('SELECT 1 FROM migrated_rows WHERE source = ? AND source_id = ?').pluck();
  const remember = target.prepare('INSERT INTO migrated_rows (source, source_id, target_id) VALUES (?, ?, ?)');
  const insert = target.prepare(
    'INSERT INTO patterns (id, user_id, trigger, response, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );

  const run = target.transaction((): UpgradeReport => {
    let owner = users.byEmail(options.ownerEmail);
    const created = !owner;
    if (!owner) {
      if (!options.createWithHash) {
        throw new UpgradeError(`No stage-3 user has the email ${options.ownerEmail}. Sign up first, or pass --create.`);
      }
      owner = users.insert(options.ownerEmail, options.createWithHash)!;
    }
    let copied = 0;
    for (const pattern of patterns) {
      if (isMigrated.get(SOURCE, pattern.id)) continue;
      const id = randomUUID(); // ids belong to the database that made them; the ledger links old to new
      insert.run(id, owner.id, pattern.trigger, pattern.response, pattern.createdAt, pattern.updatedAt);
      remember.run(SOURCE, pattern.id, id);
      copied++;
    }
    const report = {
      found: patterns.length,
      copied,
      alreadyMigrated: patterns.length - copied,
      owner: { id: owner.id, email: owner.email, created },
      dryRun: Boolean(options.dryRun),
    };
    if (options.dryRun) throw new DryRunDone(report);
    return report;
  });

  try {
    return run.immediate();
  } catch (error) {
    if (error instanceof DryRunDone) return error.report; // the throw rolled everything back
    throw error;
  }
}

/** Thrown out of the transaction to roll it back after a dry run, carrying what would have happened. */
class DryRunDone extends Error {
  constructor(readonly report: UpgradeReport) {
    super('dry run');
  }
}

/** The report as a person reads it. */
export function describeUpgrade(report: UpgradeReport): string {
  const would = report.dryRun ? 'would be ' : '';
  const lines = [
    `Found ${report.found} pattern(s) in the stage-2 database.`,
    report.owner.created
      ? `Owner: ${report.owner.email} — ${would}created (no password yet: use "Forgot your password?" on the sign-in page).`
      : `Owner: ${report.owner.email} (existing account).`,
    `${report.copied} pattern(s) ${would}copied to ${report.owner.email}; ${report.alreadyMigrated} skipped (migrated before).`,
  ];
  if (report.dryRun) lines.push('Dry run: nothing was written.');
  return lines.join('\n');
}

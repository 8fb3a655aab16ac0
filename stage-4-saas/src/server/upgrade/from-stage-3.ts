import Database from 'better-sqlite3';
import type { Db, Queryable } from '../db';
import { newOrganization, personalOrganizationName } from '../organizations-service';
import { carriedOver } from '../examples';
import { organizationsRepo } from '../organizations-repo';

/**
 * Carries a stage-3 database (SQLite) into stage 4 (PostgreSQL or PGlite), in the steps every
 * upgrade of this journey follows:
 *   1. read   the old database, read-only, and check it is what we think it is;
 *   2. map    each old row to its new shape (here: each user gets a personal organization, which
 *             owns their patterns; the user keeps id, email and password hash, so can log in);
 *   3. write  one transaction per user, recording each old id in the `migrated_rows` ledger;
 *   4. report what was done. A dry run does all of it, then rolls back.
 * The ledger makes it idempotent: a second run skips every row it finds there.
 */
const USERS = 'stage-3/users';
const PATTERNS = 'stage-3/patterns';

export interface Stage3User { id: string; email: string; passwordHash: string; sessionVersion: number; createdAt: string }
export interface Stage3Pattern { id: string; userId: string; trigger: string; response: string; createdAt: string; updatedAt: string }
export interface Stage3Data { users: Stage3User[]; patterns: Stage3Pattern[] }

export interface UpgradeReport {
  users: { found: number; copied: number; alreadyMigrated: number; emailTaken: string[] };
  patterns: { found: number; copied: number; alreadyMigrated: number };
  dryRun: boolean;
}

export class UpgradeError extends Error {
  override name = 'UpgradeError';
}

/** Step 1: the stage-3 users and patterns, from a file opened read-only (the old data is never touched). */
export function readStage3(file: string): Stage3Data {
  let source: Database.Database;
  try {
    source = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new UpgradeError(`Cannot open ${file} as a SQLite database: ${(error as Error).message}`);
  }
  try {
    const columns = (table: 'users' | 'patterns') =>
      new Set(source.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]);
    if (!columns('patterns').has('user_id') || !columns('users').has('password_hash')) {
      throw new UpgradeError(`${file} is not a stage-3 database (no users, or patterns without owners).`);
    }
    return {
      users: source
        .prepare<[], Stage3User>(
          `SELECT id, lower(email) AS email, password_hash AS passwordHash, session_version AS sessionVersion,
                  created_at AS createdAt FROM users ORDER BY created_at, rowid`,
        )
        .all(),
      patterns: source
        .prepare<[], Stage3Pattern>(
          `SELECT id, user_id AS userId, trigger, response, created_at AS createdAt, updated_at AS updatedAt
             FROM patterns WHERE user_id IS NOT NULL ORDER BY created_at, rowid`,
        )
        .all(),
    };
  } finally {
    source.close();
  }
}

/** The `migrated_rows` ledger: which old row became which new one. */
const ledger = {
  targetOf: async (q: Queryable, source: string, id: string): Promise<string | undefined> =>
    (await q.query<{ target_id: string }>('SELECT target_id FROM migrated_rows WHERE source = $1 AND source_id = $2', [source, id]))[0]
      ?.target_id,
  remember: async (q: Queryable, source: string, id: string, target: string): Promise<void> =>
    void (await q.query('INSERT INTO migrated_rows (source, source_id, target_id) VALUES ($1, $2, $3)', [source, id, target])),
};

/** Thrown out of a transaction to roll it back after a dry run. */
class DryRunDone extends Error {}

/** Steps 2-4. A user whose email already has a stage-4 account is left out (and named in the report). */
export async function upgradeFromStage3(db: Db, data: Stage3Data, options: { dryRun?: boolean } = {}): Promise<UpgradeReport> {
  const report: UpgradeReport = {
    users: { found: data.users.length, copied: 0, alreadyMigrated: 0, emailTaken: [] },
    patterns: { found: data.patterns.length, copied: 0, alreadyMigrated: 0 },
    dryRun: Boolean(options.dryRun),
  };
  for (const user of data.users) {
    // The personal organization: the one an earlier run made (the ledger says which), or a new one.
    const migratedInto = await ledger.targetOf(db, USERS, user.id);
    if (!migratedInto && (await db.query('SELECT 1 FROM users WHERE email = $1', [user.email])).length > 0) {
      report.users.emailTaken.push(user.email);
      continue;
    }
    const org = newOrganization(personalOrganizationName(user.email));
    const orgId = migratedInto ?? org.id;
    const theirs = data.patterns.filter((pattern) => pattern.userId === user.id);
    let copied = 0;
    try {
      await db.forOrg(orgId, async (tx) => {
        if (!migratedInto) {
          await tx.query(
            'INSERT INTO users (id, email, password_hash, session_version, created_at) VALUES ($1, $2, $3, $4, $5)',
            [user.id, user.email, user.passwordHash, user.sessionVersion, user.createdAt],
          );
          await organizationsRepo.insert(tx, org, user.id);
          await ledger.remember(tx, USERS, user.id, org.id);
        }
        for (const pattern of theirs) {
          if (await ledger.targetOf(tx, PATTERNS, pattern.id)) continue;
          const { trigger, response } = carriedOver(pattern); // stage 3's examples speak of SQLite: stage 4's of PostgreSQL
          const [row] = await tx.query<{ id: string }>(
            `INSERT INTO patterns (org_id, created_by, trigger, response, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
            [orgId, user.id, trigger, response, pattern.createdAt, pattern.updatedAt],
          );
          await ledger.remember(tx, PATTERNS, pattern.id, row!.id);
          copied++;
        }
        if (options.dryRun) throw new DryRunDone();
      });
    } catch (error) {
      if (!(error instanceof DryRunDone)) throw error;
    }
    if (migratedInto) report.users.alreadyMigrated++;
    else report.users.copied++;
    report.patterns.copied += copied;
    report.patterns.alreadyMigrated += theirs.length - copied;
  }
  return report;
}

/** The report as a person reads it. */
export function describeUpgrade({ users, patterns, dryRun }: UpgradeReport): string {
  const would = dryRun ? 'would be ' : '';
  const lines = [
    `Found ${users.found} user(s) and ${patterns.found} pattern(s) in the stage-3 database.`,
    `${users.copied} user(s) ${would}copied, each with a personal organization; ${users.alreadyMigrated} skipped (migrated before).`,
    `${patterns.copied} pattern(s) ${would}copied into their owner's organization; ${patterns.alreadyMigrated} skipped (migrated before).`,
  ];
  if (users.emailTaken.length > 0) lines.push(`Left out, their email already has a stage-4 account: ${users.emailTaken.join(', ')}.`);
  if (dryRun) lines.push('Dry run: nothing was written.');
  return lines.join('\n');
}

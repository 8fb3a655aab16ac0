/**
 * The database seam every repository uses. Two engines run the same SQL:
 *
 * - PostgreSQL through `pg`, when DATABASE_URL is set (db/postgres.ts);
 * - PGlite, PostgreSQL compiled to WebAssembly, in DATA_DIR/pglite when it is not (db/pglite.ts),
 *   so the stage starts with nothing else running.
 *
 * Opening a database runs the migrations as its owner, then every query runs as `journey_app`:
 * a role that owns nothing and is no superuser, so row-level security applies to it (see
 * migrations/001-app-role.sql). Tenant tables let a row through only when its org_id is the
 * organization this transaction acts for, which `forOrg` sets with `set_config(.., true)`: it
 * ends with the transaction and cannot leak into the next user of the same connection. A query
 * that forgets `WHERE org_id = $1` therefore returns this organization's rows, never another's;
 * outside `forOrg` it returns none. The repositories still filter by org_id: RLS is the second wall.
 */
import { join } from 'node:path';
import { STAGE } from '../../shared/stage';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement; values travel as bound parameters ($1, $2, …), never inside the SQL text. */
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** A transaction's statements. */
export interface Tx extends Queryable {
  /**
   * The same transaction, for its last statement: COMMIT is sent with it, in the same round trip
   * (db/postgres.ts). Once it is sent, nothing of the transaction can be rolled back: a caller
   * that may still refuse after it must have written nothing it would undo.
   */
  readonly andCommit: Queryable;
}

/** A statement with its values, run first in a transaction (the scope's set_config). */
export type Opening = { sql: string; params: readonly unknown[] };

export interface Db extends Queryable {
  /**
   * Runs `work` in one transaction: it commits if `work` returns, and rolls back if it throws.
   * `opening` runs first; on PostgreSQL it leaves with BEGIN and the first statement of `work`, in
   * one round trip (db/postgres.ts).
   */
  transaction<T>(work: (tx: Tx) => Promise<T>, opening?: Opening): Promise<T>;
  /** A transaction acting for one organization: tenant tables show and accept only its rows. */
  forOrg<T>(orgId: string, work: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** A transaction acting for one user across organizations: their memberships and organizations. */
  forUser<T>(userId: string, work: (tx: Tx) => Promise<T>): Promise<T>;
  /** A transaction that may read the one invitation whose token (hashed) the caller holds. */
  forInvitation<T>(tokenHash: string, work: (tx: Tx) => Promise<T>): Promise<T>;
  /** A transaction that may read the one API key whose hash the caller holds. */
  forApiKey<T>(keyHash: string, work: (tx: Tx) => Promise<T>): Promise<T>;
  /** A transaction reading every organization, for a user the database finds flagged as a platform admin (nothing for anyone else). */
  forPlatformAdmin<T>(userId: string, work: (tx: Tx) => Promise<T>): Promise<T>;
  /** A transaction that may read the single sign-on configuration of one email domain (before anyone is signed in). */
  forSsoDomain<T>(domain: string, work: (tx: Tx) => Promise<T>): Promise<T>;
  /** A transaction that may read and consume the one pending SSO login whose state (hashed) the caller holds. */
  forSsoState<T>(stateHash: string, work: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** For the start-up line: the engine, milliseconds until it answered, the migrations it ran now,
   * and (PGlite) where its data directory came from. */
  readonly info: {
    engine: 'postgres' | 'pglite';
    startMs: number;
    applied: string[];
    from?: 'existing' | 'template' | 'initdb';
  };
}

export interface TransactionOptions {
  /**
   * PostgreSQL's asynchronous commit (`synchronous_commit = off`, this transaction only): COMMIT
   * answers before the WAL reaches the disk, and the row locks are let go then, not a disk flush
   * later. A crash of PostgreSQL itself (not of this process) may lose the last fraction of a
   * second of such transactions; it never corrupts or half-applies one. For counters every
   * request of an organization takes turns on (a chat's), never for what a user wrote.
   */
  asyncCommit?: boolean;
}

/** What each engine provides; `withScopes` builds the rest of `Db` on it, the same for both. */
export type Engine = Omit<Db, 'forOrg' | 'forUser' | 'forInvitation' | 'forApiKey' | 'forPlatformAdmin' | 'forSsoDomain' | 'forSsoState'>;

/** PostgreSQL at `databaseUrl` (DATABASE_URL) when there is one, otherwise PGlite in `dataDir`/pglite (STAGE.dataFolder). */
export async function openDb(where: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  const engine = where.databaseUrl
    ? await openPostgres(where.databaseUrl)
    : await openPglite(join(where.dataDir, STAGE.dataFolder));
  return withScopes(await asJourneyApp(engine));
}

/**
 * A second pool for reads that may trail the primary by a moment (DATABASE_READ_URL: a replica,
 * or the same server): analytics and the admin panel's lists. The same role and scopes, so
 * row-level security applies there too; no migrations (a replica cannot run them).
 */
export async function openReadDb(databaseReadUrl: string): Promise<Db> {
  return withScopes(await asJourneyApp(await openPostgres(databaseReadUrl, { reads: true })));
}

async function asJourneyApp(engine: Engine): Promise<Engine> {
  // Fail closed: a role that skips row-level security (made so by hand; roles belong to the whole
  // server, not to this database) would make every policy above a no-op.
  const [role] = await engine.query<{ name: string; bypasses: boolean }>(
    'SELECT rolname AS name, rolsuper OR rolbypassrls AS bypasses FROM pg_roles WHERE rolname = current_user',
  );
  if (role?.name !== 'journey_app' || role.bypasses) {
    await engine.close();
    throw new Error(`database: the app must run as journey_app without BYPASSRLS; it runs as ${role?.name} (bypasses RLS: ${role?.bypasses})`);
  }
  return engine;
}

function withScopes(engine: Engine): Db {
  // The setting names are fixed here; only their values come from the caller, as parameters.
  const acting = (setting: string) => <T>(value: string, work: (tx: Tx) => Promise<T>, { asyncCommit = false }: TransactionOptions = {}) =>
    engine.transaction(work, {
      sql: asyncCommit ? "SELECT set_config($1, $2, true), set_config('synchronous_commit', 'off', true)" : 'SELECT set_config($1, $2, true)',
      params: [setting, value],
    });
  return {
    ...engine,
    forOrg: acting('app.org_id'),
    forUser: acting('app.user_id'),
    forInvitation: acting('app.invite_token_hash'),
    forApiKey: acting('app.key_hash'),
    forPlatformAdmin: acting('app.admin_id'),
    forSsoDomain: acting('app.sso_domain'),
    forSsoState: acting('app.sso_state_hash'),
  };
}

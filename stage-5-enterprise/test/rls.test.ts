import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../src/server/db';
import { ENGINES, freshDatabase, type TestDatabase } from './databases';
import { addOrganization, addPattern, addUser, twoOrganizations } from './fixtures';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe.each(ENGINES)('row-level security on %s', (engine) => {
  let database: TestDatabase;
  let db: Db;
  let ids: Awaited<ReturnType<typeof twoOrganizations>>;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    db = await database.open();
    ids = await twoOrganizations(db);
  });
  afterAll(() => database?.drop());

  const triggersOf = (orgId: string) =>
    db.forOrg(orgId, (tx) => tx.query<{ trigger: string; response: string }>('SELECT * FROM patterns ORDER BY trigger'));

  it('runs the app as journey_app: no superuser, no BYPASSRLS, owner of nothing', async () => {
    const [me] = await db.query('SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
    expect(me).toEqual({ name: 'journey_app', rolsuper: false, rolbypassrls: false });
    const owned = await db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user");
    expect(owned).toEqual([]);
  });

  it('guards every table that has an org_id: row-level security enabled and forced, with a policy', async () => {
    const tables = await db.query(`
      SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
             (SELECT count(*) FROM pg_policies p WHERE p.tablename = c.relname) > 0 AS has_policy
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'
         AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id')
       ORDER BY 1`);
    // Every table with an org_id, one per line (a new tenant table adds its line here).
    expect(tables.map((t) => t.table)).toEqual([
      'api_keys',
      'audit_log',
      'idempotency_keys',
      'invitations',
      'memberships',
      'onboarding',
      'ownership_transfers',
      'pattern_daily',
      'patterns',
      'sso_configs',
      'sso_logins',
      'stripe_events',
      'subscriptions',
      'support_replies',
      'support_tickets',
      'unanswered_daily',
      'usage_counters',
      'usage_daily',
      'usage_events',
    ]);
    for (const table of tables) expect(table).toMatchObject({ enabled: true, forced: true, has_policy: true });
  });

  it('a SELECT without WHERE returns only the acting organization\'s rows', async () => {
    expect((await triggersOf(ids.acme)).map((p) => p.response)).toEqual(['Hi from Acme', 'Ask sales']);
    expect((await triggersOf(ids.globex)).map((p) => p.response)).toEqual(['Hi from Globex']);
  });

  it('returns no row of any tenant table when no organization is set', async () => {
    for (const table of ['patterns', 'memberships', 'invitations', 'organizations', 'idempotency_keys']) {
      expect(await db.query(`SELECT * FROM ${table}`), table).toEqual([]);
      expect(await db.transaction((tx) => tx.query(`SELECT * FROM ${table}`)), table).toEqual([]);
    }
  });

  it('refuses to write a row into another organization (WITH CHECK), and changes nothing', async () => {
    const intoGlobex = db.forOrg(ids.acme, (tx) =>
      tx.query("INSERT INTO patterns (org_id, trigger, response) VALUES ($1, 'stolen', 'x')", [ids.globex]),
    );
    await expect(intoGlobex).rejects.toThrow(/row-level security/);
    const membershipInGlobex = db.forOrg(ids.acme, (tx) =>
      tx.query("INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, 'owner')", [ids.ada, ids.globex]),
    );
    await expect(membershipInGlobex).rejects.toThrow(/row-level security/);
    expect(await triggersOf(ids.globex)).toHaveLength(1);
  });

  it('cannot move a row to another organization, nor change or delete another\'s rows by id', async () => {
    const move = db.forOrg(ids.acme, (tx) => tx.query('UPDATE patterns SET org_id = $1', [ids.globex]));
    await expect(move).rejects.toThrow(/permission denied/);
    const [globexPattern] = await db.forOrg(ids.globex, (tx) => tx.query<{ id: string }>('SELECT id FROM patterns'));
    const touched = await db.forOrg(ids.acme, async (tx) => [
      ...(await tx.query("UPDATE patterns SET response = 'changed' WHERE id = $1 RETURNING id", [globexPattern!.id])),
      ...(await tx.query('DELETE FROM patterns WHERE id = $1 RETURNING id', [globexPattern!.id])),
    ]);
    expect(touched).toEqual([]);
    expect((await triggersOf(ids.globex)).map((p) => p.response)).toEqual(['Hi from Globex']);
  });

  it('exception: forUser shows the user\'s own memberships and organizations, in every organization', async () => {
    const eve = await addUser(db, `eve-${randomUUID()}@example.test`);
    await db.forOrg(ids.globex, (tx) =>
      tx.query("INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, 'member')", [ids.ada, ids.globex]),
    );
    const eveOrg = await addOrganization(db, 'Eve', eve);

    const adas = await db.forUser(ids.ada, async (tx) => ({
      memberships: await tx.query('SELECT user_id, org_id, role FROM memberships ORDER BY role'),
      organizations: await tx.query('SELECT name FROM organizations ORDER BY name'),
      patterns: await tx.query('SELECT * FROM patterns'),
    }));
    expect(adas.memberships).toEqual([
      { user_id: ids.ada, org_id: ids.globex, role: 'member' },
      { user_id: ids.ada, org_id: ids.acme, role: 'owner' },
    ]);
    expect(adas.organizations).toEqual([{ name: 'Acme' }, { name: 'Globex' }]); // not Eve's
    expect(adas.patterns).toEqual([]);
    // Read-only: acting for a user writes nothing anywhere.
    const join = db.forUser(ids.ada, (tx) =>
      tx.query("INSERT INTO memberships (user_id, org_id, role) VALUES ($1, $2, 'owner')", [ids.ada, eveOrg]),
    );
    await expect(join).rejects.toThrow(/row-level security/);
    await db.forOrg(ids.globex, (tx) => tx.query('DELETE FROM memberships WHERE user_id = $1', [ids.ada]));
  });

  it('exception: forInvitation shows the one invitation whose token hash it holds, and no other', async () => {
    const token = randomUUID();
    await db.forOrg(ids.acme, async (tx) => {
      for (const [email, hash] of [['new@example.test', sha256(token)], ['other@example.test', sha256('other')]]) {
        await tx.query(
          "INSERT INTO invitations (org_id, email, role, token_hash, expires_at, invited_by) VALUES ($1, $2, 'member', $3, now() + interval '7 days', $4)",
          [ids.acme, email, hash, ids.ada],
        );
      }
    });
    const found = await db.forInvitation(sha256(token), (tx) => tx.query('SELECT email, org_id FROM invitations'));
    expect(found).toEqual([{ email: 'new@example.test', org_id: ids.acme }]);
    expect(await db.forInvitation(sha256('a guess'), (tx) => tx.query('SELECT * FROM invitations'))).toEqual([]);
    const accept = db.forInvitation(sha256(token), (tx) => tx.query('UPDATE invitations SET accepted_at = now() RETURNING id'));
    expect(await accept).toEqual([]);
  });

  it('deleting an organization deletes its rows with it, and no other\'s', async () => {
    const cyd = await addUser(db, `cyd-${randomUUID()}@example.test`);
    const initech = await addOrganization(db, 'Initech', cyd);
    await addPattern(db, initech, cyd, 'tps', 'New cover sheet');
    await db.forOrg(initech, (tx) => tx.query('DELETE FROM organizations WHERE id = $1', [initech]));
    expect(await db.forOrg(initech, (tx) => tx.query('SELECT * FROM patterns'))).toEqual([]);
    expect(await db.forOrg(initech, (tx) => tx.query('SELECT * FROM memberships'))).toEqual([]);
    expect(await triggersOf(ids.acme)).toHaveLength(2);
  });
});

// Roles belong to the whole server, so this one changes journey_app only where no other test
// sees it: in a PGlite cluster of its own.
describe('opening a database', () => {
  it('refuses to start when journey_app has been given BYPASSRLS', async () => {
    const database = await freshDatabase('pglite');
    try {
      await (await database.open()).close();
      const owner = await PGlite.create({ dataDir: join(database.where.dataDir, 'pglite') });
      await owner.exec('ALTER ROLE journey_app BYPASSRLS');
      await owner.close();
      await expect(database.open()).rejects.toThrow(/must run as journey_app without BYPASSRLS/);
    } finally {
      await database.drop();
    }
  });
});

describe.each(ENGINES.filter((engine) => engine === 'postgres'))('DATABASE_URL with its own options on %s', (engine) => {
  it('keeps the url’s options and still runs the pool as journey_app', async () => {
    const database = await freshDatabase(engine);
    const url = `${database.where.databaseUrl}?options=${encodeURIComponent('-c statement_timeout=5000')}`;
    try {
      const db = await openDb({ databaseUrl: url, dataDir: 'unused' });
      try {
        const [me] = await db.query("SELECT current_user AS name, current_setting('statement_timeout') AS timeout");
        expect(me).toEqual({ name: 'journey_app', timeout: '5s' });
      } finally {
        await db.close();
      }
    } finally {
      await database.drop();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db';
import { ENGINES, freshDatabase, type TestDatabase } from './databases';
import { twoOrganizations } from './fixtures';

// What the app's role must not be able to do, even if a bug (or an attacker's input) made it try.
const REFUSED: [string, RegExp][] = [
  ['ALTER TABLE patterns DISABLE ROW LEVEL SECURITY', /must be owner/],
  ['ALTER TABLE patterns NO FORCE ROW LEVEL SECURITY', /must be owner/],
  ['DROP POLICY patterns_current ON patterns', /must be owner/],
  ['ALTER TABLE patterns ADD COLUMN note text', /must be owner/],
  ['DROP TABLE patterns', /must be owner/],
  ['TRUNCATE patterns', /permission denied/],
  ['CREATE TABLE mine (id int)', /permission denied for schema public/],
  ['UPDATE users SET is_platform_admin = true', /permission denied/],
  ['DELETE FROM users', /permission denied/],
  // It may read which migrations are applied (readiness), never change them.
  ['DELETE FROM schema_migrations', /permission denied/],
  ["INSERT INTO schema_migrations (version, name) VALUES (999, '999-mine.sql')", /permission denied/],
  ['ALTER ROLE journey_app BYPASSRLS', /permission denied|must be superuser/],
];

describe.each(ENGINES)('the app role on %s', (engine) => {
  let database: TestDatabase;
  let db: Db;
  let ids: Awaited<ReturnType<typeof twoOrganizations>>;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    db = await database.open();
    ids = await twoOrganizations(db);
  });
  afterAll(() => database?.drop());

  it.each(REFUSED)('cannot %s', async (sql, error) => {
    await expect(db.forOrg(ids.acme, (tx) => tx.query(sql))).rejects.toThrow(error);
  });

  it('cannot turn row security off for itself: the query fails instead of showing every row', async () => {
    const everything = db.transaction(async (tx) => {
      await tx.query('SET LOCAL row_security = off');
      return tx.query('SELECT * FROM patterns');
    });
    await expect(everything).rejects.toThrow(/row-level security/);
  });

  it('still has every table and policy afterwards', async () => {
    expect(await db.forOrg(ids.acme, (tx) => tx.query('SELECT trigger FROM patterns ORDER BY trigger'))).toEqual([
      { trigger: 'hello' },
      { trigger: 'price' },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PasswordHasher } from '../src/server/auth/passwords';
import { loadConfig } from '../src/server/config';
import type { Db } from '../src/server/db';
import { createServer } from '../src/server/server';
import { readStage3, upgradeFromStage3 } from '../src/server/upgrade/from-stage-3';
import { freshDatabase, type TestDatabase } from './databases';
import { ENGINES, PASSWORD, TEST_BCRYPT_COST, call, ownerQuery, sessionCookieOf, tempDataDir } from './helpers';
import { addStage3Pattern, stage3Database } from './stage-3-data';

const counts = async (db: Db) =>
  Object.fromEntries(
    await Promise.all(
      ['users', 'organizations', 'memberships', 'patterns', 'migrated_rows'].map(async (table) => [
        table,
        Number((await ownerQuery<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`))[0]!.n),
      ]),
    ),
  );

describe.each(ENGINES)('migrate:from-stage-3 into %s', (engine) => {
  let database: TestDatabase;
  let db: Db;
  let source: ReturnType<typeof stage3Database>;
  beforeAll(async () => {
    database = await freshDatabase(engine);
    db = await database.open();
    const passwordHash = await new PasswordHasher(TEST_BCRYPT_COST).hash(PASSWORD);
    source = stage3Database(tempDataDir(), [
      { email: 'ada@example.com', passwordHash, patterns: [['hello', 'hi from Ada'], ['my name is {name}', 'Hi {name}']] },
      { email: 'bob@example.com', passwordHash, patterns: [['hello', 'hi from Bob']] },
    ]);
  });
  afterAll(() => database?.drop());

  it('a dry run reports what it would do and writes nothing', async () => {
    const before = await counts(db);
    const report = await upgradeFromStage3(db, readStage3(source.file), { dryRun: true });
    expect(report).toEqual({
      users: { found: 2, copied: 2, alreadyMigrated: 0, emailTaken: [] },
      patterns: { found: 3, copied: 3, alreadyMigrated: 0 },
      dryRun: true,
    });
    expect(await counts(db)).toEqual(before);
  });

  it('each user gets a personal organization holding their patterns, taught by them', async () => {
    const report = await upgradeFromStage3(db, readStage3(source.file));
    expect(report.users.copied).toBe(2);
    expect(report.patterns.copied).toBe(3);
    const rows = await ownerQuery<{ email: string; role: string; triggers: string[] }>(
      db,
      `SELECT u.email, m.role, array_agg(p.trigger ORDER BY p.created_at) AS triggers
         FROM users u JOIN memberships m ON m.user_id = u.id JOIN patterns p ON p.org_id = m.org_id AND p.created_by = u.id
        GROUP BY u.email, m.role ORDER BY u.email`,
    );
    expect(rows).toEqual([
      { email: 'ada@example.com', role: 'owner', triggers: ['hello', 'my name is {name}'] },
      { email: 'bob@example.com', role: 'owner', triggers: ['hello'] },
    ]);
    const [ada] = await ownerQuery<{ id: string }>(db, "SELECT id FROM users WHERE email = 'ada@example.com'");
    expect(ada!.id).toBe(source.ids['ada@example.com']); // same id as in stage 3
  });

  it('is idempotent: a second run copies nothing, a third only what stage 3 gained since', async () => {
    const before = await counts(db);
    const again = await upgradeFromStage3(db, readStage3(source.file));
    expect(again.users).toMatchObject({ copied: 0, alreadyMigrated: 2 });
    expect(again.patterns).toMatchObject({ copied: 0, alreadyMigrated: 3 });
    expect(await counts(db)).toEqual(before);

    addStage3Pattern(source.db, source.ids['bob@example.com']!, 'taught later', 'still carried');
    const third = await upgradeFromStage3(db, readStage3(source.file));
    expect(third.patterns).toMatchObject({ copied: 1, alreadyMigrated: 3 });
  });

  it('a stage-3 user whose email already has a stage-4 account is left out, and named', async () => {
    await db.query("INSERT INTO users (email, password_hash) VALUES ('carol@example.com', 'x')");
    const withCarol = stage3Database(tempDataDir(), [{ email: 'carol@example.com', passwordHash: 'y', patterns: [['a', 'b']] }]);
    const report = await upgradeFromStage3(db, readStage3(withCarol.file));
    expect(report.users).toEqual({ found: 1, copied: 0, alreadyMigrated: 0, emailTaken: ['carol@example.com'] });
    expect(report.patterns.copied).toBe(0);
  });

  it('refuses a file that is not a stage-3 database', () => {
    const notStage3 = `${tempDataDir()}/empty.sqlite`;
    expect(() => readStage3(notStage3)).toThrow(/Cannot open|not a stage-3 database/);
  });

  it('a migrated user logs in with their stage-3 password and chats with their patterns', async () => {
    await db.close();
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: database.where.dataDir === 'unused' ? tempDataDir() : database.where.dataDir, ...(database.where.databaseUrl ? { DATABASE_URL: database.where.databaseUrl } : {}) });
    const server = await createServer(config, { hasher: new PasswordHasher(TEST_BCRYPT_COST) });
    try {
      const url = (await server.start()).replace('localhost', '127.0.0.1');
      const login = await call(url, 'POST', '/api/auth/login', { email: 'ada@example.com', password: PASSWORD });
      expect(login.status).toBe(200);
      const session = { user: login.json.user, cookie: sessionCookieOf(login.headers) };
      const chat = await call(url, 'POST', '/api/chat', { message: 'my name is Grace' }, { session });
      expect(chat.json.reply.text).toBe('Hi Grace');
    } finally {
      await server.stop();
      db = await database.open();
    }
  });
});

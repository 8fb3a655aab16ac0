import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath } from '../src/server/db';
import { EXAMPLE_PATTERNS } from '../src/server/examples';
import { PASSWORD, clientFor, signUp, startTestServer, tempDataDir as newTempDir, uniqueEmail, type TestServer } from './helpers';
import { migrateCommand, stage2Database as stage2DatabaseIn } from './stage-2-data';

const stage2Database = (triggers: string[]) => stage2DatabaseIn(tempDataDir(), triggers);

let server: TestServer | undefined;
const dirs: string[] = [];
/** A temporary folder, removed after the test. */
const tempDataDir = () => {
  const dir = newTempDir();
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await server?.close();
  server = undefined;
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

describe('pnpm migrate:from-stage-2', () => {
  it('gives every stage-2 pattern to the owner, who sees all of them after logging in; a second run changes nothing', async () => {
    const source = stage2Database(['opening hours', 'where is the office', 'who made you']);
    const stage2Count = (new Database(source, { readonly: true }).prepare('SELECT count(*) FROM patterns').pluck().get()) as number;
    expect(stage2Count).toBe(3);

    const dataDir = tempDataDir();
    server = await startTestServer({ dataDir });
    const owner = await server.signUp(uniqueEmail('owner'));
    const bystander = server; // its own user is another stage-3 user, who must get nothing
    await server.close();
    server = undefined;

    const first = migrateCommand(dataDir, ['--db', source, '--owner', owner.session.user.email]);
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain(`Found ${stage2Count} pattern(s) in the stage-2 database.`);
    expect(first.out).toContain(`${stage2Count} pattern(s) copied to ${owner.session.user.email}; 0 skipped`);

    server = await startTestServer({ dataDir });
    const login = await server.anonymous.api('POST', '/api/auth/login', { email: owner.session.user.email, password: PASSWORD });
    expect(login.status).toBe(200);
    const ownerClient = clientFor(server.url, owner.session);
    const { patterns } = (await ownerClient.api('GET', '/api/patterns')).json;
    const migrated = ['opening hours', 'where is the office', 'who made you'];
    expect(patterns.map((p: { trigger: string }) => p.trigger)).toEqual(expect.arrayContaining(migrated));
    expect(patterns).toHaveLength(EXAMPLE_PATTERNS.length + stage2Count); // the examples it got at signup, and stage 2's
    expect((await ownerClient.api('POST', '/api/chat', { message: 'opening hours' })).json.reply.text).toBe('answer to opening hours');
    const bystanders = (await clientFor(server.url, bystander.session).api('GET', '/api/patterns')).json.patterns;
    expect(bystanders.map((p: { trigger: string }) => p.trigger)).not.toContain('opening hours');

    // The owner deletes one; running the command again neither duplicates nor brings it back.
    const openingHours = patterns.find((p: { trigger: string }) => p.trigger === 'opening hours');
    await ownerClient.api('DELETE', `/api/patterns/${openingHours.id}`);
    const before = server.db.prepare('SELECT * FROM patterns ORDER BY id').all();
    const second = migrateCommand(dataDir, ['--db', source, '--owner', owner.session.user.email]);
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain(`0 pattern(s) copied to ${owner.session.user.email}; ${stage2Count} skipped (migrated before)`);
    expect(server.db.prepare('SELECT * FROM patterns ORDER BY id').all()).toEqual(before);
  });

  it('--dry-run says what it would do and writes nothing', async () => {
    const source = stage2Database(['just looking']);
    server = await startTestServer();
    const before = server.db.prepare('SELECT count(*) FROM patterns').pluck().get();
    const run = migrateCommand(server.dataDir, ['--db', source, '--owner', server.session.user.email, '--dry-run']);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toMatch(/pattern\(s\) would be copied to/);
    expect(run.out).toContain('Dry run: nothing was written.');
    expect(server.db.prepare('SELECT count(*) FROM patterns').pluck().get()).toBe(before);
    expect(server.db.prepare('SELECT count(*) FROM migrated_rows').pluck().get()).toBe(0);
  });

  it('creates nothing silently: an unknown owner is refused, unless --create says so', async () => {
    const source = stage2Database(['for the new owner']);
    const dataDir = tempDataDir();
    const email = uniqueEmail('later');
    const refused = migrateCommand(dataDir, ['--db', source, '--owner', email]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`No stage-3 user has the email ${email}. Sign up first, or pass --create.`);

    const created = migrateCommand(dataDir, ['--db', source, '--owner', email, '--create']);
    expect(created.code, created.out).toBe(0);
    expect(created.out).toContain(`Owner: ${email} — created`);
    const db = new Database(databasePath(dataDir), { readonly: true });
    const owner = db.prepare('SELECT id, password_hash FROM users WHERE email = ?').get(email) as { id: string; password_hash: string };
    expect(owner.password_hash).toMatch(/^\$2[aby]\$12\$/); // a random password nobody knows, at full cost
    expect(db.prepare('SELECT trigger FROM patterns WHERE user_id = ?').pluck().all(owner.id)).toEqual(['for the new owner']);
    db.close();
  });

  it('refuses what is not a stage-2 database, and bad arguments, with a message', async () => {
    const dataDir = tempDataDir();
    const stage3 = databasePath(dataDir);
    await signUp((server = await startTestServer({ dataDir })).url); // makes dataDir a stage-3 database
    expect(existsSync(stage3)).toBe(true);
    const other = tempDataDir();
    const cases: [string[], RegExp][] = [
      [['--db', stage3], /--owner is required/],
      [['--db', stage3, '--owner', 'not-an-email'], /--owner must be an email address/],
      [['--db', join(other, 'missing.sqlite'), '--owner', 'a@example.com'], /No file at/],
      [['--db', stage3, '--owner', 'a@example.com'], /stage 3’s own database/],
    ];
    for (const [args, message] of cases) {
      const run = migrateCommand(dataDir, args);
      expect(run.code, run.out).toBe(1);
      expect(run.out).toMatch(message);
    }
    const copy = join(other, 'copy.sqlite');
    await server.db.backup(copy);
    const stage3Copy = migrateCommand(tempDataDir(), ['--db', copy, '--owner', 'a@example.com']);
    expect(stage3Copy.code).toBe(1);
    expect(stage3Copy.out).toMatch(/is already a stage-3 database/);
  });
});

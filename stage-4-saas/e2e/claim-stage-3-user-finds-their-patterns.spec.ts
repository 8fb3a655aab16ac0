import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import bcrypt from 'bcryptjs';
import { test, expect } from '@journey/testkit';
import { stage3Database } from '../test/stage-3-data';
import { ownServer } from './own-server';
import { logIn, PASSWORD, say, triggers } from './page-actions';

/**
 * Someone who used stage 3 moves up: the operator runs the real command on a stage-3 database file,
 * starts stage 4, and the person signs in with the email and password they had, to find what they
 * taught in an organization of their own, answering in chat. Another stage-3 user's patterns went
 * to that user's organization, not here.
 */
const ADA = 'ada.stage3@example.com';
const ADAS = [
  ['what is the wifi password', 'It is on the fridge, under the cat magnet'],
  ['my dog is called {name}', 'Give {name} a pat from me!'],
] as const;

let migrateOutput = '';
const server = ownServer('stage-4-e2e-migrated-', {
  // Before stage 4 first starts: its embedded database (PGlite in DATA_DIR) receives stage 3's users.
  before: async (dataDir) => {
    // Hashed at stage 3's cost (12), as stage 3 stored them.
    const passwordHash = await bcrypt.hash(PASSWORD, 12);
    const { file, db } = stage3Database(mkdtempSync(join(tmpdir(), 'stage-3-e2e-source-')), [
      { email: ADA, passwordHash, patterns: ADAS.map(([trigger, response]) => [trigger, response]) },
      { email: 'bob.stage3@example.com', passwordHash, patterns: [['where are the spare keys', 'In the blue box']] },
    ]);
    db.close();
    // Bounded, so a command that hangs fails here with what it printed, not as the hook's timeout.
    const run = await promisify(execFile)('pnpm', ['--filter', 'stage-4', 'migrate:from-stage-3', '--db', file], {
      env: { ...process.env, DATA_DIR: dataDir },
      timeout: 60_000,
    });
    migrateOutput = run.stdout;
  },
});

test('a stage-3 user, migrated by the real command, signs in with their old password and finds their patterns', async ({ page }) => {
  expect(migrateOutput).toContain('Found 2 user(s) and 3 pattern(s) in the stage-3 database.');
  expect(migrateOutput).toContain('3 pattern(s) copied');

  await logIn(page, ADA, PASSWORD, server.url());
  // Their own patterns, and only those: no stage-4 examples added, nothing lost.
  await expect(triggers(page)).toHaveCount(ADAS.length);
  for (const [trigger] of ADAS) await expect(triggers(page).filter({ hasText: trigger })).toHaveCount(1);
  await expect(page.getByText('where are the spare keys')).toHaveCount(0); // Bob's went to Bob's organization

  await expect((await say(page, 'What is the wifi password?')).locator('.bubble')).toHaveText('It is on the fridge, under the cat magnet');
  await expect((await say(page, 'my dog is called Rex')).locator('.bubble')).toHaveText('Give Rex a pat from me!');
});

import { test, expect } from '@journey/testkit';
import { freshDatabase, type TestDatabase } from '../test/databases';
import { ownServer } from './own-server';
import { logIn, say, signUp, teach, triggers, unique, uniqueEmail } from './page-actions';

/**
 * The limit of stage 4: it runs as one process. Each process keeps its organizations' engines in
 * memory and hears only about its own writes, so a second instance on the same database goes on
 * answering from the engine it built before, until it restarts. Stage 5 keeps the instances' engines
 * fresh together, and this fails then: instance B answers at once.
 */
const FALLBACK = "I don't know that one yet. Teach me with the form!";

// One PostgreSQL database of this spec's own, made before both instances start and dropped after.
let database: TestDatabase;
test.beforeAll(async () => {
  database = await freshDatabase('postgres');
});
test.afterAll(() => database?.drop());

// Two instances of the same app, as behind a load balancer: one database, one session key.
const sameApp = () => ({ DATABASE_URL: database.where.databaseUrl!, JWT_SECRET: 'two instances, one key: 32 bytes or more of it' });
const instanceA = ownServer('stage-4-e2e-instance-a-', { env: sameApp });
const instanceB = ownServer('stage-4-e2e-instance-b-', { env: sameApp });

test('a pattern taught on instance A is unknown to instance B, though in the database, until B restarts', async ({ page, browser }) => {
  const trigger = unique('when is the office party');
  const email = uniqueEmail('ada');

  // Ada in one browser on instance A, and in another on instance B.
  await signUp(page, email, undefined, instanceA.url());
  const other = await browser.newContext();
  const onB = await other.newPage();
  await logIn(onB, email, undefined, instanceB.url());
  // B has chatted for the organization already, so its engine for it is built and kept.
  await expect((await say(onB, trigger)).locator('.bubble')).toHaveText(FALLBACK);

  // Taught on A: A knows it at once.
  await teach(page, trigger, 'Friday at six, on the roof');
  await expect((await say(page, trigger)).locator('.bubble')).toHaveText('Friday at six, on the roof');

  // B lists it (the list is read from the database), but B's chat still answers from its old engine.
  await onB.reload();
  await expect(triggers(onB).filter({ hasText: trigger })).toHaveCount(1);
  await expect((await say(onB, trigger)).locator('.bubble')).toHaveText(FALLBACK);

  // Restarted, B builds the engine again from the database, and knows it.
  expect(await instanceB.stop()).toBe(0);
  await instanceB.start();
  await onB.reload();
  await expect((await say(onB, trigger)).locator('.bubble')).toHaveText('Friday at six, on the roof');
  await other.close();
});

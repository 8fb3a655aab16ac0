/**
 * `pnpm --filter stage-5 analytics:seed`: 10 million usage events (ANALYTICS_EVENTS) over 90 days,
 * for 100 organizations of 20 patterns each, into a fresh PostgreSQL database
 * (ANALYTICS_DATABASE_URL), then the daily rollups built from them. The events are generated in
 * SQL (generate_series), not sent row by row. `bench:analytics` reads the result.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rebuildRollups, seedEvents } from '../src/server/analytics/seed-events';
import { ANALYTICS_DATABASE_URL, SEED_ORG_PREFIX, asOwner, openAnalyticsDb, ownerStatement, recreateDatabase } from './analytics-db';

const EVENTS = Number(process.env.ANALYTICS_EVENTS ?? 10_000_000);
const ORGS = 100;
const PATTERNS_PER_ORG = 20;
const DAYS = 90;

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

const dataDir = mkdtempSync(join(tmpdir(), 'analytics-seed-'));
await recreateDatabase();
const db = await openAnalyticsDb(dataDir);
try {
  const started = performance.now();
  const orgs = await asOwner(db, async (tx) => {
    await tx.query(`INSERT INTO users (email, password_hash) SELECT 'seed-' || i || '@example.com', 'no-login' FROM generate_series(1, $1) i`, [ORGS]);
    await tx.query(`INSERT INTO organizations (name, slug, plan) SELECT $2 || i, 'seed-' || i, 'enterprise' FROM generate_series(1, $1) i`, [ORGS, SEED_ORG_PREFIX]);
    await tx.query(
      `INSERT INTO memberships (user_id, org_id, role)
       SELECT u.id, o.id, 'owner' FROM users u JOIN organizations o ON o.slug = 'seed-' || split_part(split_part(u.email, '@', 1), '-', 2)`,
    );
    await tx.query(
      `INSERT INTO patterns (org_id, created_by, trigger, response)
       SELECT m.org_id, m.user_id, 'topic ' || i, 'answer ' || i FROM memberships m, generate_series(1, $1) i`,
      [PATTERNS_PER_ORG],
    );
    return tx.query<{ orgId: string; userId: string }>(`SELECT org_id AS "orgId", user_id AS "userId" FROM memberships ORDER BY org_id`);
  });
  console.log(`${ORGS} organizations, ${ORGS * PATTERNS_PER_ORG} patterns: ${seconds(started)} s`);

  const eventsStarted = performance.now();
  // A bulk load: the foreign-key triggers are skipped (the rows just came from those tables).
  await asOwner(db, async (tx) => {
    await tx.query("SET LOCAL session_replication_role = 'replica'");
    await seedEvents(tx, orgs, EVENTS, DAYS);
  });
  console.log(`${EVENTS.toLocaleString('en')} usage events over ${DAYS} days (one INSERT … SELECT generate_series): ${seconds(eventsStarted)} s`);

  const rollupsStarted = performance.now();
  await asOwner(db, (tx) => rebuildRollups(tx, orgs.map((o) => o.orgId)));
  // VACUUM (outside a transaction) marks the pages all-visible, for index-only scans; autovacuum does it in production.
  await ownerStatement('VACUUM ANALYZE usage_daily, pattern_daily, unanswered_daily, usage_events');
  const [rows] = await asOwner(db, (tx) =>
    tx.query<{ daily: number; patterns: number; unanswered: number }>(
      `SELECT (SELECT count(*) FROM usage_daily)::int AS daily, (SELECT count(*) FROM pattern_daily)::int AS patterns,
              (SELECT count(*) FROM unanswered_daily)::int AS unanswered`,
    ),
  );
  console.log(`rollups built (${rows!.daily} daily, ${rows!.patterns} pattern, ${rows!.unanswered} question rows): ${seconds(rollupsStarted)} s`);
  console.log(`seeded ${ANALYTICS_DATABASE_URL} in ${seconds(started)} s`);
} finally {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}

import type { Queryable } from '../db';

/**
 * Synthetic usage for benchmarks and tests, as the database owner: `count` events spread over the
 * organizations given (each with its user) and the last `days` days, generated inside PostgreSQL
 * by one INSERT … SELECT over generate_series (millions of rows in seconds, no round trip per
 * row). Of every ten events, eight are chats, one a teach, one an API call; a quarter of the chats
 * fall back, with one of 41 questions; the others are answered by one of the organization's patterns.
 */
export async function seedEvents(owner: Queryable, orgs: { orgId: string; userId: string }[], count: number, days: number): Promise<void> {
  await owner.query(
    `WITH orgs AS MATERIALIZED ( -- once, not per event
       SELECT o.i, o.org_id, o.user_id, (SELECT array_agg(p.id ORDER BY p.seq) FROM patterns p WHERE p.org_id = o.org_id) AS patterns
         FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS o (org_id, user_id, i)
     ), events AS (
       SELECT g % $3 + 1 AS i, g / $3 AS r FROM generate_series(0, $4::bigint - 1) AS g
     ), shaped AS (
       SELECT o.org_id, o.user_id, o.patterns, e.r,
              CASE e.r % 10 WHEN 7 THEN 'teach' WHEN 8 THEN 'api_call' ELSE 'chat' END AS kind,
              e.r % 10 NOT IN (7, 8) AND (e.r / 10) % 4 = 0 AS fell_back
         FROM events e JOIN orgs o USING (i)
     )
     INSERT INTO usage_events (org_id, user_id, kind, tokens, pattern_id, fell_back, question, created_at)
     SELECT org_id, user_id, kind, 8,
            CASE WHEN kind = 'chat' AND NOT fell_back THEN patterns[1 + r % cardinality(patterns)] END,
            fell_back,
            CASE WHEN fell_back THEN 'question number ' || (r * 7) % 41 END,
            now() - ((r * 7919) % ($5 * 86400)) * interval '1 second'
       FROM shaped`,
    [orgs.map((o) => o.orgId), orgs.map((o) => o.userId), orgs.length, count, days],
  );
}

/**
 * Rebuilds the daily rollups of these organizations from their raw events: after a bulk load, which
 * bypasses the per-event upsert (usage-repo.ts record), or to repair them. Owner only.
 */
export async function rebuildRollups(owner: Queryable, orgIds: string[]): Promise<void> {
  const day = "(created_at AT TIME ZONE 'UTC')::date";
  for (const table of ['usage_daily', 'pattern_daily', 'unanswered_daily']) await owner.query(`DELETE FROM ${table} WHERE org_id = ANY($1)`, [orgIds]);
  await owner.query(
    `INSERT INTO usage_daily (org_id, day, kind, user_id, api_key_id, count, fallbacks)
     SELECT org_id, ${day}, kind, user_id, api_key_id, count(*), count(*) FILTER (WHERE fell_back)
       FROM usage_events WHERE org_id = ANY($1) GROUP BY 1, 2, 3, 4, 5`,
    [orgIds],
  );
  await owner.query(
    `INSERT INTO pattern_daily (org_id, day, pattern_id, count)
     SELECT org_id, ${day}, pattern_id, count(*) FROM usage_events
      WHERE org_id = ANY($1) AND pattern_id IS NOT NULL GROUP BY 1, 2, 3`,
    [orgIds],
  );
  await owner.query(
    `INSERT INTO unanswered_daily (org_id, day, question, count)
     SELECT org_id, ${day}, question, count(*) FROM usage_events
      WHERE org_id = ANY($1) AND question IS NOT NULL GROUP BY 1, 2, 3`,
    [orgIds],
  );
}

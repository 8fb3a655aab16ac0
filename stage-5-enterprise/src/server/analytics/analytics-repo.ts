import type { Queryable } from '../db';

/**
 * The only module that speaks SQL about analytics. It reads the daily rollups (migrations/014),
 * never usage_events: a 90-day dashboard sums at most a few hundred small rows, however many
 * millions of events sit behind them. Every function takes a transaction acting for the
 * organization (db.forOrg) and says `org_id = $1` as well; `from` is the first UTC day shown.
 */
export const analyticsRepo = {
  /** Chats (and how many fell back), teaches, imports and API calls per day; days without use are absent. */
  perDay: (tx: Queryable, orgId: string, from: string) =>
    tx.query<{ day: string; chats: number; fallbacks: number; teaches: number; imports: number; apiCalls: number }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day,
              coalesce(sum(count) FILTER (WHERE kind = 'chat'), 0)::int AS chats,
              coalesce(sum(fallbacks) FILTER (WHERE kind = 'chat'), 0)::int AS fallbacks,
              coalesce(sum(count) FILTER (WHERE kind = 'teach'), 0)::int AS teaches,
              coalesce(sum(count) FILTER (WHERE kind = 'import'), 0)::int AS imports,
              coalesce(sum(count) FILTER (WHERE kind = 'api_call'), 0)::int AS "apiCalls"
         FROM usage_daily WHERE org_id = $1 AND day >= $2::date
        GROUP BY day ORDER BY day`,
      [orgId, from],
    ),

  /** The questions no pattern answered, most asked first. */
  unanswered: (tx: Queryable, orgId: string, from: string, limit: number) =>
    tx.query<{ question: string; count: number }>(
      `SELECT question, sum(count)::int AS count FROM unanswered_daily
        WHERE org_id = $1 AND day >= $2::date
        GROUP BY question ORDER BY count DESC, question LIMIT $3::int`,
      [orgId, from, limit],
    ),

  /** The patterns that answered most; a deleted pattern's trigger is null. */
  topPatterns: (tx: Queryable, orgId: string, from: string, limit: number) =>
    tx.query<{ patternId: string; trigger: string | null; count: number }>(
      `SELECT t.pattern_id AS "patternId", p.trigger, t.count
         FROM (SELECT pattern_id, sum(count)::int AS count FROM pattern_daily
                WHERE org_id = $1 AND day >= $2::date GROUP BY pattern_id ORDER BY count DESC, pattern_id LIMIT $3::int) t
         LEFT JOIN patterns p ON p.id = t.pattern_id AND p.org_id = $1
        ORDER BY t.count DESC, t.pattern_id`,
      [orgId, from, limit],
    ),

  /** What each member (by email) and each API key (by name) did; a removed one's label is null. */
  activity: (tx: Queryable, orgId: string, from: string, limit: number) =>
    tx.query<{ kind: 'member' | 'key'; label: string | null; chats: number; teaches: number; imports: number; apiCalls: number }>(
      `SELECT CASE WHEN a.user_id IS NOT NULL THEN 'member' ELSE 'key' END AS kind,
              coalesce(u.email, k.name) AS label, a.chats, a.teaches, a.imports, a."apiCalls"
         FROM (SELECT user_id, api_key_id,
                      coalesce(sum(count) FILTER (WHERE kind = 'chat'), 0)::int AS chats,
                      coalesce(sum(count) FILTER (WHERE kind = 'teach'), 0)::int AS teaches,
                      coalesce(sum(count) FILTER (WHERE kind = 'import'), 0)::int AS imports,
                      coalesce(sum(count) FILTER (WHERE kind = 'api_call'), 0)::int AS "apiCalls"
                 FROM usage_daily WHERE org_id = $1 AND day >= $2::date AND (user_id IS NOT NULL OR api_key_id IS NOT NULL)
                GROUP BY user_id, api_key_id) a
         LEFT JOIN users u ON u.id = a.user_id
         LEFT JOIN api_keys k ON k.id = a.api_key_id AND k.org_id = $1
        ORDER BY a.chats + a.teaches + a.imports + a."apiCalls" DESC, label LIMIT $3::int`,
      [orgId, from, limit],
    ),
};

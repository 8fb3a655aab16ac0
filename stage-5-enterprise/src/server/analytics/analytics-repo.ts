import type { Queryable } from '../db';
import type { Analytics } from '../../shared/api';

/**
 * The dashboard's four lists, each a SELECT (and the order it lists its rows in, kept in the JSON
 * array below) over the daily rollups (migrations/014), never
 * usage_events: a 90-day dashboard sums a few thousand index entries, however many millions of
 * events sit behind them. $1 is the organization (RLS walls it too), $2 the first UTC day shown.
 */
const LISTS = {
  /** Chats (and how many fell back), teaches, imports and API calls per day; days without use are absent. */
  perDay: [
    `SELECT to_char(day, 'YYYY-MM-DD') AS day,
                  coalesce(sum(count) FILTER (WHERE kind = 'chat'), 0)::int AS chats,
                  coalesce(sum(fallbacks) FILTER (WHERE kind = 'chat'), 0)::int AS fallbacks,
                  coalesce(sum(count) FILTER (WHERE kind = 'teach'), 0)::int AS teaches,
                  coalesce(sum(count) FILTER (WHERE kind = 'import'), 0)::int AS imports,
                  coalesce(sum(count) FILTER (WHERE kind = 'api_call'), 0)::int AS "apiCalls"
             FROM usage_daily WHERE org_id = $1 AND day >= $2::date
            GROUP BY day`,
    'l.day',
  ],

  /** The 20 questions no pattern answered, most asked first. */
  unanswered: [
    `SELECT question, sum(count)::int AS count FROM unanswered_daily
                WHERE org_id = $1 AND day >= $2::date
                GROUP BY question ORDER BY count DESC, question LIMIT 20`,
    'l.count DESC, l.question',
  ],

  /** The 20 patterns that answered most; a deleted pattern's trigger is null. */
  topPatterns: [
    `SELECT t.pattern_id AS "patternId", p.trigger, t.count
                  FROM (SELECT pattern_id, sum(count)::int AS count FROM pattern_daily
                         WHERE org_id = $1 AND day >= $2::date GROUP BY pattern_id ORDER BY count DESC, pattern_id LIMIT 20) t
                  LEFT JOIN patterns p ON p.id = t.pattern_id AND p.org_id = $1`,
    'l.count DESC, l."patternId"',
  ],

  /** What each member (by email) and each API key (by name) did, busiest first; a removed one's label is null. */
  activity: [
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
              ORDER BY a.chats + a.teaches + a.imports + a."apiCalls" DESC, label LIMIT 100`,
    'l.chats + l.teaches + l.imports + l."apiCalls" DESC, l.label',
  ],
} as const;

type Lists = Pick<Analytics, 'perDay' | 'unanswered' | 'topPatterns' | 'activity'>;

/** The only module that speaks SQL about analytics. Takes a transaction acting for the organization (db.forOrg). */
export const analyticsRepo = {
  /**
   * All four lists in one statement, each a JSON array: one round trip instead of four, which is
   * most of a request's time once the reads are index-only.
   */
  lists: async (tx: Queryable, orgId: string, from: string): Promise<Lists> =>
    (
      await tx.query<Lists>(
        `SELECT ${Object.entries(LISTS)
          .map(([name, [sql, order]]) => `(SELECT coalesce(json_agg(l ORDER BY ${order}), '[]') FROM (${sql}) l) AS "${name}"`)
          .join(',\n')}`,
        [orgId, from],
      )
    )[0]!,
};

import type { Queryable } from './db';
import type { BillingState } from './billing/plans';

export type UsageKind = 'chat' | 'teach' | 'import' | 'api_call';

export type Standing = BillingState & { suspendedAt: Date | null; suspendReason: string | null; patternsVersion: number };
/** What a chat did, for analytics: the pattern that answered, or (none did) the question, normalized. */
export type ChatOutcome = { patternId: string; question: null } | { patternId: null; question: string };

/**
 * The only module that speaks SQL about usage. Every function takes a transaction acting for the
 * organization (db.forOrg) and says `org_id = $1` as well.
 */
export const usageRepo = {
  /**
   * The plan paid for, the payment status and any suspension, read in the transaction that enforces
   * them; and the patterns version, which the chat checks its engine against in the same read.
   */
  standing: async (tx: Queryable, orgId: string): Promise<Standing> => {
    const [row] = await tx.query<Omit<Standing, 'patternsVersion'> & { patternsVersion: string }>(
      `SELECT plan, billing_status AS "billingStatus", past_due_since AS "pastDueSince",
              suspended_at AS "suspendedAt", suspend_reason AS "suspendReason", patterns_version AS "patternsVersion"
         FROM organizations WHERE id = $1`,
      [orgId],
    );
    return { ...row!, patternsVersion: Number(row!.patternsVersion) };
  },

  /**
   * Adds `count` to this month's counter, unless that would pass `allowed` (null: no limit). Returns
   * the new count, or undefined when refused. One statement: under concurrency, the row lock of
   * ON CONFLICT makes requests take turns, and each sees the count the one before it left.
   */
  async bump(tx: Queryable, orgId: string, period: string, kind: UsageKind, count: number, tokens: number, allowed: number | null) {
    const [row] = await tx.query<{ count: number }>(
      `INSERT INTO usage_counters AS c (org_id, period, kind, count, tokens)
            SELECT $1, $2, $3, $4, $5 WHERE $6::integer IS NULL OR $4 <= $6
       ON CONFLICT (org_id, period, kind)
       DO UPDATE SET count = c.count + excluded.count, tokens = c.tokens + excluded.tokens
             WHERE $6::integer IS NULL OR c.count + excluded.count <= $6
       RETURNING count`,
      [orgId, period, kind, count, tokens, allowed],
    );
    return row?.count;
  },

  /**
   * One event, and the daily rollups it adds to (migrations/014), in one statement: a single round
   * trip on the chat path. `chat` says which pattern answered, or the normalized question none did.
   */
  record: async (tx: Queryable, orgId: string, who: { userId?: string; keyId?: string }, kind: UsageKind, tokens: number, chat?: ChatOutcome): Promise<void> =>
    void (await tx.query(
      `WITH event AS (
         INSERT INTO usage_events (org_id, user_id, api_key_id, kind, tokens, pattern_id, fell_back, question)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING org_id, (created_at AT TIME ZONE 'UTC')::date AS day, user_id, api_key_id, kind, pattern_id, fell_back, question
       ), daily AS (
         INSERT INTO usage_daily AS d (org_id, day, kind, user_id, api_key_id, count, fallbacks)
         SELECT org_id, day, kind, user_id, api_key_id, 1, fell_back::int FROM event
         ON CONFLICT ON CONSTRAINT usage_daily_key DO UPDATE SET count = d.count + 1, fallbacks = d.fallbacks + excluded.fallbacks
       ), patterns AS (
         INSERT INTO pattern_daily AS p (org_id, day, pattern_id, count)
         SELECT org_id, day, pattern_id, 1 FROM event WHERE pattern_id IS NOT NULL
         ON CONFLICT (org_id, day, pattern_id) DO UPDATE SET count = p.count + 1
       )
       INSERT INTO unanswered_daily AS u (org_id, day, question, count)
       SELECT org_id, day, question, 1 FROM event WHERE question IS NOT NULL
       ON CONFLICT (org_id, day, question) DO UPDATE SET count = u.count + 1`,
      [orgId, who.userId ?? null, who.keyId ?? null, kind, tokens, chat?.patternId ?? null, chat ? chat.patternId === null : false, chat?.question ?? null],
    )),

  /** This month's counters, by kind (a kind with no row was not used). */
  counts: async (tx: Queryable, orgId: string, period: string): Promise<Partial<Record<UsageKind, number>>> =>
    Object.fromEntries(
      (await tx.query<{ kind: UsageKind; count: number }>('SELECT kind, count FROM usage_counters WHERE org_id = $1 AND period = $2', [orgId, period])).map(
        (row) => [row.kind, row.count],
      ),
    ),
};

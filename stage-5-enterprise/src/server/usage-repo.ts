import type { Queryable } from './db';
import type { BillingState } from './billing/plans';

export type UsageKind = 'chat' | 'teach' | 'import' | 'api_call';

export type Standing = BillingState & { suspendedAt: Date | null; suspendReason: string | null; patternsVersion: number };
/** What a chat did, for analytics: the pattern that answered, or (none did) the question, normalized. */
export type ChatOutcome = { patternId: string; question: null } | { patternId: null; question: string };

/** The organization's standing, as columns of `organizations o` (api-keys-repo reads them with a key). */
export const STANDING = `o.plan, o.billing_status AS "billingStatus", o.past_due_since AS "pastDueSince",
  o.suspended_at AS "suspendedAt", o.suspend_reason AS "suspendReason", o.patterns_version AS "patternsVersion"`;
export type StandingRow = Omit<Standing, 'patternsVersion'> & { patternsVersion: string | number };
export const standingOf = (row: StandingRow): Standing => ({
  plan: row.plan,
  billingStatus: row.billingStatus,
  pastDueSince: row.pastDueSince,
  suspendedAt: row.suspendedAt,
  suspendReason: row.suspendReason,
  patternsVersion: Number(row.patternsVersion),
});

/**
 * The `counted` CTE: this month's counter plus `count`, unless that would pass `allowed` (null: no
 * limit); it holds the new count, or no row when refused. Its values are parameters named by the
 * caller ($1, …).
 */
const counted = (org: string, period: string, kind: string, count: string, tokens: string, allowed: string) => `counted AS (
  INSERT INTO usage_counters AS c (org_id, period, kind, count, tokens)
       SELECT ${org}::uuid, ${period}::date, ${kind}::text, ${count}::integer, ${tokens}::bigint WHERE ${allowed}::integer IS NULL OR ${count} <= ${allowed}::integer
  ON CONFLICT (org_id, period, kind)
  DO UPDATE SET count = c.count + excluded.count, tokens = c.tokens + excluded.tokens
        WHERE ${allowed}::integer IS NULL OR c.count + excluded.count <= ${allowed}::integer
  RETURNING count)`;

/**
 * The `event` CTE and the daily rollups it adds to (migrations/014): one event per row of `times`,
 * with the values $1 org, $2 user, $3 key, $4 kind, $5 tokens, $6 pattern, $7 fell back, $8 question.
 */
const events = (times: string) => `event AS (
  INSERT INTO usage_events (org_id, user_id, api_key_id, kind, tokens, pattern_id, fell_back, question)
  SELECT $1::uuid, $2::uuid, $3::uuid, $4::text, $5::integer, $6::uuid, $7::boolean, $8::text FROM ${times}
  RETURNING org_id, (created_at AT TIME ZONE 'UTC')::date AS day, user_id, api_key_id, kind, pattern_id, fell_back, question
), daily AS (
  INSERT INTO usage_daily AS d (org_id, day, kind, user_id, api_key_id, count, fallbacks)
  SELECT org_id, day, kind, user_id, api_key_id, count(*), count(*) FILTER (WHERE fell_back) FROM event GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ON CONSTRAINT usage_daily_key DO UPDATE SET count = d.count + excluded.count, fallbacks = d.fallbacks + excluded.fallbacks
), patterns AS (
  INSERT INTO pattern_daily AS p (org_id, day, pattern_id, count)
  SELECT org_id, day, pattern_id, count(*) FROM event WHERE pattern_id IS NOT NULL GROUP BY 1, 2, 3
  ON CONFLICT (org_id, day, pattern_id) DO UPDATE SET count = p.count + excluded.count
), unanswered AS (
  INSERT INTO unanswered_daily AS u (org_id, day, question, count)
  SELECT org_id, day, question, count(*) FROM event WHERE question IS NOT NULL GROUP BY 1, 2, 3
  ON CONFLICT (org_id, day, question) DO UPDATE SET count = u.count + excluded.count
)`;

/**
 * The only module that speaks SQL about usage. Every function takes a transaction acting for the
 * organization (db.forOrg) and says `org_id = $1` as well.
 */
export const usageRepo = {
  /**
   * The plan paid for, the payment status and any suspension, read in the transaction that enforces
   * them; and the patterns version, which the chat checks its engine against in the same read.
   */
  standing: async (tx: Queryable, orgId: string): Promise<Standing> =>
    standingOf((await tx.query<StandingRow>(`SELECT ${STANDING} FROM organizations o WHERE o.id = $1`, [orgId]))[0]!),

  /**
   * Adds `count` to this month's counter, unless that would pass `allowed` (null: no limit). Returns
   * the new count, or undefined when refused. One statement: under concurrency, the row lock of
   * ON CONFLICT makes requests take turns, and each sees the count the one before it left.
   */
  async bump(tx: Queryable, orgId: string, period: string, kind: UsageKind, count: number, tokens: number, allowed: number | null) {
    const [row] = await tx.query<{ count: number }>(`WITH ${counted('$1', '$2', '$3', '$4', '$5', '$6')} SELECT count FROM counted`, [
      orgId,
      period,
      kind,
      count,
      tokens,
      allowed,
    ]);
    return row?.count;
  },

  /** `count` events (API calls arrive in batches: api-call-counter.ts) and the daily rollups they add to, in one statement. */
  record: async (tx: Queryable, orgId: string, who: { userId?: string; keyId?: string }, kind: UsageKind, tokens: number, count = 1): Promise<void> =>
    void (await tx.query(`WITH ${events('generate_series(1, $9::integer)')} SELECT 1`, [orgId, who.userId ?? null, who.keyId ?? null, kind, tokens, null, false, null, count])),

  /**
   * A chat's count and its event, in one statement: the month's counter is bumped unless the chat
   * would pass `allowed`, and the event (which pattern answered, or the normalized question none
   * did) is written only if it was. A refused chat writes nothing, so this statement can leave with
   * the transaction's COMMIT (tx.andCommit). Returns the new count, or undefined when refused.
   */
  async countChat(tx: Queryable, orgId: string, period: string, userId: string, tokens: number, allowed: number | null, outcome: ChatOutcome) {
    const [row] = await tx.query<{ count: number }>(
      `WITH ${counted('$1', '$9', '$4', '1', '$5', '$10')}, ${events('counted')} SELECT count FROM counted`,
      [orgId, userId, null, 'chat', tokens, outcome.patternId, outcome.patternId === null, outcome.question, period, allowed],
    );
    return row?.count;
  },

  /** This month's counters, by kind (a kind with no row was not used). */
  counts: async (tx: Queryable, orgId: string, period: string): Promise<Partial<Record<UsageKind, number>>> =>
    Object.fromEntries(
      (await tx.query<{ kind: UsageKind; count: number }>('SELECT kind, count FROM usage_counters WHERE org_id = $1 AND period = $2', [orgId, period])).map(
        (row) => [row.kind, row.count],
      ),
    ),
};

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
 * This month's counter ($1 organization, $2 month, $3 kind) plus $4 (and $5 tokens), unless that
 * would pass $6 (null: no limit). Returns the new count, or no row when refused.
 */
const BUMP = `INSERT INTO usage_counters AS c (org_id, period, kind, count, tokens)
     SELECT $1::uuid, $2::date, $3::text, $4::integer, $5::bigint WHERE $6::integer IS NULL OR $4::integer <= $6::integer
ON CONFLICT (org_id, period, kind)
DO UPDATE SET count = c.count + excluded.count, tokens = c.tokens + excluded.tokens
      WHERE $6::integer IS NULL OR c.count + excluded.count <= $6::integer
RETURNING count`;

/** One event to write, `times` over (a batch of API calls with one key is one entry). */
export interface UsageEvent {
  userId: string | null;
  keyId: string | null;
  kind: UsageKind;
  tokens: number;
  /** A chat's: the pattern that answered, or the question none did. */
  outcome?: ChatOutcome;
  at: Date;
  times: number;
}

/**
 * Events, and the daily rollups they add to (migrations/014), in one statement: $1 is the
 * organization, $2 to $10 arrays with an element per entry (unnest walks them side by side).
 */
const RECORD = `WITH event AS (
  INSERT INTO usage_events (org_id, user_id, api_key_id, kind, tokens, pattern_id, fell_back, question, created_at)
  SELECT $1::uuid, e.user_id, e.api_key_id, e.kind, e.tokens, e.pattern_id, e.fell_back, e.question, e.at
    FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::integer[], $6::uuid[], $7::boolean[], $8::text[], $9::timestamptz[], $10::integer[])
           AS e (user_id, api_key_id, kind, tokens, pattern_id, fell_back, question, at, times),
         generate_series(1, e.times)
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
)
SELECT 1`;

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
    const [row] = await tx.query<{ count: number }>(BUMP, [orgId, period, kind, count, tokens, allowed]);
    return row?.count;
  },

  /** Events (usage-batches.ts writes them a second at a time) and the daily rollups they add to. */
  async record(tx: Queryable, orgId: string, events: readonly UsageEvent[]): Promise<void> {
    if (events.length === 0) return;
    await tx.query(RECORD, [
      orgId,
      events.map((e) => e.userId),
      events.map((e) => e.keyId),
      events.map((e) => e.kind),
      events.map((e) => e.tokens),
      events.map((e) => e.outcome?.patternId ?? null),
      events.map((e) => e.outcome !== undefined && e.outcome.patternId === null),
      events.map((e) => e.outcome?.question ?? null),
      events.map((e) => e.at),
      events.map((e) => e.times),
    ]);
  },

  /** This month's counters, by kind (a kind with no row was not used). */
  counts: async (tx: Queryable, orgId: string, period: string): Promise<Partial<Record<UsageKind, number>>> =>
    Object.fromEntries(
      (await tx.query<{ kind: UsageKind; count: number }>('SELECT kind, count FROM usage_counters WHERE org_id = $1 AND period = $2', [orgId, period])).map(
        (row) => [row.kind, row.count],
      ),
    ),
};

import type { Queryable } from './db';
import type { BillingState } from './billing/plans';

export type UsageKind = 'chat' | 'teach' | 'import' | 'api_call';

export type Standing = BillingState & { suspendedAt: Date | null; suspendReason: string | null; patternsVersion: number };

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

  record: async (tx: Queryable, orgId: string, who: { userId?: string; keyId?: string }, kind: UsageKind, tokens: number): Promise<void> =>
    void (await tx.query('INSERT INTO usage_events (org_id, user_id, api_key_id, kind, tokens) VALUES ($1, $2, $3, $4, $5)', [
      orgId,
      who.userId ?? null,
      who.keyId ?? null,
      kind,
      tokens,
    ])),

  /** This month's counters, by kind (a kind with no row was not used). */
  counts: async (tx: Queryable, orgId: string, period: string): Promise<Partial<Record<UsageKind, number>>> =>
    Object.fromEntries(
      (await tx.query<{ kind: UsageKind; count: number }>('SELECT kind, count FROM usage_counters WHERE org_id = $1 AND period = $2', [orgId, period])).map(
        (row) => [row.kind, row.count],
      ),
    ),
};

import type { Queryable } from '../db';
import type { Plan } from './plans';

/** A subscription as Stripe (or demo billing) says it is now. */
export interface SubscriptionState {
  plan: Plan;
  /** Stripe's status: active, trialing, past_due, unpaid, canceled, incomplete, … */
  status: string;
  subscriptionId?: string;
  currentPeriodEnd?: Date;
}

/**
 * The only module that speaks SQL about subscriptions and Stripe events. Functions take a
 * transaction acting for the organization (db.forOrg), and say `org_id = $1` as well.
 */
export const subscriptionsRepo = {
  customerOf: async (tx: Queryable, orgId: string): Promise<string | undefined> =>
    (await tx.query<{ id: string | null }>('SELECT stripe_customer_id AS id FROM subscriptions WHERE org_id = $1', [orgId]))[0]?.id ?? undefined,

  saveCustomer: async (tx: Queryable, orgId: string, customerId: string): Promise<void> =>
    void (await tx.query(
      `INSERT INTO subscriptions (org_id, stripe_customer_id) VALUES ($1, $2)
       ON CONFLICT (org_id) DO UPDATE SET stripe_customer_id = excluded.stripe_customer_id`,
      [orgId, customerId],
    )),

  /**
   * Stores the state, and what it means for the organization: the plan it pays for (free once a
   * subscription has ended), and whether it is past due (since when: kept while it stays so).
   */
  async apply(tx: Queryable, orgId: string, state: SubscriptionState, paidPlan: Plan, pastDue: boolean): Promise<void> {
    await tx.query(
      `INSERT INTO subscriptions (org_id, stripe_subscription_id, status, plan, current_period_end, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (org_id) DO UPDATE SET
         stripe_subscription_id = coalesce(excluded.stripe_subscription_id, subscriptions.stripe_subscription_id),
         status = excluded.status, plan = excluded.plan, current_period_end = excluded.current_period_end, updated_at = now()`,
      [orgId, state.subscriptionId ?? null, state.status, state.plan, state.currentPeriodEnd ?? null],
    );
    await tx.query(
      `UPDATE organizations SET plan = $2,
              billing_status = CASE WHEN $3 THEN 'past_due' ELSE 'active' END,
              past_due_since = CASE WHEN $3 THEN coalesce(past_due_since, now()) END
        WHERE id = $1`,
      [orgId, paidPlan, pastDue],
    );
  },

  noteComp: async (tx: Queryable, orgId: string, reason: string): Promise<void> =>
    void (await tx.query('UPDATE organizations SET comp_reason = $2 WHERE id = $1', [orgId, reason])),

  /** True the first time an event id is seen. A second delivery of the same event waits for the
   * first one's transaction, then finds its row: it changes nothing. */
  firstDelivery: async (tx: Queryable, orgId: string, eventId: string, type: string): Promise<boolean> =>
    (await tx.query('INSERT INTO stripe_events (id, type, org_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id', [eventId, type, orgId]))
      .length > 0,
};

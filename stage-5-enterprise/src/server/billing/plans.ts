/**
 * What each plan allows an organization (DESIGN.md). null: unlimited. Prices are what the admin
 * panel's revenue figures use; Stripe's own prices (STRIPE_PRICE_PRO, …) are what customers pay.
 */
export const PLANS = {
  free: { patterns: 10, chatsPerMonth: 100, apiRequestsPerMinute: 60, monthlyPrice: 0 },
  pro: { patterns: 1_000, chatsPerMonth: 10_000, apiRequestsPerMinute: 600, monthlyPrice: 29 },
  enterprise: { patterns: null, chatsPerMonth: null, apiRequestsPerMinute: 6_000, monthlyPrice: 299 },
} as const satisfies Record<string, { patterns: number | null; chatsPerMonth: number | null; apiRequestsPerMinute: number; monthlyPrice: number }>;

export type Plan = keyof typeof PLANS;
export const PLAN_NAMES = Object.keys(PLANS) as Plan[];

/** What billing knows of an organization: the plan paid for, and whether its payments are up to date. */
export interface BillingState {
  plan: Plan;
  billingStatus: 'active' | 'past_due';
  pastDueSince: Date | null;
}

/** When a past-due organization loses its paid limits. */
export const graceEndsAt = (state: BillingState, graceDays: number): Date | null =>
  state.pastDueSince && new Date(state.pastDueSince.getTime() + graceDays * 86_400_000);

/**
 * The plan whose limits apply: the one paid for, until a payment has failed for longer than the
 * grace period; then the free plan's, until a payment succeeds. Nothing is deleted either way.
 */
export function effectivePlan(state: BillingState, now: Date, graceDays: number): Plan {
  const ends = graceEndsAt(state, graceDays);
  return state.billingStatus === 'past_due' && ends && ends <= now ? 'free' : state.plan;
}

/** The month usage is counted in: its first day, UTC ('2026-11-01'). */
export const periodOf = (now: Date): string => `${now.toISOString().slice(0, 7)}-01`;

import type { Meter } from './ops/metrics';
import { countTokens, type Reply } from '@journey/llm-core';
import type { Db, Queryable } from './db';
import { AppError } from './app-error';
import { PLANS, effectivePlan, graceEndsAt, periodOf, type Plan } from './billing/plans';
import { usageRepo as repo, type Standing } from './usage-repo';
import { normalizeQuestion } from './analytics/normalize-question';
import { createUsageBatches } from './usage-batches';

export interface PlanLimitsOptions {
  /** Where the upgrade dialog lives, for the 402's upgradeUrl. */
  appUrl: string;
  /** Days a past-due organization keeps its paid limits (BILLING_GRACE_DAYS). */
  graceDays: number;
  /** The clock: tests move it to a new month, or past the grace period. */
  now?: () => Date;
  /** Told of each API call once it is counted (the metrics' usage counter). */
  meter?: Meter;
  /** Where a failed write of usage batches is told (the logger). */
  log?: (message: string, error: unknown) => void;
}

/**
 * Every plan limit is checked here, and nowhere else. A check and the count it protects happen in
 * one transaction, so parallel requests cannot slip past a limit together: patterns are counted
 * behind the organization's lock (patterns-service.ts), chats by one conditional upsert of the
 * month's counter (usage-repo.ts bump). What no limit depends on (chats' analytics events,
 * teaches, imports, API calls) is written a second at a time (usage-batches.ts). A refusal is
 * 402 plan_limit, with what the page needs to offer an upgrade.
 */
export function createPlanLimits(db: Db, options: PlanLimitsOptions) {
  const now = options.now ?? (() => new Date());
  const batches = createUsageBatches(db, { log: options.log });

  const planOf = async (tx: Queryable, orgId: string): Promise<Plan> =>
    effectivePlan(await repo.standing(tx, orgId), now(), options.graceDays);

  const refused = (limit: 'patterns' | 'chats_per_month', plan: Plan, allowed: number, used: number) =>
    new AppError(
      'plan_limit',
      limit === 'patterns'
        ? `The ${plan} plan keeps ${allowed} patterns, and this organization has ${used}. Upgrade to teach more; nothing was saved.`
        : `The ${plan} plan includes ${allowed} chats a month, and this month's are used. Upgrade to keep chatting.`,
      { limit, plan, allowed, used, upgradeUrl: `${options.appUrl}/#billing` },
    );

  return {
    /**
     * Before teaching or importing, in the write's transaction, behind the organization's lock:
     * refuses what would pass the plan's pattern limit. `used` is the count being read meanwhile
     * (the plan and the count leave together: one round trip). A downgraded organization keeps the
     * patterns it has, and cannot add new ones until it is under the limit again. Returns the count.
     */
    async checkPatterns(tx: Queryable, orgId: string, used: Promise<number>, adding: number): Promise<number> {
      const [plan, count] = await Promise.all([planOf(tx, orgId), used]);
      const allowed = PLANS[plan].patterns;
      if (allowed !== null && count + adding > allowed) throw refused('patterns', plan, allowed, count);
      return count;
    },

    /** Counts a committed teach or import (no limit of its own), written within a second. */
    count(orgId: string, userId: string, kind: 'teach' | 'import', text: string, count = 1): void {
      batches.wrote(orgId, userId, kind, countTokens(text), count, periodOf(now()));
    },

    /**
     * One chat, in one transaction: the organization's standing (a suspended one is refused), the
     * reply (`answer` gets the transaction and the patterns version read with the standing, so the
     * engine is checked for free), then its count, or a refusal: this month's chats are used. A call
     * with a key passes the standing it read with the key (`known`, a moment earlier), and saves a
     * read: the count itself still enforces the limit, in its own statement. Once counted, its event
     * (which pattern answered, or the question none did) joins the next batch (analytics).
     *
     * Every chat of an organization takes turns on its month's counter row, from the bump to the
     * commit. So the count is the last statement, sent with the COMMIT (no round trip while the row
     * is held), and the commit is asynchronous (db/index.ts): the row is let go at once, not after a
     * disk flush, and chats do not queue behind each other's fsync.
     */
    async countChat<R extends Reply>(
      orgId: string,
      userId: string,
      message: string,
      answer: (tx: Queryable, patternsVersion: number) => Promise<R>,
      known?: Standing,
    ): Promise<R> {
      const { reply, tokens } = await db.forOrg(orgId, async (tx) => {
        const standing = known ?? (await repo.standing(tx, orgId));
        if (standing.suspendedAt) throw new AppError('suspended', `This organization is suspended (${standing.suspendReason}). Contact support.`);
        const reply = await answer(tx, standing.patternsVersion);
        const plan = effectivePlan(standing, now(), options.graceDays);
        const allowed = PLANS[plan].chatsPerMonth;
        const tokens = countTokens(message) + countTokens(reply.text);
        const counted = await repo.bump(tx.andCommit, orgId, periodOf(now()), 'chat', 1, tokens, allowed);
        if (counted === undefined) throw refused('chats_per_month', plan, allowed!, allowed!);
        return { reply, tokens };
      }, { asyncCommit: true });
      batches.chat(orgId, userId, tokens, reply.patternId ? { patternId: reply.patternId, question: null } : { patternId: null, question: normalizeQuestion(message) });
      return reply;
    },

    /**
     * Counts one call with an API key (the routes it reaches count their own chats and patterns),
     * written within a second (usage-batches.ts): no limit depends on it.
     */
    countApiCall: (orgId: string, keyId: string): void => {
      batches.apiCall(orgId, keyId, periodOf(now()));
      options.meter?.used('api_call', 1);
    },

    /** Writes the usage this process holds: readers of usage call it first (and shutdown, last). */
    writeUsage: batches.write,
    stop: batches.stop,

    /** GET /api/orgs/:orgId/usage: the plan, its limits, this month's use, and the billing status. */
    async usage(orgId: string, patterns: number) {
      await batches.write();
      return db.forOrg(orgId, async (tx) => {
        const state = await repo.standing(tx, orgId);
        const plan = effectivePlan(state, now(), options.graceDays);
        const period = periodOf(now());
        const counts = await repo.counts(tx, orgId, period);
        return {
          plan,
          paidPlan: state.plan,
          billingStatus: state.billingStatus,
          graceEndsAt: graceEndsAt(state, options.graceDays)?.toISOString() ?? null,
          limits: { patterns: PLANS[plan].patterns, chatsPerMonth: PLANS[plan].chatsPerMonth },
          used: { patterns, chats: counts.chat ?? 0, teaches: counts.teach ?? 0, imports: counts.import ?? 0, apiCalls: counts.api_call ?? 0 },
          period,
          suspended: state.suspendedAt ? { at: state.suspendedAt.toISOString(), reason: state.suspendReason ?? '' } : null,
        };
      });
    },
  };
}

export type PlanLimits = ReturnType<typeof createPlanLimits>;

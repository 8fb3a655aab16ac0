import type { Queryable } from '../db';
import { iso, isoOrNull, isUuid } from '../db/iso';
import { LATEST_MICROS, type PagePosition } from '../page-cursor';

/** Stripe statuses in which an organization pays (MRR counts them; a comp pays nothing). */
export const PAYING = ['active', 'trialing', 'past_due'];

type OrgRow = {
  id: string;
  name: string;
  slug: string;
  plan: string;
  billingStatus: string;
  suspendedAt: Date | null;
  subscriptionStatus: string | null;
  members: number;
  patterns: number;
  chatsThisMonth: number;
  createdAt: Date;
  micros: string;
};

/**
 * The only module that speaks SQL across organizations. Every function takes a transaction from
 * db.forPlatformAdmin(userId): its policies show every organization's rows to a user the database
 * finds flagged as a platform admin, and nothing to anyone else (migrations/007).
 */
/** Where the list of organizations starts (before the newest); a position's key is an organization's id. */
export const NEWEST_ORG: PagePosition = { micros: LATEST_MICROS, key: 'ffffffff-ffff-ffff-ffff-ffffffffffff' };

export const adminRepo = {
  /** A page of organizations, newest first, whose name or slug contains `search` (as text, no wildcards). */
  orgs: async (tx: Queryable, period: string, search: string, after: PagePosition, limit: number) =>
    (
      await tx.query<OrgRow>(
        `SELECT o.id, o.name, o.slug, o.plan, o.billing_status AS "billingStatus", o.suspended_at AS "suspendedAt",
                s.status AS "subscriptionStatus", o.created_at AS "createdAt",
                (extract(epoch FROM o.created_at) * 1000000)::bigint::text AS micros,
                (SELECT count(*) FROM memberships m WHERE m.org_id = o.id)::int AS members,
                (SELECT count(*) FROM patterns p WHERE p.org_id = o.id)::int AS patterns,
                coalesce((SELECT c.count FROM usage_counters c WHERE c.org_id = o.id AND c.period = $1 AND c.kind = 'chat'), 0) AS "chatsThisMonth"
           FROM organizations o LEFT JOIN subscriptions s ON s.org_id = o.id
          WHERE ($2 = '' OR strpos(lower(o.name), lower($2)) > 0 OR strpos(o.slug, lower($2)) > 0)
            AND (o.created_at, o.id) < (timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4::uuid)
          ORDER BY o.created_at DESC, o.id DESC LIMIT $5`,
        [period, search, after.micros, after.key, limit],
      )
    ).map(({ micros, suspendedAt, createdAt, ...row }) => ({
      org: { ...row, suspended: suspendedAt !== null, createdAt: iso(createdAt) },
      position: { micros, key: row.id },
    })),

  org: async (tx: Queryable, orgId: string) => {
    if (!isUuid(orgId)) return undefined;
    const [org] = await tx.query<{ id: string; name: string; slug: string; plan: string; billingStatus: string; suspendedAt: Date | null; suspendReason: string | null; compReason: string | null; createdAt: Date }>(
      `SELECT id, name, slug, plan, billing_status AS "billingStatus", suspended_at AS "suspendedAt", suspend_reason AS "suspendReason",
              comp_reason AS "compReason", created_at AS "createdAt"
         FROM organizations WHERE id = $1`,
      [orgId],
    );
    if (!org) return undefined;
    const members = await tx.query<{ email: string; role: string; joinedAt: Date }>(
      `SELECT u.email, m.role, m.created_at AS "joinedAt" FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.org_id = $1 ORDER BY m.created_at LIMIT 1000`,
      [orgId],
    );
    const usage = await tx.query<{ period: string; kind: string; count: number }>(
      `SELECT to_char(period, 'YYYY-MM-DD') AS period, kind, count FROM usage_counters
        WHERE org_id = $1 ORDER BY period DESC, kind LIMIT 48`,
      [orgId],
    );
    const [subscription] = await tx.query<{ status: string | null; plan: string; customerId: string | null; currentPeriodEnd: Date | null }>(
      `SELECT status, plan, stripe_customer_id AS "customerId", current_period_end AS "currentPeriodEnd" FROM subscriptions WHERE org_id = $1`,
      [orgId],
    );
    const billingEvents = await tx.query<{ id: string; type: string; receivedAt: Date }>(
      'SELECT id, type, received_at AS "receivedAt" FROM stripe_events WHERE org_id = $1 ORDER BY received_at DESC LIMIT 20',
      [orgId],
    );
    return {
      ...org,
      suspendedAt: isoOrNull(org.suspendedAt),
      createdAt: iso(org.createdAt),
      members: members.map((m) => ({ ...m, joinedAt: iso(m.joinedAt) })),
      usage,
      subscription: subscription ? { ...subscription, currentPeriodEnd: isoOrNull(subscription.currentPeriodEnd) } : null,
      billingEvents: billingEvents.map((e) => ({ ...e, receivedAt: iso(e.receivedAt) })),
    };
  },

  /** Organizations by plan, paying (with a live subscription) or not. */
  plans: (tx: Queryable) =>
    tx.query<{ plan: string; paying: boolean; orgs: number }>(
      `SELECT o.plan, coalesce(s.status = ANY($1), false) AS paying, count(*)::int AS orgs
         FROM organizations o LEFT JOIN subscriptions s ON s.org_id = o.id
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [PAYING],
    ),

  subscriptionsByStatus: (tx: Queryable) =>
    tx.query<{ status: string; count: number }>('SELECT status, count(*)::int AS count FROM subscriptions WHERE status IS NOT NULL GROUP BY 1 ORDER BY 1'),

  pastDue: async (tx: Queryable) =>
    (
      await tx.query<{ id: string; name: string; plan: string; pastDueSince: Date }>(
        `SELECT id, name, plan, past_due_since AS "pastDueSince" FROM organizations
          WHERE billing_status = 'past_due' ORDER BY past_due_since LIMIT 200`,
      )
    ).map((row) => ({ ...row, pastDueSince: iso(row.pastDueSince) })),

  /** Chats and active organizations per day, since `from` (days without chats are absent), from the daily rollups (migrations/014). */
  chatsPerDay: (tx: Queryable, from: Date) =>
    tx.query<{ day: string; chats: number; activeOrgs: number }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(count)::int AS chats, count(DISTINCT org_id)::int AS "activeOrgs"
         FROM usage_daily WHERE kind = 'chat' AND day >= ($1::timestamptz AT TIME ZONE 'UTC')::date GROUP BY day ORDER BY day`,
      [from],
    ),

  /**
   * Paying organizations by plan, per day from `from` to `to` (UTC dates), from the audit trail's
   * plan changes (migrations/012): each change holds from its day until the next change's day, so
   * of several changes in one day the last counts. Paying as for today's MRR: the subscription's
   * status is in PAYING (a comp pays nothing). Organizations never changed are free; a deleted
   * organization leaves the series (its trail does not say when it went).
   */
  payingPerDay: (tx: Queryable, from: string, to: string) =>
    tx.query<{ day: string; plan: string; orgs: number }>(
      `WITH changes AS (
         SELECT a.org_id, (a.at AT TIME ZONE 'UTC')::date AS since,
                lead((a.at AT TIME ZONE 'UTC')::date) OVER (PARTITION BY a.org_id ORDER BY a.at, a.id) AS until,
                a.summary -> 'after' ->> 'plan' AS plan, a.summary -> 'after' ->> 'subscription' AS subscription
           FROM audit_log a JOIN organizations o ON o.id = a.org_id
          WHERE a.action = 'billing.plan_changed'
       )
       SELECT to_char(d.day, 'YYYY-MM-DD') AS day, c.plan, count(*)::int AS orgs
         FROM generate_series($1::date, $2::date, interval '1 day') AS d(day)
         JOIN changes c ON c.since <= d.day AND (c.until IS NULL OR d.day < c.until)
        WHERE c.subscription = ANY($3)
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [from, to, PAYING],
    ),
};

import type { Db, Queryable } from '../db';
import { AppError } from '../app-error';
import type { Mailer } from '../mail/outbox';
import type { Billing } from '../billing/billing-service';
import { PLANS, periodOf, type Plan } from '../billing/plans';
import { decodeCursor, encodeCursor } from '../page-cursor';
import { isUuid } from '../db/iso';
import { organizationsRepo } from '../organizations-repo';
import { supportRepo } from '../support-repo';
import { createUsersRepo } from '../users-repo';
import { NEWEST_ORG, PAYING, adminRepo as repo } from './admin-repo';
import { recordAudit } from '../audit/audit';

/** How the audit trail names a ticket: who opened it. */
const ticketTarget = (ticketId: string, ticket: { email: string }) => ({ type: 'ticket', id: ticketId, label: ticket.email });

/** The last `days` UTC dates up to today's ('2026-11-30'), oldest first: every day of a chart, quiet ones too. */
function lastDays(today: Date, days: number): { from: string; dayList: string[] } {
  const midnight = Date.parse(`${today.toISOString().slice(0, 10)}T00:00:00Z`);
  const dayList = Array.from({ length: days }, (_, i) => new Date(midnight - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10));
  return { from: dayList[0]!, dayList };
}

const notFound = () => new AppError('not_found', 'No such organization or ticket.');

/**
 * The platform admin panel's use cases. Each one checks the flag first (403 for everyone else),
 * on the primary: a revoked admin loses the panel at once. The lists and overviews then read
 * through `reads` (DATABASE_READ_URL, a replica; else the primary) with forPlatformAdmin, whose
 * policies check the flag again in the database. Changes, and the lookups they act on, use the
 * primary `db`, inside the one organization they touch (db.forOrg): a replica may not have the
 * row yet, and cannot be written.
 */
export function createAdmin(db: Db, reads: Db, billing: Billing, options: { mailer: Mailer; now?: () => Date; writeUsage?: () => Promise<void> }) {
  const users = createUsersRepo(db);
  const now = options.now ?? (() => new Date());

  async function asAdmin(userId: string): Promise<void> {
    if (!(await users.isPlatformAdmin(userId))) throw new AppError('forbidden', 'Only platform admins can open the admin panel.');
  }
  /** A read across organizations: the flag checked here, then again by the database's policies. */
  async function reading<T>(adminId: string, work: (tx: Queryable) => Promise<T>, from: Db = reads): Promise<T> {
    await asAdmin(adminId);
    return from.forPlatformAdmin(adminId, work);
  }
  /** One organization's details (404 when there is none), from the read pool unless a change follows. */
  async function findOrg(adminId: string, orgId: string, from: Db = reads) {
    const org = await reading(adminId, (tx) => repo.org(tx, orgId), from);
    if (!org) throw notFound();
    return org;
  }
  /** The ticket a change is about, from the primary. */
  async function findTicket(adminId: string, ticketId: string) {
    const ticket = await reading(adminId, (tx) => supportRepo.byId(tx, ticketId), db);
    if (!ticket) throw notFound();
    return ticket;
  }

  return {
    /** 403 unless the user is a platform admin. */
    check: asAdmin,

    /** Organizations, newest first, a page at a time, each with plan, status, members, patterns, chats this month and MRR. */
    orgs: (adminId: string, search: string, limit: number, cursor?: string) =>
      reading(adminId, async (tx) => {
        const rows = await repo.orgs(tx, periodOf(now()), search, cursor ? decodeCursor(cursor, isUuid) : NEWEST_ORG, limit + 1);
        const shown = rows.slice(0, limit);
        return {
          orgs: shown.map(({ org }) => ({ ...org, mrr: PAYING.includes(org.subscriptionStatus ?? '') ? PLANS[org.plan as Plan].monthlyPrice : 0 })),
          nextCursor: rows.length > limit ? encodeCursor(shown.at(-1)!.position) : null,
        };
      }),

    org: (adminId: string, orgId: string) => findOrg(adminId, orgId),

    /** MRR by plan, subscriptions by status, and who is past due. */
    billing: (adminId: string) =>
      reading(adminId, async (tx) => {
        const plans = await repo.plans(tx);
        const mrrByPlan = Object.fromEntries(
          (Object.keys(PLANS) as Plan[]).map((plan) => [plan, plans.filter((p) => p.plan === plan && p.paying).reduce((sum, p) => sum + p.orgs * PLANS[plan].monthlyPrice, 0)]),
        );
        return {
          mrrByPlan,
          mrr: Object.values(mrrByPlan).reduce((a, b) => a + b, 0),
          orgsByPlan: Object.fromEntries((Object.keys(PLANS) as Plan[]).map((plan) => [plan, plans.filter((p) => p.plan === plan).reduce((sum, p) => sum + p.orgs, 0)])),
          subscriptionsByStatus: await repo.subscriptionsByStatus(tx),
          pastDue: await repo.pastDue(tx),
        };
      }),

    /** Chats and active organizations per day over the last `days` days, every day present (0 when quiet). */
    usage: async (adminId: string, days = 30) => {
      await options.writeUsage?.(); // this instance's last second of chats (usage-batches.ts)
      return reading(adminId, async (tx) => {
        const { from, dayList } = lastDays(now(), days);
        const counted = new Map((await repo.chatsPerDay(tx, new Date(`${from}T00:00:00Z`))).map((row) => [row.day, row]));
        return { days: dayList.map((day) => ({ day, chats: counted.get(day)?.chats ?? 0, activeOrgs: counted.get(day)?.activeOrgs ?? 0 })) };
      });
    },

    /** MRR per day over the last `days` days: each day's paying organizations (audit trail) at their plan's price. */
    mrr: (adminId: string, days: number) =>
      reading(adminId, async (tx) => {
        const { from, dayList } = lastDays(now(), days);
        const paying = await repo.payingPerDay(tx, from, dayList.at(-1)!);
        const mrrOf = (day: string) => paying.filter((p) => p.day === day).reduce((sum, p) => sum + p.orgs * PLANS[p.plan as Plan].monthlyPrice, 0);
        return { days: dayList.map((day) => ({ day, mrr: mrrOf(day) })) };
      }),

    /** A plan for free, with the reason on record (billing's own apply path, status "comped"). */
    async comp(adminId: string, orgId: string, plan: Plan, reason: string): Promise<void> {
      await findOrg(adminId, orgId, db); // 403 for non-admins, 404 for an unknown organization
      await billing.comp(orgId, plan, reason);
    },

    async suspend(adminId: string, orgId: string, reason: string | null): Promise<void> {
      const org = await findOrg(adminId, orgId, db);
      await db.forOrg(orgId, async (tx) => {
        await organizationsRepo.suspend(tx, orgId, reason);
        await recordAudit(tx, {
          orgId,
          action: reason === null ? 'admin.org_unsuspended' : 'admin.org_suspended',
          target: { type: 'organization', id: orgId, label: org.name },
          summary: reason === null ? {} : { reason },
        });
      });
    },

    tickets: (adminId: string, status: 'open' | 'closed') => reading(adminId, (tx) => supportRepo.list(tx, status)),

    /** The reply is stored with the ticket and mailed to whoever opened it. */
    async reply(adminId: string, ticketId: string, message: string): Promise<void> {
      const ticket = await findTicket(adminId, ticketId);
      await db.forOrg(ticket.orgId, async (tx) => {
        await supportRepo.reply(tx, ticket.orgId, ticketId, adminId, message);
        await recordAudit(tx, { orgId: ticket.orgId, action: 'admin.ticket_replied', target: ticketTarget(ticketId, ticket), summary: { length: message.length } });
      });
      await options.mailer.send({ to: ticket.email, subject: 'Re: your support request', text: `${message}\n\n— LLM Journey support` });
    },

    async close(adminId: string, ticketId: string): Promise<void> {
      const ticket = await findTicket(adminId, ticketId);
      await db.forOrg(ticket.orgId, async (tx) => {
        await supportRepo.close(tx, ticket.orgId, ticketId);
        await recordAudit(tx, { orgId: ticket.orgId, action: 'admin.ticket_closed', target: ticketTarget(ticketId, ticket) });
      });
    },
  };
}

export type Admin = ReturnType<typeof createAdmin>;

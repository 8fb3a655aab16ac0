import type { Db } from '../db';
import type { Analytics } from '../../shared/api';
import { organizationsRepo } from '../organizations-repo';
import { orgNotFound } from '../organizations-service';
import { requireRole } from '../roles';
import { analyticsRepo as repo } from './analytics-repo';

const DAY_MS = 86_400_000;
const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * An organization's analytics, for owners and admins: who asked what, and what nobody answered,
 * is about people's messages, so members (who may teach and chat) do not see their colleagues'
 * activity. An outsider gets the same 404 as for a missing organization. It only reads, from
 * `reads`: the read pool (DATABASE_READ_URL, a replica that may trail by seconds) or the primary.
 */
export function createAnalytics(reads: Db, { now = () => new Date(), writeUsage = async () => {} } = {}) {
  return {
    forOrg: async (actorId: string, orgId: string, days: number): Promise<Analytics> => {
      await writeUsage(); // this instance's last second of chats and API calls (usage-batches.ts)
      return reads.forOrg(orgId, async (tx) => {
        const org = await organizationsRepo.asSeenBy(tx, orgId, actorId);
        if (!org) throw orgNotFound();
        requireRole(org.role, 'admin', 'see analytics');
        const today = now().getTime();
        const from = utcDay(new Date(today - (days - 1) * DAY_MS));
        const lists = await repo.lists(tx, orgId, from);
        const byDay = new Map(lists.perDay.map((row) => [row.day, row]));
        const perDay = Array.from({ length: days }, (_, i) => {
          const day = utcDay(new Date(today - (days - 1 - i) * DAY_MS));
          return byDay.get(day) ?? { day, chats: 0, fallbacks: 0, teaches: 0, imports: 0, apiCalls: 0 };
        });
        const sum = (key: keyof Omit<(typeof perDay)[number], 'day'>) => perDay.reduce((total, d) => total + d[key], 0);
        const totals = { chats: sum('chats'), fallbacks: sum('fallbacks'), teaches: sum('teaches'), imports: sum('imports'), apiCalls: sum('apiCalls') };
        return {
          days,
          from,
          totals,
          fallbackRate: totals.chats ? totals.fallbacks / totals.chats : null,
          perDay,
          unanswered: lists.unanswered,
          topPatterns: lists.topPatterns,
          activity: lists.activity,
        };
      });
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalytics>;

import { request } from './store';

/** What the admin routes answer (src/server/admin/admin-service.ts builds them). */
export type Plan = 'free' | 'pro' | 'enterprise';
export const PLANS: Plan[] = ['free', 'pro', 'enterprise'];

export interface AdminOrgRow {
  id: string;
  name: string;
  slug: string;
  plan: Plan;
  billingStatus: 'active' | 'past_due';
  suspended: boolean;
  subscriptionStatus: string | null;
  members: number;
  patterns: number;
  chatsThisMonth: number;
  /** Dollars a month: the plan's list price while a subscription pays, else 0 (a comp pays nothing). */
  mrr: number;
  createdAt: string;
}

export interface AdminOrg {
  id: string;
  name: string;
  slug: string;
  plan: Plan;
  billingStatus: 'active' | 'past_due';
  suspendedAt: string | null;
  suspendReason: string | null;
  compReason: string | null;
  createdAt: string;
  members: { email: string; role: string; joinedAt: string }[];
  /** Counters by month ("2026-11-01") and kind (chat, teach, import, api_call). */
  usage: { period: string; kind: string; count: number }[];
  subscription: { status: string | null; plan: string; customerId: string | null; currentPeriodEnd: string | null } | null;
  billingEvents: { id: string; type: string; receivedAt: string }[];
}

export interface AdminBilling {
  mrrByPlan: Record<Plan, number>;
  mrr: number;
  orgsByPlan: Record<Plan, number>;
  subscriptionsByStatus: { status: string; count: number }[];
  pastDue: { id: string; name: string; plan: Plan; pastDueSince: string }[];
}

export interface UsageDay {
  day: string;
  chats: number;
  activeOrgs: number;
}

/** Dollars a month on that day: every paying organization's plan at its list price. */
export interface MrrDay {
  day: string;
  mrr: number;
}

export interface Ticket {
  id: string;
  orgId: string;
  orgName: string;
  email: string;
  message: string;
  status: 'open' | 'closed';
  createdAt: string;
  closedAt: string | null;
  replies: { message: string; createdAt: string }[];
}

/**
 * The admin panel's side of /api/admin: one method per request. Every route answers 403 to
 * anyone the database does not flag as a platform admin; the panel shows that as "admins only".
 */
export class HttpAdmin {
  constructor(private readonly base = '') {}

  orgs(q: string, cursor: string | null, limit = 20): Promise<{ orgs: AdminOrgRow[]; nextCursor: string | null }> {
    const query = new URLSearchParams({ limit: String(limit), ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) });
    return this.call('GET', `/orgs?${query}`);
  }

  async org(orgId: string): Promise<AdminOrg> {
    return (await this.call<{ org: AdminOrg }>('GET', `/orgs/${enc(orgId)}`)).org;
  }

  /** A plan for free, with the reason on record. */
  comp(orgId: string, plan: Plan, reason: string): Promise<void> {
    return this.call('POST', `/orgs/${enc(orgId)}/comp`, { plan, reason });
  }

  suspend(orgId: string, reason: string): Promise<void> {
    return this.call('POST', `/orgs/${enc(orgId)}/suspend`, { reason });
  }

  unsuspend(orgId: string): Promise<void> {
    return this.call('POST', `/orgs/${enc(orgId)}/unsuspend`);
  }

  billing(): Promise<AdminBilling> {
    return this.call('GET', '/billing');
  }

  async usage(): Promise<UsageDay[]> {
    return (await this.call<{ days: UsageDay[] }>('GET', '/usage')).days;
  }

  async mrr(days: 30 | 90): Promise<MrrDay[]> {
    return (await this.call<{ days: MrrDay[] }>('GET', `/mrr?days=${days}`)).days;
  }

  async tickets(status: 'open' | 'closed'): Promise<Ticket[]> {
    return (await this.call<{ tickets: Ticket[] }>('GET', `/tickets?status=${status}`)).tickets;
  }

  /** Stored with the ticket, and mailed (through the outbox) to whoever opened it. */
  reply(ticketId: string, message: string): Promise<void> {
    return this.call('POST', `/tickets/${enc(ticketId)}/reply`, { message });
  }

  close(ticketId: string): Promise<void> {
    return this.call('POST', `/tickets/${enc(ticketId)}/close`);
  }

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return request<T>(this.base, method, `/api/admin${path}`, body);
  }
}

const enc = encodeURIComponent;

import type { Usage } from '../shared/api';
import { ApiError, request } from './store';

export type PaidPlan = 'pro' | 'enterprise';
export type PlanName = Usage['plan'];

/**
 * The page's side of usage and billing (src/server/routes/billing.ts). Every member reads usage;
 * only owners get a checkout, the portal or a demo change (the server answers 403 to anyone else).
 */
export class HttpBilling {
  constructor(
    private readonly base = '',
    private readonly onSignedOut: () => void = () => {},
  ) {}

  /** The plan whose limits apply, this month's use, and whether payments are up to date. */
  usage(orgId: string): Promise<Usage> {
    return this.request('GET', `${path(orgId)}/usage`);
  }

  /** Where to pay: Stripe Checkout, or the demo billing page when the server has no Stripe key. */
  async checkout(orgId: string, plan: PaidPlan): Promise<string> {
    return (await this.request<{ url: string }>('POST', `${path(orgId)}/billing/checkout`, { plan })).url;
  }

  /** Stripe's customer portal (card, plan, cancel), or the demo billing page. */
  async portal(orgId: string): Promise<string> {
    return (await this.request<{ url: string }>('POST', `${path(orgId)}/billing/portal`)).url;
  }

  /** Demo billing only: changes the plan at once, no card. */
  async demoChange(orgId: string, plan: PlanName): Promise<void> {
    await this.request('POST', `${path(orgId)}/billing/demo`, { plan });
  }

  private async request<T>(method: string, to: string, body?: unknown): Promise<T> {
    try {
      return await request<T>(this.base, method, to, body);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.onSignedOut();
      throw error;
    }
  }
}

const path = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;

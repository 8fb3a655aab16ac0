import type Stripe from 'stripe';
import type { Db } from '../db';
import { AppError } from '../app-error';
import { orgNotFound, type Organizations } from '../organizations-service';
import { organizationsRepo } from '../organizations-repo';
import { requireRole } from '../roles';
import { createStripe, type StripeSettings } from './stripe';
import type { Plan } from './plans';
import { recordAudit } from '../audit/audit';
import { subscriptionsRepo as repo, type SubscriptionState } from './subscriptions-repo';

/** Stripe statuses in which the subscription's plan applies; any other ends it (free again). */
const LIVE = new Set(['active', 'trialing', 'past_due', 'comped']);
/** Statuses that mean a payment failed: the banner, then free limits after the grace period. */
const PAST_DUE = new Set(['past_due', 'unpaid']);

/**
 * Billing: Stripe when STRIPE_SECRET_KEY is set, demo billing otherwise. Either way an
 * organization's plan changes in one place, `apply`: from a verified webhook (with the state read
 * back from Stripe) or from the demo page. Only owners start a checkout or open the portal.
 */
export function createBilling(db: Db, organizations: Organizations, options: { appUrl: string; stripe?: StripeSettings }) {
  const settings = options.stripe;
  const stripe = settings && createStripe(settings);
  const planOfPrice = (priceId: string | undefined): Plan =>
    priceId === settings?.prices.enterprise ? 'enterprise' : priceId === settings?.prices.pro ? 'pro' : 'free';

  async function asOwner(actorId: string, orgId: string, action: string) {
    const org = await organizations.find(orgId, actorId);
    if (!org) throw orgNotFound();
    requireRole(org.role, 'owner', action);
    return org;
  }

  /** The one path that changes a plan. Runs inside the caller's transaction for the organization. */
  async function apply(tx: Parameters<typeof repo.apply>[0], orgId: string, state: SubscriptionState, via: 'webhook' | 'demo' | 'comp', reason?: string) {
    const [before] = await tx.query<{ plan: string; status: string }>('SELECT plan, billing_status AS status FROM organizations WHERE id = $1', [orgId]);
    const plan = LIVE.has(state.status) ? state.plan : 'free';
    const pastDue = PAST_DUE.has(state.status);
    await repo.apply(tx, orgId, state, plan, pastDue);
    const status = pastDue ? 'past_due' : 'active';
    // A webhook repeating what is already so changes nothing, and is no event; a comp always is (its reason).
    if (before?.plan === plan && before.status === status && via !== 'comp') return;
    await recordAudit(tx, {
      orgId,
      action: 'billing.plan_changed',
      target: { type: 'organization', id: orgId, label: plan },
      summary: { via, before, after: { plan, status, subscription: state.status }, ...(reason ? { reason } : {}) },
    });
  }

  /** The subscription as Stripe holds it now: an event is only a signal to look (events arrive late and out of order). */
  async function currentState(subscriptionId: string): Promise<{ orgId: string | undefined; state: SubscriptionState }> {
    const sub = await stripe!.subscriptions.retrieve(subscriptionId);
    const item = sub.items.data[0];
    return {
      orgId: sub.metadata.orgId,
      state: {
        plan: planOfPrice(item?.price.id),
        status: sub.status,
        subscriptionId: sub.id,
        currentPeriodEnd: item?.current_period_end ? new Date(item.current_period_end * 1000) : undefined,
      },
    };
  }

  /** Which organization and subscription an event is about; undefined for events billing ignores. */
  function subjectOf(event: Stripe.Event): { orgId?: string; subscriptionId?: string } | undefined {
    switch (event.type) {
      case 'checkout.session.completed': {
        const session = event.data.object;
        return { orgId: session.client_reference_id ?? undefined, subscriptionId: idOf(session.subscription) };
      }
      case 'customer.subscription.created':
      case 'customer.subscription.updated':
      case 'customer.subscription.deleted':
        return { orgId: event.data.object.metadata.orgId, subscriptionId: event.data.object.id };
      case 'invoice.paid':
      case 'invoice.payment_failed': {
        const details = event.data.object.parent?.subscription_details;
        return { orgId: details?.metadata?.orgId, subscriptionId: idOf(details?.subscription) };
      }
      default:
        return undefined;
    }
  }

  return {
    mode: stripe ? ('stripe' as const) : ('demo' as const),

    /** Where the owner pays: Stripe Checkout (one customer per organization), or the demo page. */
    async checkout(actorId: string, orgId: string, plan: Exclude<Plan, 'free'>): Promise<string> {
      const org = await asOwner(actorId, orgId, 'manage billing');
      if (!stripe || !settings) return `${options.appUrl}/#billing-demo=${plan}`;
      const customer = await db.forOrg(orgId, async (tx) => {
        const known = await repo.customerOf(tx, orgId);
        if (known) return known;
        const created = await stripe.customers.create({ name: org.name, metadata: { orgId } });
        await repo.saveCustomer(tx, orgId, created.id);
        return created.id;
      });
      const session = await stripe.checkout.sessions.create({
        mode: 'subscription',
        customer,
        client_reference_id: orgId,
        line_items: [{ price: settings.prices[plan], quantity: 1 }],
        subscription_data: { metadata: { orgId } },
        success_url: `${options.appUrl}/#billing=success`,
        cancel_url: `${options.appUrl}/#billing`,
      });
      if (!session.url) throw new Error('Stripe returned a checkout session without a url');
      return session.url;
    },

    /** Stripe's customer portal (change plan, card, cancel), or the demo page. */
    async portal(actorId: string, orgId: string): Promise<string> {
      await asOwner(actorId, orgId, 'manage billing');
      if (!stripe) return `${options.appUrl}/#billing-demo`;
      const customer = await db.forOrg(orgId, (tx) => repo.customerOf(tx, orgId));
      if (!customer) throw new AppError('no_subscription', 'This organization has never paid: choose a plan first.');
      return (await stripe.billingPortal.sessions.create({ customer, return_url: `${options.appUrl}/#billing` })).url;
    },

    /** Demo billing: the owner picks a plan, no card, through the same `apply` as a webhook. */
    async demoChange(actorId: string, orgId: string, plan: Plan): Promise<void> {
      await asOwner(actorId, orgId, 'manage billing');
      if (stripe) throw new AppError('forbidden', 'Billing is live (Stripe): plans change through Checkout or the portal.');
      await db.forOrg(orgId, (tx) => apply(tx, orgId, { plan, status: plan === 'free' ? 'canceled' : 'active' }, 'demo'));
    },

    /** A platform admin's gift (the admin panel checks who asks): the plan, with no payment, and the reason kept. */
    comp: (orgId: string, plan: Plan, reason: string): Promise<void> =>
      db.forOrg(orgId, async (tx) => {
        await apply(tx, orgId, { plan, status: 'comped' }, 'comp', reason);
        await repo.noteComp(tx, orgId, reason);
      }),

    /**
     * POST /api/stripe/webhook. The signature is checked on the raw body (400 when it fails).
     * Then, per organization, one event at a time: record the event id (a replay stops here), read
     * the subscription's current state from Stripe, apply it. The lock makes two events of one
     * organization take turns, so the last one applied read the newest state.
     */
    async handleWebhook(rawBody: Buffer, signature: string | undefined): Promise<void> {
      if (!stripe || !settings) throw new AppError('not_found', 'Billing is in demo mode: there is no webhook.');
      let event: Stripe.Event;
      try {
        event = await stripe.webhooks.constructEventAsync(rawBody, signature ?? '', settings.webhookSecret);
      } catch {
        throw new AppError('invalid_signature', 'The Stripe-Signature header does not match this body.');
      }
      const subject = subjectOf(event);
      if (!subject?.orgId || !subject.subscriptionId) return; // not about a subscription of ours: 200, nothing to do
      const { orgId, subscriptionId } = subject;
      await db.forOrg(orgId, async (tx) => {
        if (!(await organizationsRepo.lock(tx, orgId))) return; // deleted since: nothing left to bill
        if (!(await repo.firstDelivery(tx, orgId, event.id, event.type))) return;
        const current = await currentState(subscriptionId);
        if (current.orgId !== orgId) return; // the event names another organization than Stripe does: trust neither
        await apply(tx, orgId, current.state, 'webhook');
      });
    },
  };
}

const idOf = (value: string | { id: string } | null | undefined): string | undefined =>
  typeof value === 'string' ? value : (value?.id ?? undefined);

export type Billing = ReturnType<typeof createBilling>;

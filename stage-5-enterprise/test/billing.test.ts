import { createExport } from '@journey/llm-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, ownerQuery, ownerValue, startTestServer, type Client, type TestServer } from './helpers';
import { startStripeStandIn, type StripeStandIn } from './stripe-stand-in';

const numbered = (n: number) => Array.from({ length: n }, (_, i) => ({ trigger: `pattern ${i}`, response: `answer ${i}` }));

describe.each(ENGINES)('Stripe billing (through the stand-in) on %s', (engine) => {
  let server: TestServer;
  let stripe: StripeStandIn;
  let clock = new Date();
  beforeAll(async () => {
    stripe = await startStripeStandIn(() => `${server.url}/api/stripe/webhook`);
    server = await startTestServer({ engine, env: stripe.env, now: () => clock });
  });
  afterAll(async () => {
    await server?.close();
    await stripe?.close();
  });

  const orgRow = (orgId: string) =>
    ownerQuery<{ plan: string; billing_status: string }>(server.db, 'SELECT plan, billing_status FROM organizations WHERE id = $1', [orgId]).then((rows) => rows[0]!);
  const eventsSeen = () => ownerValue<number>(server.db, 'SELECT count(*)::int FROM stripe_events');

  /** A new owner who paid for `plan` through Checkout: the session, the stand-in's pay button, the webhooks. */
  async function paidOrg(plan: 'pro' | 'enterprise' = 'pro'): Promise<{ user: Client; orgId: string; subscriptionId: string }> {
    const user = await server.signUp();
    const orgId: string = (await user.api('GET', '/api/orgs')).json.activeOrgId;
    const { url } = (await user.api('POST', `/api/orgs/${orgId}/billing/checkout`, { plan })).json;
    expect(url).toMatch(new RegExp(`^${stripe.url}/pay/cs_test_`));
    const subscription = await stripe.pay(url.split('/').at(-1));
    return { user, orgId, subscriptionId: subscription.id };
  }

  it('Checkout in subscription mode, then the webhook: the plan changes and the 11th pattern is saved', async () => {
    const { user, orgId } = await paidOrg('pro');
    expect(stripe.delivered.slice(-2).map((d) => [d.type, d.status])).toEqual([
      ['checkout.session.completed', 200],
      ['customer.subscription.created', 200],
    ]);
    expect(await orgRow(orgId)).toEqual({ plan: 'pro', billing_status: 'active' });
    expect((await user.api('POST', '/api/import', createExport(numbered(6)))).json).toEqual({ imported: 6 });
    expect((await user.api('GET', `/api/orgs/${orgId}/usage`)).json).toMatchObject({ plan: 'pro', billing: 'stripe' });
    // One Stripe customer per organization: a second checkout reuses it.
    const customersBefore = stripe.calls.filter((c) => c === 'POST /v1/customers').length;
    await user.api('POST', `/api/orgs/${orgId}/billing/checkout`, { plan: 'enterprise' });
    expect(stripe.calls.filter((c) => c === 'POST /v1/customers').length).toBe(customersBefore);
    expect((await user.api('POST', `/api/orgs/${orgId}/billing/portal`)).json.url).toBe(`${stripe.url}/portal`);
  });

  it('a bad signature is a 400 and changes nothing', async () => {
    const { orgId, subscriptionId } = await paidOrg();
    const seen = await eventsSeen();
    const payload = JSON.stringify({ id: 'evt_forged', object: 'event', type: 'customer.subscription.deleted', data: { object: { id: subscriptionId, metadata: { orgId } } } });
    for (const signature of [undefined, 't=1,v1=deadbeef', `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`]) {
      const res = await fetch(`${server.url}/api/stripe/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
        body: payload,
      });
      expect([res.status, (await res.json()).error.code]).toEqual([400, 'invalid_signature']);
    }
    expect([await eventsSeen(), (await orgRow(orgId)).plan]).toEqual([seen, 'pro']);
  });

  it('a replayed event takes effect once: the second delivery reads nothing from Stripe and writes nothing', async () => {
    const { subscriptionId } = await paidOrg();
    const event = `evt_replay_${subscriptionId}`;
    const sub = stripe.subscriptions.get(subscriptionId)!;
    expect(await stripe.deliver('customer.subscription.updated', sub, event)).toBe(200);
    const [seen, reads] = [await eventsSeen(), stripe.calls.length];
    expect(await stripe.deliver('customer.subscription.updated', sub, event)).toBe(200);
    expect([await eventsSeen(), stripe.calls.length]).toEqual([seen, reads]);
  });

  it('concurrent deliveries of one event take effect once', async () => {
    const { subscriptionId } = await paidOrg();
    const sub = stripe.subscriptions.get(subscriptionId)!;
    const [seen, reads] = [await eventsSeen(), stripe.calls.length];
    const statuses = await Promise.all(Array.from({ length: 5 }, () => stripe.deliver('customer.subscription.updated', sub, `evt_together_${subscriptionId}`)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect([await eventsSeen(), stripe.calls.length]).toEqual([seen + 1, reads + 1]);
  });

  it('`updated` arriving after `deleted` leaves the subscription ended', async () => {
    const { orgId, subscriptionId } = await paidOrg();
    const stillActive = structuredClone(stripe.subscriptions.get(subscriptionId)!); // the payload of an older update
    await stripe.deliver('customer.subscription.deleted', stripe.set(subscriptionId, 'canceled'));
    expect((await orgRow(orgId)).plan).toBe('free');
    await stripe.deliver('customer.subscription.updated', stillActive); // late, and says "active"
    expect((await orgRow(orgId)).plan).toBe('free');
  });

  it('`deleted` arriving before `created` ends in the ended state', async () => {
    const user = await server.signUp();
    const orgId: string = (await user.api('GET', '/api/orgs')).json.activeOrgId;
    const { url } = (await user.api('POST', `/api/orgs/${orgId}/billing/checkout`, { plan: 'pro' })).json;
    // The customer pays, then cancels at once; the events cross on the way.
    const delivered = stripe.delivered.length;
    const sub = await stripe.pay(url.split('/').at(-1));
    const created = structuredClone(sub);
    await stripe.deliver('customer.subscription.deleted', stripe.set(sub.id, 'canceled'));
    await stripe.deliver('customer.subscription.created', created);
    expect(stripe.delivered.slice(delivered).every((d) => d.status === 200)).toBe(true);
    expect(await orgRow(orgId)).toEqual({ plan: 'free', billing_status: 'active' });
  });

  it('an unknown event type is a 200 that changes nothing', async () => {
    const seen = await eventsSeen();
    expect(await stripe.deliver('customer.tax_id.created', { id: 'txi_1', object: 'tax_id' })).toBe(200);
    expect(await eventsSeen()).toBe(seen);
  });

  it('a failed payment: past_due with a grace period, then free limits, and paying restores the plan', async () => {
    const { user, orgId, subscriptionId } = await paidOrg();
    await user.api('POST', '/api/import', createExport(numbered(8)));
    const failed = stripe.set(subscriptionId, 'past_due');
    expect(await stripe.deliver('invoice.payment_failed', stripe.invoiceFor(failed))).toBe(200);
    const usage = (await user.api('GET', `/api/orgs/${orgId}/usage`)).json;
    expect(usage).toMatchObject({ plan: 'pro', paidPlan: 'pro', billingStatus: 'past_due', graceEndsAt: expect.any(String) });
    expect((await user.api('POST', '/api/patterns', { trigger: 'in grace', response: 'kept' })).status).toBe(201);

    clock = new Date(Date.parse(usage.graceEndsAt) + 1000); // the grace period is over
    try {
      expect((await user.api('GET', `/api/orgs/${orgId}/usage`)).json).toMatchObject({ plan: 'free', paidPlan: 'pro' });
      expect((await user.api('POST', '/api/patterns', { trigger: 'after grace', response: 'no' })).status).toBe(402);
      expect(await stripe.deliver('invoice.paid', stripe.invoiceFor(stripe.set(subscriptionId, 'active')))).toBe(200);
      expect((await user.api('GET', `/api/orgs/${orgId}/usage`)).json).toMatchObject({ plan: 'pro', billingStatus: 'active', graceEndsAt: null });
      expect((await user.api('POST', '/api/patterns', { trigger: 'paid again', response: 'yes' })).status).toBe(201);
    } finally {
      clock = new Date();
    }
  });

  it('demo billing is off when Stripe is configured', async () => {
    const user = await server.signUp();
    const orgId: string = (await user.api('GET', '/api/orgs')).json.activeOrgId;
    expect((await user.api('POST', `/api/orgs/${orgId}/billing/demo`, { plan: 'pro' })).status).toBe(403);
    expect((await orgRow(orgId)).plan).toBe('free');
  });
});

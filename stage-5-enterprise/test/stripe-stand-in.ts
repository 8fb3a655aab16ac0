import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A local stand-in for the few Stripe API endpoints the app calls, speaking Stripe's wire format
 * (form-encoded requests, JSON objects with `object` and ids of Stripe's shape), so the real
 * `stripe` SDK talks to it through STRIPE_API_URL. It is not stripe-mock: it keeps state, and it
 * implements only this, nothing more:
 *
 *   POST /v1/customers · POST /v1/checkout/sessions · GET /v1/subscriptions/:id
 *   POST /v1/billing_portal/sessions
 *
 * plus a checkout page (GET /pay/:session, with a Pay button) and test controls that change a
 * subscription as Stripe would and deliver the matching events, signed with the SDK's own
 * generateTestHeaderString, to the app's webhook.
 */
export const STAND_IN_PRICES = { pro: 'price_pro_monthly', enterprise: 'price_enterprise_monthly' };
export const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('hex')}`;

interface Subscription {
  id: string;
  object: 'subscription';
  customer: string;
  status: string;
  metadata: Record<string, string>;
  items: { object: 'list'; data: { id: string; price: { id: string; object: 'price' }; current_period_end: number }[] };
}
interface Session {
  id: string;
  object: 'checkout.session';
  url: string;
  customer: string;
  client_reference_id: string | null;
  subscription: string | null;
  success_url: string;
  price: string;
  metadata: Record<string, string>;
}

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const sdk = new Stripe('sk_test_stand_in');

export async function startStripeStandIn(webhookUrl: () => string) {
  const customers = new Map<string, { id: string; object: 'customer'; name: string; metadata: Record<string, string> }>();
  const sessions = new Map<string, Session>();
  const subscriptions = new Map<string, Subscription>();
  const delivered: { id: string; type: string; status: number }[] = [];
  const calls: string[] = []; // every API request the app made, e.g. 'GET /v1/subscriptions/sub_…'
  let base = '';

  /** Sends an event about `object` to the app, signed as Stripe signs it; resolves with the app's status. */
  async function deliver(type: string, object: object, eventId = newId('evt')): Promise<number> {
    const payload = JSON.stringify({ id: eventId, object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object } });
    const header = sdk.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const res = await fetch(webhookUrl(), { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload });
    delivered.push({ id: eventId, type, status: res.status });
    return res.status;
  }

  /** What a paid checkout does at Stripe: a subscription exists, and two events go out. */
  async function pay(sessionId: string): Promise<Subscription> {
    const session = sessions.get(sessionId)!;
    const subscription: Subscription = {
      id: newId('sub'),
      object: 'subscription',
      customer: session.customer,
      status: 'active',
      metadata: session.metadata,
      items: { object: 'list', data: [{ id: newId('si'), price: { id: session.price, object: 'price' }, current_period_end: Math.floor(Date.now() / 1000) + 30 * 86_400 }] },
    };
    subscriptions.set(subscription.id, subscription);
    session.subscription = subscription.id;
    await deliver('checkout.session.completed', session);
    await deliver('customer.subscription.created', subscription);
    return subscription;
  }

  const invoiceFor = (sub: Subscription) => ({
    id: newId('in'),
    object: 'invoice',
    customer: sub.customer,
    parent: { type: 'subscription_details', subscription_details: { subscription: sub.id, metadata: sub.metadata } },
  });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const form = new URLSearchParams(await bodyOf(req));
    const meta = (prefix: string) =>
      Object.fromEntries([...form].filter(([key]) => key.startsWith(`${prefix}[`)).map(([key, value]) => [key.slice(prefix.length + 1, -1), value]));
    const route = `${req.method} ${url.pathname}`;
    if (url.pathname.startsWith('/v1/')) calls.push(route);

    if (route === 'POST /v1/customers') {
      const customer = { id: newId('cus'), object: 'customer' as const, name: form.get('name') ?? '', metadata: meta('metadata') };
      customers.set(customer.id, customer);
      return json(res, 200, customer);
    }
    if (route === 'POST /v1/checkout/sessions') {
      const id = newId('cs_test');
      const session: Session = {
        id,
        object: 'checkout.session',
        url: `${base}/pay/${id}`,
        customer: form.get('customer') ?? '',
        client_reference_id: form.get('client_reference_id'),
        subscription: null,
        success_url: form.get('success_url') ?? '',
        price: form.get('line_items[0][price]') ?? '',
        metadata: meta('subscription_data[metadata]'),
      };
      if (form.get('mode') !== 'subscription' || !customers.has(session.customer)) return stripeError(res, 400, 'mode must be subscription, with a known customer');
      sessions.set(id, session);
      return json(res, 200, session);
    }
    if (req.method === 'GET' && url.pathname.startsWith('/v1/subscriptions/')) {
      const sub = subscriptions.get(url.pathname.split('/').at(-1)!);
      return sub ? json(res, 200, sub) : stripeError(res, 404, 'No such subscription');
    }
    if (route === 'POST /v1/billing_portal/sessions') {
      if (!customers.has(form.get('customer') ?? '')) return stripeError(res, 400, 'No such customer');
      return json(res, 200, { id: newId('bps'), object: 'billing_portal.session', url: `${base}/portal`, return_url: form.get('return_url') });
    }
    // The checkout page a customer sees, reduced to one button.
    if (req.method === 'GET' && url.pathname.startsWith('/pay/')) {
      const session = sessions.get(url.pathname.slice(5));
      if (!session) return json(res, 404, {});
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(`<!doctype html><title>Stripe stand-in checkout</title><h1>Stripe stand-in: checkout</h1>
        <form method="post" action="/pay/${session.id}"><button>Pay</button></form>`);
    }
    if (req.method === 'POST' && url.pathname.startsWith('/pay/')) {
      const session = sessions.get(url.pathname.slice(5));
      if (!session) return json(res, 404, {});
      await pay(session.id);
      res.writeHead(303, { location: session.success_url });
      return res.end();
    }
    stripeError(res, 404, `The stand-in does not implement ${route}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    delivered,
    calls,
    deliver,
    pay,
    subscriptions,
    /** The app's environment for this stand-in. */
    env: {
      STRIPE_SECRET_KEY: 'sk_test_stand_in',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_PRICE_PRO: STAND_IN_PRICES.pro,
      STRIPE_PRICE_ENTERPRISE: STAND_IN_PRICES.enterprise,
      STRIPE_API_URL: base,
    },
    /** Changes a subscription as Stripe would (a failed renewal, a payment, a cancellation); no event is sent. */
    set(subscriptionId: string, status: string): Subscription {
      const sub = subscriptions.get(subscriptionId)!;
      sub.status = status;
      return structuredClone(sub);
    },
    invoiceFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type StripeStandIn = Awaited<ReturnType<typeof startStripeStandIn>>;

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => resolve(body));
  });
}

function json(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': newId('req') });
  res.end(JSON.stringify(body));
}

/** Stripe's error shape, which the SDK turns into a StripeError. */
function stripeError(res: ServerResponse, status: number, message: string): void {
  json(res, status, { error: { type: 'invalid_request_error', message } });
}

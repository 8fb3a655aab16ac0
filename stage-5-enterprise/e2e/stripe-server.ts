import { test } from '@journey/testkit';
import { ownServer } from './own-server';
import { startStripeStandIn, type StripeStandIn } from '../test/stripe-stand-in';

/**
 * For a spec about Stripe billing: the local Stripe stand-in (test/stripe-stand-in.ts), and a server
 * of the spec's own that the real `stripe` SDK points at it (STRIPE_API_URL), with the stand-in's
 * keys, prices and webhook secret. The stand-in's checkout page has a Pay button; its test controls
 * change a subscription and deliver the signed events to this server's webhook.
 */
export function ownServerWithStripe(dataDirPrefix: string, env: Record<string, string> = {}) {
  let stripe: StripeStandIn;
  // Registered before ownServer's: the stand-in is up when the server starts with its address.
  test.beforeAll(async () => {
    stripe = await startStripeStandIn(() => `${server.url()}/api/stripe/webhook`);
  });
  test.afterAll(async () => {
    await stripe.close();
  });
  const server = ownServer(dataDirPrefix, { env: () => ({ ...stripe.env, ...env }) });
  return { server, stripe: () => stripe };
}

/** The signed-in browser's active organization (the one a new account gets). */
export async function activeOrgId(request: { get: (url: string) => Promise<{ json: () => Promise<unknown> }> }, base: string): Promise<string> {
  return ((await (await request.get(`${base}/api/orgs`)).json()) as { activeOrgId: string }).activeOrgId;
}

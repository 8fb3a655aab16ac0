import Stripe from 'stripe';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** Stripe price ids of the paid plans (STRIPE_PRICE_PRO, STRIPE_PRICE_ENTERPRISE). */
  prices: { pro: string; enterprise: string };
  /** Another API address (the tests' stand-in); unset: api.stripe.com. */
  apiUrl?: string;
}

/** The Stripe SDK, pointed at `apiUrl` when there is one: the real client, whatever answers it. */
export function createStripe({ secretKey, apiUrl }: StripeSettings): Stripe {
  if (!apiUrl) return new Stripe(secretKey);
  const url = new URL(apiUrl);
  return new Stripe(secretKey, {
    host: url.hostname,
    port: url.port || (url.protocol === 'https:' ? 443 : 80),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
  });
}

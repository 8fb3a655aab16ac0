/**
 * Where the page is, read from the address. Tokens travel after `#`, so they never reach a server
 * log or a Referer header:
 * - `/#reset=<token>`: a password-reset link (the server's accounts.ts mails it);
 * - `/invite#<token>`: an invitation link (the server's invitations-service.ts mails it);
 * - `/#organization`: the members page of the active organization;
 * - `/#billing`: its plan and usage (a 402's upgradeUrl, and where Stripe sends people back);
 * - `/#billing=success`: back from a paid Stripe Checkout;
 * - `/#billing-demo[=plan]`: demo billing, where checkout leads when the server has no Stripe key;
 * - `/#api-keys`, `/#support`: its API keys (admins and owners), and "Contact support";
 * - `/#getting-started`: the guide from signup to a program's first call (admins and owners);
 * - `/#analytics`: its usage analytics (admins and owners);
 * - `/#teach=<question>`: the chat, with the teach form opened on that trigger ("Teach this");
 * - `/admin` (and `/admin#…`, its sections): the platform admin panel;
 * - anything else: the chat and the patterns.
 */
export type Route =
  | { page: 'reset'; token: string }
  | { page: 'invite'; token: string }
  | { page: 'organization' }
  | { page: 'billing'; paid: boolean }
  | { page: 'billing-demo'; plan: string }
  | { page: 'api-keys' }
  | { page: 'support' }
  | { page: 'getting-started' }
  | { page: 'admin' }
  | { page: 'analytics' }
  | { page: 'brain'; teach?: string };

export function currentRoute(): Route {
  const hash = location.hash.slice(1);
  if (location.pathname === '/invite') return { page: 'invite', token: hash };
  if (location.pathname === '/admin') return { page: 'admin' };
  const params = new URLSearchParams(hash);
  const reset = params.get('reset');
  if (reset) return { page: 'reset', token: reset };
  if (hash === 'organization') return { page: 'organization' };
  if (hash === 'api-keys' || hash === 'support' || hash === 'getting-started' || hash === 'analytics') return { page: hash };
  if (params.has('teach')) return { page: 'brain', teach: params.get('teach') ?? '' };
  if (params.has('billing')) return { page: 'billing', paid: params.get('billing') === 'success' };
  if (params.has('billing-demo')) return { page: 'billing-demo', plan: params.get('billing-demo') ?? '' };
  return { page: 'brain' };
}

/** The links of the page's tab row. */
export const BRAIN_HREF = '/#';
export const ORGANIZATION_HREF = '/#organization';
export const BILLING_HREF = '/#billing';
export const API_KEYS_HREF = '/#api-keys';
export const SUPPORT_HREF = '/#support';
export const GETTING_STARTED_HREF = '/#getting-started';
export const ANALYTICS_HREF = '/#analytics';
export const teachHref = (trigger: string) => `/#${new URLSearchParams({ teach: trigger })}`;

/** Leaves a link's page (its token used or abandoned) for the chat, without a reload or a history entry. */
export function goHome(): void {
  history.replaceState(null, '', '/');
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Swaps the address for another page of the app, without a history entry (a used link is not worth going back to). */
export function replaceRoute(href: string): void {
  history.replaceState(null, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

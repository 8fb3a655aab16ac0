/**
 * Where the page is, read from the address. Tokens travel after `#`, so they never reach a server
 * log or a Referer header:
 * - `/#reset=<token>`: a password-reset link (the server's accounts.ts mails it);
 * - `/invite#<token>`: an invitation link (the server's invitations-service.ts mails it);
 * - `/#organization`: the members page of the active organization;
 * - anything else: the chat and the patterns.
 */
export type Route =
  | { page: 'reset'; token: string }
  | { page: 'invite'; token: string }
  | { page: 'organization' }
  | { page: 'brain' };

export function currentRoute(): Route {
  const hash = location.hash.slice(1);
  if (location.pathname === '/invite') return { page: 'invite', token: hash };
  const reset = new URLSearchParams(hash).get('reset');
  if (reset) return { page: 'reset', token: reset };
  return hash === 'organization' ? { page: 'organization' } : { page: 'brain' };
}

/** The links of the page's tab row. */
export const BRAIN_HREF = '/#';
export const ORGANIZATION_HREF = '/#organization';

/** Leaves a link's page (its token used or abandoned) for the chat, without a reload or a history entry. */
export function goHome(): void {
  history.replaceState(null, '', '/');
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

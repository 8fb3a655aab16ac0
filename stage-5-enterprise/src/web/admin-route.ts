/**
 * Where the admin panel is, from /admin's #fragment (the panel's links change only the fragment):
 * `#orgs` (and no fragment), `#org=<id>`, `#billing`, `#usage`, `#support`, `#audit`.
 */
export type AdminRoute = { section: 'orgs' } | { section: 'org'; orgId: string } | { section: 'billing' } | { section: 'usage' } | { section: 'support' } | { section: 'audit' };

export function currentAdminRoute(): AdminRoute {
  const hash = location.hash.slice(1);
  const orgId = new URLSearchParams(hash).get('org');
  if (orgId) return { section: 'org', orgId };
  if (hash === 'billing' || hash === 'usage' || hash === 'support' || hash === 'audit') return { section: hash };
  return { section: 'orgs' };
}

export const adminHref = (section: 'orgs' | 'billing' | 'usage' | 'support' | 'audit') => `/admin#${section}`;
export const orgHref = (orgId: string) => `/admin#org=${encodeURIComponent(orgId)}`;

import { randomBytes } from 'node:crypto';
import { createExport } from '@journey/llm-core';
import type { Actor, acme } from './tenancy';

/**
 * Who may do what: every route of the tenancy layer × { owner, admin, member, viewer, a member of
 * another organization, anonymous } → the status they get. Written once as data: role-matrix.test.ts
 * checks every cell on both databases, and the README prints this table.
 *
 * The paths act on Acme (test/tenancy.ts): :orgId is Acme, :userId a member of it, :patternId and
 * :invitationId its own. Routes without :orgId act on the caller's active organization: the
 * outsider's is their own (Acme is not theirs, so the cookie naming it is ignored), hence their
 * 200s there, in their own organization; their 404s on Acme's ids say it has no such thing.
 */
export interface MatrixRow {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  expected: Record<Actor, number>;
  /** Why this row is what it is, when it is not obvious. */
  note?: string;
  /** Acme has a pending ownership offer from the owner to the member when this row is called. */
  offer?: boolean;
}

const row = (
  method: MatrixRow['method'],
  path: string,
  [owner, admin, member, viewer, outsider, anonymous]: number[],
  note?: string,
  offer?: boolean,
): MatrixRow => ({
  method,
  path,
  expected: { owner: owner!, admin: admin!, member: member!, viewer: viewer!, outsider: outsider!, anonymous: anonymous! },
  note,
  offer,
});

export const ROLE_MATRIX: MatrixRow[] = [
  row('GET', '/api/orgs', [200, 200, 200, 200, 200, 401]),
  row('POST', '/api/orgs', [201, 201, 201, 201, 201, 401], 'anyone signed in may found an organization'),
  row('POST', '/api/orgs/:orgId/activate', [200, 200, 200, 200, 404, 401]),
  row('GET', '/api/orgs/:orgId/members', [200, 200, 200, 200, 404, 401]),
  row('PATCH', '/api/orgs/:orgId/members/:userId', [200, 200, 403, 403, 404, 401], 'to admin; only an owner may make or unmake owners'),
  row('DELETE', '/api/orgs/:orgId/members/:userId', [204, 204, 403, 403, 404, 401], 'removing yourself (leaving) is allowed to all'),
  row('GET', '/api/orgs/:orgId/invitations', [200, 200, 403, 403, 404, 401]),
  row('POST', '/api/orgs/:orgId/invitations', [201, 201, 403, 403, 404, 401]),
  row('DELETE', '/api/orgs/:orgId/invitations/:invitationId', [204, 204, 403, 403, 404, 401]),
  row('POST', '/api/orgs/:orgId/invitations/:invitationId/resend', [200, 200, 403, 403, 404, 401], 'a new link, mailed again (Acme’s was mailed an hour ago)'),
  row('POST', '/api/orgs/:orgId/domain-invitations', [201, 201, 403, 403, 404, 401], 'a link for every email on a domain'),
  row('POST', '/api/invitations/accept', [409, 409, 409, 409, 200, 401], 'an invitation to the caller’s email: members already are'),
  row('GET', '/api/orgs/:orgId/ownership-transfer', [200, 200, 200, 200, 404, 401], 'the pending offer (none here), for every member'),
  row('POST', '/api/orgs/:orgId/ownership-transfer', [201, 403, 403, 403, 404, 401], 'owners offer ownership; nothing changes yet'),
  row('DELETE', '/api/orgs/:orgId/ownership-transfer', [204, 403, 403, 403, 404, 401], 'owners cancel the offer', true),
  row('POST', '/api/orgs/:orgId/ownership-transfer/accept', [403, 403, 200, 403, 404, 401], 'only the member offered it accepts (here: the member)', true),
  row('POST', '/api/orgs/:orgId/ownership-transfer/decline', [403, 403, 204, 403, 404, 401], 'or declines', true),
  row('DELETE', '/api/orgs/:orgId', [204, 403, 403, 403, 404, 401], 'with the name typed again'),
  row('GET', '/api/orgs/:orgId/usage', [200, 200, 200, 200, 404, 401], 'everyone sees the plan and usage'),
  row('POST', '/api/orgs/:orgId/billing/checkout', [200, 403, 403, 403, 404, 401], 'owners only manage billing'),
  row('POST', '/api/orgs/:orgId/billing/portal', [200, 403, 403, 403, 404, 401]),
  row('POST', '/api/orgs/:orgId/billing/demo', [204, 403, 403, 403, 404, 401], 'demo billing, when Stripe is not set up'),
  row('GET', '/api/orgs/:orgId/api-keys', [200, 200, 403, 403, 404, 401], 'admins and owners manage keys'),
  row('POST', '/api/orgs/:orgId/api-keys', [201, 201, 403, 403, 404, 401]),
  row('DELETE', '/api/orgs/:orgId/api-keys/:keyId', [204, 204, 403, 403, 404, 401]),
  row('POST', '/api/support', [201, 201, 201, 201, 201, 401], 'a ticket for the active organization'),
  row('GET', '/api/admin/orgs', [403, 403, 403, 403, 403, 401], 'platform admins only (admin.test.ts: they get 200)'),
  row('GET', '/api/admin/orgs/:orgId', [403, 403, 403, 403, 403, 401]),
  row('POST', '/api/admin/orgs/:orgId/comp', [403, 403, 403, 403, 403, 401]),
  row('POST', '/api/admin/orgs/:orgId/suspend', [403, 403, 403, 403, 403, 401]),
  row('POST', '/api/admin/orgs/:orgId/unsuspend', [403, 403, 403, 403, 403, 401]),
  row('GET', '/api/admin/billing', [403, 403, 403, 403, 403, 401]),
  row('GET', '/api/admin/usage', [403, 403, 403, 403, 403, 401]),
  row('GET', '/api/admin/mrr', [403, 403, 403, 403, 403, 401]),
  row('GET', '/api/admin/tickets', [403, 403, 403, 403, 403, 401]),
  row('POST', '/api/admin/tickets/:ticketId/reply', [403, 403, 403, 403, 403, 401]),
  row('POST', '/api/admin/tickets/:ticketId/close', [403, 403, 403, 403, 403, 401]),
  row('GET', '/api/patterns', [200, 200, 200, 200, 200, 401], 'the outsider sees their own organization'),
  row('POST', '/api/patterns', [201, 201, 201, 403, 201, 401]),
  row('PUT', '/api/patterns/:patternId', [200, 200, 200, 403, 404, 401]),
  row('DELETE', '/api/patterns/:patternId', [204, 204, 204, 403, 404, 401]),
  row('POST', '/api/chat', [200, 200, 200, 200, 200, 401]),
  row('POST', '/api/import', [200, 200, 200, 403, 200, 401]),
];

/** A body each route accepts, built for the cell (names, ids and tokens of this cell's Acme). */
export function bodyFor(row: MatrixRow, world: Awaited<ReturnType<typeof acme>>, acceptToken: string): unknown {
  if (row.method === 'GET') return undefined;
  if (row.path === '/api/orgs') return { name: 'Initech' };
  if (row.path === '/api/orgs/:orgId') return { confirm: world.org.name };
  if (row.path.endsWith('/members/:userId') && row.method === 'PATCH') return { role: 'admin' };
  if (row.path.endsWith('/domain-invitations')) return { domain: `${randomBytes(3).toString('hex')}.example.com`, role: 'member' };
  if (row.path.endsWith('/ownership-transfer') && row.method === 'POST') return { userId: world.target.user.id };
  if (row.path.endsWith('/invitations') && row.method === 'POST') return { email: `new-${randomBytes(3).toString('hex')}@example.com`, role: 'member' };
  if (row.path === '/api/invitations/accept') return { token: acceptToken };
  if (row.path.startsWith('/api/patterns')) return { trigger: 'taught in the matrix', response: 'yes' };
  if (row.path === '/api/chat') return { message: 'acme secret' };
  if (row.path.includes('/billing/')) return { plan: 'pro' };
  if (row.path.endsWith('/api-keys')) return { name: 'matrix key' };
  if (row.path.startsWith('/api/admin/')) return { plan: 'pro', reason: 'matrix', message: 'matrix' };
  if (row.path === '/api/support') return { message: 'help from the matrix' };
  if (row.path === '/api/import') return createExport([{ trigger: 'imported in the matrix', response: 'yes' }]);
  return undefined;
}

/** The row's path with this Acme's ids. */
export const pathFor = (row: MatrixRow, world: Awaited<ReturnType<typeof acme>>): string =>
  row.path
    .replace(':orgId', world.org.id)
    .replace(':userId', world.target.user.id)
    .replace(':patternId', world.pattern.id)
    .replace(':invitationId', world.invitation.id)
    .replace(':keyId', world.apiKey.apiKey.id)
    .replace(':ticketId', world.ticketId);

/** The matrix as a Markdown table, for the README. */
export function matrixAsMarkdown(): string {
  const lines = ['| route | owner | admin | member | viewer | other org | anonymous |', '|---|---|---|---|---|---|---|'];
  for (const { method, path, expected } of ROLE_MATRIX) {
    lines.push(`| ${method} ${path} | ${expected.owner} | ${expected.admin} | ${expected.member} | ${expected.viewer} | ${expected.outsider} | ${expected.anonymous} |`);
  }
  return lines.join('\n');
}

import { randomBytes } from 'node:crypto';
import type { Role } from '../src/shared/api';
import { hashInvitationToken } from '../src/server/invitations-service';
import { invitationsRepo } from '../src/server/invitations-repo';
import { organizationsRepo } from '../src/server/organizations-repo';
import { createUsersRepo } from '../src/server/users-repo';
import { supportRepo } from '../src/server/support-repo';
import { call, ownerQuery, signUp, uniqueEmail, type Session, type TestServer } from './helpers';

/** Who calls, in the role matrix and the isolation fuzz. */
export type Actor = 'owner' | 'admin' | 'member' | 'viewer' | 'outsider' | 'anonymous';
export const ACTORS: Actor[] = ['owner', 'admin', 'member', 'viewer', 'outsider', 'anonymous'];

export interface People {
  owner: Session;
  admin: Session;
  member: Session;
  viewer: Session;
  /** A member of another organization (their own personal one) only. */
  outsider: Session;
}

export async function people(url: string): Promise<People> {
  const [owner, admin, member, viewer, outsider] = await Promise.all(
    ['owner', 'admin', 'member', 'viewer', 'outsider'].map((name) => signUp(url, uniqueEmail(name))),
  );
  return { owner: owner!, admin: admin!, member: member!, viewer: viewer!, outsider: outsider! };
}

/**
 * Acme: a new organization with the owner, an admin, a member, a viewer, a second member to act on,
 * a pattern, invitations (the pending one mailed an hour ago, so it may be resent), an API key and
 * a support ticket. `offerOwnershipToMember`: the owner's pending ownership offer, for the rows that need one.
 */
export async function acme(server: TestServer, who: People) {
  const { organizations, patterns, db } = server.server;
  const org = await organizations.create(who.owner.user.id, `Acme ${randomBytes(2).toString('hex')}`);
  // Made without signing up (the signup throttle allows 30 an hour per address): they never log in.
  const target = { user: (await createUsersRepo(db).insert(uniqueEmail('target'), 'never-logs-in'))! };
  const token = randomBytes(32).toString('base64url');
  const invitationFor = async (email: string, role: Role, secret = randomBytes(32).toString('base64url')) =>
    db.forOrg(org.id, (tx) =>
      invitationsRepo.insert(tx, org.id, {
        email,
        role,
        tokenHash: hashInvitationToken(secret),
        expiresAt: new Date(Date.now() + 86_400_000),
        invitedBy: who.owner.user.id,
      }),
    );
  await db.forOrg(org.id, async (tx) => {
    await organizationsRepo.addMember(tx, org.id, who.admin.user.id, 'admin');
    await organizationsRepo.addMember(tx, org.id, who.member.user.id, 'member');
    await organizationsRepo.addMember(tx, org.id, who.viewer.user.id, 'viewer');
    await organizationsRepo.addMember(tx, org.id, target.user.id, 'member');
  });
  const pattern = await patterns.teach(org.id, who.owner.user, { trigger: 'acme secret', response: 'the vault code is 1234' });
  const invitation = await invitationFor(uniqueEmail('invited'), 'member');
  await ownerQuery(server.db, "UPDATE invitations SET sent_at = now() - interval '1 hour' WHERE id = $1", [invitation.id]);
  const offerOwnershipToMember = () => server.server.ownershipTransfers.offer(who.owner.user.id, org.id, who.member.user.id);
  const apiKey = await server.server.apiKeys.create(who.owner.user.id, org.id, 'Acme CI');
  const ticketId = await db.forOrg(org.id, (tx) => supportRepo.open(tx, org.id, who.member.user, 'Acme needs help'));
  return { org, target, pattern, invitation, token, invitationFor, apiKey, ticketId, offerOwnershipToMember };
}

/** Calls as an actor, acting on `orgId` (the active-organization cookie) when signed in. */
export function as(url: string, who: People, actor: Actor, orgId?: string) {
  const session = actor === 'anonymous' ? undefined : who[actor];
  const cookie = session ? [session.cookie, orgId ? `org=${orgId}` : ''].filter(Boolean).join('; ') : undefined;
  return (method: string, path: string, body?: unknown) =>
    call(url, method, path, body, { headers: cookie ? { cookie } : {} });
}

/** Row counts and a hash of every tenant table's content, read past RLS: equal snapshots, nothing changed. */
export async function snapshot(server: TestServer) {
  const tables = [
    'organizations',
    'memberships',
    'invitations',
    'ownership_transfers',
    'patterns',
    'users',
    'api_keys',
    'subscriptions',
    'support_tickets',
    'support_replies',
  ];
  const result: Record<string, unknown> = {};
  for (const table of tables) {
    [result[table]] = await ownerQuery(
      server.db,
      `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM ${table} t`,
    );
  }
  return result;
}

import { randomBytes, randomUUID } from 'node:crypto';
import type { Member, Org, Role } from '../shared/api';
import { AppError } from './app-error';
import type { Db, Queryable } from './db';
import { organizationsRepo as repo } from './organizations-repo';
import { requireRole, requireRoleToManage } from './roles';
import { recordAudit } from './audit/audit';

/** The same answer for "no such organization" and "not yours": a 404 tells nothing. */
export const orgNotFound = () => new AppError('not_found', 'That organization does not exist, or you are not a member.');
const memberNotFound = () => new AppError('not_found', 'That person is not a member of this organization.');
const lastOwner = () =>
  new AppError('last_owner', 'An organization needs an owner: make someone else owner first, or delete the organization.');

/** "Acme Corp." → "acme-corp-3f9a1c": readable, and unique without asking the database first. */
export function slugFor(name: string): string {
  const base = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40);
  const suffix = randomBytes(3).toString('hex');
  return base ? `${base}-${suffix}` : `org-${suffix}`;
}

/** A new organization row's fields; signup's personal one is named after the email. */
export const newOrganization = (name: string) => ({ id: randomUUID(), name, slug: slugFor(name) });
export const personalOrganizationName = (email: string) => `${email.split('@')[0]!.slice(0, 80)}'s organization`;

/**
 * Organizations and their members. Who asks is always checked here, from the database, in the
 * same transaction as the change: a role is never taken from a token or a body.
 */
export function createOrganizations(db: Db, onDeleted: (orgId: string) => void) {
  /** The actor's membership, or 404: outsiders learn nothing about the organization. */
  async function membership(tx: Queryable, orgId: string, userId: string): Promise<Org> {
    const org = await repo.asSeenBy(tx, orgId, userId);
    if (!org) throw orgNotFound();
    return org;
  }

  return {
    listFor: (userId: string): Promise<Org[]> => db.forUser(userId, (tx) => repo.listForUser(tx, userId)),

    /** The organization as the user sees it, or undefined when they are no member. */
    find: (orgId: string, userId: string): Promise<Org | undefined> =>
      db.forOrg(orgId, (tx) => repo.asSeenBy(tx, orgId, userId)),

    create(userId: string, name: string): Promise<Org> {
      const org = newOrganization(name);
      return db.forOrg(org.id, (tx) => repo.insert(tx, org, userId));
    },

    /** Owners only, with the name or slug typed again. */
    remove: (actorId: string, orgId: string, confirm: string): Promise<void> =>
      db
        .forOrg(orgId, async (tx) => {
          const org = await membership(tx, orgId, actorId);
          requireRole(org.role, 'owner', 'delete the organization');
          if (confirm !== org.name && confirm !== org.slug) {
            throw new AppError('confirmation_mismatch', `Type the organization's name (${org.name}) to delete it.`);
          }
          await repo.remove(tx, orgId);
        })
        .then(() => onDeleted(orgId)),

    members: (actorId: string, orgId: string): Promise<Member[]> =>
      db.forOrg(orgId, async (tx) => {
        await membership(tx, orgId, actorId);
        return repo.members(tx, orgId);
      }),

    changeRole: (actorId: string, orgId: string, userId: string, role: Role): Promise<Member> =>
      db.forOrg(orgId, async (tx) => {
        const owners = await repo.lockOwners(tx, orgId); // first: the actor's own role is read after any change to it
        const actor = await membership(tx, orgId, actorId);
        const current = await repo.lockMember(tx, orgId, userId);
        if (!current) throw memberNotFound();
        requireRoleToManage(actor.role, current, 'change this member\'s role');
        requireRoleToManage(actor.role, role, `make someone ${role}`);
        if (current === 'owner' && role !== 'owner' && owners.length === 1) throw lastOwner();
        await repo.setRole(tx, orgId, userId, role);
        const member = (await repo.members(tx, orgId)).find((member) => member.userId === userId)!;
        await recordAudit(tx, {
          orgId,
          action: 'member.role_changed',
          target: { type: 'user', id: userId, label: member.email },
          summary: { before: { role: current }, after: { role } },
        });
        return member;
      }),

    /** Removes a member; removing yourself is leaving, which every member may do. */
    removeMember: (actorId: string, orgId: string, userId: string): Promise<void> =>
      db.forOrg(orgId, async (tx) => {
        const owners = await repo.lockOwners(tx, orgId); // first: the actor's own role is read after any change to it
        const actor = await membership(tx, orgId, actorId);
        const current = await repo.lockMember(tx, orgId, userId);
        if (!current) throw memberNotFound();
        if (userId !== actorId) requireRoleToManage(actor.role, current, 'remove this member');
        if (current === 'owner' && owners.length === 1) throw lastOwner();
        const email = (await repo.members(tx, orgId)).find((member) => member.userId === userId)!.email;
        await repo.removeMember(tx, orgId, userId);
        await recordAudit(tx, { orgId, action: 'member.removed', target: { type: 'user', id: userId, label: email }, summary: { before: { role: current } } });
      }),
  };
}

export type Organizations = ReturnType<typeof createOrganizations>;

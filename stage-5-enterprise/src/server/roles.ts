import type { Role } from '../shared/api';
import { AppError } from './app-error';

/**
 * owner > admin > member > viewer (DESIGN.md). Viewers chat and read patterns; members also teach,
 * edit, delete and import; admins also invite and remove members and change their roles; owners
 * also manage owners, billing, and delete the organization.
 */
const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

export const atLeast = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed];

const WHO: Record<Role, string> = {
  viewer: 'a member of the organization',
  member: 'a member, admin or owner (not a viewer)',
  admin: 'an admin or owner',
  owner: 'an owner',
};

/** 403: a member of the organization (so it may know it exists), whose role may not do this. */
export function requireRole(role: Role, needed: Role, action: string): void {
  if (!atLeast(role, needed)) throw new AppError('forbidden', `Only ${WHO[needed]} can ${action}.`);
}

/** Only an owner may give or take the owner role; an admin manages admins, members and viewers. */
export function requireRoleToManage(actor: Role, target: Role, action: string): void {
  requireRole(actor, target === 'owner' ? 'owner' : 'admin', action);
}

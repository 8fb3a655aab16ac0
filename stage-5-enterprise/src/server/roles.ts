import type { Role } from '../shared/api';
import { AppError } from './app-error';

/**
 * owner > admin > member (DESIGN.md). Members teach and chat; admins also invite and remove
 * members and change their roles; owners also manage owners, billing, and delete the organization.
 */
const RANK: Record<Role, number> = { member: 1, admin: 2, owner: 3 };

export const atLeast = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed];

/** 403: a member of the organization (so it may know it exists), whose role may not do this. */
export function requireRole(role: Role, needed: Role, action: string): void {
  if (!atLeast(role, needed)) throw new AppError('forbidden', `Only ${needed === 'owner' ? 'an owner' : 'an admin or owner'} can ${action}.`);
}

/** Only an owner may give or take the owner role; an admin manages members and admins. */
export function requireRoleToManage(actor: Role, target: Role, action: string): void {
  requireRole(actor, target === 'owner' ? 'owner' : 'admin', action);
}

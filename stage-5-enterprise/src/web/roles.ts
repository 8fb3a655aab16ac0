import type { Role } from '../shared/api';

/**
 * The server's role rules (src/server/roles.ts), mirrored only to decide which controls to show.
 * The server checks every request again: a hidden button is a courtesy, not a lock.
 */
const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

export const ROLES: Role[] = ['viewer', 'member', 'admin', 'owner'];

export const atLeast = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed];

/** Only an owner gives or takes the owner role; an admin manages viewers, members and admins. */
export const canManage = (actor: Role, target: Role): boolean => atLeast(actor, target === 'owner' ? 'owner' : 'admin');

/** The roles this actor may hand out (in an invitation, or a change of role). */
export const grantable = (actor: Role): Role[] => ROLES.filter((role) => canManage(actor, role));

/** What each role may do, in the words of the invite form ("An admin …"). */
export const ROLE_HINT: Record<Role, string> = {
  viewer: 'chats and reads the patterns, and changes nothing',
  member: 'teaches and chats',
  admin: 'teaches and chats, and invites, removes and changes the roles of members',
  owner: 'does all an admin does, and names owners and deletes the organization',
};

/** "a" viewer, "an" admin. */
export const article = (role: Role): string => (role === 'admin' || role === 'owner' ? 'an' : 'a');
export const withArticle = (role: Role): string => `${article(role)} ${role}`;

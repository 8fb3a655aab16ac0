import { createHash, randomBytes } from 'node:crypto';
import type { Invitation, InvitationCreated, Org, Role } from '../shared/api';
import { AppError } from './app-error';
import type { Db, Queryable } from './db';
import { invitationsRepo as repo } from './invitations-repo';
import type { Mailer } from './mail/outbox';
import { orgNotFound } from './organizations-service';
import { organizationsRepo } from './organizations-repo';
import { requireRole, requireRoleToManage } from './roles';

export const INVITATION_DAYS = 7;

/** Like a reset token: 256 random bits, so a fast hash is enough; only the hash is stored. */
export const hashInvitationToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const unknownInvitation = () => new AppError('not_found', 'This invitation link is not valid. Ask for a new one.');

/**
 * Inviting by email (through the outbox) and by a link to copy; accepting with the invited email.
 * The link carries the token after `#`, so it never reaches a server log or a Referer header.
 */
export function createInvitations(db: Db, options: { mailer: Mailer; appUrl: string }) {
  /** The caller's membership, if they may manage invitations: 404 for outsiders, 403 for members. */
  async function adminOf(tx: Queryable, orgId: string, userId: string): Promise<Org> {
    const org = await organizationsRepo.asSeenBy(tx, orgId, userId);
    if (!org) throw orgNotFound();
    requireRole(org.role, 'admin', 'manage invitations');
    return org;
  }

  return {
    async invite(actor: { id: string; email: string }, orgId: string, email: string, role: Role): Promise<InvitationCreated> {
      const token = randomBytes(32).toString('base64url');
      const link = `${options.appUrl}/invite#${token}`;
      const { org, invitation } = await db.forOrg(orgId, async (tx) => {
        const org = await adminOf(tx, orgId, actor.id);
        requireRoleToManage(org.role, role, `invite an ${role}`);
        const members = await organizationsRepo.members(tx, orgId);
        if (members.some((member) => member.email === email)) {
          throw new AppError('already_member', `${email} is already a member of ${org.name}.`);
        }
        const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60_000);
        const invitation = await repo.insert(tx, orgId, { email, role, tokenHash: hashInvitationToken(token), expiresAt, invitedBy: actor.id });
        return { org, invitation };
      });
      // After the commit: a mail never announces an invitation that was rolled back.
      await options.mailer.send({
        to: email,
        subject: `Join ${org.name} on LLM Journey`,
        text: [
          `${actor.email} invites you to ${org.name} as ${role}.`,
          `Open this link within ${INVITATION_DAYS} days, and sign in or sign up with this email (${email}):`,
          '',
          link,
        ].join('\n'),
      });
      return { invitation, link };
    },

    list: (actorId: string, orgId: string): Promise<Invitation[]> =>
      db.forOrg(orgId, async (tx) => {
        await adminOf(tx, orgId, actorId);
        return repo.list(tx, orgId);
      }),

    revoke: (actorId: string, orgId: string, id: string): Promise<void> =>
      db.forOrg(orgId, async (tx) => {
        await adminOf(tx, orgId, actorId);
        if (!(await repo.revoke(tx, orgId, id))) throw new AppError('not_found', 'No pending invitation with this id.');
      }),

    /**
     * Joins the invitation's organization with its role. Only the invited email may; once; before
     * it expires; not twice into the same organization. Two racing accepts: one UPDATE wins.
     */
    async accept(user: { id: string; email: string }, token: string): Promise<Org> {
      const tokenHash = hashInvitationToken(token);
      const pending = await db.forInvitation(tokenHash, (tx) => repo.byTokenHash(tx, tokenHash));
      if (!pending) throw unknownInvitation();
      if (pending.email !== user.email) {
        throw new AppError('invitation_wrong_email', `This invitation is for ${pending.email}. Sign in with that email to accept it.`);
      }
      if (pending.accepted) throw new AppError('invitation_used', 'This invitation has been accepted already.');
      if (pending.expired) throw new AppError('invitation_expired', 'This invitation has expired. Ask for a new one.');
      return db.forOrg(pending.orgId, async (tx) => {
        if (await organizationsRepo.asSeenBy(tx, pending.orgId, user.id)) {
          throw new AppError('already_member', 'You are already a member of this organization.');
        }
        if (!(await repo.markAccepted(tx, pending.orgId, pending.id))) {
          throw new AppError('invitation_used', 'This invitation has been accepted already.');
        }
        await organizationsRepo.addMember(tx, pending.orgId, user.id, pending.role);
        return (await organizationsRepo.asSeenBy(tx, pending.orgId, user.id))!;
      });
    },
  };
}

export type Invitations = ReturnType<typeof createInvitations>;

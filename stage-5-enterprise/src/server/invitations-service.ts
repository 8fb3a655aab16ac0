import { createHash, randomBytes } from 'node:crypto';
import type { Invitation, InvitationCreated, InvitationMailed, Org, Role } from '../shared/api';
import { AppError } from './app-error';
import type { Db, Queryable } from './db';
import { invitationsRepo as repo, type PendingInvitation } from './invitations-repo';
import type { Mailer } from './mail/outbox';
import { orgNotFound } from './organizations-service';
import { organizationsRepo } from './organizations-repo';
import { recordAudit } from './audit/audit';

/** How the audit trail names an invitation: whom it is for. */
const invitationTarget = (invitation: { id: string; email: string | null; domain: string | null }) => ({
  type: 'invitation', id: invitation.id, label: invitation.email ?? `@${invitation.domain}`,
});
import { requireRole, requireRoleToManage } from './roles';

export const INVITATION_DAYS = 7;
/** A resend mails the invitee again: at most once a minute per invitation, so no inbox is flooded. */
export const RESEND_EVERY_SECONDS = 60;

/** Seconds left before a mail sent at `sentAt` may go again (0 or less: now). */
const secondsToWait = (sentAt: Date) => Math.ceil(RESEND_EVERY_SECONDS - (Date.now() - sentAt.getTime()) / 1000);

const expiry = () => new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60_000);
const newToken = () => randomBytes(32).toString('base64url');

/** Like a reset token: 256 random bits, so a fast hash is enough; only the hash is stored. */
export const hashInvitationToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** "ada@acme.com" → "acme.com" (emails are lowercased on the way in). */
const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

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

  const linkFor = (token: string) => `${options.appUrl}/invite#${token}`;

  /** The invitation mail, sent after the commit: it never announces an invitation that was rolled back. */
  const mail = (inviter: string, org: Org, email: string, role: Role, link: string) =>
    options.mailer.send({
      to: email,
      subject: `Join ${org.name} on LLM Journey`,
      text: [
        `${inviter} invites you to ${org.name} as ${role}.`,
        `Open this link within ${INVITATION_DAYS} days, and sign in or sign up with this email (${email}):`,
        '',
        link,
      ].join('\n'),
    });

  /** What a domain link mails to the address it was opened with: the proof that the mailbox is theirs. */
  const mailProof = (orgName: string, email: string, domain: string, role: Role, link: string) =>
    options.mailer.send({
      to: email,
      subject: `Confirm your email to join ${orgName} on LLM Journey`,
      text: [
        `Someone signed in as ${email} opened ${orgName}'s invitation link for emails on ${domain}.`,
        `If it was you, open this link within ${INVITATION_DAYS} days, signed in as ${email}, to join as ${role}:`,
        '',
        link,
        '',
        'If it was not you, ignore this mail: nobody joins without it.',
      ].join('\n'),
    });

  /**
   * A domain link opened by someone on its domain: mails them an email invitation (same role) to
   * the address they signed in with. Nobody joins yet; whoever opens the mail proves the mailbox is
   * theirs. One mail per person and link a minute at most (429); asking again sends a new link and
   * the old one stops working.
   */
  async function mailDomainInvitee(user: { id: string; email: string }, pending: PendingInvitation & { domain: string }): Promise<InvitationMailed> {
    const token = newToken();
    const orgName = await db.forOrg(pending.orgId, async (tx) => {
      if (await organizationsRepo.asSeenBy(tx, pending.orgId, user.id)) {
        throw new AppError('already_member', 'You are already a member of this organization.');
      }
      const link = await repo.lockOpenDomain(tx, pending.orgId, pending.id);
      if (!link) throw new AppError('invitation_used', 'This invitation has been revoked meanwhile.');
      const earlier = await repo.pendingVia(tx, pending.orgId, pending.id, user.email);
      if (earlier) {
        const wait = secondsToWait(earlier.sentAt);
        if (wait > 0) {
          throw new AppError('too_many_attempts', `We sent you a link moments ago: check your mail. You can ask again in ${wait} seconds.`, {
            retryAfterSeconds: wait,
          });
        }
        await repo.renew(tx, pending.orgId, earlier.id, hashInvitationToken(token), expiry());
      } else {
        await repo.insert(tx, pending.orgId, {
          email: user.email,
          role: pending.role,
          tokenHash: hashInvitationToken(token),
          expiresAt: expiry(),
          invitedBy: link.invitedBy,
          via: pending.id,
        });
      }
      return (await organizationsRepo.nameOf(tx, pending.orgId))!;
    });
    await mailProof(orgName, user.email, pending.domain, pending.role, linkFor(token));
    return { mailed: { to: user.email, organization: orgName } };
  }

  return {
    async invite(actor: { id: string; email: string }, orgId: string, email: string, role: Role): Promise<InvitationCreated> {
      const token = newToken();
      const link = linkFor(token);
      const { org, invitation } = await db.forOrg(orgId, async (tx) => {
        const org = await adminOf(tx, orgId, actor.id);
        requireRoleToManage(org.role, role, `invite someone as ${role}`);
        const members = await organizationsRepo.members(tx, orgId);
        if (members.some((member) => member.email === email)) {
          throw new AppError('already_member', `${email} is already a member of ${org.name}.`);
        }
        const invitation = await repo.insert(tx, orgId, { email, role, tokenHash: hashInvitationToken(token), expiresAt: expiry(), invitedBy: actor.id });
        await recordAudit(tx, { orgId, action: 'invitation.sent', target: invitationTarget(invitation), summary: { after: { role } } });
        return { org, invitation };
      });
      await mail(actor.email, org, email, role, link);
      return { invitation, link };
    },

    /**
     * A link for everyone with an email on `domain` (admins and owners; never for owners): nothing
     * is mailed, the admin shares it, until it expires or is revoked. This stage does not verify
     * emails at sign-up, so the link never joins by itself: opening it mails the person an email
     * invitation to the address they signed in with, and opening that mail joins.
     */
    async inviteDomain(actorId: string, orgId: string, domain: string, role: Role): Promise<InvitationCreated> {
      const token = newToken();
      const invitation = await db.forOrg(orgId, async (tx) => {
        const org = await adminOf(tx, orgId, actorId);
        requireRoleToManage(org.role, role, `invite someone as ${role}`);
        const invitation = await repo.insert(tx, orgId, { domain, role, tokenHash: hashInvitationToken(token), expiresAt: expiry(), invitedBy: actorId });
        await recordAudit(tx, { orgId, action: 'invitation.domain_created', target: invitationTarget(invitation), summary: { after: { role } } });
        return invitation;
      });
      return { invitation, link: linkFor(token) };
    },

    /**
     * Mails a pending email invitation again with a new link: the old link stops working, the 7 days
     * start again. Once a minute per invitation at most (429 with the seconds to wait).
     */
    async resend(actor: { id: string; email: string }, orgId: string, id: string): Promise<InvitationCreated> {
      const token = newToken();
      const link = linkFor(token);
      const { org, invitation } = await db.forOrg(orgId, async (tx) => {
        const org = await adminOf(tx, orgId, actor.id);
        const pending = await repo.lockPendingEmail(tx, orgId, id);
        if (!pending) throw new AppError('not_found', 'No pending email invitation with this id.');
        requireRoleToManage(org.role, pending.role, `resend an invitation as ${pending.role}`);
        const wait = secondsToWait(pending.sentAt);
        if (wait > 0) {
          throw new AppError('too_many_attempts', `This invitation was sent moments ago. You can send it again in ${wait} seconds.`, {
            retryAfterSeconds: wait,
          });
        }
        await repo.renew(tx, orgId, id, hashInvitationToken(token), expiry());
        const invitation = (await repo.find(tx, orgId, id))!;
        await recordAudit(tx, { orgId, action: 'invitation.resent', target: invitationTarget(invitation) });
        return { org, invitation };
      });
      await mail(actor.email, org, invitation.email!, invitation.role, link);
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
        const invitation = await repo.find(tx, orgId, id); // read first: revoking deletes it
        if (!(await repo.revoke(tx, orgId, id))) throw new AppError('not_found', 'No pending invitation with this id.');
        await recordAudit(tx, { orgId, action: 'invitation.revoked', target: invitationTarget(invitation!) });
      }),

    /**
     * An email invitation: joins its organization with its role; only the invited email may, once
     * (two racing accepts: one UPDATE wins). A domain invitation: any email on that domain is mailed
     * an email invitation of its own (see mailDomainInvitee). Both: before it expires, and not for members.
     */
    async accept(user: { id: string; email: string }, token: string): Promise<Org | InvitationMailed> {
      const tokenHash = hashInvitationToken(token);
      const pending = await db.forInvitation(tokenHash, (tx) => repo.byTokenHash(tx, tokenHash));
      if (!pending) throw unknownInvitation();
      if (pending.domain !== null && domainOf(user.email) !== pending.domain) {
        throw new AppError('invitation_wrong_domain', `This invitation is for emails on ${pending.domain}. Sign in with such an email to accept it.`);
      }
      if (pending.email !== null && pending.email !== user.email) {
        throw new AppError('invitation_wrong_email', `This invitation is for ${pending.email}. Sign in with that email to accept it.`);
      }
      if (pending.accepted) throw new AppError('invitation_used', 'This invitation has been accepted already.');
      if (pending.expired) throw new AppError('invitation_expired', 'This invitation has expired. Ask for a new one.');
      if (pending.domain !== null) return mailDomainInvitee(user, { ...pending, domain: pending.domain });
      return db.forOrg(pending.orgId, async (tx) => {
        if (await organizationsRepo.asSeenBy(tx, pending.orgId, user.id)) {
          throw new AppError('already_member', 'You are already a member of this organization.');
        }
        if (!(await repo.markAccepted(tx, pending.orgId, pending.id))) {
          throw new AppError('invitation_used', 'This invitation has been accepted or revoked meanwhile.');
        }
        await organizationsRepo.addMember(tx, pending.orgId, user.id, pending.role);
        await recordAudit(tx, {
          orgId: pending.orgId,
          action: 'invitation.accepted',
          actor: { type: 'user', id: user.id, label: user.email },
          target: invitationTarget(pending),
          summary: { after: { role: pending.role } },
        });
        return (await organizationsRepo.asSeenBy(tx, pending.orgId, user.id))!;
      });
    },
  };
}

export type Invitations = ReturnType<typeof createInvitations>;

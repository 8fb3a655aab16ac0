import type {
  Invitation,
  InvitationCreated,
  Member,
  Org,
  OrgAnswer,
  OrgList,
  OwnershipTransfer,
  Role,
} from '../shared/api';
import { ApiError, request } from './store';

/**
 * The page's side of /api/orgs and /api/invitations: one method per request. The server checks
 * every role from its database; the page only hides the controls a role cannot use.
 */
export class HttpOrgs {
  constructor(
    private readonly base = '',
    private readonly onSignedOut: () => void = () => {},
  ) {}

  /** The user's organizations with their role in each, and the one the session acts on. */
  list(): Promise<OrgList> {
    return this.request('GET', '/api/orgs');
  }

  async create(name: string): Promise<Org> {
    return (await this.request<OrgAnswer>('POST', '/api/orgs', { name })).org;
  }

  /** Makes it the session's organization: the chat and the pattern list then show its brain. */
  async activate(orgId: string): Promise<Org> {
    return (await this.request<OrgAnswer>('POST', `${path(orgId)}/activate`)).org;
  }

  /** Owners only; `confirm` is the organization's name or slug, typed again. */
  async remove(orgId: string, confirm: string): Promise<void> {
    await this.request('DELETE', path(orgId), { confirm });
  }

  async members(orgId: string): Promise<Member[]> {
    return (await this.request<{ members: Member[] }>('GET', `${path(orgId)}/members`)).members;
  }

  async changeRole(orgId: string, userId: string, role: Role): Promise<Member> {
    return (await this.request<{ member: Member }>('PATCH', `${path(orgId)}/members/${enc(userId)}`, { role })).member;
  }

  /** Removing yourself is leaving. */
  async removeMember(orgId: string, userId: string): Promise<void> {
    await this.request('DELETE', `${path(orgId)}/members/${enc(userId)}`);
  }

  async invitations(orgId: string): Promise<Invitation[]> {
    return (await this.request<{ invitations: Invitation[] }>('GET', `${path(orgId)}/invitations`)).invitations;
  }

  /** Mails the link (through the outbox) and returns it once, for the inviter to copy. */
  invite(orgId: string, email: string, role: Role): Promise<InvitationCreated> {
    return this.request('POST', `${path(orgId)}/invitations`, { email, role });
  }

  /** A link for everyone signed in with an email on `domain` (nothing is mailed). */
  inviteDomain(orgId: string, domain: string, role: Role): Promise<InvitationCreated> {
    return this.request('POST', `${path(orgId)}/domain-invitations`, { domain, role });
  }

  /** Mails a pending invitation again with a new link (the old one stops working). */
  resend(orgId: string, invitationId: string): Promise<InvitationCreated> {
    return this.request('POST', `${path(orgId)}/invitations/${enc(invitationId)}/resend`);
  }

  /** The pending ownership offer, or null. */
  async transfer(orgId: string): Promise<OwnershipTransfer | null> {
    return (await this.request<{ transfer: OwnershipTransfer | null }>('GET', `${path(orgId)}/ownership-transfer`)).transfer;
  }

  /** Owners: offers ownership to a member; nothing changes until they accept. */
  async offerOwnership(orgId: string, userId: string): Promise<OwnershipTransfer> {
    return (await this.request<{ transfer: OwnershipTransfer }>('POST', `${path(orgId)}/ownership-transfer`, { userId })).transfer;
  }

  async cancelTransfer(orgId: string): Promise<void> {
    await this.request('DELETE', `${path(orgId)}/ownership-transfer`);
  }

  /** The member it was offered to: they become owner, the owner who offered becomes admin. */
  async acceptTransfer(orgId: string): Promise<Org> {
    return (await this.request<OrgAnswer>('POST', `${path(orgId)}/ownership-transfer/accept`)).org;
  }

  async declineTransfer(orgId: string): Promise<void> {
    await this.request('POST', `${path(orgId)}/ownership-transfer/decline`);
  }

  async revoke(orgId: string, invitationId: string): Promise<void> {
    await this.request('DELETE', `${path(orgId)}/invitations/${enc(invitationId)}`);
  }

  /** Joins with the invited role (signed in with the invited email); the server makes it the active organization. */
  async accept(token: string): Promise<Org> {
    return (await this.request<OrgAnswer>('POST', '/api/invitations/accept', { token })).org;
  }

  private async request<T>(method: string, to: string, body?: unknown): Promise<T> {
    try {
      return await request<T>(this.base, method, to, body);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.onSignedOut();
      throw error;
    }
  }
}

const enc = encodeURIComponent;
const path = (orgId: string) => `/api/orgs/${enc(orgId)}`;

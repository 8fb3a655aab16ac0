import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Org, OwnershipTransfer, User } from '../shared/api';
import type { HttpOrgs } from './orgs-client';
import { article, atLeast } from './roles';
import type { InvitationsList } from './invitations-list';
import type { OwnershipOffer } from './ownership-offer';
import './members-list';
import './invite-form';
import './invitations-list';
import './delete-org';
import './ownership-offer';
import './audit-log';
import { orgAudit } from './audit-client';
import './sso-settings';
import { HttpSso } from './sso-client';

/**
 * The active organization's page: its members for everyone; a pending ownership offer for the
 * member it is offered to (and the owners); inviting for admins and owners; single sign-on and
 * deleting for owners. What a role cannot do is not drawn at all (and the server refuses it anyway).
 */
@customElement('journey-org-page')
export class OrgPage extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 1.25rem;
    }
    .title h2 {
      margin: 0;
      font-size: 1.3rem;
      letter-spacing: -0.01em;
      overflow-wrap: anywhere;
    }
    .title p {
      margin: 0.2rem 0 0;
      color: var(--journey-muted);
      font-size: 0.9rem;
    }
    .columns {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 1.25rem;
      align-items: start;
    }
    .side {
      display: grid;
      gap: 1.25rem;
    }
    [role='tablist'] {
      display: flex;
      gap: 0.25rem;
      border-bottom: 1px solid var(--journey-border, #e2e2ea);
    }
    [role='tab'] {
      font: inherit;
      font-size: 0.92rem;
      font-weight: 600;
      color: var(--journey-muted);
      background: none;
      border: 0;
      border-bottom: 2px solid transparent;
      padding: 0.5rem 0.8rem;
      margin-bottom: -1px;
      cursor: pointer;
    }
    [role='tab'][aria-selected='true'] {
      color: var(--journey-accent, #4f46e5);
      border-bottom-color: currentColor;
    }
    .columns.single {
      grid-template-columns: minmax(0, 40rem);
    }
    @media (max-width: 820px) {
      .columns,
      .columns.single {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `;

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) user!: User;
  @property({ attribute: false }) client!: HttpOrgs;

  private readonly sso = new HttpSso();

  @query('journey-invitations') private invitations?: InvitationsList;
  @query('journey-ownership-offer') private offer?: OwnershipOffer;
  /** The pending ownership offer, as the offer card last read it. */
  @state() private transfer: OwnershipTransfer | null = null;
  /** Admins and owners see two tabs: the people, and the audit log. */
  @state() private tab: 'members' | 'audit' = 'members';

  override render() {
    const admin = atLeast(this.org.role, 'admin');
    return html`
      <div class="title">
        <h2>${this.org.name}</h2>
        <p>You are ${article(this.org.role)} <strong>${this.org.role}</strong> · ${this.org.plan} plan · <code>${this.org.slug}</code></p>
        ${this.org.role === 'viewer'
          ? html`<p>As a viewer you chat and read the patterns. An admin or an owner can make you a member, to teach.</p>`
          : admin
            ? nothing
            : html`<p>Only an admin or an owner can invite people, change roles or remove members.</p>`}
      </div>
      ${admin
        ? html`<div role="tablist" aria-label="Organization">
            ${(['members', 'audit'] as const).map(
              (tab) => html`<button role="tab" aria-selected=${this.tab === tab} @click=${() => (this.tab = tab)}>${tab === 'members' ? 'People' : 'Audit log'}</button>`,
            )}
          </div>`
        : nothing}
      ${this.tab === 'audit' && admin ? html`<journey-audit-log .source=${this.auditOf(this.org.id)}></journey-audit-log>` : this.members(admin)}
    `;
  }

  /** One source per organization: a new one each render would reload the log each time. */
  private audit = { orgId: '', source: orgAudit('') };
  private auditOf(orgId: string) {
    if (this.audit.orgId !== orgId) this.audit = { orgId, source: orgAudit(orgId) };
    return this.audit.source;
  }

  private members(admin: boolean) {
    return html`
      <journey-ownership-offer
        .org=${this.org}
        .user=${this.user}
        .client=${this.client}
        @transfer-loaded=${(e: CustomEvent<OwnershipTransfer | null>) => (this.transfer = e.detail)}
      ></journey-ownership-offer>
      <div class="columns ${admin ? '' : 'single'}" @ownership-offered=${() => void this.offer?.load()}>
        <journey-members .org=${this.org} .user=${this.user} .client=${this.client} .transferPending=${this.transfer !== null}></journey-members>
        ${admin
          ? html`<div class="side" @invited=${() => void this.invitations?.load()}>
              <journey-invite-form .org=${this.org} .client=${this.client}></journey-invite-form>
              <journey-invitations .org=${this.org} .client=${this.client}></journey-invitations>
            </div>`
          : nothing}
      </div>
      ${this.org.role === 'owner' ? html`<journey-sso-settings .org=${this.org} .client=${this.sso}></journey-sso-settings>` : nothing}
      ${this.org.role === 'owner' ? html`<journey-delete-org .org=${this.org} .client=${this.client}></journey-delete-org>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-org-page': OrgPage;
  }
}

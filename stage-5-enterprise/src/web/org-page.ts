import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Org, User } from '../shared/api';
import type { HttpOrgs } from './orgs-client';
import { atLeast } from './roles';
import type { InvitationsList } from './invitations-list';
import './members-list';
import './invite-form';
import './invitations-list';
import './delete-org';
import './sso-settings';
import { HttpSso } from './sso-client';

/**
 * The active organization's page: its members for everyone; inviting for admins and owners;
 * single sign-on and deleting for owners. What a role cannot do is not drawn at all (and the server refuses it anyway).
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

  override render() {
    const admin = atLeast(this.org.role, 'admin');
    return html`
      <div class="title">
        <h2>${this.org.name}</h2>
        <p>You are ${this.org.role === 'member' ? 'a' : 'an'} <strong>${this.org.role}</strong> · ${this.org.plan} plan · <code>${this.org.slug}</code></p>
        ${admin ? nothing : html`<p>Only an admin or an owner can invite people, change roles or remove members.</p>`}
      </div>
      <div class="columns ${admin ? '' : 'single'}">
        <journey-members .org=${this.org} .user=${this.user} .client=${this.client}></journey-members>
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

import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { Invitation, Org } from '../shared/api';
import type { HttpOrgs } from './orgs-client';
import { day, panelStyles } from './panel-styles';

/** The organization's invitations (admins and owners): pending ones can be revoked; accepted ones stay listed. */
@customElement('journey-invitations')
export class InvitationsList extends LitElement {
  static override styles = [theme, panelStyles];

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) client!: HttpOrgs;

  @state() private invitations: Invitation[] | undefined;
  @state() private error = '';
  @state() private revoking: string | null = null;

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('org')) void this.load();
  }

  async load() {
    try {
      this.invitations = await this.client.invitations(this.org.id);
    } catch (error) {
      this.invitations ??= [];
      this.error = errorMessage(error);
    }
  }

  override render() {
    const pending = this.invitations?.filter((i) => !i.acceptedAt).length ?? 0;
    return html`
      <header>
        <h2 id="invitations-title">Invitations</h2>
        ${this.invitations ? html`<span class="meta">${pending} pending</span>` : nothing}
      </header>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${this.invitations === undefined
        ? html`<p class="meta" role="status">Loading invitations…</p>`
        : this.invitations.length === 0
          ? html`<p class="empty">No invitations yet. Invite someone above: they show up here until they join.</p>`
          : html`<ul aria-labelledby="invitations-title">${this.invitations.map((i) => this.row(i))}</ul>`}
    `;
  }

  private row(invitation: Invitation) {
    const expired = !invitation.acceptedAt && new Date(invitation.expiresAt) <= new Date();
    const status = invitation.acceptedAt
      ? html`<span class="chip muted">accepted ${day(invitation.acceptedAt)}</span>`
      : expired
        ? html`<span class="chip muted">expired</span>`
        : html`<span class="chip">pending</span>`;
    return html`<li data-email=${invitation.email}>
      <div class="who">
        <strong>${invitation.email}</strong>
        <div class="meta">
          As ${invitation.role}${invitation.invitedBy ? `, by ${invitation.invitedBy}` : ''}
          · ${invitation.acceptedAt ? `sent ${day(invitation.createdAt)}` : `${expired ? 'expired' : 'expires'} ${day(invitation.expiresAt)}`}
        </div>
      </div>
      <div class="controls">
        ${status}
        ${invitation.acceptedAt
          ? nothing
          : html`<button
              class="quiet small"
              aria-label="Revoke the invitation of ${invitation.email}"
              ?disabled=${this.revoking !== null}
              @click=${() => this.revoke(invitation)}
            >
              ${this.revoking === invitation.id ? 'Revoking…' : 'Revoke'}
            </button>`}
      </div>
    </li>`;
  }

  private async revoke(invitation: Invitation) {
    this.revoking = invitation.id;
    this.error = '';
    try {
      await this.client.revoke(this.org.id, invitation.id);
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.revoking = null;
      await this.load(); // revoked, or accepted meanwhile: the list says which
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-invitations': InvitationsList;
  }
}

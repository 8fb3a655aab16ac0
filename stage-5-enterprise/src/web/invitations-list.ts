import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { Invitation, Org } from '../shared/api';
import type { HttpOrgs } from './orgs-client';
import { day, panelStyles } from './panel-styles';

/**
 * The organization's invitations (admins and owners): pending ones can be sent again (a new link,
 * the old one stops working) or revoked; accepted ones stay listed. A domain invitation is a row
 * too ("Anyone @acme.com"): it stays pending, for each new person on the domain, until it expires.
 */
@customElement('journey-invitations')
export class InvitationsList extends LitElement {
  static override styles = [theme, panelStyles];

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) client!: HttpOrgs;

  @state() private invitations: Invitation[] | undefined;
  @state() private error = '';
  /** The invitation being revoked or resent. */
  @state() private busy: string | null = null;
  @state() private done = '';

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
      ${this.done ? html`<p class="done" role="status">${this.done}</p>` : nothing}
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
    const who = invitation.domain ? `Anyone @${invitation.domain}` : invitation.email;
    return html`<li data-email=${invitation.email ?? nothing} data-domain=${invitation.domain ?? nothing}>
      <div class="who">
        <strong>${who}</strong>
        <div class="meta">
          As ${invitation.role}${invitation.invitedBy ? `, by ${invitation.invitedBy}` : ''}
          · ${invitation.acceptedAt
            ? `sent ${day(invitation.createdAt)}`
            : `${invitation.domain ? 'link ' : ''}${expired ? 'expired' : 'expires'} ${day(invitation.expiresAt)}`}
        </div>
      </div>
      <div class="controls">
        ${status}
        ${invitation.acceptedAt || invitation.domain
          ? nothing
          : html`<button
              class="quiet small"
              aria-label="Resend the invitation of ${who}"
              ?disabled=${this.busy !== null}
              @click=${() => this.resend(invitation)}
            >
              ${this.busy === `resend ${invitation.id}` ? 'Sending…' : 'Resend'}
            </button>`}
        ${invitation.acceptedAt
          ? nothing
          : html`<button
              class="quiet small"
              aria-label="Revoke the invitation of ${who}"
              ?disabled=${this.busy !== null}
              @click=${() => this.revoke(invitation)}
            >
              ${this.busy === `revoke ${invitation.id}` ? 'Revoking…' : 'Revoke'}
            </button>`}
      </div>
    </li>`;
  }

  /** A new link, mailed again; the old link stops working. */
  private async resend(invitation: Invitation) {
    this.busy = `resend ${invitation.id}`;
    this.error = '';
    this.done = '';
    try {
      await this.client.resend(this.org.id, invitation.id);
      this.done = `Sent again to ${invitation.email}, with a new link; the old one no longer works.`;
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = null;
      await this.load();
    }
  }

  private async revoke(invitation: Invitation) {
    this.busy = `revoke ${invitation.id}`;
    this.error = '';
    this.done = '';
    try {
      await this.client.revoke(this.org.id, invitation.id);
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = null;
      await this.load(); // revoked, or accepted meanwhile: the list says which
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-invitations': InvitationsList;
  }
}

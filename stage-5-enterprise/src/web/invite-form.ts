import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { Org, Role } from '../shared/api';
import type { HttpOrgs } from './orgs-client';
import { ApiError } from './store';
import { grantable, ROLE_HINT } from './roles';
import { panelStyles } from './panel-styles';


/**
 * "Invite people" (admins and owners): the server mails the link (to the outbox, in development)
 * and answers it once, so the inviter can also copy it and send it their own way. Fires `invited`
 * after each, so the page lists it.
 */
@customElement('journey-invite-form')
export class InviteForm extends LitElement {
  static override styles = [
    theme,
    panelStyles,
    css`
      form {
        display: grid;
        gap: 0.8rem;
      }
      .fields {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
        gap: 0.6rem;
        align-items: start;
      }
      .fields select {
        width: 100%;
        padding: 0.6rem 0.5rem;
        border-radius: 10px;
      }
      .fields .meta {
        grid-column: 1 / -1;
      }
      .sent {
        display: grid;
        gap: 0.5rem;
        margin-top: 1rem;
        padding: 0.8rem;
        border-radius: 12px;
        background: var(--_surface-sunken);
      }
      .link {
        display: flex;
        gap: 0.5rem;
      }
      .link input {
        font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
        font-size: 0.8rem;
      }
      @media (max-width: 420px) {
        .fields {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) client!: HttpOrgs;

  @state() private email = '';
  @state() private inviteRole: Role = 'member';
  @state() private busy = false;
  @state() private error = '';
  @state() private fieldErrors: Record<string, string> = {};
  /** The last invitation made: to whom, and its link (shown once). */
  @state() private sent: { email: string; role: Role; link: string } | null = null;
  @state() private copied = '';

  override render() {
    return html`
      <header><h2 id="invite-title">Invite people</h2></header>
      <form novalidate @submit=${this.submit} aria-labelledby="invite-title">
        <p class="lead">They get an email with a link; they sign in or sign up with that email to join ${this.org.name}.</p>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
        <div class="fields">
          <div>
            <label for="invite-email">Email</label>
            <input
              id="invite-email"
              type="email"
              autocomplete="off"
              placeholder="colleague@example.com"
              .value=${this.email}
              @input=${(e: Event) => ((this.email = (e.target as HTMLInputElement).value), (this.fieldErrors = {}))}
              aria-invalid=${this.fieldErrors.email ? 'true' : 'false'}
              aria-describedby=${this.fieldErrors.email ? 'invite-email-error' : nothing}
            />
            ${this.fieldErrors.email ? html`<p class="field-error" id="invite-email-error">${this.fieldErrors.email}</p>` : nothing}
          </div>
          <div>
            <label for="invite-role">Role</label>
            <select id="invite-role" @change=${(e: Event) => (this.inviteRole = (e.target as HTMLSelectElement).value as Role)}>
              ${grantable(this.org.role).map(
                (role) => html`<option value=${role} .selected=${role === this.inviteRole}>${role}</option>`,
              )}
            </select>
          </div>
          <p class="meta">${article(this.inviteRole)} ${this.inviteRole} ${ROLE_HINT[this.inviteRole]}.</p>
        </div>
        <div><button type="submit" ?disabled=${this.busy}>${this.busy ? 'Sending…' : 'Send invitation'}</button></div>
      </form>
      ${this.sent ? this.sentBox(this.sent) : nothing}
    `;
  }

  private sentBox(sent: { email: string; role: Role; link: string }) {
    return html`<div class="sent" role="status">
      <p class="done">Invitation mailed to <strong>${sent.email}</strong> as ${sent.role}. You can also send them this link; it works once, for 7 days:</p>
      <div class="link">
        <label class="visually-hidden" for="invite-link">Invitation link</label>
        <input id="invite-link" readonly .value=${sent.link} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
        <button type="button" class="quiet" @click=${this.copy}>${this.copied || 'Copy link'}</button>
      </div>
    </div>`;
  }

  private async copy() {
    if (!this.sent) return;
    try {
      await navigator.clipboard.writeText(this.sent.link);
      this.copied = 'Copied';
    } catch {
      // No clipboard permission (an embedded page, an old browser): select it for Ctrl+C instead.
      this.renderRoot.querySelector<HTMLInputElement>('#invite-link')?.select();
      this.copied = 'Press Ctrl+C';
    }
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    this.fieldErrors = {};
    this.copied = '';
    try {
      const { invitation, link } = await this.client.invite(this.org.id, this.email, this.inviteRole);
      this.sent = { email: invitation.email, role: invitation.role, link };
      this.email = '';
      this.dispatchEvent(new Event('invited', { bubbles: true, composed: true }));
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      this.fieldErrors = fields;
      if (Object.keys(fields).length === 0) this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}

const article = (role: Role) => (role === 'member' ? 'A' : 'An');

declare global {
  interface HTMLElementTagNameMap {
    'journey-invite-form': InviteForm;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { Org, Role } from '../shared/api';
import type { HttpOrgs } from './orgs-client';
import { ApiError } from './store';
import { grantable, ROLE_HINT, withArticle } from './roles';
import { panelStyles } from './panel-styles';


/**
 * "Invite people" (admins and owners), by email or by email domain. By email: the server mails the
 * link (to the outbox, in development) and answers it once, so the inviter can also copy it and
 * send it their own way. By domain: a link for everyone signed in with an email on that domain,
 * mailed to nobody (the inviter shares it). Fires `invited` after each, so the page lists it.
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
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.35rem 1.1rem;
      }
      legend {
        float: left; /* a legend will not sit in a flex row otherwise */
        padding: 0;
        margin-right: 0.1rem;
        font-weight: 600;
        font-size: 0.9rem;
      }
      fieldset label {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
        margin: 0;
        font-weight: 500;
        white-space: nowrap;
      }
      fieldset input {
        width: auto;
        margin: 0;
        accent-color: var(--_accent);
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

  /** Invite one email, or everyone on an email domain. */
  @state() private mode: 'email' | 'domain' = 'email';
  @state() private email = '';
  @state() private domain = '';
  @state() private inviteRole: Role = 'member';
  @state() private busy = false;
  @state() private error = '';
  @state() private fieldErrors: Record<string, string> = {};
  /** The last invitation made: to whom, and its link (shown once). */
  @state() private sent: Sent | null = null;
  @state() private copied = '';

  override render() {
    return html`
      <header><h2 id="invite-title">Invite people</h2></header>
      <form novalidate @submit=${this.submit} aria-labelledby="invite-title">
        <p class="lead">
          ${this.mode === 'email'
            ? `They get an email with a link; they sign in or sign up with that email to join ${this.org.name}.`
            : `One link for your whole team: whoever signs in with an email on that domain joins ${this.org.name}.`}
        </p>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
        <fieldset>
          <legend>Invite</legend>
          <label><input type="radio" name="mode" .checked=${this.mode === 'email'} @change=${() => this.switchMode('email')} />one email</label>
          <label><input type="radio" name="mode" .checked=${this.mode === 'domain'} @change=${() => this.switchMode('domain')} />everyone on a domain</label>
        </fieldset>
        <div class="fields">
          ${this.mode === 'email' ? this.emailField() : this.domainField()}
          <div>
            <label for="invite-role">Role</label>
            <select id="invite-role" @change=${(e: Event) => (this.inviteRole = (e.target as HTMLSelectElement).value as Role)}>
              ${this.roles().map(
                (role) => html`<option value=${role} .selected=${role === this.inviteRole}>${role}</option>`,
              )}
            </select>
          </div>
          <p class="meta">${capitalized(withArticle(this.inviteRole))} ${ROLE_HINT[this.inviteRole]}.</p>
        </div>
        <div>
          <button type="submit" ?disabled=${this.busy}>
            ${this.busy ? 'One moment…' : this.mode === 'email' ? 'Send invitation' : 'Create domain link'}
          </button>
        </div>
      </form>
      ${this.sent ? this.sentBox(this.sent) : nothing}
    `;
  }

  private emailField() {
    return html`<div>
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
    </div>`;
  }

  private domainField() {
    return html`<div>
      <label for="invite-domain">Email domain</label>
      <input
        id="invite-domain"
        autocomplete="off"
        placeholder="acme.com"
        .value=${this.domain}
        @input=${(e: Event) => ((this.domain = (e.target as HTMLInputElement).value), (this.fieldErrors = {}))}
        aria-invalid=${this.fieldErrors.domain ? 'true' : 'false'}
        aria-describedby=${this.fieldErrors.domain ? 'invite-domain-error' : nothing}
      />
      ${this.fieldErrors.domain ? html`<p class="field-error" id="invite-domain-error">${this.fieldErrors.domain}</p>` : nothing}
    </div>`;
  }

  /** A domain link never makes owners (the server refuses it too): ownership is offered to one person. */
  private roles(): Role[] {
    return grantable(this.org.role).filter((role) => this.mode === 'email' || role !== 'owner');
  }

  private switchMode(mode: 'email' | 'domain') {
    this.mode = mode;
    this.fieldErrors = {};
    this.error = '';
    if (!this.roles().includes(this.inviteRole)) this.inviteRole = 'member';
  }

  private sentBox(sent: Sent) {
    return html`<div class="sent" role="status">
      ${sent.email
        ? html`<p class="done">Invitation mailed to <strong>${sent.email}</strong> as ${sent.role}. You can also send them this link; it works once, for 7 days:</p>`
        : html`<p class="done">
            Anyone signed in with an email on <strong>${sent.domain}</strong> joins as ${sent.role} with this link, for 7 days (until you
            revoke it). Nothing was mailed: share it yourself.
          </p>`}
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
      const { invitation, link } =
        this.mode === 'email'
          ? await this.client.invite(this.org.id, this.email, this.inviteRole)
          : await this.client.inviteDomain(this.org.id, this.domain, this.inviteRole);
      this.sent = { email: invitation.email, domain: invitation.domain, role: invitation.role, link };
      this.email = '';
      this.domain = '';
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

type Sent = { email: string | null; domain: string | null; role: Role; link: string };

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

declare global {
  interface HTMLElementTagNameMap {
    'journey-invite-form': InviteForm;
  }
}

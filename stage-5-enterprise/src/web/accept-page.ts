import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { User } from '../shared/api';
import type { HttpAuth } from './auth-client';
import type { HttpOrgs } from './orgs-client';
import { SIGNED_IN, orgsChanged, signedOut } from './events';
import { goHome } from './route';
import { ApiError } from './store';
import './auth-page';

/**
 * An invitation link opened (`/invite#<token>`). Signed out: sign in or sign up, with the invited
 * email, and the invitation is accepted at once. Signed in: accept with this account, or switch to
 * another. The server checks the email, the expiry and the role; this page shows its answer.
 */
@customElement('journey-accept-page')
export class AcceptPage extends LitElement {
  static override styles = [
    css`
      :host {
        display: grid;
        gap: 1.25rem;
        max-width: 26rem;
        margin: 0 auto;
      }
    `,
  ];

  @property({ attribute: false }) user: User | null = null;
  @property({ attribute: false }) auth!: HttpAuth;
  @property({ attribute: false }) client!: HttpOrgs;
  @property({ attribute: false }) token = '';

  @state() private busy = false;
  @state() private error: { text: string; wrongEmail: boolean } | null = null;

  override connectedCallback() {
    super.connectedCallback();
    // Signed in through the form below, with the email just typed: accept without another click.
    this.addEventListener(SIGNED_IN, () => void this.accept());
  }

  override render() {
    return html`
      <journey-invitation-card
        .user=${this.user}
        .busy=${this.busy}
        .error=${this.error}
        .hasToken=${this.token !== ''}
        @accept=${() => void this.accept()}
        @other-account=${() => void this.otherAccount()}
      ></journey-invitation-card>
      ${this.user === null && this.token
        ? html`<journey-auth-page .auth=${this.auth} mode="sign-up"></journey-auth-page>`
        : nothing}
    `;
  }

  private async accept() {
    if (this.busy) return;
    this.busy = true;
    this.error = null;
    try {
      const org = await this.client.accept(this.token);
      const what = org.role === 'viewer' ? 'to chat with and read' : 'to teach and chat with';
      this.dispatchEvent(orgsChanged({ notice: `You joined ${org.name} as ${org.role}. Its patterns are yours ${what}.` }));
      goHome();
    } catch (error) {
      // Another account may be the right one: for the invited email, or one on the invited domain.
      const wrongEmail = error instanceof ApiError && (error.code === 'invitation_wrong_email' || error.code === 'invitation_wrong_domain');
      this.error = { text: errorMessage(error), wrongEmail };
    } finally {
      this.busy = false;
    }
  }

  /** Signs out here (the server ends the session), so the invited email can sign in. */
  private async otherAccount() {
    this.error = null;
    await this.auth.logOut().catch(() => {});
    this.dispatchEvent(signedOut());
  }
}

/** The invitation itself: what it is, and where it stands (accepting, refused, or waiting for you). */
@customElement('journey-invitation-card')
export class InvitationCard extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: grid;
        gap: 0.8rem;
      }
      h2 {
        font-size: 1.25rem;
      }
      .lead {
        color: var(--_muted);
        font-size: 0.92rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      a {
        color: var(--_accent);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) user: User | null = null;
  @property({ attribute: false }) busy = false;
  @property({ attribute: false }) error: { text: string; wrongEmail: boolean } | null = null;
  @property({ attribute: false }) hasToken = true;

  override render() {
    if (!this.hasToken) {
      return html`<h2>Invitation</h2>
        <p class="alert" role="alert">This invitation link is incomplete. Open the whole link from the email, or ask for a new one.</p>
        <p><a href="/">Go to Pattern Bot</a></p>`;
    }
    return html`
      <h2 id="invite-title">You're invited to an organization</h2>
      ${this.lead()}
      ${this.busy ? html`<p class="lead" role="status">Joining…</p>` : nothing}
      ${this.error ? html`<p class="alert" role="alert">${this.error.text}</p>` : nothing}
      ${this.user ? this.buttons() : nothing}
    `;
  }

  private lead() {
    if (!this.user) {
      return html`<p class="lead">
        Its members share one bot: they teach it and chat with it together. Sign up, or sign in, with the email the
        invitation was sent to (or one on the domain it names), and you join at once.
      </p>`;
    }
    return html`<p class="lead">
      You are signed in as <strong>${this.user.email}</strong>. The invitation works only for the email it was sent to, or
      for emails on the domain it names.
    </p>`;
  }

  private buttons() {
    const fire = (name: string) => () => this.dispatchEvent(new Event(name));
    // Refused: retrying cannot help. The wrong account can make way; any other refusal leads home.
    if (this.error?.wrongEmail) {
      return html`<div class="buttons"><button @click=${fire('other-account')}>Use another account</button></div>`;
    }
    return html`<div class="buttons">
      ${this.error
        ? html`<a href="/">Go to your patterns</a>`
        : html`<button ?disabled=${this.busy} @click=${fire('accept')}>Accept invitation</button>`}
      <button class="quiet" ?disabled=${this.busy} @click=${fire('other-account')}>Use another account</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-accept-page': AcceptPage;
    'journey-invitation-card': InvitationCard;
  }
}

import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pageButtons } from '@journey/ui';
import type { User } from '../shared/api';
import type { HttpAuth } from './auth-client';
import { signedOut } from './events';

/** Who is signed in, and the ways out. Fires SIGNED_OUT once the server has ended the session(s). */
@customElement('journey-account-header')
export class AccountHeader extends LitElement {
  static override styles = [
    pageButtons,
    css`
      :host {
        display: flex;
        align-items: center;
        justify-content: flex-end;
        flex-wrap: wrap; /* on a narrow screen the buttons move under the email rather than squeeze it */
        gap: 0.6rem;
        min-width: 0;
      }
      .avatar {
        flex-shrink: 0;
        display: grid;
        place-items: center;
        width: 2rem;
        height: 2rem;
        border-radius: 50%;
        background: color-mix(in srgb, var(--journey-accent) 15%, var(--journey-surface));
        color: var(--journey-accent);
        font-weight: 700;
        text-transform: uppercase;
      }
      .email {
        min-width: 8rem;
        flex: 0 1 auto;
        max-width: 13rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        font-size: 0.9rem;
        color: var(--journey-muted);
      }
      button {
        flex-shrink: 0;
      }
    `,
  ];

  @property({ attribute: false }) user!: User;
  @property({ attribute: false }) auth!: HttpAuth;
  @state() private busy = false;

  override render() {
    return html`
      <span class="avatar" aria-hidden="true">${this.user.email.charAt(0)}</span>
      <span class="email" title=${this.user.email}>Signed in as <strong>${this.user.email}</strong></span>
      <button class="secondary" ?disabled=${this.busy} @click=${() => this.logOut(() => this.auth.logOut())}>Log out</button>
      <button
        class="secondary"
        title="Ends your sessions in every browser and every program token"
        ?disabled=${this.busy}
        @click=${() => this.logOut(() => this.auth.logOutEverywhere())}
      >
        Sign out everywhere
      </button>
    `;
  }

  private async logOut(end: () => Promise<void>) {
    this.busy = true;
    try {
      await end();
    } finally {
      // Even if the server could not be reached, this page stops showing the account.
      this.busy = false;
      this.dispatchEvent(signedOut());
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-account-header': AccountHeader;
  }
}

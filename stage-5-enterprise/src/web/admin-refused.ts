import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { theme } from '@journey/ui';
import type { User } from '../shared/api';

/** What everyone but a platform admin sees at /admin. */
@customElement('journey-admin-refused')
export class AdminRefused extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        max-width: 32rem;
        margin: 1rem auto;
        text-align: center;
      }
      h2 {
        font-size: 1.2rem;
        margin-bottom: 0.5rem;
      }
      p + p {
        margin-top: 0.75rem;
      }
      a {
        color: var(--_accent);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) user!: User;

  override render() {
    return html`
      <h2>Admins only</h2>
      <p>This panel is for the people who run this service. ${this.user.email} is not a platform admin, so the server refuses it.</p>
      <p><a href="/">Back to your organizations</a></p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-admin-refused': AdminRefused;
  }
}

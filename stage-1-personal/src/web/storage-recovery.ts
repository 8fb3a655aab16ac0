import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { theme } from '@journey/ui';

/**
 * Shown instead of the app when the saved patterns cannot be read. Nothing is thrown away
 * unasked: first the raw data can be downloaded, then the person chooses to reset.
 */
@customElement('journey-storage-recovery')
export class StorageRecovery extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        max-width: 36rem;
        margin: 2rem auto;
        border-top: 4px solid var(--_danger);
      }
      h2 {
        font-size: 1.25rem;
        margin-bottom: 0.75rem;
      }
      p + p {
        margin-top: 0.6rem;
      }
      .reason {
        color: var(--_danger);
        font-weight: 500;
      }
      ol {
        margin: 1rem 0 0;
        padding-left: 1.25rem;
        display: grid;
        gap: 0.9rem;
      }
      li::marker {
        font-weight: 700;
        color: var(--_muted);
      }
      li p {
        color: var(--_muted);
        font-size: 0.9rem;
        margin-bottom: 0.4rem;
      }
    `,
  ];

  /** Why the data could not be read. */
  @property() reason = '';

  override render() {
    return html`
      <h2>Your saved patterns could not be read</h2>
      <p class="reason">${this.reason}</p>
      <p>Perhaps they were edited by hand or written by a different version of this app. Nothing has been changed yet.</p>
      <ol>
        <li>
          <p>Keep a copy of the data exactly as it is stored, to repair or inspect later.</p>
          <button @click=${() => this.dispatchEvent(new Event('download-raw'))}>Download the raw data</button>
        </li>
        <li>
          <p>Then start again with the example patterns. This deletes the unreadable data from this browser.</p>
          <button class="danger" @click=${() => this.dispatchEvent(new Event('reset-storage'))}>Reset and start fresh</button>
        </li>
      </ol>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-storage-recovery': StorageRecovery;
  }
}

import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Org } from '../shared/api';
import type { ApiKeysList } from './api-keys-list';
import './api-keys-list';
import './create-api-key';

/**
 * The "API keys" tab (admins and owners; members do not get the tab, and the server answers them
 * 403): the keys on one side, creating one on the other.
 */
@customElement('journey-api-keys-page')
export class ApiKeysPage extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr);
      gap: 1.25rem;
      align-items: start;
    }
    @media (max-width: 820px) {
      :host {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `;

  @property({ attribute: false }) org!: Org;

  @query('journey-api-keys') private list!: ApiKeysList;

  override render() {
    return html`
      <journey-api-keys .org=${this.org}></journey-api-keys>
      <journey-create-api-key .org=${this.org} @api-key-created=${() => void this.list.load()}></journey-create-api-key>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-api-keys-page': ApiKeysPage;
  }
}

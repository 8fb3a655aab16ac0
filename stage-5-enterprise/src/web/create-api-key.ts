import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { Org } from '../shared/api';
import { HttpApiKeys } from './api-keys-client';
import { ApiError } from './store';
import type { KeyDialog } from './key-dialog';
import { panelStyles } from './panel-styles';
import './key-dialog';

/**
 * "Create an API key" (admins and owners): a name, then the key in a dialog, once. Fires
 * `api-key-created` so the page lists it.
 */
@customElement('journey-create-api-key')
export class CreateApiKey extends LitElement {
  static override styles = [
    theme,
    panelStyles,
    css`
      form {
        display: grid;
        gap: 0.8rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        align-items: start;
        flex-wrap: wrap;
      }
      .row > div {
        flex: 1 1 12rem;
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) client = new HttpApiKeys();

  @state() private name = '';
  @state() private created = '';
  @state() private busy = false;
  @state() private error = '';
  @state() private fieldError = '';

  @query('journey-key-dialog') private dialog!: KeyDialog;

  override render() {
    return html`
      <header><h2 id="create-key-title">Create an API key</h2></header>
      <form novalidate @submit=${this.submit} aria-labelledby="create-key-title">
        <p class="lead">
          A key lets a program teach and chat with ${this.org.name}'s patterns, with a member's rights, and counts against its
          plan. Name it after the program that will use it.
        </p>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
        <div class="row">
          <div>
            <label for="key-name">Key name</label>
            <input
              id="key-name"
              autocomplete="off"
              placeholder="Website chat widget"
              maxlength="100"
              .value=${this.name}
              @input=${(e: Event) => ((this.name = (e.target as HTMLInputElement).value), (this.fieldError = ''))}
              aria-invalid=${this.fieldError ? 'true' : 'false'}
              aria-describedby=${this.fieldError ? 'key-name-error' : nothing}
            />
            ${this.fieldError ? html`<p class="field-error" id="key-name-error">${this.fieldError}</p>` : nothing}
          </div>
        </div>
        <div><button type="submit" ?disabled=${this.busy}>${this.busy ? 'Creating…' : 'Create key'}</button></div>
      </form>
      <journey-key-dialog .name=${this.created}></journey-key-dialog>
    `;
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    this.fieldError = '';
    try {
      const { apiKey, key } = await this.client.create(this.org.id, this.name);
      this.created = apiKey.name;
      this.name = '';
      this.dispatchEvent(new Event('api-key-created', { bubbles: true, composed: true }));
      await this.dialog.show(key);
    } catch (error) {
      const field = error instanceof ApiError ? error.fields.name : undefined;
      if (field) this.fieldError = field;
      else this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-create-api-key': CreateApiKey;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { HttpOrgs } from './orgs-client';
import { ApiError } from './store';
import { orgsChanged } from './events';

/**
 * "New organization": creates one with the user as its owner, and switches to it (an empty brain).
 * Fires ORGS_CHANGED once the server has done both; CANCEL_CREATE when `cancellable` and cancelled.
 */
export const CANCEL_CREATE = 'cancel-create';

@customElement('journey-create-org')
export class CreateOrgForm extends LitElement {
  static override styles = [
    theme,
    css`
      form {
        display: grid;
        gap: 0.9rem;
      }
      .lead {
        color: var(--_muted);
        font-size: 0.9rem;
      }
      .buttons {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
    `,
  ];

  @property({ attribute: false }) client!: HttpOrgs;
  /** Shows a Cancel button (in a dialog); the empty state has nowhere else to go. */
  @property({ type: Boolean }) cancellable = false;
  @property() heading = 'New organization';

  @state() private name = '';
  @state() private busy = false;
  @state() private error = '';

  override render() {
    return html`<form novalidate @submit=${this.submit} aria-labelledby="create-title">
      <h2 id="create-title">${this.heading}</h2>
      <p class="lead">An organization shares one brain: its members teach and chat with the same patterns. You will be its owner.</p>
      <div>
        <label for="org-name">Organization name</label>
        <input
          id="org-name"
          autocomplete="organization"
          maxlength="100"
          placeholder="Acme"
          .value=${this.name}
          @input=${(e: Event) => ((this.name = (e.target as HTMLInputElement).value), (this.error = ''))}
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby=${this.error ? 'org-name-error' : nothing}
        />
        ${this.error ? html`<p class="field-error" id="org-name-error" role="alert">${this.error}</p>` : nothing}
      </div>
      <div class="buttons">
        <button type="submit" ?disabled=${this.busy}>${this.busy ? 'Creating…' : 'Create organization'}</button>
        ${this.cancellable
          ? html`<button type="button" class="quiet" @click=${this.cancel}>Cancel</button>`
          : nothing}
      </div>
    </form>`;
  }

  /** Puts the cursor in the name field (the dialog calls it when it opens). */
  override focus() {
    this.renderRoot.querySelector<HTMLInputElement>('#org-name')?.focus();
  }

  /** Empties the form (a closed dialog opens empty next time). */
  reset() {
    this.name = '';
    this.error = '';
  }

  private cancel() {
    this.reset();
    this.dispatchEvent(new Event(CANCEL_CREATE));
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const org = await this.client.create(this.name);
      await this.client.activate(org.id);
      this.name = '';
      this.dispatchEvent(orgsChanged({ notice: `Created ${org.name}. You are its owner: invite people from “Members”.` }));
    } catch (error) {
      this.error = error instanceof ApiError ? (error.fields.name ?? error.message) : errorMessage(error);
      await this.updateComplete;
      this.focus();
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-create-org': CreateOrgForm;
  }
}

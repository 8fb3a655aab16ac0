import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { errorMessage, pageButtons } from '@journey/ui';
import type { Org } from '../shared/api';
import type { HttpOrgs } from './orgs-client';
import { orgsChanged } from './events';
import type { CreateOrgForm } from './create-org-form';
import './create-org-form';

/**
 * The header's organization picker: the user's organizations with their role in each. Choosing one
 * makes it the session's active organization on the server (the chat and the list follow, through
 * ORGS_CHANGED); "New organization" opens a dialog to create one.
 */
@customElement('journey-org-switcher')
export class OrgSwitcher extends LitElement {
  static override styles = [
    pageButtons,
    css`
      :host {
        display: flex;
        align-items: center;
        flex-wrap: wrap;
        gap: 0.5rem;
        min-width: 0;
      }
      .picker {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-width: 0;
        flex: 0 1 30rem;
      }
      label {
        font-size: 0.85rem;
        font-weight: 600;
        color: var(--journey-muted);
      }
      select {
        flex: 1 1 auto;
        min-width: 0;
        max-width: 24rem;
        font: inherit;
        font-size: 0.9rem;
        font-weight: 600;
        color: var(--journey-text);
        background: var(--journey-surface);
        border: 1px solid var(--journey-border);
        border-radius: 10px;
        padding: 0.45rem 0.6rem;
        text-overflow: ellipsis;
      }
      select:focus-visible {
        outline: 3px solid color-mix(in srgb, var(--journey-accent) 45%, transparent);
        outline-offset: 2px;
      }
      .status {
        font-size: 0.8rem;
        color: var(--journey-muted);
      }
      .error {
        flex-basis: 100%;
        font-size: 0.85rem;
        color: var(--journey-danger);
        margin: 0;
      }
      dialog {
        border: none;
        padding: 0;
        background: transparent;
        width: min(28rem, calc(100vw - 1.5rem));
        max-width: none;
      }
      dialog::backdrop {
        background: rgb(15 17 23 / 0.45);
      }
    `,
  ];

  @property({ attribute: false }) orgs: Org[] = [];
  @property({ attribute: false }) activeOrgId: string | null = null;
  @property({ attribute: false }) client!: HttpOrgs;

  @state() private switching = false;
  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('journey-create-org') private form!: CreateOrgForm;

  override render() {
    return html`
      <div class="picker">
        <label for="org">Organization</label>
        <select id="org" ?disabled=${this.switching} @change=${this.switch}>
          ${this.orgs.map(
            (org) => html`<option value=${org.id} .selected=${org.id === this.activeOrgId}>${org.name} · ${org.role}</option>`,
          )}
        </select>
        ${this.switching ? html`<span class="status" role="status">Switching…</span>` : nothing}
      </div>
      <button class="secondary" @click=${this.openDialog}>New organization</button>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <dialog aria-label="New organization" @close=${() => this.form.reset()}>
        <journey-create-org
          .client=${this.client}
          cancellable
          @orgs-changed=${() => this.dialog.close()}
          @cancel-create=${() => this.dialog.close()}
        ></journey-create-org>
      </dialog>
    `;
  }

  private async openDialog() {
    this.dialog.showModal();
    await this.form.updateComplete;
    this.form.focus();
  }

  private async switch(event: Event) {
    const select = event.target as HTMLSelectElement;
    const org = this.orgs.find((o) => o.id === select.value);
    if (!org) return;
    this.switching = true;
    this.error = '';
    try {
      await this.client.activate(org.id);
      this.dispatchEvent(orgsChanged());
    } catch (error) {
      this.error = `Could not switch to ${org.name}: ${errorMessage(error)}`;
      select.value = this.activeOrgId ?? ''; // the server still acts on the previous one
    } finally {
      this.switching = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-org-switcher': OrgSwitcher;
  }
}

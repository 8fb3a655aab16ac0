import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { ApiKey, Org } from '../shared/api';
import { HttpApiKeys } from './api-keys-client';
import { ago } from './relative-time';
import { day, panelStyles } from './panel-styles';

/**
 * The organization's API keys: prefix, name, creator, created and last used. Revoking asks first,
 * then the key stops working at once (the server checks every request). Revoked keys stay listed,
 * marked, so "what was that key?" still has an answer.
 */
@customElement('journey-api-keys')
export class ApiKeysList extends LitElement {
  static override styles = [
    theme,
    panelStyles,
    css`
      .prefix {
        font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
        font-size: 0.85rem;
      }
      li.revoked {
        background: var(--_surface-sunken);
      }
      li.revoked strong {
        text-decoration: line-through;
        color: var(--_muted);
      }
      .confirm {
        font-weight: 500;
        flex: 1 1 14rem;
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) client = new HttpApiKeys();

  /** undefined while loading. */
  @state() private keys: ApiKey[] | undefined;
  @state() private error = '';
  @state() private done = '';
  /** The key whose revoking waits for a "yes". */
  @state() private confirming: string | null = null;
  @state() private busy = false;

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('org')) void this.load();
  }

  /** Reloads the list (after a key is created). */
  async load() {
    try {
      this.keys = await this.client.list(this.org.id);
    } catch (error) {
      this.keys ??= [];
      this.error = errorMessage(error);
    }
  }

  override render() {
    const active = this.keys?.filter((key) => !key.revokedAt).length ?? 0;
    return html`
      <header>
        <h2 id="keys-title">API keys</h2>
        ${this.keys ? html`<span class="meta">${active} active</span>` : nothing}
      </header>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${this.done ? html`<p class="done" role="status">${this.done}</p>` : nothing}
      ${this.keys === undefined
        ? html`<p class="meta" role="status">Loading keys…</p>`
        : this.keys.length === 0
          ? html`<p class="empty">No API keys yet. Create one for each program that should reach this organization.</p>`
          : html`<ul aria-labelledby="keys-title">${this.keys.map((key) => this.row(key))}</ul>`}
    `;
  }

  private row(key: ApiKey) {
    if (this.confirming === key.id) {
      return html`<li data-key=${key.prefix}>
        <p class="confirm">Revoke “${key.name}”? Programs using it get 401 from now on; this cannot be undone.</p>
        <div class="controls">
          <button class="danger small" ?disabled=${this.busy} @click=${() => this.revoke(key)}>${this.busy ? 'One moment…' : 'Yes, revoke'}</button>
          <button class="quiet small" @click=${() => (this.confirming = null)}>Cancel</button>
        </div>
      </li>`;
    }
    return html`<li data-key=${key.prefix} class=${key.revokedAt ? 'revoked' : ''}>
      <div class="who">
        <strong>${key.name}</strong> <span class="prefix">${key.prefix}…</span>
        <div class="meta">Created ${day(key.createdAt)} by ${key.createdBy ?? 'a former member'}</div>
        <div class="meta">${key.revokedAt ? `Revoked ${ago(key.revokedAt)}` : key.lastUsedAt ? `Last used ${ago(key.lastUsedAt)}` : 'Never used'}</div>
      </div>
      <div class="controls">
        ${key.revokedAt
          ? html`<span class="chip muted">revoked</span>`
          : html`<button class="quiet small" aria-label="Revoke ${key.name}" @click=${() => this.ask(key)}>Revoke</button>`}
      </div>
    </li>`;
  }

  private ask(key: ApiKey) {
    this.error = '';
    this.done = '';
    this.confirming = key.id;
  }

  private async revoke(key: ApiKey) {
    this.busy = true;
    try {
      await this.client.revoke(this.org.id, key.id);
      this.done = `“${key.name}” is revoked: it no longer works.`;
      await this.load();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.confirming = null;
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-api-keys': ApiKeysList;
  }
}

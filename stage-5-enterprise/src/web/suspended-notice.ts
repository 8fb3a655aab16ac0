import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Org, Usage } from '../shared/api';
import { SUPPORT_HREF } from './route';
import { request } from './store';

/**
 * "This organization is suspended": shown to every member when the platform's admins have
 * suspended it (GET /api/orgs/:orgId/usage says so). The server refuses its chat (403 `suspended`)
 * whatever the page shows; this only tells people why, and where to ask.
 */
@customElement('journey-suspended-notice')
export class SuspendedNotice extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    p {
      margin: 0 0 1.25rem;
      padding: 0.75rem 1rem;
      border-radius: 12px;
      border: 1px solid color-mix(in srgb, var(--journey-danger) 35%, transparent);
      background: color-mix(in srgb, var(--journey-danger) 7%, var(--journey-surface));
      color: var(--journey-danger);
      overflow-wrap: anywhere;
    }
    a {
      color: inherit;
      font-weight: 600;
    }
  `;

  @property({ attribute: false }) org!: Org;
  @state() private suspended: Usage['suspended'] = null;

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('org')) void this.load();
  }

  private async load() {
    try {
      this.suspended = (await request<Usage>('', 'GET', `/api/orgs/${encodeURIComponent(this.org.id)}/usage`)).suspended;
    } catch {
      this.suspended = null; // the page's other requests report a server that cannot be reached
    }
  }

  override render() {
    if (!this.suspended) return nothing;
    return html`<p role="alert">
      <strong>${this.org.name} is suspended</strong> by the platform's admins (reason: “${this.suspended.reason}”). Its chat
      is off until they lift it; its patterns are kept. <a href=${SUPPORT_HREF}>Contact support</a>
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-suspended-notice': SuspendedNotice;
  }
}

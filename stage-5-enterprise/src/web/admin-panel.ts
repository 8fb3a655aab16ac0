import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { errorMessage } from '@journey/ui';
import type { User } from '../shared/api';
import { HttpAdmin } from './admin-client';
import { adminHref, currentAdminRoute, type AdminRoute } from './admin-route';
import { ApiError } from './store';
import './admin-refused';
import './admin-orgs';
import './admin-org';
import './admin-billing';
import './admin-usage';
import './admin-mrr';
import './admin-tickets';
import './audit-log';
import { platformAudit } from './audit-client';

/**
 * /admin: the platform admin panel, for the people who run the service (flagged by
 * `pnpm --filter stage-5 admin:grant <email>`; no route grants it). It asks the server first:
 * everyone else gets 403 from every admin route, and sees "admins only" here.
 */
@customElement('journey-admin-panel')
export class AdminPanel extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: minmax(0, 1fr); /* a chart's canvas may shrink with the window */
      gap: 1.25rem;
    }
    h2 {
      margin: 0;
      font-size: 1.3rem;
      letter-spacing: -0.01em;
    }
    .title p {
      margin: 0.2rem 0 0;
      color: var(--journey-muted);
      font-size: 0.9rem;
    }
    nav {
      display: flex;
      gap: 0.25rem;
      border-bottom: 1px solid var(--journey-border);
      overflow-x: auto;
    }
    nav a {
      padding: 0.55rem 0.9rem;
      color: var(--journey-muted);
      font-weight: 600;
      font-size: 0.95rem;
      text-decoration: none;
      border-bottom: 2px solid transparent;
      margin-bottom: -1px;
      white-space: nowrap;
    }
    nav a[aria-current='page'] {
      color: var(--journey-accent);
      border-bottom-color: var(--journey-accent);
    }
    @media (max-width: 480px) {
      nav a {
        padding: 0.55rem 0.6rem;
      }
    }
    nav a:focus-visible {
      outline: 3px solid color-mix(in srgb, var(--journey-accent) 45%, transparent);
      outline-offset: -3px;
    }
    .checking {
      text-align: center;
      color: var(--journey-muted);
    }
  `;

  @property({ attribute: false }) user!: User;
  @property({ attribute: false }) client = new HttpAdmin();

  /** undefined while asking the server; then whether it let this user in, or why it could not tell. */
  @state() private access: 'allowed' | 'refused' | { error: string } | undefined;
  @state() private route: AdminRoute = currentAdminRoute();

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.readRoute);
    void this.check();
  }

  override disconnectedCallback() {
    window.removeEventListener('hashchange', this.readRoute);
    super.disconnectedCallback();
  }

  private readonly readRoute = () => {
    this.route = currentAdminRoute();
  };

  /** The smallest admin request: its answer says whether this user is a platform admin. */
  private async check() {
    try {
      await this.client.orgs('', null, 1);
      this.access = 'allowed';
    } catch (error) {
      this.access = error instanceof ApiError && error.status === 403 ? 'refused' : { error: errorMessage(error) };
    }
  }

  private readonly audit = platformAudit(); // one source: a new one would reload the list on every render

  override render() {
    if (this.access === undefined) return html`<p class="checking" role="status">Checking your access…</p>`;
    if (this.access === 'refused') return html`<journey-admin-refused .user=${this.user}></journey-admin-refused>`;
    if (typeof this.access === 'object') return html`<p class="checking" role="alert">${this.access.error}</p>`;
    const route = this.route;
    const tab = (section: 'orgs' | 'billing' | 'usage' | 'support' | 'audit', label: string) =>
      html`<a href=${adminHref(section)} aria-current=${route.section === section || (section === 'orgs' && route.section === 'org') ? 'page' : 'false'}>${label}</a>`;
    return html`
      <div class="title">
        <h2>Platform admin</h2>
        <p>Every organization on this server. What you change here is on record (comp and suspension reasons).</p>
      </div>
      <nav aria-label="Admin sections">
        ${tab('orgs', 'Organizations')} ${tab('billing', 'Billing')} ${tab('usage', 'Usage')} ${tab('support', 'Support')} ${tab('audit', 'Audit log')}
      </nav>
      ${this.section(route)}
    `;
  }

  private section(route: AdminRoute) {
    switch (route.section) {
      case 'org':
        return keyed(route.orgId, html`<journey-admin-org .client=${this.client} .orgId=${route.orgId}></journey-admin-org>`);
      case 'billing':
        return html`<journey-admin-billing .client=${this.client}></journey-admin-billing>`;
      case 'usage':
        return html`<journey-admin-usage .client=${this.client}></journey-admin-usage>
          <journey-admin-mrr .client=${this.client}></journey-admin-mrr>`;
      case 'support':
        return html`<journey-admin-tickets .client=${this.client}></journey-admin-tickets>`;
      case 'audit':
        return html`<journey-audit-log .source=${this.audit} showOrg></journey-audit-log>`;
      default:
        return html`<journey-admin-orgs .client=${this.client}></journey-admin-orgs>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-admin-panel': AdminPanel;
  }
}

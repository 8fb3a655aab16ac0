import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import { PLANS, type AdminBilling, type HttpAdmin } from './admin-client';
import { orgHref } from './admin-route';
import { adminStyles } from './admin-styles';
import { count, usd } from './money';
import { ago } from './relative-time';

/**
 * The money: monthly recurring revenue by plan (list prices of paying subscriptions; a comp pays
 * nothing), subscriptions by Stripe status, and who is past due, oldest first.
 */
@customElement('journey-admin-billing')
export class AdminBillingView extends LitElement {
  static override styles = [
    theme,
    adminStyles,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
        gap: 1.25rem 1.5rem;
      }
      section {
        min-width: 0;
      }
      .total {
        margin-bottom: 1.25rem;
      }
    `,
  ];

  @property({ attribute: false }) client!: HttpAdmin;

  @state() private billing: AdminBilling | undefined;
  @state() private error = '';

  override async connectedCallback() {
    super.connectedCallback();
    try {
      this.billing = await this.client.billing();
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  override render() {
    const b = this.billing;
    return html`
      <header><h2>Billing</h2></header>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${!b
        ? this.error
          ? nothing
          : html`<p class="meta" role="status">Loading…</p>`
        : html`
            <div class="total">
              <div class="meta">Monthly recurring revenue</div>
              <div class="figure" data-testid="mrr">${usd(b.mrr)}</div>
            </div>
            <div class="grid">
              <section aria-labelledby="mrr-title">
                <h3 id="mrr-title">MRR by plan</h3>
                <table>
                  <thead><tr><th>Plan</th><th class="number">Organizations</th><th class="number">MRR</th></tr></thead>
                  <tbody>
                    ${PLANS.map(
                      (plan) => html`<tr><td>${plan}</td><td class="number">${count(b.orgsByPlan[plan] ?? 0)}</td><td class="number">${usd(b.mrrByPlan[plan] ?? 0)}</td></tr>`,
                    )}
                  </tbody>
                </table>
              </section>
              <section aria-labelledby="status-title">
                <h3 id="status-title">Subscriptions by status</h3>
                ${b.subscriptionsByStatus.length === 0
                  ? html`<p class="empty">No subscriptions yet.</p>`
                  : html`<table>
                      <thead><tr><th>Status</th><th class="number">Subscriptions</th></tr></thead>
                      <tbody>${b.subscriptionsByStatus.map((s) => html`<tr><td>${s.status.replace('_', ' ')}</td><td class="number">${count(s.count)}</td></tr>`)}</tbody>
                    </table>`}
              </section>
              <section aria-labelledby="past-due-title">
                <h3 id="past-due-title">Past due (${b.pastDue.length})</h3>
                ${b.pastDue.length === 0
                  ? html`<p class="empty">Nobody is past due.</p>`
                  : html`<table>
                      <thead><tr><th>Organization</th><th>Plan</th><th>Since</th></tr></thead>
                      <tbody>
                        ${b.pastDue.map((o) => html`<tr><td><a href=${orgHref(o.id)}>${o.name}</a></td><td>${o.plan}</td><td>${ago(o.pastDueSince)}</td></tr>`)}
                      </tbody>
                    </table>`}
              </section>
            </div>
          `}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-admin-billing': AdminBillingView;
  }
}

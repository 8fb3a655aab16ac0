import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
// The server's own table of plans: plain data with no imports, so the page shows the very limits
// the server enforces (one place for them), and Vite bundles only these few lines.
import { PLANS, PLAN_NAMES, type Plan } from '../server/billing/plans';

export { PLANS, PLAN_NAMES, type Plan };

/** "Pro": a plan's name as people read it. */
export const planLabel = (plan: Plan) => plan.charAt(0).toUpperCase() + plan.slice(1);

/** 1000 → "1,000"; null → "Unlimited". */
export const amount = (n: number | null) => (n === null ? 'Unlimited' : n.toLocaleString('en-US'));

export const price = (plan: Plan) => (PLANS[plan].monthlyPrice === 0 ? 'Free' : `$${PLANS[plan].monthlyPrice} a month`);

/** The plans side by side: what each keeps and allows, and its price. The current one is marked. */
@customElement('journey-plan-table')
export class PlanTable extends LitElement {
  static override styles = css`
    :host {
      display: block;
      overflow-x: auto;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.9rem;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      text-align: right;
      padding: 0.5rem 0.55rem;
      border-bottom: 1px solid var(--journey-border);
    }
    th:first-child,
    td:first-child {
      text-align: left;
    }
    thead th {
      font-size: 0.78rem;
      font-weight: 600;
      color: var(--journey-muted);
      text-transform: uppercase;
      letter-spacing: 0.03em;
    }
    tbody th {
      font-weight: 650;
    }
    tr.current {
      background: color-mix(in srgb, var(--journey-accent) 8%, transparent);
    }
    @media (max-width: 480px) {
      th,
      td {
        padding: 0.45rem 0.3rem;
      }
      table {
        font-size: 0.85rem;
      }
    }
    .here {
      display: block;
      font-size: 0.75rem;
      font-weight: 600;
      color: var(--journey-accent);
    }
  `;

  /** The organization's plan now, marked "current". */
  @property() current: Plan = 'free';

  override render() {
    return html`<table aria-label="Plans">
      <thead>
        <tr>
          <th scope="col">Plan</th>
          <th scope="col">Patterns</th>
          <th scope="col">Chats a month</th>
          <th scope="col">Per month</th>
        </tr>
      </thead>
      <tbody>
        ${PLAN_NAMES.map(
          (plan) => html`<tr class=${plan === this.current ? 'current' : ''} data-plan=${plan}>
            <th scope="row">${planLabel(plan)} ${plan === this.current ? html`<span class="here">current</span>` : ''}</th>
            <td>${amount(PLANS[plan].patterns)}</td>
            <td>${amount(PLANS[plan].chatsPerMonth)}</td>
            <td>$${PLANS[plan].monthlyPrice}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-plan-table': PlanTable;
  }
}

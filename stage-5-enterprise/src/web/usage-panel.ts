import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { Org, Usage } from '../shared/api';
import type { HttpBilling } from './billing-client';
import { openPlans } from './events';
import { day, panelStyles } from './panel-styles';
import { planLabel } from './plan-table';
import './usage-bar';

/**
 * "Plan and usage": the organization's plan, and its patterns and this month's chats against the
 * plan's limits. Everyone sees it; owners also get "Change plan" and, once they pay, "Manage
 * billing" (Stripe's portal). Others are told who can (the server refuses them anyway).
 */
@customElement('journey-usage')
export class UsagePanel extends LitElement {
  static override styles = [
    theme,
    panelStyles,
    css`
      .bars {
        display: grid;
        gap: 1rem;
        margin: 0.25rem 0 1rem;
      }
      .controls {
        margin-top: 0.9rem;
      }
      .demo {
        color: var(--_muted);
        font-size: 0.85rem;
        margin-top: 0.6rem;
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;
  /** undefined while the page loads it. */
  @property({ attribute: false }) usage: Usage | undefined;
  @property({ attribute: false }) billing!: HttpBilling;

  @state() private busy = false;
  @state() private error = '';

  override render() {
    const usage = this.usage;
    return html`
      <header>
        <h2 id="usage-title">Plan and usage</h2>
        ${usage ? html`<span class="chip" data-plan=${usage.plan}>${planLabel(usage.plan)} plan</span>` : nothing}
      </header>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${usage === undefined ? html`<p class="meta" role="status">Loading usage…</p>` : this.figures(usage)}
    `;
  }

  private figures(usage: Usage) {
    const owner = this.org.role === 'owner';
    const month = new Date(`${usage.period}T00:00:00Z`).toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return html`
      <div class="bars" aria-labelledby="usage-title">
        <journey-usage-bar label="Patterns" .used=${usage.used.patterns} .limit=${usage.limits.patterns}></journey-usage-bar>
        <journey-usage-bar label="Chats in ${month}" .used=${usage.used.chats} .limit=${usage.limits.chatsPerMonth}></journey-usage-bar>
      </div>
      <p class="note">
        This month: ${count(usage.used.teaches, 'pattern')} taught, ${count(usage.used.imports, 'file')} imported. Chats count from
        ${day(usage.period)}, and start again each month.
      </p>
      ${usage.paidPlan !== usage.plan
        ? html`<p class="note">Paid for: ${planLabel(usage.paidPlan)}. Its limits are back once the failed payment is made.</p>`
        : nothing}
      <div class="controls">
        ${owner
          ? html`<button ?disabled=${this.busy} @click=${() => this.dispatchEvent(openPlans())}>Change plan</button>
              ${usage.paidPlan !== 'free'
                ? html`<button class="quiet" ?disabled=${this.busy} @click=${this.manage}>${this.busy ? 'Opening…' : 'Manage billing'}</button>`
                : nothing}`
          : html`<button class="quiet" @click=${() => this.dispatchEvent(openPlans())}>See plans</button>
              <span class="note">Only an owner can change the plan.</span>`}
      </div>
      ${usage.billing === 'demo' ? html`<p class="demo">Demo billing: this server has no Stripe key, so plans change without a card.</p>` : nothing}
    `;
  }

  /** Stripe's customer portal (or the demo page): card, plan, invoices, cancel. */
  private async manage() {
    this.busy = true;
    this.error = '';
    try {
      location.assign(await this.billing.portal(this.org.id));
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

declare global {
  interface HTMLElementTagNameMap {
    'journey-usage': UsagePanel;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { Org, Usage } from '../shared/api';
import type { HttpBilling, PlanName } from './billing-client';
import { orgsChanged } from './events';
import { BILLING_HREF } from './route';
import { PLANS, PLAN_NAMES, amount, planLabel, price } from './plan-table';

/**
 * Demo billing (`/#billing-demo=pro`), where "Upgrade" leads when the server has no Stripe key:
 * the owner picks a plan and it applies at once, no card, through the same code the Stripe webhook
 * uses. With Stripe configured the page says so and changes nothing (the server refuses anyway).
 */
@customElement('journey-billing-demo')
export class BillingDemoPage extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        max-width: 36rem;
        margin: 0 auto;
      }
      form {
        display: grid;
        gap: 1rem;
      }
      .label {
        justify-self: start;
        font-size: 0.78rem;
        font-weight: 700;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: #8a5a00;
        background: color-mix(in srgb, #f5b400 22%, transparent);
        border-radius: 999px;
        padding: 0.15rem 0.65rem;
      }
      h2 {
        font-size: 1.2rem;
      }
      .lead,
      .note {
        color: var(--_muted);
        font-size: 0.9rem;
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      legend {
        font-weight: 600;
        font-size: 0.9rem;
        margin-bottom: 0.4rem;
      }
      .plan {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        border: 1px solid var(--_border);
        border-radius: 12px;
        padding: 0.65rem 0.8rem;
        margin: 0;
        font-weight: 400;
        cursor: pointer;
      }
      .plan:has(input:checked) {
        border-color: var(--_accent);
        background: var(--_accent-soft);
      }
      .plan input {
        width: auto;
        margin: 0;
        accent-color: var(--_accent);
      }
      .plan strong {
        display: block;
      }
      .plan span {
        color: var(--_muted);
        font-size: 0.88rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      a.quiet {
        display: inline-block;
        font-weight: 600;
        font-size: 0.92rem;
        color: var(--_text);
        text-decoration: none;
        border: 1px solid var(--_border);
        border-radius: 10px;
        padding: 0.55rem 1rem;
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) usage: Usage | undefined;
  @property({ attribute: false }) billing!: HttpBilling;
  /** The plan the link asked for (`#billing-demo=pro`); '' for none. */
  @property() wanted = '';

  /** The owner's pick; undefined until they touch the radios (then the link's plan, or the current one). */
  @state() private picked: PlanName | undefined;
  @state() private busy = false;
  @state() private error = '';

  override render() {
    const usage = this.usage;
    if (!usage) return html`<p class="note" role="status">Loading billing…</p>`;
    if (usage.billing !== 'demo') {
      return html`<div class="content">
        <h2>Billing is live</h2>
        <p class="lead">This server takes payments through Stripe, so there is no demo billing here. Change the plan from “Plan and usage”.</p>
        <p><a class="quiet" href=${BILLING_HREF}>Back to Plan and usage</a></p>
      </div>`;
    }
    const current = usage.paidPlan;
    const picked = this.picked ?? (PLAN_NAMES.includes(this.wanted as PlanName) ? (this.wanted as PlanName) : current);
    const owner = this.org.role === 'owner';
    return html`<form novalidate @submit=${(e: Event) => this.submit(e, picked)} aria-labelledby="demo-title">
      <span class="label">Demo mode</span>
      <h2 id="demo-title">Demo billing, no card</h2>
      <p class="lead">
        This server has no Stripe key, so nobody pays here: choosing a plan for <strong>${this.org.name}</strong> changes it at
        once. It goes through the same code as a paid subscription from Stripe would.
      </p>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      <fieldset ?disabled=${!owner || this.busy}>
        <legend>Plan</legend>
        ${PLAN_NAMES.map(
          (plan) => html`<label class="plan">
            <input type="radio" name="plan" value=${plan} .checked=${plan === picked} @change=${() => (this.picked = plan)} />
            <div>
              <strong>${planLabel(plan)}${plan === current ? ' (current)' : ''}</strong>
              <span>${amount(PLANS[plan].patterns)} patterns · ${amount(PLANS[plan].chatsPerMonth)} chats a month · ${price(plan)}</span>
            </div>
          </label>`,
        )}
      </fieldset>
      <p class="note">A smaller plan deletes nothing: patterns over its limit stay, but no new ones can be taught until there are fewer.</p>
      ${owner ? nothing : html`<p>Only an owner of ${this.org.name} can change its plan: ask one of them.</p>`}
      <div class="buttons">
        ${owner
          ? html`<button type="submit" ?disabled=${this.busy || picked === current}>
              ${this.busy ? 'Switching…' : picked === current ? `Already on ${planLabel(picked)}` : `Switch to ${planLabel(picked)}`}
            </button>`
          : nothing}
        <a class="quiet" href=${BILLING_HREF}>Cancel</a>
      </div>
    </form>`;
  }

  private async submit(event: Event, plan: PlanName) {
    event.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      await this.billing.demoChange(this.org.id, plan);
      // Back to "Plan and usage"; the page reloads the organizations and the usage, and says what changed.
      this.dispatchEvent(orgsChanged({ notice: `${this.org.name} is now on the ${planLabel(plan)} plan (demo billing, no card).` }));
      location.assign(BILLING_HREF);
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-billing-demo': BillingDemoPage;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, pageButtons } from '@journey/ui';
import type { Org, Usage } from '../shared/api';
import type { HttpBilling } from './billing-client';
import { PLANS, amount, planLabel } from './plan-table';

/**
 * Shown to every member while the organization's payment has failed (billingStatus past_due): until
 * when its paid limits last, and after that, that the free plan's apply. Nothing is deleted either
 * way. Owners get a way to the billing portal, where the card is changed and the invoice paid.
 */
@customElement('journey-past-due')
export class PastDueBanner extends LitElement {
  static override styles = [
    pageButtons,
    css`
      :host {
        display: block;
      }
      .banner {
        display: flex;
        align-items: center;
        justify-content: space-between;
        flex-wrap: wrap;
        gap: 0.6rem 1rem;
        margin: 0 0 1.25rem;
        padding: 0.8rem 1rem;
        border-radius: 12px;
        border: 1px solid color-mix(in srgb, var(--journey-danger) 40%, transparent);
        background: color-mix(in srgb, var(--journey-danger) 8%, var(--journey-surface));
        color: var(--journey-text);
      }
      p {
        margin: 0;
        flex: 1 1 20rem;
      }
      strong {
        color: var(--journey-danger);
      }
      .error {
        flex-basis: 100%;
        color: var(--journey-danger);
        font-size: 0.88rem;
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) usage: Usage | undefined;
  @property({ attribute: false }) billing!: HttpBilling;

  @state() private busy = false;
  @state() private error = '';

  override render() {
    const usage = this.usage;
    if (usage?.billingStatus !== 'past_due') return nothing;
    const paid = planLabel(usage.paidPlan);
    const ends = usage.graceEndsAt ? when(usage.graceEndsAt) : 'soon';
    const over = usage.plan !== usage.paidPlan; // the grace period has ended: the free plan's limits apply
    return html`<div class="banner" role="alert">
      <p>
        <strong>Payment failed.</strong>
        ${over
          ? html`The ${paid} plan of ${this.org.name} is unpaid, and its grace period ended on ${ends}: the free plan's limits
              apply now (${amount(PLANS.free.patterns)} patterns, ${amount(PLANS.free.chatsPerMonth)} chats a month). Nothing was
              deleted, and paying brings ${paid} back.`
          : html`The last payment for the ${paid} plan of ${this.org.name} did not go through. ${paid} limits last until
              ${ends}; after that the free plan's limits apply until it is paid.`}
        ${this.org.role === 'owner' ? nothing : html`Only an owner can update the payment.`}
      </p>
      ${this.org.role === 'owner'
        ? html`<button class="secondary" ?disabled=${this.busy} @click=${this.manage}>${this.busy ? 'Opening…' : 'Manage billing'}</button>`
        : nothing}
      ${this.error ? html`<p class="error" role="status">${this.error}</p>` : nothing}
    </div>`;
  }

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

/** "12 Mar 2026, 14:05": the moment paid limits end, in the reader's own format. */
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

declare global {
  interface HTMLElementTagNameMap {
    'journey-past-due': PastDueBanner;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { Org, Usage } from '../shared/api';
import type { HttpBilling, PaidPlan } from './billing-client';
import { planLabel, price } from './plan-table';
import './plan-table';

const PAID: PaidPlan[] = ['pro', 'enterprise'];

/**
 * The plans, in a dialog: opened when teach, import or chat is refused with 402 plan_limit (then
 * it says why first), and from "Plan and usage". Owners go to Checkout from here (or, once they
 * pay, to Stripe's portal, where a subscription changes); everyone else is told to ask an owner.
 */
@customElement('journey-upgrade-dialog')
export class UpgradeDialog extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: contents; /* the dialog is the card; this element only carries the theme */
      }
      dialog {
        width: min(38rem, calc(100vw - 1.5rem));
        max-width: none;
        max-height: calc(100vh - 1.5rem);
        overflow: auto;
        color: var(--_text);
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: clamp(1rem, 4vw, 1.5rem);
        box-shadow: 0 20px 50px rgb(16 24 40 / 0.25);
      }
      dialog::backdrop {
        background: rgb(15 17 23 / 0.45);
      }
      .content {
        display: grid;
        gap: 0.9rem;
      }
      h2 {
        font-size: 1.15rem;
      }
      .reason {
        color: var(--_danger);
        background: color-mix(in srgb, var(--_danger) 8%, transparent);
        border-radius: 10px;
        padding: 0.55rem 0.75rem;
        font-size: 0.92rem;
      }
      .note {
        color: var(--_muted);
        font-size: 0.88rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .buttons button {
        white-space: normal;
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) usage: Usage | undefined;
  @property({ attribute: false }) billing!: HttpBilling;

  /** The server's refusal that opened the dialog; '' when opened to look at the plans. */
  @state() private reason = '';
  @state() private busy = false;
  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;

  /** Opens the dialog, with the refusal's message when a limit was hit. */
  async show(reason = '') {
    this.reason = reason;
    this.error = '';
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  override render() {
    const plan = this.usage?.plan ?? this.org.plan;
    return html`<dialog aria-labelledby="plans-title">
      <div class="content">
        <h2 id="plans-title">${this.reason ? 'Upgrade to keep going' : 'Plans'}</h2>
        ${this.reason ? html`<p class="reason" role="alert">${this.reason}</p>` : nothing}
        <p>${this.org.name} is on the <strong>${planLabel(plan)}</strong> plan. Every member shares its limits.</p>
        <journey-plan-table .current=${plan}></journey-plan-table>
        <p class="note">
          Changing to a smaller plan deletes nothing: if the organization has more patterns than that plan keeps, it keeps them
          all, but nobody can teach or import new ones until it is under the limit again.
        </p>
        ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
        <div class="buttons">
          ${this.org.role === 'owner' ? this.ownerButtons() : html`<p>Only an owner of ${this.org.name} can change its plan: ask one of them.</p>`}
          <button class="quiet" @click=${() => this.dialog.close()}>${this.org.role === 'owner' ? 'Not now' : 'Close'}</button>
        </div>
      </div>
    </dialog>`;
  }

  /**
   * Never paid: Checkout for a paid plan. Paying already: the portal, where Stripe changes the one
   * subscription (a second Checkout would start a second one).
   */
  private ownerButtons() {
    const paid = this.usage?.paidPlan ?? 'free';
    if (paid !== 'free') {
      return html`<button ?disabled=${this.busy} @click=${() => this.go(() => this.billing.portal(this.org.id))}>Change plan in billing</button>`;
    }
    return PAID.map(
      (plan) => html`<button ?disabled=${this.busy} @click=${() => this.go(() => this.billing.checkout(this.org.id, plan))}>
        Upgrade to ${planLabel(plan)} · ${price(plan)}
      </button>`,
    );
  }

  /** Follows the server's url: Stripe's page, or (demo billing) this app's own. */
  private async go(url: () => Promise<string>) {
    this.busy = true;
    this.error = '';
    try {
      const to = await url();
      this.dialog.close();
      location.assign(to);
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-upgrade-dialog': UpgradeDialog;
  }
}

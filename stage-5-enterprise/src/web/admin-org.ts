import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import { PLANS, type AdminOrg, type HttpAdmin, type Plan } from './admin-client';
import { adminHref } from './admin-route';
import { adminStyles } from './admin-styles';
import { status } from './admin-orgs';
import { count } from './money';
import { day } from './panel-styles';
import { ago } from './relative-time';

/** The usage kinds, in the order the table shows them. */
const KINDS: [string, string][] = [
  ['chat', 'Chats'],
  ['teach', 'Teaches'],
  ['import', 'Imports'],
  ['api_call', 'API calls'],
];

/**
 * One organization, as the platform sees it: members, usage by month, subscription and recent
 * billing events; and the two things an admin may do to it: comp a plan (for free, with a reason
 * on record), and suspend it (its members see why, and cannot chat) or lift that.
 */
@customElement('journey-admin-org')
export class AdminOrgView extends LitElement {
  static override styles = [
    theme,
    adminStyles,
    css`
      .back {
        display: inline-block;
        margin-bottom: 0.75rem;
        font-size: 0.9rem;
      }
      h2 {
        font-size: 1.2rem;
        overflow-wrap: anywhere;
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1rem;
        margin: 0.4rem 0 0;
        color: var(--_muted);
        font-size: 0.9rem;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: 1.25rem 1.5rem;
        margin-top: 1.25rem;
      }
      section {
        min-width: 0;
      }
      form {
        display: grid;
        gap: 0.6rem;
        padding: 0.8rem;
        border: 1px solid var(--_border);
        border-radius: 12px;
      }
      form + form {
        margin-top: 0.8rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      .row > input {
        flex: 1 1 12rem;
        width: auto;
      }
      .reason {
        overflow-wrap: anywhere;
      }
      .spaced {
        margin-top: 0.75rem;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.3rem 1rem;
        margin: 0;
        font-size: 0.9rem;
      }
      dt {
        color: var(--_muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.3rem;
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ attribute: false }) client!: HttpAdmin;
  @property() orgId = '';

  @state() private org: AdminOrg | undefined;
  @state() private error = '';
  @state() private done = '';
  @state() private busy = false;
  @state() private compPlan: Plan = 'pro';
  @state() private compReason = '';
  @state() private suspendReason = '';

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.org = await this.client.org(this.orgId);
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  override render() {
    const back = html`<a class="back" href=${adminHref('orgs')}>← All organizations</a>`;
    const org = this.org;
    if (!org) {
      return html`${back}${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : html`<p class="meta" role="status">Loading…</p>`}`;
    }
    return html`
      ${back}
      <h2>${org.name}</h2>
      <p class="facts">
        <span><code>${org.slug}</code></span>
        <span>Plan <span class="chip ${org.plan === 'free' ? 'muted' : ''}">${org.plan}</span></span>
        <span>Status ${status({ suspended: org.suspendedAt !== null, billingStatus: org.billingStatus, subscriptionStatus: org.subscription?.status ?? null })}</span>
        <span>Created ${day(org.createdAt)}</span>
      </p>
      ${org.suspendedAt ? html`<p class="alert reason spaced">Suspended ${ago(org.suspendedAt)}: ${org.suspendReason}</p>` : nothing}
      ${org.compReason ? html`<p class="meta reason spaced">Comped: ${org.compReason}</p>` : nothing}
      <div class="grid">
        <section aria-labelledby="actions-title">
          <h3 id="actions-title">Actions</h3>
          ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
          ${this.done ? html`<p class="done" role="status">${this.done}</p>` : nothing}
          ${this.compForm()} ${this.suspendForm(org)}
        </section>
        <section aria-labelledby="members-title">
          <h3 id="members-title">Members (${org.members.length})</h3>
          ${org.members.length === 0
            ? html`<p class="empty">No members.</p>`
            : html`<div class="scroll"><table>
                <thead><tr><th>Email</th><th>Role</th><th>Joined</th></tr></thead>
                <tbody>${org.members.map((m) => html`<tr><td class="reason">${m.email}</td><td>${m.role}</td><td>${day(m.joinedAt)}</td></tr>`)}</tbody>
              </table></div>`}
        </section>
        <section aria-labelledby="usage-title">
          <h3 id="usage-title">Usage by month</h3>
          ${this.usage(org)}
        </section>
        <section aria-labelledby="subscription-title">
          <h3 id="subscription-title">Subscription</h3>
          ${org.subscription
            ? html`<dl>
                <dt>Status</dt><dd>${org.subscription.status ?? 'none'}</dd>
                <dt>Plan</dt><dd>${org.subscription.plan}</dd>
                <dt>Customer</dt><dd>${org.subscription.customerId ?? '—'}</dd>
                <dt>Period ends</dt><dd>${org.subscription.currentPeriodEnd ? day(org.subscription.currentPeriodEnd) : '—'}</dd>
              </dl>`
            : html`<p class="meta">No subscription: ${org.plan === 'free' ? 'the free plan' : 'a plan given without payment'}.</p>`}
          <h3 class="spaced">Recent billing events</h3>
          ${org.billingEvents.length === 0
            ? html`<p class="meta">None.</p>`
            : html`<ul>${org.billingEvents.map((e) => html`<li><code>${e.type}</code> <span class="meta">${ago(e.receivedAt)}</span></li>`)}</ul>`}
        </section>
      </div>
    `;
  }

  /** One row per month, one column per kind of use. */
  private usage(org: AdminOrg) {
    const months = [...new Set(org.usage.map((u) => u.period))];
    if (months.length === 0) return html`<p class="meta">Nothing counted yet.</p>`;
    const countOf = (period: string, kind: string) => org.usage.find((u) => u.period === period && u.kind === kind)?.count ?? 0;
    return html`<div class="scroll"><table>
      <thead><tr><th>Month</th>${KINDS.map(([, name]) => html`<th class="number">${name}</th>`)}</tr></thead>
      <tbody>
        ${months.map(
          (period) => html`<tr>
            <td>${new Date(`${period}T00:00:00Z`).toLocaleDateString(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' })}</td>
            ${KINDS.map(([kind]) => html`<td class="number">${count(countOf(period, kind))}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  private compForm() {
    return html`<form @submit=${this.comp} aria-labelledby="comp-title">
      <strong id="comp-title">Comp a plan</strong>
      <p class="meta">A plan for free: its limits apply at once, and nothing is charged.</p>
      <div class="row">
        <label class="visually-hidden" for="comp-plan">Plan to comp</label>
        <select id="comp-plan" @change=${(e: Event) => (this.compPlan = (e.target as HTMLSelectElement).value as Plan)}>
          ${PLANS.map((plan) => html`<option value=${plan} .selected=${plan === this.compPlan}>${plan}</option>`)}
        </select>
        <label class="visually-hidden" for="comp-reason">Reason for the comp</label>
        <input id="comp-reason" placeholder="Reason (on record)" maxlength="500" required .value=${this.compReason} @input=${(e: Event) => (this.compReason = (e.target as HTMLInputElement).value)} />
      </div>
      <div><button type="submit" ?disabled=${this.busy}>Comp plan</button></div>
    </form>`;
  }

  private suspendForm(org: AdminOrg) {
    if (org.suspendedAt) {
      return html`<form @submit=${this.unsuspend} aria-label="Lift the suspension">
        <p class="meta">Its members can chat again once it is lifted.</p>
        <div><button type="submit" ?disabled=${this.busy}>Unsuspend</button></div>
      </form>`;
    }
    return html`<form @submit=${this.suspend} aria-labelledby="suspend-title">
      <strong id="suspend-title">Suspend</strong>
      <p class="meta">Its members see the reason, and cannot chat until it is lifted. Nothing is deleted.</p>
      <div class="row">
        <label class="visually-hidden" for="suspend-reason">Reason for the suspension</label>
        <input id="suspend-reason" placeholder="Reason (shown to its members)" maxlength="500" required .value=${this.suspendReason} @input=${(e: Event) => (this.suspendReason = (e.target as HTMLInputElement).value)} />
      </div>
      <div><button type="submit" class="danger" ?disabled=${this.busy}>Suspend organization</button></div>
    </form>`;
  }

  private comp(event: Event) {
    event.preventDefault();
    void this.act(() => this.client.comp(this.orgId, this.compPlan, this.compReason), () => {
      this.compReason = '';
      return `${this.org!.name} is on ${this.compPlan}, comped.`;
    });
  }

  private suspend(event: Event) {
    event.preventDefault();
    void this.act(() => this.client.suspend(this.orgId, this.suspendReason), () => {
      this.suspendReason = '';
      return `${this.org!.name} is suspended.`;
    });
  }

  private unsuspend(event: Event) {
    event.preventDefault();
    void this.act(() => this.client.unsuspend(this.orgId), () => `${this.org!.name} is no longer suspended.`);
  }

  /** Runs one action, then reads the organization again: the page shows what the server now holds. */
  private async act(action: () => Promise<void>, said: () => string) {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    this.done = '';
    try {
      await action();
      this.done = said();
      await this.load();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-admin-org': AdminOrgView;
  }
}

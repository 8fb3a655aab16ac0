import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { theme } from '@journey/ui';
import type { Onboarding, Org } from '../shared/api';
import { HttpOnboarding } from './onboarding-client';
import { STEPS, stepIndex } from './onboarding-steps';
import { GETTING_STARTED_HREF } from './route';

/**
 * The dashboard's empty state (admins and owners): until any of the organization's keys has made
 * its first call, the same guide as after signup, with a way back into it. The server says whether
 * that call happened (GET …/api-keys/first-call, answered at once); after it, this draws nothing.
 */
@customElement('journey-getting-started')
export class GettingStartedCard extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        margin-bottom: 1.25rem;
        border-style: dashed;
        border-color: color-mix(in srgb, var(--_accent) 45%, var(--_border));
        background: color-mix(in srgb, var(--_accent) 4%, var(--_surface));
      }
      :host([hidden]) {
        display: none;
      }
      .row {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1rem 1.5rem;
        flex-wrap: wrap;
      }
      .text {
        flex: 1 1 20rem;
        display: grid;
        gap: 0.3rem;
      }
      .lead {
        color: var(--_muted);
        font-size: 0.92rem;
      }
      ol {
        margin: 0.9rem 0 0;
        padding: 0;
        list-style: none;
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
        gap: 0.5rem;
      }
      li {
        border: 1px solid var(--_border);
        background: var(--_surface);
        border-radius: 10px;
        padding: 0.5rem 0.7rem;
        font-size: 0.85rem;
      }
      li strong {
        display: block;
      }
      li span {
        color: var(--_muted);
        font-size: 0.8rem;
      }
      li.done strong::before {
        content: '✓ ';
        color: var(--_success);
      }
      a {
        font-weight: 600;
        font-size: 0.92rem;
        text-decoration: none;
        color: var(--_on-accent);
        background: var(--_accent);
        border-radius: 10px;
        padding: 0.55rem 1rem;
        white-space: nowrap;
      }
      a:focus-visible {
        outline: none;
        box-shadow: var(--_focus-ring);
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;
  @property({ attribute: false }) client = new HttpOnboarding();

  /** undefined until the server answered; the card shows only when no call has come yet. */
  @state() private called: boolean | undefined = undefined;
  @state() private saved: Onboarding | undefined = undefined;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      const [first, saved] = await Promise.all([this.client.firstCall(this.org.id, null, 0), this.client.get()]);
      this.saved = saved;
      this.called = first.called;
    } catch {
      this.called = true; // the dashboard is what matters: no guide rather than an error about it
    }
  }

  override updated() {
    this.hidden = this.called !== false; // no empty card while loading or once the first call came
  }

  override render() {
    if (this.called !== false) return nothing;
    // Steps done: only those of a guide followed in this organization.
    const here = this.saved?.orgId === this.org.id;
    const at = here && this.saved ? stepIndex(this.saved.step) : 0;
    const started = here && at > 0;
    const skipped = here && this.saved?.status === 'skipped';
    return html`<div class="row">
        <div class="text">
          <h2>Connect your first program</h2>
          <p class="lead">No program has called ${this.org.name}'s API yet. The bot below works in this page; four steps put it in your code too.</p>
          ${skipped ? html`<p class="lead">You skipped the guide at “${STEPS[at]!.label}”: it waits there for you.</p>` : nothing}
        </div>
        <a href=${GETTING_STARTED_HREF}>${started ? 'Resume getting started' : 'Start the guide'}</a>
      </div>
      <ol aria-label="Getting started steps">
        ${STEPS.map(
          ({ label, hint }, i) =>
            html`<li class=${i < at ? 'done' : ''}>
              <strong>${i + 1}. ${label}${i < at ? html`<span class="visually-hidden"> (done)</span>` : nothing}</strong><span>${hint}</span>
            </li>`,
        )}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-getting-started': GettingStartedCard;
  }
}

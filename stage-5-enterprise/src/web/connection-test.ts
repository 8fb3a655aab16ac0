import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage } from '@journey/ui';
import { HttpOnboarding } from './onboarding-client';
import { ApiError } from './store';

/** How long the server may hold each question: under the usual proxies' 30 s. */
const WAIT_SECONDS = 25;

/**
 * "Test connection": waits for the key's first call and turns green. The page does not guess with a
 * timer: it asks the server, which holds the question until the call is recorded (a long poll) or
 * answers "not yet" after 25 s, and then it asks again. Fires `connected` once.
 */
@customElement('journey-connection-test')
export class ConnectionTest extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .status {
      display: flex;
      align-items: center;
      gap: 0.8rem;
      padding: 0.9rem 1rem;
      border-radius: 12px;
      border: 1px solid var(--journey-border);
      background: var(--journey-surface-sunken);
    }
    .status p {
      margin: 0;
    }
    .status strong {
      display: block;
    }
    .status small {
      color: var(--journey-muted);
      font-size: 0.85rem;
    }
    .dot {
      flex-shrink: 0;
      width: 1.6rem;
      height: 1.6rem;
      border-radius: 50%;
      display: grid;
      place-items: center;
    }
    .waiting .dot {
      border: 3px solid color-mix(in srgb, var(--journey-accent) 25%, transparent);
      border-top-color: var(--journey-accent);
      animation: spin 0.9s linear infinite;
    }
    .connected {
      color: var(--journey-success);
      border-color: color-mix(in srgb, var(--journey-success) 40%, transparent);
      background: color-mix(in srgb, var(--journey-success) 9%, var(--journey-surface));
    }
    .connected .dot {
      background: var(--journey-success);
      color: var(--journey-surface);
      font-weight: 700;
    }
    .connected small {
      color: inherit;
    }
    .error {
      color: var(--journey-danger);
      border-color: color-mix(in srgb, var(--journey-danger) 35%, transparent);
    }
    .error .dot {
      border: 3px solid currentColor;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .waiting .dot {
        animation: none;
      }
    }
  `;

  @property({ attribute: false }) orgId = '';
  @property({ attribute: false }) keyId = '';
  @property({ attribute: false }) client = new HttpOnboarding();

  /** When the first call was recorded; empty while waiting. */
  @state() private usedAt = '';
  @state() private error = '';
  private stop?: AbortController;

  override connectedCallback() {
    super.connectedCallback();
    void this.watch();
  }

  override disconnectedCallback() {
    this.stop?.abort(); // the server stops holding the question too
    super.disconnectedCallback();
  }

  /** Asks, and asks again after each "not yet", until the call arrives or the page moves on. */
  private async watch() {
    const stop = (this.stop = new AbortController());
    while (!stop.signal.aborted) {
      try {
        const answer = await this.client.firstCall(this.orgId, this.keyId, WAIT_SECONDS, stop.signal);
        this.error = '';
        if (answer.called) {
          this.usedAt = answer.usedAt ?? new Date().toISOString();
          this.dispatchEvent(new Event('connected', { bubbles: true, composed: true }));
          return;
        }
      } catch (error) {
        if (stop.signal.aborted) return;
        this.error = errorMessage(error);
        // The server said when to come back (503 busy), or it could not be reached: wait, then ask again.
        const seconds = error instanceof ApiError ? Number((error.details as { retryAfterSeconds?: number })?.retryAfterSeconds ?? 5) : 5;
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      }
    }
  }

  override render() {
    if (this.usedAt) {
      return html`<div class="status connected" role="status">
        <span class="dot" aria-hidden="true">✓</span>
        <p><strong>Connected</strong><small>The first call with this key arrived at ${new Date(this.usedAt).toLocaleTimeString()}.</small></p>
      </div>`;
    }
    if (this.error) {
      return html`<div class="status error" role="alert">
        <span class="dot" aria-hidden="true"></span>
        <p><strong>Cannot check the connection</strong><small>${this.error} Trying again…</small></p>
      </div>`;
    }
    return html`<div class="status waiting" role="status">
      <span class="dot" aria-hidden="true"></span>
      <p><strong>Waiting for the first call…</strong><small>Run the code from the previous step; this turns green when the server sees it.</small></p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-connection-test': ConnectionTest;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { amount } from './plan-table';

/**
 * One limit and its use: "Patterns 7 of 10" over a bar that turns amber near the limit and red at
 * it. Unlimited (null) shows the count alone: there is nothing to fill.
 */
@customElement('journey-usage-bar')
export class UsageBar extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .bar {
      display: grid;
      gap: 0.35rem;
    }
    .row {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      gap: 0.75rem;
      flex-wrap: wrap;
    }
    .label {
      font-weight: 600;
      font-size: 0.92rem;
    }
    .figure {
      font-size: 0.9rem;
      font-variant-numeric: tabular-nums;
      color: var(--journey-muted);
    }
    .figure strong {
      color: var(--journey-text);
    }
    .track {
      height: 0.6rem;
      border-radius: 999px;
      background: var(--journey-surface-sunken);
      border: 1px solid var(--journey-border);
      overflow: hidden;
    }
    .fill {
      height: 100%;
      border-radius: inherit;
      background: var(--journey-accent);
    }
    .near .fill {
      background: #c77700;
    }
    .full .fill {
      background: var(--journey-danger);
    }
    .full .figure strong {
      color: var(--journey-danger);
    }
  `;

  @property() label = '';
  @property({ type: Number }) used = 0;
  /** null: unlimited. */
  @property({ attribute: false }) limit: number | null = null;

  override render() {
    const { used, limit } = this;
    if (limit === null) {
      return html`<div class="row">
        <span class="label">${this.label}</span>
        <span class="figure"><strong>${amount(used)}</strong> · unlimited</span>
      </div>`;
    }
    const share = limit === 0 ? 1 : Math.min(used / limit, 1);
    const level = used >= limit ? 'full' : share >= 0.8 ? 'near' : '';
    const text = `${amount(used)} of ${amount(limit)}`;
    return html`<div class="bar ${level}">
      <div class="row">
        <span class="label" id="label">${this.label}</span>
        <span class="figure"><strong>${amount(used)}</strong> of ${amount(limit)}${level === 'full' ? ' · limit reached' : nothing}</span>
      </div>
      <div class="track" role="meter" aria-labelledby="label" aria-valuemin="0" aria-valuemax=${limit} aria-valuenow=${Math.min(used, limit)} aria-valuetext=${text}>
        <div class="fill" style=${styleMap({ width: `${share * 100}%` })}></div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-usage-bar': UsageBar;
  }
}

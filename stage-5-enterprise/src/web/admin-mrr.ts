import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import { CategoryScale, Chart, Filler, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { HttpAdmin, MrrDay } from './admin-client';
import { adminStyles } from './admin-styles';
import { usd } from './money';

Chart.register(LineController, LineElement, PointElement, Filler, CategoryScale, LinearScale, Tooltip);

const SPANS = [30, 90] as const;

/**
 * Monthly recurring revenue, day by day over the last 30 or 90 days: a filled line drawn by
 * Chart.js, then the same figures as a table. The server derives each day's figure from the audit
 * trail's plan changes (what every organization paid for that day, at its plan's list price).
 */
@customElement('journey-admin-mrr')
export class AdminMrr extends LitElement {
  static override styles = [
    theme,
    adminStyles,
    css`
      .chart {
        position: relative; /* Chart.js sizes the canvas to this box */
        height: clamp(12rem, 32vw, 18rem);
      }
      .totals {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(6.5rem, max-content));
        gap: 0.5rem 2rem;
        margin-bottom: 1rem;
      }
      .toggle {
        display: flex;
        gap: 0.4rem;
      }
      .toggle button[aria-pressed='false'] {
        background: transparent;
        color: var(--_text);
        border-color: var(--_border);
      }
      details {
        margin-top: 1rem;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        font-size: 0.9rem;
      }
      details table {
        margin-top: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) client!: HttpAdmin;

  @state() private span: (typeof SPANS)[number] = 30;
  @state() private days: MrrDay[] | undefined;
  @state() private error = '';

  @query('canvas') private canvas?: HTMLCanvasElement;
  private chart?: Chart;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback() {
    this.chart?.destroy();
    this.chart = undefined;
    super.disconnectedCallback();
  }

  private async load() {
    this.error = '';
    try {
      this.days = await this.client.mrr(this.span);
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  private show(span: (typeof SPANS)[number]) {
    if (span === this.span) return;
    this.span = span;
    void this.load();
  }

  override render() {
    const days = this.days;
    const change = days ? days.at(-1)!.mrr - days[0]!.mrr : 0;
    return html`
      <header>
        <h2 id="mrr-title">MRR, last ${this.span} days</h2>
        <div class="toggle" role="group" aria-label="How many days">
          ${SPANS.map((span) => html`<button class="small" aria-pressed=${span === this.span} @click=${() => this.show(span)}>${span} days</button>`)}
        </div>
      </header>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${!days
        ? this.error
          ? nothing
          : html`<p class="meta" role="status">Loading…</p>`
        : html`
            <div class="totals">
              <div><div class="meta">MRR today</div><div class="figure">${usd(days.at(-1)!.mrr)}</div></div>
              <div><div class="meta">Change</div><div class="figure">${change > 0 ? '+' : change < 0 ? '−' : ''}${usd(Math.abs(change))}</div></div>
            </div>
            <div class="chart">
              <canvas role="img" aria-label="Monthly recurring revenue per day over the last ${this.span} days; the figures are in the table below."></canvas>
            </div>
            <details>
              <summary>MRR, day by day</summary>
              <div class="scroll">
                <table>
                  <thead><tr><th>Day</th><th class="number">MRR</th></tr></thead>
                  <tbody>${[...days].reverse().map((d) => html`<tr><td>${label(d.day)}</td><td class="number">${usd(d.mrr)}</td></tr>`)}</tbody>
                </table>
              </div>
            </details>
          `}
    `;
  }

  /** Once the canvas is in the page, Chart.js draws on it (again when the span changes). */
  override updated(changed: Map<PropertyKey, unknown>) {
    if (!changed.has('days') || !this.days || !this.canvas) return;
    this.chart?.destroy();
    const style = getComputedStyle(this);
    const color = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const text = color('--journey-muted', '#5b6073');
    const grid = color('--journey-border', '#e1e4ec');
    const line = '#059669';
    this.chart = new Chart(this.canvas, {
      type: 'line',
      data: {
        labels: this.days.map((d) => label(d.day)),
        datasets: [{ label: 'MRR', data: this.days.map((d) => d.mrr), borderColor: line, backgroundColor: `${line}33`, fill: 'origin', stepped: true, pointRadius: 0 }],
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => `MRR ${usd(item.parsed.y ?? 0)}` } } },
        scales: {
          x: { ticks: { color: text, maxRotation: 0, autoSkipPadding: 12 }, grid: { display: false } },
          y: { beginAtZero: true, ticks: { color: text, callback: (value) => usd(Number(value)) }, grid: { color: grid } },
        },
      },
    });
  }
}

/** "Mar 12": a day of the series (UTC dates, as the server counts them). */
const label = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

declare global {
  interface HTMLElementTagNameMap {
    'journey-admin-mrr': AdminMrr;
  }
}

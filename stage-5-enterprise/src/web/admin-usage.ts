import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { HttpAdmin, UsageDay } from './admin-client';
import { adminStyles } from './admin-styles';
import { count } from './money';

// Chart.js is tree-shaken: only the pieces this chart draws with go into the bundle.
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/**
 * Chats per day over the last 30 days (bars) and how many organizations chatted each day (a line,
 * on its own axis), drawn by Chart.js on a canvas. The same figures follow as a table, for screen
 * readers and for anyone who wants the numbers.
 */
@customElement('journey-admin-usage')
export class AdminUsage extends LitElement {
  static override styles = [
    theme,
    adminStyles,
    css`
      .chart {
        position: relative; /* Chart.js sizes the canvas to this box */
        height: clamp(14rem, 40vw, 22rem);
      }
      .totals {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(6.5rem, max-content));
        gap: 0.5rem 2rem;
        margin-bottom: 1rem;
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

  @state() private days: UsageDay[] | undefined;
  @state() private error = '';

  @query('canvas') private canvas?: HTMLCanvasElement;
  private chart?: Chart;

  override async connectedCallback() {
    super.connectedCallback();
    try {
      this.days = await this.client.usage();
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  override disconnectedCallback() {
    this.chart?.destroy();
    this.chart = undefined;
    super.disconnectedCallback();
  }

  override render() {
    const days = this.days;
    const total = days?.reduce((sum, d) => sum + d.chats, 0) ?? 0;
    const busiest = days?.reduce((best, d) => (d.chats > best.chats ? d : best), days[0]!);
    return html`
      <header>
        <h2 id="usage-title">Usage, last 30 days</h2>
      </header>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${!days
        ? this.error
          ? nothing
          : html`<p class="meta" role="status">Loading…</p>`
        : html`
            <div class="totals">
              <div><div class="meta">Chats</div><div class="figure">${count(total)}</div></div>
              <div><div class="meta">Active today</div><div class="figure">${count(days.at(-1)!.activeOrgs)}</div></div>
              ${busiest && busiest.chats > 0
                ? html`<div><div class="meta">Busiest day</div><div class="figure">${label(busiest.day)}</div></div>`
                : nothing}
            </div>
            <div class="chart">
              <canvas role="img" aria-label="Chats per day and active organizations per day over the last 30 days; the figures are in the table below."></canvas>
            </div>
            <details>
              <summary>The figures, day by day</summary>
              <div class="scroll">
                <table>
                  <thead><tr><th>Day</th><th class="number">Chats</th><th class="number">Active organizations</th></tr></thead>
                  <tbody>${[...days].reverse().map((d) => html`<tr><td>${label(d.day)}</td><td class="number">${count(d.chats)}</td><td class="number">${count(d.activeOrgs)}</td></tr>`)}</tbody>
                </table>
              </div>
            </details>
          `}
    `;
  }

  /** Once the canvas is in the page, Chart.js draws on it (again when the figures change). */
  override updated(changed: Map<PropertyKey, unknown>) {
    if (!changed.has('days') || !this.days || !this.canvas) return;
    this.chart?.destroy();
    const style = getComputedStyle(this);
    const color = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const accent = color('--journey-accent', '#4f46e5');
    const text = color('--journey-muted', '#5b6073');
    const grid = color('--journey-border', '#e1e4ec');
    this.chart = new Chart(this.canvas, {
      data: {
        labels: this.days.map((d) => label(d.day)),
        datasets: [
          { type: 'bar', label: 'Chats', data: this.days.map((d) => d.chats), backgroundColor: accent, borderRadius: 3, yAxisID: 'chats', order: 2 },
          {
            type: 'line',
            label: 'Active organizations',
            data: this.days.map((d) => d.activeOrgs),
            borderColor: '#d97706',
            backgroundColor: '#d97706',
            pointRadius: 2,
            tension: 0.25,
            yAxisID: 'orgs',
            order: 1,
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { labels: { color: text, boxWidth: 12 } } },
        scales: {
          x: { ticks: { color: text, maxRotation: 0, autoSkipPadding: 12 }, grid: { display: false } },
          chats: { position: 'left', beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid }, title: { display: true, text: 'Chats', color: text } },
          orgs: { position: 'right', beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { display: false }, title: { display: true, text: 'Organizations', color: text } },
        },
      },
    });
  }
}

/** "Mar 12": a day of the series (UTC dates, as the server counts them). */
const label = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

declare global {
  interface HTMLElementTagNameMap {
    'journey-admin-usage': AdminUsage;
  }
}

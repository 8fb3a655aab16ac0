import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import type { Analytics, Org } from '../shared/api';
import { analyticsPath, fetchAnalytics } from './analytics-client';
import { adminStyles } from './admin-styles';
import { count } from './money';
import { teachHref } from './route';

// Chart.js is tree-shaken, and this module is loaded only when the tab opens (journey-app.ts).
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

const label = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);

/**
 * "Analytics", for admins and owners: chats, teaches and API calls per day (Chart.js, with the
 * figures in a table too), the fallback rate, the questions no pattern answered (each with "Teach
 * this", which opens the teach form on it: the loop back to the product), the patterns that
 * answer most, and who did what. Read from daily rollups, so it opens as fast at 10M events.
 */
@customElement('journey-analytics')
export class AnalyticsPage extends LitElement {
  static override styles = [
    theme,
    adminStyles,
    css`
      .period {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
      }
      .period button[aria-pressed='true'] {
        background: var(--_accent);
        color: white;
      }
      .totals {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr));
        gap: 0.75rem;
        margin-bottom: 1rem;
      }
      .totals > div {
        border: 1px solid var(--_border);
        border-radius: 12px;
        padding: 0.6rem 0.8rem;
      }
      .chart {
        position: relative; /* Chart.js sizes the canvas to this box */
        height: clamp(13rem, 38vw, 20rem);
        margin-bottom: 1.25rem;
      }
      section {
        margin-top: 1.25rem;
      }
      .questions {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      .questions li {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        border: 1px solid var(--_border);
        border-radius: 12px;
        padding: 0.5rem 0.75rem;
      }
      .questions .text {
        flex: 1;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .questions .times {
        color: var(--_muted);
        font-size: 0.85rem;
        white-space: nowrap;
      }
      .questions a {
        white-space: nowrap;
        font-size: 0.88rem;
      }
      .empty {
        text-align: center;
        color: var(--_muted);
        padding: 1.1rem 1rem;
        border: 1px dashed var(--_border);
        border-radius: 12px;
      }
      details {
        margin-top: 0.5rem;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        font-size: 0.9rem;
      }
    `,
  ];

  @property({ attribute: false }) org!: Org;

  @state() private days: 30 | 90 = 30;
  @state() private data: Analytics | undefined;
  @state() private error = '';

  @query('canvas') private canvas?: HTMLCanvasElement;
  private chart?: Chart;

  /** Not in connectedCallback: this module is loaded after the element was made, and `org` is set on it only at its first update. */
  override firstUpdated() {
    void this.load();
  }

  override disconnectedCallback() {
    this.chart?.destroy();
    this.chart = undefined;
    super.disconnectedCallback();
  }

  private async load(days: 30 | 90 = this.days) {
    this.days = days;
    this.error = '';
    try {
      this.data = await fetchAnalytics(this.org.id, days);
    } catch (error) {
      this.error = errorMessage(error);
    }
  }

  override render() {
    const data = this.data;
    return html`
      <header>
        <h2>Analytics</h2>
        <div class="period" role="group" aria-label="Period">
          ${([30, 90] as const).map(
            (days) => html`<button class="quiet" aria-pressed=${this.days === days ? 'true' : 'false'} @click=${() => this.load(days)}>${days} days</button>`,
          )}
          <a href=${analyticsPath(this.org.id, this.days, 'csv')} download>Export CSV</a>
        </div>
      </header>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${data ? this.figures(data) : this.error ? nothing : html`<p class="meta" role="status">Loading…</p>`}
    `;
  }

  private figures(data: Analytics) {
    const { totals } = data;
    const used = totals.chats + totals.teaches + totals.imports + totals.apiCalls > 0;
    return html`
      <div class="totals">
        <div><div class="meta">Chats</div><div class="figure">${count(totals.chats)}</div></div>
        <div>
          <div class="meta">Fallback rate</div>
          <div class="figure" title="Share of chats no pattern answered">${percent(data.fallbackRate)}</div>
        </div>
        <div><div class="meta">Patterns taught</div><div class="figure">${count(totals.teaches)}</div></div>
        <div><div class="meta">API calls</div><div class="figure">${count(totals.apiCalls)}</div></div>
      </div>
      ${used
        ? html`<div class="chart">
            <canvas role="img" aria-label="Chats (answered and not), teaches and API calls per day over the last ${data.days} days; the figures are in the table below."></canvas>
          </div>`
        : html`<p class="empty">Nothing yet in the last ${data.days} days. Chat with your patterns, and the figures appear here.</p>`}
      <section aria-labelledby="unanswered-title">
        <h3 id="unanswered-title">Questions nobody's pattern answered</h3>
        <p class="meta">Only these are kept (lower case, first 200 characters): a message a pattern answered is counted, never stored.</p>
        ${data.unanswered.length
          ? html`<ul class="questions">
              ${data.unanswered.map(
                (q) => html`<li>
                  <span class="text">${q.question}</span>
                  <span class="times">${count(q.count)}×</span>
                  <a href=${teachHref(q.question)} aria-label="Teach this: ${q.question}">Teach this</a>
                </li>`,
              )}
            </ul>`
          : html`<p class="empty">Every question found a pattern. Nothing to teach.</p>`}
      </section>
      <section aria-labelledby="patterns-title">
        <h3 id="patterns-title">Patterns that answer most</h3>
        ${data.topPatterns.length
          ? html`<div class="scroll">
              <table>
                <thead><tr><th>Trigger</th><th class="number">Answers</th></tr></thead>
                <tbody>${data.topPatterns.map((p) => html`<tr><td>${p.trigger ?? html`<span class="meta">(deleted)</span>`}</td><td class="number">${count(p.count)}</td></tr>`)}</tbody>
              </table>
            </div>`
          : html`<p class="empty">No pattern has answered yet.</p>`}
      </section>
      <section aria-labelledby="activity-title">
        <h3 id="activity-title">Activity by member and API key</h3>
        ${data.activity.length
          ? html`<div class="scroll">
              <table>
                <thead><tr><th>Who</th><th class="number">Chats</th><th class="number">Taught</th><th class="number">API calls</th></tr></thead>
                <tbody>
                  ${data.activity.map(
                    (a) => html`<tr>
                      <td>${a.label ?? html`<span class="meta">(removed)</span>`}${a.kind === 'key' ? html` <span class="chip">key</span>` : nothing}</td>
                      <td class="number">${count(a.chats)}</td><td class="number">${count(a.teaches + a.imports)}</td><td class="number">${count(a.apiCalls)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : html`<p class="empty">No activity yet.</p>`}
      </section>
      ${used
        ? html`<details>
            <summary>The figures, day by day</summary>
            <div class="scroll">
              <table>
                <thead><tr><th>Day</th><th class="number">Chats</th><th class="number">Unanswered</th><th class="number">Taught</th><th class="number">API calls</th></tr></thead>
                <tbody>
                  ${[...data.perDay].reverse().map(
                    (d) => html`<tr><td>${label(d.day)}</td><td class="number">${count(d.chats)}</td><td class="number">${count(d.fallbacks)}</td><td class="number">${count(d.teaches + d.imports)}</td><td class="number">${count(d.apiCalls)}</td></tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </details>`
        : nothing}
    `;
  }

  /** Once the canvas is in the page, Chart.js draws on it (again for each new period). */
  override updated(changed: Map<PropertyKey, unknown>) {
    if (!changed.has('data')) return;
    this.chart?.destroy();
    this.chart = undefined;
    if (!this.data || !this.canvas) return;
    const style = getComputedStyle(this);
    const color = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const accent = color('--journey-accent', '#4f46e5');
    const text = color('--journey-muted', '#5b6073');
    const grid = color('--journey-border', '#e1e4ec');
    const days = this.data.perDay;
    this.chart = new Chart(this.canvas, {
      data: {
        labels: days.map((d) => label(d.day)),
        datasets: [
          { type: 'bar', label: 'Answered chats', data: days.map((d) => d.chats - d.fallbacks), backgroundColor: accent, stack: 'chats', order: 3 },
          { type: 'bar', label: 'Unanswered', data: days.map((d) => d.fallbacks), backgroundColor: '#f59e0b', stack: 'chats', order: 3 },
          { type: 'line', label: 'Taught', data: days.map((d) => d.teaches + d.imports), borderColor: '#10b981', backgroundColor: '#10b981', pointRadius: 2, tension: 0.25, stack: 'taught', order: 1 },
          { type: 'line', label: 'API calls', data: days.map((d) => d.apiCalls), borderColor: '#64748b', backgroundColor: '#64748b', pointRadius: 2, tension: 0.25, stack: 'api', order: 2 },
        ],
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { labels: { color: text, boxWidth: 12 } } },
        scales: {
          x: { stacked: true, ticks: { color: text, maxRotation: 0, autoSkipPadding: 12 }, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } },
        },
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-analytics': AnalyticsPage;
  }
}

import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { AuditEntry } from '../shared/audit-api';
import type { AuditFilters, AuditSource } from './audit-client';
import { panelStyles } from './panel-styles';

/** The action families the filter offers (the server also takes a full action name). */
const AREAS = [
  ['', 'All actions'],
  ['member', 'Members'],
  ['invitation', 'Invitations'],
  ['ownership', 'Ownership'],
  ['api_key', 'API keys'],
  ['billing', 'Billing'],
  ['sso', 'Single sign-on'],
  ['pattern', 'Patterns'],
  ['admin', 'Platform staff'],
  ['auth', 'Sign-ins (platform admins)'],
] as const;

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
/** "member.role_changed" → "role changed". */
const verb = (action: string) => action.slice(action.indexOf('.') + 1).replace(/_/g, ' ');
/** { before: { role: 'member' }, after: { role: 'admin' } } → "role: member → admin". */
function summaryText(summary: Record<string, unknown>): string {
  const before = (summary.before ?? {}) as Record<string, unknown>;
  const after = (summary.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes = keys.map((k) => (k in before && k in after ? `${k}: ${before[k]} → ${after[k]}` : `${k}: ${before[k] ?? after[k]}`));
  const rest = Object.entries(summary).filter(([k]) => k !== 'before' && k !== 'after').map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`);
  return [...changes, ...rest].join(' · ');
}

/**
 * An audit log (an organization's, for its owners and admins; every one, for platform admins): who did what, newest first, with filters,
 * "Show more" pages, and CSV or JSON export of everything the filters match.
 */
@customElement('journey-audit-log')
export class AuditLog extends LitElement {
  static override styles = [
    theme,
    panelStyles,
    css`
      form {
        display: grid;
        grid-template-columns: minmax(0, 1.4fr) minmax(0, 1fr) minmax(0, 0.9fr) minmax(0, 0.9fr) auto;
        gap: 0.5rem;
        align-items: end;
        margin-bottom: 1rem;
      }
      label {
        display: grid;
        gap: 0.2rem;
        font-size: 0.8rem;
        color: var(--_muted);
      }
      .lead {
        margin: 0 0 0.9rem;
      }
      input,
      select {
        box-sizing: border-box;
        height: 2.2rem;
        font: inherit;
        font-size: 0.88rem;
        color: inherit;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: 8px;
        padding: 0.35rem 0.5rem;
        min-width: 0;
      }
      form button {
        height: 2.2rem;
      }
      .exports {
        display: flex;
        gap: 0.4rem;
      }
      .exports a {
        font-size: 0.85rem;
        font-weight: 600;
        color: var(--_accent);
        border: 1px solid var(--_border);
        border-radius: 8px;
        padding: 0.25rem 0.6rem;
        text-decoration: none;
      }
      .exports a:hover {
        background: var(--_accent-soft);
      }
      li {
        display: grid;
        grid-template-columns: 9.5rem minmax(0, 1fr);
        align-items: start;
      }
      time {
        font-size: 0.82rem;
        color: var(--_muted);
      }
      .what {
        display: grid;
        gap: 0.15rem;
        overflow-wrap: anywhere;
      }
      .what .meta {
        font-size: 0.8rem;
      }
      .more {
        display: flex;
        justify-content: center;
        margin-top: 0.8rem;
      }
      @media (max-width: 640px) {
        form {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        }
        form .actor {
          grid-column: 1 / -1;
        }
        li {
          grid-template-columns: minmax(0, 1fr);
          gap: 0.25rem;
        }
      }
    `,
  ];

  @property({ attribute: false }) source!: AuditSource;
  /** The platform admin's view: each entry names its organization (or the platform chain). */
  @property({ type: Boolean }) showOrg = false;

  @state() private entries: AuditEntry[] | undefined;
  @state() private nextCursor: string | null = null;
  @state() private filters: AuditFilters = {};
  @state() private error = '';
  @state() private loading = false;

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('source')) void this.load();
  }

  /** The first page for the current filters, or (more) the next one, appended. */
  async load(more = false) {
    this.loading = true;
    this.error = '';
    try {
      const page = await this.source.page(this.filters, more ? (this.nextCursor ?? undefined) : undefined);
      this.entries = more ? [...(this.entries ?? []), ...page.entries] : page.entries;
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.entries ??= [];
      this.error = errorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  private apply(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim() || undefined;
    this.filters = { actor: text('actor'), action: text('action'), from: text('from'), to: text('to') };
    void this.load();
  }

  override render() {
    const filtered = Object.values(this.filters).some(Boolean);
    return html`
      <header>
        <h2 id="audit-title">Audit log</h2>
        <div class="exports">
          <a href=${this.source.exportUrl(this.filters, 'csv')} download>Export CSV</a>
          <a href=${this.source.exportUrl(this.filters, 'json')} download>Export JSON</a>
        </div>
      </header>
      <p class="lead">Every change to members, invitations, keys, billing and sign-in settings, with who made it and from where. Entries cannot be edited or deleted.</p>
      <form @submit=${this.apply} aria-label="Filter the audit log">
        <label class="actor">Who <input name="actor" placeholder="Email or key prefix" .value=${this.filters.actor ?? ''} /></label>
        <label>What
          <select name="action">${AREAS.map(([value, label]) => html`<option value=${value} ?selected=${this.filters.action === value}>${label}</option>`)}</select>
        </label>
        <label>From <input type="date" name="from" .value=${this.filters.from ?? ''} /></label>
        <label>To <input type="date" name="to" .value=${this.filters.to ?? ''} /></label>
        <button class="quiet small" type="submit">Filter</button>
      </form>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${this.entries === undefined
        ? html`<p class="meta" role="status">Loading the audit log…</p>`
        : this.entries.length === 0
          ? html`<p class="empty">${filtered ? 'No entries match these filters.' : 'Nothing recorded yet. Role changes, invitations, API keys and plan changes will appear here.'}</p>`
          : html`<ul aria-labelledby="audit-title">${this.entries.map((entry) => this.row(entry))}</ul>`}
      ${this.nextCursor
        ? html`<div class="more"><button class="quiet small" ?disabled=${this.loading} @click=${() => void this.load(true)}>${this.loading ? 'Loading…' : 'Show more'}</button></div>`
        : nothing}
    `;
  }

  private row(entry: AuditEntry) {
    const summary = summaryText(entry.summary);
    return html`<li data-action=${entry.action}>
      <time datetime=${entry.at}>${when(entry.at)}</time>
      <div class="what">
        <div>
          <span class="chip ${entry.actor.type === 'admin' ? 'muted' : ''}">${entry.action.split('.')[0]!.replace('_', ' ')}</span>
          <strong>${entry.actor.label}</strong>${entry.actor.type === 'admin' ? ' (platform staff)' : entry.actor.type === 'key' ? ' (API key)' : ''}
          ${verb(entry.action)}${entry.target && entry.target.label !== entry.actor.label ? html` <strong>${entry.target.label}</strong>` : nothing}
        </div>
        ${summary ? html`<div class="meta">${summary}</div>` : nothing}
        <div class="meta">
          ${this.showOrg ? html`${entry.orgId ? html`organization <code>${entry.orgId}</code>` : 'platform (sign-ins)'} · ` : nothing}${entry.ip ?? 'no address'} · request ${entry.requestId ?? '—'}
        </div>
      </div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-audit-log': AuditLog;
  }
}

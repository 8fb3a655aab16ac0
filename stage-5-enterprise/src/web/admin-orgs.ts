import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { AdminOrgRow, HttpAdmin } from './admin-client';
import { orgHref } from './admin-route';
import { adminStyles } from './admin-styles';
import { count, usd } from './money';
import { day } from './panel-styles';

const PAGE = 20;

/**
 * Every organization, newest first, 20 a page: search by name or slug; each row has its plan,
 * status, members, patterns, chats this month and monthly revenue, and opens the organization.
 */
@customElement('journey-admin-orgs')
export class AdminOrgs extends LitElement {
  static override styles = [
    theme,
    adminStyles,
    css`
      form {
        display: flex;
        gap: 0.5rem;
        margin-bottom: 1rem;
        flex-wrap: wrap;
      }
      form input {
        flex: 1 1 14rem;
        width: auto;
      }
      .slug {
        color: var(--_muted);
        font-size: 0.82rem;
        font-weight: 400;
      }
      .pages {
        display: flex;
        align-items: center;
        justify-content: flex-end;
        gap: 0.5rem;
        margin-top: 0.9rem;
      }
    `,
  ];

  @property({ attribute: false }) client!: HttpAdmin;

  @state() private query = '';
  /** The search the rows answer (the box may have changed since). */
  @state() private shown = '';
  @state() private rows: AdminOrgRow[] | undefined;
  /** The cursor of each page seen so far: [null] is the first; the last entry is this page's. */
  @state() private cursors: (string | null)[] = [null];
  @state() private nextCursor: string | null = null;
  @state() private error = '';

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    this.error = '';
    try {
      const page = await this.client.orgs(this.shown, this.cursors.at(-1) ?? null, PAGE);
      this.rows = page.orgs;
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.rows ??= [];
      this.error = errorMessage(error);
    }
  }

  override render() {
    return html`
      <header>
        <h2 id="orgs-title">Organizations</h2>
        ${this.shown ? html`<span class="meta">matching “${this.shown}”</span>` : nothing}
      </header>
      <form role="search" @submit=${this.search}>
        <label class="visually-hidden" for="org-search">Search organizations</label>
        <input
          id="org-search"
          type="search"
          placeholder="Name or slug"
          .value=${this.query}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
        <button type="submit">Search</button>
      </form>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${this.rows === undefined
        ? html`<p class="meta" role="status">Loading organizations…</p>`
        : this.rows.length === 0
          ? html`<p class="empty">${this.shown ? `No organization's name or slug contains “${this.shown}”.` : 'No organizations yet.'}</p>`
          : this.table(this.rows)}
      ${this.cursors.length > 1 || this.nextCursor
        ? html`<div class="pages">
            <span class="meta">Page ${this.cursors.length}</span>
            <button class="quiet small" ?disabled=${this.cursors.length === 1} @click=${this.previous}>Previous</button>
            <button class="quiet small" ?disabled=${!this.nextCursor} @click=${this.next}>Next</button>
          </div>`
        : nothing}
    `;
  }

  private table(rows: AdminOrgRow[]) {
    return html`<div class="scroll">
      <table class="cards" aria-labelledby="orgs-title">
        <thead>
          <tr>
            <th>Organization</th>
            <th>Plan</th>
            <th>Status</th>
            <th class="number">Members</th>
            <th class="number">Patterns</th>
            <th class="number">Chats this month</th>
            <th class="number">MRR</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (org) => html`<tr data-org=${org.slug}>
              <td class="title"><a href=${orgHref(org.id)}>${org.name}</a><div class="slug">${org.slug}</div></td>
              <td data-label="Plan"><span class="chip ${org.plan === 'free' ? 'muted' : ''}">${org.plan}</span></td>
              <td data-label="Status">${status(org)}</td>
              <td data-label="Members" class="number">${count(org.members)}</td>
              <td data-label="Patterns" class="number">${count(org.patterns)}</td>
              <td data-label="Chats this month" class="number">${count(org.chatsThisMonth)}</td>
              <td data-label="MRR" class="number">${usd(org.mrr)}</td>
              <td data-label="Created">${day(org.createdAt)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private search(event: Event) {
    event.preventDefault();
    this.shown = this.query.trim();
    this.cursors = [null];
    void this.load();
  }

  private next() {
    this.cursors = [...this.cursors, this.nextCursor];
    void this.load();
  }

  private previous() {
    this.cursors = this.cursors.slice(0, -1);
    void this.load();
  }
}

/** Suspended first (nothing works), then past due (payments fail), then the subscription's own word. */
export function status(org: { suspended: boolean; billingStatus: string; subscriptionStatus: string | null }) {
  if (org.suspended) return html`<span class="chip bad">suspended</span>`;
  if (org.billingStatus === 'past_due') return html`<span class="chip bad">past due</span>`;
  return html`<span class="chip muted">${org.subscriptionStatus?.replace('_', ' ') ?? 'active'}</span>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-admin-orgs': AdminOrgs;
  }
}

import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, theme } from '@journey/ui';
import type { HttpAdmin, Ticket } from './admin-client';
import { orgHref } from './admin-route';
import { adminStyles } from './admin-styles';
import { ago } from './relative-time';

/**
 * Support tickets, the longest waiting first: who wrote, for which organization, and what. A reply
 * is kept with the ticket and mailed to the person (through the outbox); closing moves it to
 * "Closed".
 */
@customElement('journey-admin-tickets')
export class AdminTickets extends LitElement {
  static override styles = [
    theme,
    adminStyles,
    css`
      .toggle {
        display: flex;
        gap: 0.4rem;
      }
      .toggle button[aria-pressed='false'] {
        background: transparent;
        color: var(--_text);
        border-color: var(--_border);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.9rem;
      }
      article {
        border: 1px solid var(--_border);
        border-radius: 12px;
        padding: 0.8rem;
        display: grid;
        gap: 0.6rem;
        min-width: 0;
      }
      .from {
        overflow-wrap: anywhere;
      }
      .message,
      .reply {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .reply {
        border-left: 3px solid var(--_accent);
        padding-left: 0.7rem;
        font-size: 0.92rem;
      }
      form {
        display: grid;
        gap: 0.5rem;
        margin-top: 0.4rem;
      }
      .controls {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
    `,
  ];

  @property({ attribute: false }) client!: HttpAdmin;

  @state() private status: 'open' | 'closed' = 'open';
  @state() private tickets: Ticket[] | undefined;
  /** What is typed in each ticket's reply box, by ticket id. */
  @state() private drafts: Record<string, string> = {};
  @state() private busy: string | null = null;
  @state() private error = '';
  @state() private done = '';

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.tickets = await this.client.tickets(this.status);
    } catch (error) {
      this.tickets ??= [];
      this.error = errorMessage(error);
    }
  }

  override render() {
    return html`
      <header>
        <h2 id="tickets-title">Support</h2>
        <div class="toggle" role="group" aria-label="Which tickets">
          <button class="small" aria-pressed=${this.status === 'open'} @click=${() => this.show('open')}>Open</button>
          <button class="small" aria-pressed=${this.status === 'closed'} @click=${() => this.show('closed')}>Closed</button>
        </div>
      </header>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${this.done ? html`<p class="done" role="status">${this.done}</p>` : nothing}
      ${this.tickets === undefined
        ? html`<p class="meta" role="status">Loading tickets…</p>`
        : this.tickets.length === 0
          ? html`<p class="empty">${this.status === 'open' ? 'No open tickets: nobody is waiting.' : 'No closed tickets yet.'}</p>`
          : html`<ol aria-labelledby="tickets-title">${this.tickets.map((ticket) => html`<li>${this.ticket(ticket)}</li>`)}</ol>`}
    `;
  }

  private ticket(ticket: Ticket) {
    const draft = this.drafts[ticket.id] ?? '';
    return html`<article aria-label="Ticket from ${ticket.email}">
      <div class="from">
        <strong>${ticket.email}</strong> · <a href=${orgHref(ticket.orgId)}>${ticket.orgName}</a>
        <div class="meta">Opened ${ago(ticket.createdAt)}${ticket.closedAt ? ` · closed ${ago(ticket.closedAt)}` : ''}</div>
      </div>
      <p class="message">${ticket.message}</p>
      ${ticket.replies.map((reply) => html`<div class="reply"><div class="meta">Replied ${ago(reply.createdAt)}</div>${reply.message}</div>`)}
      ${ticket.status === 'open'
        ? html`<form @submit=${(e: Event) => this.reply(e, ticket)}>
            <label for="reply-${ticket.id}">Reply to ${ticket.email}</label>
            <textarea
              id="reply-${ticket.id}"
              maxlength="5000"
              .value=${draft}
              @input=${(e: Event) => (this.drafts = { ...this.drafts, [ticket.id]: (e.target as HTMLTextAreaElement).value })}
            ></textarea>
            <div class="controls">
              <button type="submit" ?disabled=${this.busy !== null || !draft.trim()}>Send reply</button>
              <button type="button" class="quiet" ?disabled=${this.busy !== null} @click=${() => this.close(ticket)}>Close ticket</button>
            </div>
          </form>`
        : nothing}
    </article>`;
  }

  private show(status: 'open' | 'closed') {
    this.status = status;
    this.tickets = undefined;
    this.done = '';
    void this.load();
  }

  private async reply(event: Event, ticket: Ticket) {
    event.preventDefault();
    await this.act(ticket, () => this.client.reply(ticket.id, this.drafts[ticket.id] ?? ''), `Reply mailed to ${ticket.email}.`);
    if (!this.error) this.drafts = { ...this.drafts, [ticket.id]: '' };
  }

  private close(ticket: Ticket) {
    void this.act(ticket, () => this.client.close(ticket.id), `The ticket from ${ticket.email} is closed.`);
  }

  private async act(ticket: Ticket, action: () => Promise<void>, said: string) {
    this.busy = ticket.id;
    this.error = '';
    this.done = '';
    try {
      await action();
      this.done = said;
      await this.load();
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-admin-tickets': AdminTickets;
  }
}

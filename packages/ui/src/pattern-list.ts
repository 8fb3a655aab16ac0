import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { customElement, property, state } from 'lit/decorators.js';
import type { Pattern, PatternInput } from '@journey/llm-core';
import { loadMore, patternsChanged } from './events';
import { overlapNotice, overlapStyles } from './overlap-notice';
import { StoreError, errorMessage, type PatternStore, type Taught } from './store';
import { theme } from './styles';
import { hasErrors, validatePattern, type PatternErrors } from './validate';

const EDIT_ICON = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 20h4L18.5 9.5a2.1 2.1 0 0 0-4-4L4 16v4Z M13.5 6.5l4 4" /></svg>`;
const DELETE_ICON = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 7h16 M10 11v6 M14 11v6 M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12 M9 7V4h6v3" /></svg>`;

/**
 * A pattern as the list shows it. `createdBy` is for stages where many people teach one brain
 * (stage 4's organizations): when a store gives it, each row says who taught the pattern; null
 * means their account is gone. Stages 1-3 leave it out, and the rows say nothing.
 */
export type ListedPattern = Pattern & { createdBy?: { email: string } | null };

/** What a row is doing: just showing, being edited, or asking before a delete. */
type RowMode = { id: string; kind: 'edit'; draft: PatternInput; errors: PatternErrors } | { id: string; kind: 'confirm' };

/** Every taught pattern: search them, edit one in place, delete one after a confirm. */
@customElement('journey-pattern-list')
export class PatternList extends LitElement {
  static override styles = [
    theme,
    overlapStyles,
    css`
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem;
        flex-wrap: wrap;
        margin-bottom: 1rem;
      }
      .count {
        display: inline-block;
        margin-left: 0.4rem;
        font-size: 0.8rem;
        font-weight: 600;
        color: var(--_accent);
        background: var(--_accent-soft);
        border-radius: 999px;
        padding: 0 0.5rem;
        vertical-align: 0.1em;
      }
      .search {
        flex: 1 1 12rem;
        max-width: 18rem;
      }
      .search input {
        padding-block: 0.45rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.6rem;
      }
      li {
        border: 1px solid var(--_border);
        border-radius: 12px;
        padding: 0.7rem 0.5rem 0.7rem 0.9rem;
        background: var(--_surface);
      }
      li.editing {
        border-color: var(--_accent);
        box-shadow: var(--_focus-ring);
      }
      .row {
        display: flex;
        gap: 0.75rem;
        align-items: flex-start;
      }
      .text {
        flex: 1;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .trigger {
        font-weight: 600;
      }
      .response {
        color: var(--_muted);
        font-size: 0.92rem;
        margin-top: 0.1rem;
        white-space: pre-wrap;
      }
      .taught-by {
        color: var(--_muted);
        font-size: 0.8rem;
        margin-top: 0.25rem;
      }
      .response::before {
        content: '→ ' / '';
        color: var(--_accent);
      }
      button.icon {
        display: grid;
        place-items: center;
        width: 2.1rem;
        height: 2.1rem;
        padding: 0;
        background: transparent;
        color: var(--_muted);
        border-radius: 8px;
      }
      button.icon:hover {
        filter: none;
        background: var(--_surface-sunken);
        color: var(--_text);
      }
      button.icon.delete:hover {
        color: var(--_danger);
      }
      button.icon svg {
        width: 1.15rem;
        height: 1.15rem;
        fill: none;
        stroke: currentColor;
        stroke-width: 1.8;
        stroke-linecap: round;
        stroke-linejoin: round;
      }
      .buttons {
        display: flex;
        gap: 0.25rem;
        flex-shrink: 0;
        flex-wrap: wrap;
        justify-content: flex-end;
      }
      .confirm {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        flex-wrap: wrap;
        justify-content: space-between;
      }
      .confirm p {
        font-weight: 500;
      }
      form {
        display: grid;
        gap: 0.75rem;
      }
      .empty {
        text-align: center;
        color: var(--_muted);
        padding: 1.5rem 1rem;
        border: 1px dashed var(--_border);
        border-radius: 12px;
      }
      .empty strong {
        display: block;
        color: var(--_text);
      }
      .alert,
      .overlap {
        margin-bottom: 0.75rem;
      }
      .more {
        display: block;
        margin: 0.9rem auto 0;
      }
      @media (max-width: 480px) {
        .search {
          max-width: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) store?: PatternStore;
  @property({ attribute: false }) patterns: readonly ListedPattern[] = [];
  /** The store has more than `patterns` (a server sends pages): show "Load more", which fires LOAD_MORE. */
  @property({ type: Boolean }) hasMore = false;
  /** Read-only (stage 5's viewers): no edit or delete buttons. The server refuses those changes anyway. */
  @property({ type: Boolean }) readonly = false;

  @state() private query = '';
  @state() private mode: RowMode | null = null;
  @state() private failure = '';
  /** The last pattern edited, to say which patterns it now overlaps. */
  @state() private edited: Taught | null = null;

  override render() {
    const shown = this.filtered();
    return html`
      <header>
        <h2 id="patterns-title">Patterns<span class="count">${this.patterns.length}${this.hasMore ? '+' : ''}</span></h2>
        ${this.patterns.length > 0
          ? html`<div class="search">
              <label for="search" class="visually-hidden">Search patterns</label>
              <input
                id="search"
                type="search"
                placeholder="Search patterns…"
                autocomplete="off"
                .value=${live(this.query)}
                @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
              />
            </div>`
          : nothing}
      </header>
      ${this.failure ? html`<p class="alert" role="alert">${this.failure}</p>` : nothing}
      ${this.edited ? overlapNotice(this.edited.pattern.trigger, this.edited.overlaps) : nothing}
      ${this.patterns.length === 0
        ? html`<div class="empty"><strong>No patterns yet</strong>${this.readonly ? 'The ones your team teaches will show up here.' : 'Teach one and it will show up here.'}</div>`
        : shown.length === 0
          ? html`<p class="empty" role="status">No pattern matches “${this.query}”.</p>`
          : html`<ul aria-labelledby="patterns-title">
              ${shown.map((pattern) => this.renderRow(pattern))}
            </ul>`}
      ${this.hasMore
        ? html`<button class="quiet more" @click=${() => this.dispatchEvent(loadMore())}>
            Load more
          </button>`
        : nothing}
    `;
  }

  private filtered(): readonly ListedPattern[] {
    const needle = this.query.trim().toLowerCase();
    if (!needle) return this.patterns;
    return this.patterns.filter((p) => `${p.trigger}\n${p.response}`.toLowerCase().includes(needle));
  }

  private renderRow(pattern: ListedPattern) {
    const mode = this.mode?.id === pattern.id ? this.mode : null;
    if (mode?.kind === 'edit') return this.renderEditor(pattern, mode.draft, mode.errors);
    if (mode?.kind === 'confirm') {
      return html`<li data-id=${pattern.id}>
        <div class="confirm" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.close(pattern.id, 'delete')}>
          <p>Delete “${pattern.trigger}”?</p>
          <div class="buttons">
            <button class="danger small" @click=${() => this.deletePattern(pattern)}>Yes, delete</button>
            <button class="quiet small" @click=${() => this.close(pattern.id, 'delete')}>Cancel</button>
          </div>
        </div>
      </li>`;
    }
    return html`<li data-id=${pattern.id}>
      <div class="row">
        <div class="text">
          <p class="trigger">${pattern.trigger}</p>
          <p class="response">${pattern.response}</p>
          ${pattern.createdBy === undefined
            ? nothing
            : html`<p class="taught-by">Taught by ${pattern.createdBy?.email ?? 'a former member'}</p>`}
        </div>
        ${this.readonly
          ? nothing
          : html`<div class="buttons">
              <button class="icon edit" aria-label="Edit “${pattern.trigger}”" title="Edit" @click=${() => this.open(pattern, 'edit')}>
                ${EDIT_ICON}
              </button>
              <button class="icon delete" aria-label="Delete “${pattern.trigger}”" title="Delete" @click=${() => this.open(pattern, 'confirm')}>
                ${DELETE_ICON}
              </button>
            </div>`}
      </div>
    </li>`;
  }

  private renderEditor(pattern: Pattern, draft: PatternInput, errors: PatternErrors) {
    const close = () => this.close(pattern.id, 'edit');
    return html`<li class="editing" data-id=${pattern.id}>
      <form
        novalidate
        aria-label="Edit “${pattern.trigger}”"
        @submit=${(e: SubmitEvent) => this.saveEdit(e, pattern)}
        @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && close()}
      >
        <div>
          <label for="edit-trigger">Trigger</label>
          <input id="edit-trigger" autocomplete="off" aria-invalid=${errors.trigger ? 'true' : 'false'}
            aria-describedby=${errors.trigger ? 'edit-trigger-error' : ''}
            .value=${live(draft.trigger)} @input=${(e: Event) => this.editDraft('trigger', (e.target as HTMLInputElement).value)} />
          ${errors.trigger ? html`<p class="field-error" id="edit-trigger-error">${errors.trigger}</p>` : nothing}
        </div>
        <div>
          <label for="edit-response">Response</label>
          <textarea id="edit-response" rows="2" aria-invalid=${errors.response ? 'true' : 'false'}
            aria-describedby=${errors.response ? 'edit-response-error' : ''}
            .value=${live(draft.response)} @input=${(e: Event) => this.editDraft('response', (e.target as HTMLInputElement).value)}></textarea>
          ${errors.response ? html`<p class="field-error" id="edit-response-error">${errors.response}</p>` : nothing}
        </div>
        <div class="buttons">
          <button type="submit" class="small">Save</button>
          <button type="button" class="quiet small" @click=${close}>Cancel</button>
        </div>
      </form>
    </li>`;
  }

  private async open(pattern: Pattern, kind: 'edit' | 'confirm') {
    this.failure = '';
    this.edited = null;
    this.mode =
      kind === 'edit'
        ? { id: pattern.id, kind, draft: { trigger: pattern.trigger, response: pattern.response }, errors: {} }
        : { id: pattern.id, kind };
    await this.updateComplete;
    // Keyboard users land on the first thing to act on: the trigger field, or "Cancel" (the safe choice).
    const target = kind === 'edit' ? '#edit-trigger' : '.confirm button.quiet';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  /** Leave edit/confirm mode and give focus back to the button that opened it. */
  private async close(id: string, returnTo: 'edit' | 'delete') {
    this.mode = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`li[data-id="${CSS.escape(id)}"] button.${returnTo}`)?.focus();
  }

  private editDraft(name: keyof PatternInput, value: string) {
    if (this.mode?.kind !== 'edit') return;
    const draft = { ...this.mode.draft, [name]: value };
    const errors = hasErrors(this.mode.errors) ? validatePattern(draft) : {};
    this.mode = { ...this.mode, draft, errors };
  }

  private async saveEdit(event: SubmitEvent, pattern: Pattern) {
    event.preventDefault();
    if (this.mode?.kind !== 'edit' || !this.store) return;
    const errors = validatePattern(this.mode.draft);
    if (hasErrors(errors)) {
      this.mode = { ...this.mode, errors };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('li.editing [aria-invalid="true"]')?.focus();
      return;
    }
    try {
      const { trigger, response } = this.mode.draft;
      this.edited = await this.store.update(pattern.id, { trigger: trigger.trim(), response: response.trim() });
      this.dispatchEvent(patternsChanged());
      await this.close(pattern.id, 'edit');
    } catch (error) {
      this.fail(error);
    }
  }

  private async deletePattern(pattern: Pattern) {
    try {
      await this.store?.remove(pattern.id);
      this.mode = null;
      this.dispatchEvent(patternsChanged());
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#search, h2')?.focus();
    } catch (error) {
      this.fail(error);
    }
  }

  /** Show what went wrong; when the pattern is gone (deleted elsewhere), leave edit mode and let the app reload. */
  private fail(error: unknown) {
    this.failure = errorMessage(error);
    if (error instanceof StoreError && error.code === 'not_found') {
      this.mode = null;
      this.dispatchEvent(patternsChanged());
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-pattern-list': PatternList;
  }
}

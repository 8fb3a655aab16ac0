import { LitElement, css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { customElement, property, state } from 'lit/decorators.js';
import { LIMITS, type PatternInput } from '@journey/llm-core';
import { patternsChanged } from './events';
import { overlapNotice, overlapStyles } from './overlap-notice';
import { errorMessage, type PatternStore, type Taught } from './store';
import { theme } from './styles';
import { hasErrors, validatePattern, type PatternErrors } from './validate';

/** Teach a new trigger → response pattern. Invalid input is explained inline and never saved. */
@customElement('journey-teach-form')
export class TeachForm extends LitElement {
  static override styles = [
    theme,
    overlapStyles,
    css`
      form {
        display: grid;
        gap: 1rem;
      }
      .label-row {
        display: flex;
        justify-content: space-between;
        align-items: baseline;
        gap: 0.5rem;
      }
      .count {
        font-size: 0.78rem;
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
      }
      .count.over {
        color: var(--_danger);
        font-weight: 600;
      }
      .hint {
        font-size: 0.82rem;
        color: var(--_muted);
        margin-top: 0.4rem;
      }
      .hint code {
        white-space: nowrap;
      }
      .actions {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        flex-wrap: wrap;
      }
      .saved {
        color: var(--_success);
        font-size: 0.9rem;
        font-weight: 500;
      }
    `,
  ];

  @property({ attribute: false }) store?: PatternStore;

  @state() private values: PatternInput = { trigger: '', response: '' };
  @state() private errors: PatternErrors = {};
  /** Validate while typing only after the first submit, so nobody is scolded for an empty form. */
  @state() private submitted = false;
  @state() private saving = false;
  @state() private status = '';
  @state() private failure = '';
  /** The last pattern taught, to say which patterns it overlaps. */
  @state() private taught: Taught | null = null;

  /**
   * Opens the form on a trigger someone asked for (stage 5's "Teach this" on an unanswered
   * question): the trigger filled in, the reply left to write, and the focus there.
   */
  async prefill(trigger: string): Promise<void> {
    this.values = { trigger, response: '' };
    this.errors = {};
    this.submitted = false;
    this.status = '';
    this.taught = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('#response')?.focus();
  }

  override render() {
    return html`
      <form novalidate @submit=${this.save} aria-labelledby="teach-title">
        <h2 id="teach-title">Teach a pattern</h2>
        ${this.renderField('trigger', 'When someone says', 'e.g. my name is {name}')}
        ${this.renderField('response', 'Reply with', 'e.g. Nice to meet you, {name}!')}
        ${this.failure ? html`<p class="alert" role="alert">${this.failure}</p>` : nothing}
        <div class="actions">
          <button type="submit" ?disabled=${this.saving}>${this.saving ? 'Teaching…' : 'Teach it'}</button>
          <p class="saved" role="status">${this.status}</p>
        </div>
        ${this.taught ? overlapNotice(this.taught.pattern.trigger, this.taught.overlaps) : nothing}
      </form>
    `;
  }

  private renderField(field: keyof PatternInput, label: string, placeholder: string) {
    const value = this.values[field];
    const error = this.errors[field];
    const limit = LIMITS[field];
    const hintId = field === 'trigger' ? 'trigger-hint' : '';
    const describedBy = [error ? `${field}-error` : '', hintId].filter(Boolean).join(' ');
    const onInput = (e: Event) => this.edit(field, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
    return html`
      <div>
        <div class="label-row">
          <label for=${field}>${label}</label>
          <span class="count ${value.length > limit ? 'over' : ''}" aria-hidden="true">${value.length}/${limit}</span>
        </div>
        ${field === 'trigger'
          ? html`<input
              id="trigger"
              autocomplete="off"
              placeholder=${placeholder}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${describedBy}
              .value=${live(value)}
              @input=${onInput}
            />`
          : html`<textarea
              id="response"
              rows="3"
              placeholder=${placeholder}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${describedBy}
              .value=${live(value)}
              @input=${onInput}
            ></textarea>`}
        ${error ? html`<p class="field-error" id="${field}-error">${error}</p>` : nothing}
        ${field === 'trigger'
          ? html`<p class="hint" id="trigger-hint">
              <code>*</code> any words · <code>{name}</code> captures a word to use in the reply ·
              <code>(hi|hello)</code> either · <code>[please]</code> optional
            </p>`
          : nothing}
      </div>
    `;
  }

  private edit(field: keyof PatternInput, value: string) {
    this.values = { ...this.values, [field]: value };
    this.status = '';
    this.taught = null;
    if (this.submitted) this.errors = validatePattern(this.values);
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    if (this.saving || !this.store) return;
    this.submitted = true;
    this.failure = '';
    this.errors = validatePattern(this.values);
    if (hasErrors(this.errors)) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.saving = true;
    try {
      this.taught = await this.store.add({
        trigger: this.values.trigger.trim(),
        response: this.values.response.trim(),
      });
      this.values = { trigger: '', response: '' };
      this.submitted = false;
      this.status = `Learned “${this.taught.pattern.trigger}”. Try it in the chat.`;
      this.dispatchEvent(patternsChanged());
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#trigger')?.focus();
    } catch (error) {
      this.failure = errorMessage(error);
    } finally {
      this.saving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-teach-form': TeachForm;
  }
}

import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LIMITS, type Pattern, type Reply } from '@journey/llm-core';
import { didYouMean, didYouMeanStyles } from './did-you-mean';
import { errorMessage, type PatternStore } from './store';
import { theme } from './styles';
import { whyPanel, whyStyles, whyToggle } from './why-answer';

interface ChatMessage {
  from: 'you' | 'bot';
  text: string;
  reply?: Reply;
  /** Its "why?" explanation is showing. */
  open?: boolean;
}

/**
 * The conversation: type a message, the store answers. Each answer says which pattern
 * produced it and how sure the engine was; the fallback looks different on purpose.
 */
@customElement('journey-chat-panel')
export class ChatPanel extends LitElement {
  static override styles = [
    theme,
    whyStyles,
    didYouMeanStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 0.75rem;
        min-height: 24rem;
      }
      .log {
        flex: 1;
        list-style: none;
        margin: 0;
        padding: 0.25rem 0.1rem;
        display: flex;
        flex-direction: column;
        gap: 0.75rem;
        overflow-y: auto;
        /* Grows with the card when the page gives it a height, scrolls past 70% of the screen. */
        min-height: 12rem;
        max-height: 70vh;
      }
      .empty {
        margin: auto;
        text-align: center;
        color: var(--_muted);
        max-width: 22rem;
        font-size: 0.95rem;
      }
      .empty strong {
        display: block;
        color: var(--_text);
        font-size: 1.05rem;
        margin-bottom: 0.2rem;
      }
      .suggestions {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 0.5rem;
        margin-top: 1rem;
      }
      .suggestions button {
        background: var(--_accent-soft);
        color: var(--_accent);
        border-radius: 999px;
        padding: 0.35rem 0.85rem;
        font-weight: 500;
        white-space: normal;
      }
      .suggestions button:hover {
        filter: none;
        background: color-mix(in srgb, var(--_accent) 18%, transparent);
      }
      li {
        display: flex;
        flex-direction: column;
        max-width: min(85%, 34rem);
      }
      .you {
        align-self: flex-end;
        align-items: flex-end;
      }
      .bot {
        align-self: flex-start;
        align-items: flex-start; /* the bubble keeps its own width when "why?" opens below it */
      }
      .bubble {
        padding: 0.55rem 0.85rem;
        border-radius: 16px;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .you .bubble {
        background: var(--_accent);
        color: var(--_on-accent);
        border-bottom-right-radius: 5px;
      }
      .bot .bubble {
        background: var(--_surface-sunken);
        border: 1px solid var(--_border);
        border-bottom-left-radius: 5px;
      }
      .bot.fallback .bubble {
        background: transparent;
        border-style: dashed;
        color: var(--_muted);
        font-style: italic;
      }
      .meta {
        font-size: 0.78rem;
        color: var(--_muted);
        margin-top: 0.25rem;
        padding-inline: 0.35rem;
        display: flex;
        align-items: center;
        gap: 0.35rem;
        flex-wrap: wrap;
      }
      .confidence {
        display: inline-block;
        font-variant-numeric: tabular-nums;
        font-weight: 600;
        color: var(--_accent);
        background: var(--_accent-soft);
        border-radius: 999px;
        padding: 0 0.45rem;
      }
      .capture {
        font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
        border: 1px solid var(--_border);
        border-radius: 999px;
        padding: 0 0.45rem;
      }
      .dots {
        display: inline-flex;
        gap: 4px;
        padding: 0.8rem 0.9rem;
      }
      .dots span {
        width: 7px;
        height: 7px;
        border-radius: 50%;
        background: var(--_muted);
        animation: blink 1.2s infinite ease-in-out;
      }
      .dots span:nth-child(2) {
        animation-delay: 0.2s;
      }
      .dots span:nth-child(3) {
        animation-delay: 0.4s;
      }
      @keyframes blink {
        0%,
        80%,
        100% {
          opacity: 0.25;
        }
        40% {
          opacity: 1;
        }
      }
      form {
        display: flex;
        gap: 0.5rem;
        border-top: 1px solid var(--_border);
        padding-top: 0.9rem;
      }
      form input {
        flex: 1;
        min-width: 0;
      }
    `,
  ];

  /** Where answers come from. */
  @property({ attribute: false }) store?: PatternStore;
  /** The known patterns, only to name the one that answered. */
  @property({ attribute: false }) patterns: readonly Pattern[] = [];
  /** Messages offered as one-click starters while the conversation is empty. */
  @property({ attribute: false }) suggestions: readonly string[] = [];

  @state() private messages: ChatMessage[] = [];
  @state() private draft = '';
  @state() private pending = false;
  @state() private error = '';

  @query('.log') private log!: HTMLElement;
  @query('input') private input!: HTMLInputElement;

  override render() {
    return html`
      <h2 id="chat-title">Chat</h2>
      <ol class="log" aria-labelledby="chat-title" aria-live="polite" aria-busy=${this.pending}>
        ${this.messages.length === 0 && !this.pending
          ? html`<li class="empty">
              <strong>Say something</strong>I answer with the patterns you teach me.
              ${this.suggestions.length
                ? html`<div class="suggestions">
                    ${this.suggestions.map((text) => html`<button @click=${() => this.send(text)}>${text}</button>`)}
                  </div>`
                : nothing}
            </li>`
          : nothing}
        ${this.messages.map((message, index) => this.renderMessage(message, index))}
        ${this.pending
          ? html`<li class="bot" aria-label="Thinking…">
              <span class="bubble dots" aria-hidden="true"><span></span><span></span><span></span></span>
            </li>`
          : nothing}
      </ol>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      <form @submit=${this.submit}>
        <label for="message" class="visually-hidden">Message</label>
        <input
          id="message"
          autocomplete="off"
          placeholder="Type a message…"
          maxlength=${LIMITS.message}
          .value=${live(this.draft)}
          @input=${(e: Event) => (this.draft = (e.target as HTMLInputElement).value)}
        />
        <button type="submit" ?disabled=${this.pending}>Send</button>
      </form>
    `;
  }

  private renderMessage(message: ChatMessage, index: number) {
    const { from, text, reply, open = false } = message;
    if (from === 'you') {
      return html`<li class="you"><span class="visually-hidden">You:</span><p class="bubble">${text}</p></li>`;
    }
    const panelId = `why-${index}`;
    const toggle = () => (this.messages = this.messages.map((m) => (m === message ? { ...m, open: !open } : m)));
    if (!reply || reply.patternId === null) {
      return html`<li class="bot fallback">
        <span class="visually-hidden">Bot:</span>
        <p class="bubble">${text}</p>
        <p class="meta">No pattern matched · fallback answer</p>
        ${reply?.alternatives?.length ? didYouMean(reply.alternatives, (q) => void this.send(q), this.pending) : nothing}
      </li>`;
    }
    return html`
      <li class="bot">
        <span class="visually-hidden">Bot:</span>
        <p class="bubble">${text}</p>
        <p class="meta">${this.renderSource(reply)} ${reply.how ? whyToggle(open, panelId, toggle) : nothing}</p>
        ${reply.how && open ? whyPanel(reply.how, panelId) : nothing}
      </li>
    `;
  }

  private renderSource(reply: Reply) {
    const pattern = this.patterns.find((p) => p.id === reply.patternId);
    const percent = Math.round(reply.confidence * 100);
    const captures = Object.entries(reply.captures);
    return html`<span>Answered by “${pattern?.trigger ?? reply.patternId}”</span>
      <span class="confidence" title="How sure the engine is">${percent}% match</span>
      ${captures.map(([name, value]) => html`<span class="capture" title="Captured from your message">{${name}} = ${value}</span>`)}`;
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    void this.send(this.draft.trim());
  }

  private async send(message: string) {
    if (!message || this.pending || !this.store) return;
    this.messages = [...this.messages, { from: 'you', text: message }];
    this.draft = '';
    this.error = '';
    this.pending = true;
    try {
      const reply = await this.store.chat(message);
      this.messages = [...this.messages, { from: 'bot', text: reply.text, reply }];
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.pending = false;
    }
  }

  protected override updated(changed: PropertyValues) {
    if (changed.has('messages') || changed.has('pending')) this.log.scrollTop = this.log.scrollHeight;
    // Back to the input once an answer arrived (the button was disabled meanwhile).
    if (changed.get('pending') === true) this.input.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-chat-panel': ChatPanel;
  }
}

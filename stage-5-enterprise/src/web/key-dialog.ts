import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { theme } from '@journey/ui';

/**
 * The new API key, shown once in a modal dialog (the platform's <dialog>: focus kept inside,
 * Escape closes) with a copy button. The server keeps only the key's SHA-256, so after "Done"
 * nobody can show it again: the page forgets it too.
 */
@customElement('journey-key-dialog')
export class KeyDialog extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        /* The host draws nothing: the card is the dialog itself. */
        display: contents;
      }
      dialog {
        width: min(38rem, calc(100vw - 2rem));
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
        padding: clamp(1rem, 4vw, 1.5rem);
        box-shadow: 0 20px 60px rgb(16 24 40 / 0.25);
      }
      dialog::backdrop {
        background: rgb(15 17 23 / 0.45);
      }
      form {
        display: grid;
        gap: 0.9rem;
      }
      .warning {
        color: var(--_danger);
        font-weight: 600;
      }
      .key {
        display: flex;
        gap: 0.5rem;
      }
      .key input,
      pre {
        font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
        font-size: 0.8rem;
      }
      pre {
        margin: 0;
        padding: 0.6rem 0.75rem;
        border-radius: 10px;
        background: var(--_surface-sunken);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--_muted);
        font-size: 0.88rem;
      }
      .end {
        display: flex;
        justify-content: flex-end;
      }
    `,
  ];

  /** The key's name, for the title. */
  @property() name = '';
  @state() private key = '';
  @state() private copied = '';

  @query('dialog') private dialog!: HTMLDialogElement;

  /** Opens the dialog with the key the server answered. */
  async show(key: string): Promise<void> {
    this.key = key;
    this.copied = '';
    await this.updateComplete;
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('#new-key')?.select();
  }

  override render() {
    return html`<dialog aria-labelledby="key-title" @close=${this.forget}>
      <form method="dialog">
        <h2 id="key-title">API key “${this.name}” created</h2>
        <p class="warning">Copy it now: you will not see it again.</p>
        <div class="key">
          <label class="visually-hidden" for="new-key">New API key</label>
          <input id="new-key" readonly .value=${this.key} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
          <button type="button" class="quiet" @click=${this.copy}>${this.copied || 'Copy'}</button>
        </div>
        <p class="meta">Programs send it in a header; it works on /api/patterns, /api/chat and /api/import for this organization:</p>
        <pre>curl -H "Authorization: Bearer $JOURNEY_KEY" \\
  -H "content-type: application/json" \\
  -d '{"message":"hello"}' ${location.origin}/api/chat</pre>
        <div class="end"><button type="submit">Done</button></div>
      </form>
    </dialog>`;
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.key);
      this.copied = 'Copied';
    } catch {
      // No clipboard permission (an embedded page, an old browser): select it for Ctrl+C instead.
      this.renderRoot.querySelector<HTMLInputElement>('#new-key')?.select();
      this.copied = 'Press Ctrl+C';
    }
  }

  /** Closed (Done or Escape): the page keeps no copy of the key. */
  private forget() {
    this.key = '';
    this.copied = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-key-dialog': KeyDialog;
  }
}

import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/**
 * Code to copy: a caption (a file name, "Terminal"), the text as it is, and a Copy button. The
 * text is shown and copied verbatim: what a person pastes is what they read.
 */
@customElement('journey-code-block')
export class CodeBlock extends LitElement {
  static override styles = css`
    :host {
      display: block;
      border: 1px solid var(--journey-border);
      border-radius: 12px;
      background: var(--journey-surface-sunken);
      overflow: hidden;
    }
    .bar {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.3rem 0.4rem 0.3rem 0.8rem;
      border-bottom: 1px solid var(--journey-border);
      color: var(--journey-muted);
      font-size: 0.8rem;
      font-weight: 600;
    }
    button {
      font: inherit;
      font-size: 0.8rem;
      font-weight: 600;
      color: var(--journey-text);
      background: var(--journey-surface);
      border: 1px solid var(--journey-border);
      border-radius: 8px;
      padding: 0.2rem 0.65rem;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid color-mix(in srgb, var(--journey-accent) 45%, transparent);
      outline-offset: 1px;
    }
    pre {
      margin: 0;
      padding: 0.75rem 0.9rem;
      font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
      font-size: 0.8rem;
      line-height: 1.55;
      tab-size: 2;
      /* A key is long: the line wraps on screen rather than hiding past the edge (copying keeps it one line). */
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `;

  /** What the code is: a file name, or "Terminal". Also names the block and its button for screen readers. */
  @property() label = '';
  @property() code = '';
  @state() private copied = '';

  override render() {
    return html`<div class="bar">
        <span>${this.label}</span>
        <button type="button" aria-label="Copy ${this.label}" @click=${this.copy}>${this.copied || 'Copy'}</button>
      </div>
      <pre aria-label=${this.label} tabindex="0"><code>${this.code}</code></pre>`;
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has('code')) this.copied = '';
  }

  private async copy() {
    try {
      await navigator.clipboard.writeText(this.code);
      this.copied = 'Copied';
    } catch {
      // No clipboard permission: select the text for Ctrl+C instead.
      const code = this.renderRoot.querySelector('code');
      if (code) getSelection()?.selectAllChildren(code);
      this.copied = 'Press Ctrl+C';
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-code-block': CodeBlock;
  }
}

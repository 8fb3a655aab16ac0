import { css, html } from 'lit';
import type { Alternative } from '@journey/llm-core';

/** A fallback's near misses as buttons: one click asks that question. Shows what the bot almost understood. */
export function didYouMean(alternatives: readonly Alternative[], ask: (question: string) => void, disabled: boolean) {
  return html`<div class="did-you-mean" role="group" aria-label="Did you mean">
    <span aria-hidden="true">Did you mean</span>
    ${alternatives.map(
      (a) => html`<button type="button" class="chip" ?disabled=${disabled} title="Trigger “${a.trigger}”, ${Math.round(a.confidence * 100)}% close"
        @click=${() => ask(a.question)}>${a.question}</button>`,
    )}
  </div>`;
}

export const didYouMeanStyles = css`
  .did-you-mean {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    margin-top: 0.45rem;
    padding-inline: 0.35rem;
    font-size: 0.8rem;
    color: var(--_muted);
  }
  .chip {
    background: var(--_accent-soft);
    color: var(--_accent);
    border-radius: 999px;
    padding: 0.2rem 0.7rem;
    font-size: 0.82rem;
    font-weight: 500;
    white-space: normal;
    text-align: left;
  }
  .chip:hover {
    filter: none;
    background: color-mix(in srgb, var(--_accent) 18%, transparent);
  }
`;

import { css, html, nothing } from 'lit';
import type { Explanation } from '@journey/llm-core';

/** What each kind of match means, for someone learning how the bot "decides". */
const MEANING: Record<Explanation['match'], string> = {
  exact: 'Exact match: your message is the trigger, word for word (case and punctuation aside).',
  variant: 'Variant match: your message is one way of saying the trigger, with its (a|b) and [optional] words.',
  wildcard: 'Wildcard match: the trigger’s words are in your message; its * and {name} took the rest.',
  fuzzy: 'Close match: not word for word, but near enough to the trigger to answer.',
};

/** The "why?" toggle of one answer: a button that shows or hides its explanation (`panelId`). */
export function whyToggle(open: boolean, panelId: string, toggle: () => void) {
  return html`<button type="button" class="why-toggle" aria-expanded=${open} aria-controls=${panelId} @click=${toggle}>why?</button>`;
}

/** How the pattern matched: the kind of match, the words found, typos read, words left out. */
export function whyPanel(how: Explanation, panelId: string) {
  return html`<div class="why" id=${panelId}>
    <p>${MEANING[how.match]}</p>
    ${row('Matched words', how.words)} ${row('Typos read as', how.corrected)} ${row('Left out', how.missing)}
  </div>`;
}

function row(label: string, words: readonly string[]) {
  if (words.length === 0) return nothing;
  return html`<p>${label}: ${words.map((w) => html`<span class="word">${w}</span> `)}</p>`;
}

export const whyStyles = css`
  .why-toggle {
    background: none;
    border: none;
    padding: 0 0.2rem;
    border-radius: 4px;
    font-size: inherit;
    font-weight: 500;
    color: var(--_muted);
    text-decoration: underline dotted;
    text-underline-offset: 3px;
  }
  .why-toggle:hover,
  .why-toggle[aria-expanded='true'] {
    filter: none;
    color: var(--_accent);
  }
  .why {
    display: grid;
    gap: 0.3rem;
    margin: 0.35rem 0.35rem 0;
    padding: 0.5rem 0.7rem;
    border-left: 3px solid var(--_accent-soft);
    font-size: 0.82rem;
    color: var(--_muted);
  }
  .word {
    display: inline-block;
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
    font-size: 0.95em;
    color: var(--_text);
    background: var(--_surface-sunken);
    border: 1px solid var(--_border);
    border-radius: 6px;
    padding: 0 0.35rem;
  }
`;

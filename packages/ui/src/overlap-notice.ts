import { css, html, nothing } from 'lit';
import type { Overlap } from '@journey/llm-core';

/**
 * Said right after a pattern is taught or edited: which patterns already answered some of the same
 * messages, and which one answers them now. Overlaps are how a pattern bot surprises its teacher.
 */
export function overlapNotice(trigger: string, overlaps: readonly Overlap[]) {
  if (overlaps.length === 0) return nothing;
  const yours = overlaps.filter((o) => o.takesOver);
  const theirs = overlaps.filter((o) => !o.takesOver);
  return html`<p class="overlap" role="status">
    <svg viewBox="0 0 24 24" aria-hidden="true"><circle cx="9" cy="12" r="6" /><circle cx="15" cy="12" r="6" /></svg>
    <span>
      ${yours.length > 0
        ? html`<strong>“${trigger}”</strong> is already answered by ${names(yours)}; yours will take over.`
        : html`<strong>“${trigger}”</strong> is also answered by ${names(theirs)}.`}
      ${theirs.length > 0
        ? html`${yours.length > 0 ? names(theirs) : theirs.length === 1 ? 'It' : 'They'}
          ${theirs.length === 1 ? 'is' : 'are'} more exact and will keep answering where both match.`
        : nothing}
    </span>
  </p>`;
}

function names(overlaps: readonly Overlap[]) {
  return overlaps.map((o, i) => html`${i === 0 ? '' : i === overlaps.length - 1 ? ' and ' : ', '}<code>${o.trigger}</code>`);
}

export const overlapStyles = css`
  .overlap {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-size: 0.88rem;
    color: var(--_text);
    background: var(--_accent-soft);
    border-radius: 10px;
    padding: 0.55rem 0.75rem;
    overflow-wrap: anywhere;
  }
  .overlap svg {
    flex-shrink: 0;
    width: 1.1rem;
    height: 1.1rem;
    margin-top: 0.1rem;
    fill: none;
    stroke: var(--_accent);
    stroke-width: 1.8;
  }
  .overlap code {
    white-space: normal;
  }
`;

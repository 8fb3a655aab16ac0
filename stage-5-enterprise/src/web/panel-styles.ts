import { css } from 'lit';

/** What the organization page's cards share on top of @journey/ui's theme: rows, chips, notes. */
export const panelStyles = css`
  header {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin-bottom: 0.9rem;
  }
  .lead,
  .note,
  .meta {
    color: var(--_muted);
    font-size: 0.88rem;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.6rem;
  }
  li {
    display: flex;
    align-items: center;
    justify-content: space-between;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: 12px;
    padding: 0.65rem 0.8rem;
  }
  .who {
    flex: 1 1 12rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .who strong {
    font-weight: 600;
  }
  .controls {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    flex-wrap: wrap;
  }
  .chip {
    display: inline-block;
    font-size: 0.78rem;
    font-weight: 600;
    border-radius: 999px;
    padding: 0.05rem 0.55rem;
    color: var(--_accent);
    background: var(--_accent-soft);
  }
  .chip.muted {
    color: var(--_muted);
    background: var(--_surface-sunken);
  }
  select {
    font: inherit;
    font-size: 0.88rem;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 8px;
    padding: 0.3rem 0.4rem;
  }
  select:focus-visible {
    outline: none;
    border-color: var(--_accent);
    box-shadow: var(--_focus-ring);
  }
  .empty {
    text-align: center;
    color: var(--_muted);
    padding: 1.1rem 1rem;
    border: 1px dashed var(--_border);
    border-radius: 12px;
  }
  .alert,
  .done {
    margin-bottom: 0.75rem;
  }
  .done {
    color: var(--_success);
    background: color-mix(in srgb, var(--_success) 8%, transparent);
    border-radius: 10px;
    padding: 0.5rem 0.75rem;
    font-size: 0.9rem;
  }
`;

/** "12 Mar 2026": dates in the reader's own format. */
export const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

import { css } from 'lit';

/**
 * The look every component shares. A page themes it by setting the public `--journey-*`
 * custom properties (they pierce shadow roots); the private `--_*` ones hold the defaults.
 */
export const theme = css`
  :host {
    --_accent: var(--journey-accent, #4f46e5);
    --_on-accent: var(--journey-on-accent, #ffffff);
    --_accent-soft: var(--journey-accent-soft, color-mix(in srgb, var(--_accent) 10%, transparent));
    --_surface: var(--journey-surface, #ffffff);
    --_surface-sunken: var(--journey-surface-sunken, #f5f6fa);
    --_text: var(--journey-text, #1b1d27);
    --_muted: var(--journey-muted, #5b6073);
    --_border: var(--journey-border, #e1e4ec);
    --_danger: var(--journey-danger, #c0313c);
    --_on-danger: var(--journey-on-danger, #ffffff);
    --_success: var(--journey-success, #1d7a4b);
    --_radius: var(--journey-radius, 14px);
    --_focus-ring: 0 0 0 3px color-mix(in srgb, var(--_accent) 35%, transparent);

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 1px 2px rgb(16 24 40 / 0.04), 0 4px 16px rgb(16 24 40 / 0.04);
    padding: clamp(1rem, 3vw, 1.5rem);
    line-height: 1.5;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2 {
    margin: 0;
    font-size: 1.05rem;
    font-weight: 650;
    letter-spacing: -0.01em;
  }
  p {
    margin: 0;
  }
  code {
    font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
    font-size: 0.86em;
    background: var(--_surface-sunken);
    border: 1px solid var(--_border);
    border-radius: 5px;
    padding: 0 0.3em;
  }

  label {
    display: block;
    font-weight: 600;
    font-size: 0.9rem;
    margin-bottom: 0.3rem;
  }
  input,
  textarea {
    width: 100%;
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 10px;
    padding: 0.6rem 0.75rem;
    transition: border-color 0.15s, box-shadow 0.15s;
  }
  textarea {
    resize: vertical;
    min-height: 4.5rem;
  }
  input:focus-visible,
  textarea:focus-visible,
  button:focus-visible,
  summary:focus-visible {
    outline: none;
    border-color: var(--_accent);
    box-shadow: var(--_focus-ring);
  }
  [aria-invalid='true'],
  [aria-invalid='true']:focus-visible {
    border-color: var(--_danger);
  }
  [aria-invalid='true']:focus-visible {
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_danger) 25%, transparent);
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.85rem;
    margin-top: 0.3rem;
  }

  button {
    font: inherit;
    font-weight: 600;
    font-size: 0.92rem;
    cursor: pointer;
    border-radius: 10px;
    padding: 0.55rem 1rem;
    border: 1px solid transparent;
    background: var(--_accent);
    color: var(--_on-accent);
    transition: filter 0.15s, background 0.15s;
    white-space: nowrap;
  }
  button:hover {
    filter: brightness(1.08);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button.quiet {
    background: transparent;
    color: var(--_text);
    border-color: var(--_border);
  }
  button.quiet:hover {
    background: var(--_surface-sunken);
    filter: none;
  }
  button.danger {
    background: var(--_danger);
    color: var(--_on-danger);
  }
  button.small {
    padding: 0.3rem 0.7rem;
    font-size: 0.85rem;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .alert {
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 8%, transparent);
    border-radius: 10px;
    padding: 0.5rem 0.75rem;
    font-size: 0.9rem;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;

/**
 * The buttons on the page itself, outside the themed cards (the header's Export, Import…, Log out):
 * a focus ring for every button, and the outlined `secondary` look. Their hosts do not take `theme`
 * (its `:host` draws a card), so this reads the page's `--journey-*` properties directly.
 */
export const pageButtons = css`
  button:focus-visible {
    outline: 3px solid color-mix(in srgb, var(--journey-accent) 45%, transparent);
    outline-offset: 2px;
  }
  button.secondary {
    font: inherit;
    font-weight: 600;
    font-size: 0.9rem;
    padding: 0.5rem 0.95rem;
    border-radius: 10px;
    border: 1px solid var(--journey-border);
    background: var(--journey-surface);
    color: var(--journey-text);
    cursor: pointer;
  }
  button.secondary:hover {
    background: var(--journey-surface-sunken);
  }
`;

import { css } from 'lit';

/**
 * What the admin panel's cards share on top of @journey/ui's theme: tables that become one card
 * per row in a narrow window (each cell then shows its column's name from `data-label`), figures,
 * and chips for plans and statuses.
 */
export const adminStyles = css`
  header {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin-bottom: 0.9rem;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 0.95rem;
  }
  .meta,
  .lead {
    color: var(--_muted);
    font-size: 0.88rem;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9rem;
  }
  th,
  td {
    text-align: left;
    padding: 0.5rem 0.6rem;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  th {
    color: var(--_muted);
    font-weight: 600;
    font-size: 0.8rem;
    white-space: nowrap;
  }
  td.number,
  th.number {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  tbody tr:last-child td {
    border-bottom: none;
  }
  a {
    color: var(--_accent);
    font-weight: 600;
  }
  .chip {
    display: inline-block;
    font-size: 0.78rem;
    font-weight: 600;
    border-radius: 999px;
    padding: 0.05rem 0.55rem;
    color: var(--_accent);
    background: var(--_accent-soft);
    white-space: nowrap;
  }
  .chip.muted {
    color: var(--_muted);
    background: var(--_surface-sunken);
  }
  .chip.bad {
    color: var(--_danger);
    background: color-mix(in srgb, var(--_danger) 10%, transparent);
  }
  .figure {
    font-size: 1.9rem;
    font-weight: 700;
    letter-spacing: -0.02em;
    font-variant-numeric: tabular-nums;
  }
  .empty {
    text-align: center;
    color: var(--_muted);
    padding: 1.1rem 1rem;
    border: 1px dashed var(--_border);
    border-radius: 12px;
  }
  .done {
    color: var(--_success);
    background: color-mix(in srgb, var(--_success) 8%, transparent);
    border-radius: 10px;
    padding: 0.5rem 0.75rem;
    font-size: 0.9rem;
  }
  .alert,
  .done {
    margin-bottom: 0.75rem;
  }
  select {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 10px;
    padding: 0.55rem 0.5rem;
  }
  @media (max-width: 640px) {
    th,
    td {
      padding: 0.45rem 0.35rem;
    }
    .figure {
      font-size: 1.4rem;
    }
    table.cards thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table.cards,
    table.cards tbody,
    table.cards tr,
    table.cards td {
      display: block;
    }
    table.cards tr {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      column-gap: 1.25rem;
      border: 1px solid var(--_border);
      border-radius: 12px;
      padding: 0.35rem 0.7rem;
      margin-bottom: 0.6rem;
    }
    table.cards td {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      border-bottom: none;
      padding: 0.2rem 0;
      text-align: right;
    }
    table.cards td::before {
      content: attr(data-label);
      color: var(--_muted);
      font-size: 0.82rem;
      font-weight: 600;
      text-align: left;
    }
    table.cards td.title {
      grid-column: 1 / -1;
      display: block;
      text-align: left;
      padding-bottom: 0.35rem;
    }
    table.cards td.title::before {
      content: none;
    }
  }
`;

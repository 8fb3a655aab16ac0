/** "$1,234": monthly revenue in whole dollars (the plans' list prices are whole dollars). */
export const usd = (dollars: number) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(dollars);

/** "1,234": counts in the reader's own format. */
export const count = (n: number) => new Intl.NumberFormat().format(n);

/**
 * What makes this stage this stage, in one place, so that between two stages it changes in one
 * hunk. The server reads the port and the data file; the page (and index.html, through
 * vite.config.ts) its name and colours.
 */
export const STAGE = {
  number: 3,
  name: 'Users',
  tagline: 'your own bot, behind your own account',
  /** Stage N listens on 300N, so all stages can run side by side. */
  port: 3003,
  /** The theme's accent, in light and dark mode. */
  accent: { light: '#4f46e5', dark: '#a5b4fc' },
  /** The database file in DATA_DIR; each stage has its own, so no stage opens another's by mistake. */
  dataFile: 'stage-3.sqlite',
} as const;

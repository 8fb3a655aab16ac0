/**
 * What makes this stage this stage, in one place, so that between two stages it changes in one
 * hunk. The server reads the port and the data folder; the page (and index.html, through
 * vite.config.ts) its name and colours.
 */
export const STAGE = {
  number: 5,
  name: 'Enterprise',
  tagline: 'one brain per organization, open to programs and built to scale',
  /** Stage N listens on 300N, so all stages can run side by side. */
  port: 3005,
  /** The theme's accent, in light and dark mode. */
  accent: { light: '#6d28d9', dark: '#c4b5fd' },
  /** The embedded database's folder in DATA_DIR (PGlite); each stage has its own, so no stage opens another's by mistake. */
  dataFolder: 'pglite',
} as const;

/**
 * What makes this stage this stage, in one place, so that between two stages it changes in one
 * hunk. The server reads the port and the data folder; the page (and index.html, through
 * vite.config.ts) its name and colours.
 */
export const STAGE = {
  number: 4,
  name: 'SaaS',
  tagline: 'one brain per organization, shared by its team',
  /** Stage N listens on 300N, so all stages can run side by side. */
  port: 3004,
  /** The theme's accent, in light and dark mode. */
  accent: { light: '#0f766e', dark: '#5eead4' },
  /** The embedded database's folder in DATA_DIR (PGlite); each stage has its own, so no stage opens another's by mistake. */
  dataFolder: 'pglite',
} as const;

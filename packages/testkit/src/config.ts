import { existsSync } from 'node:fs';
import { defineConfig, type PlaywrightTestConfig, type ReporterDescription } from '@playwright/test';

/** Flags a sandboxless root container needs; the background ones keep Chromium off the closed network. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The system Chromium when there is one (CHROMIUM_PATH or Debian's), else Playwright's own browser. */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path!));
  if (found) return found;
  if (process.env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  }
  return undefined; // Playwright's bundled browser: `pnpm exec playwright install chromium`
}

export interface StageConfig {
  /** The port the stage listens on during its browser checks (kept apart from its `start` port). */
  port: number;
  /** The command that serves the stage; it receives PORT (and any `env`). */
  command: string;
  /** Extra environment for the server, e.g. a throwaway DATA_DIR. */
  env?: Record<string, string>;
  /** Seconds to wait for the server to answer. */
  startupSeconds?: number;
}

/** Live progress for people; a JSON file for `pnpm verify`'s table when it asks for one. */
function reporters(): ReporterDescription[] {
  const list: ReporterDescription[] = [['list']];
  if (process.env.VERIFY_JSON_FILE) list.push(['json', { outputFile: process.env.VERIFY_JSON_FILE }]);
  else if (!process.env.CI) list.push(['html', { open: 'never' }]);
  return list;
}

/** The Playwright config every stage shares: one worker, system Chromium, the stage as webServer. */
export function defineStageConfig(stage: StageConfig): PlaywrightTestConfig {
  // E2E_PORT_OFFSET moves every stage's check port, so two checkouts can run their checks at once.
  const port = stage.port + Number(process.env.E2E_PORT_OFFSET ?? 0);
  const baseURL = `http://localhost:${port}`;
  return defineConfig({
    testDir: './e2e',
    fullyParallel: false,
    workers: 1, // specs share one server (and for server stages one database)
    forbidOnly: Boolean(process.env.CI),
    // One retry in CI, where a busy machine can stall a check for reasons of its own; `pnpm verify`
    // marks a check that passed only on it (↻) and prints why it failed first. None locally.
    retries: process.env.CI ? 1 : 0,
    timeout: 30_000,
    reporter: reporters(),
    use: {
      baseURL,
      trace: 'retain-on-failure',
      screenshot: 'only-on-failure',
      launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_FLAGS },
    },
    projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
    webServer: {
      command: stage.command,
      url: baseURL,
      reuseExistingServer: false,
      timeout: (stage.startupSeconds ?? 120) * 1000,
      // APP_URL: the address the browser opens, which a server stage answers to (and mails links to).
      env: { PORT: String(port), APP_URL: baseURL, ...stage.env },
      stdout: 'pipe',
      stderr: 'pipe',
    },
  });
}

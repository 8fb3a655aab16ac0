import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Before any browser check runs: is there a Chromium to run it in? The same order as the testkit's
 * chromiumExecutable(): CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own
 * download. A fresh laptop has none of them; we install Playwright's before the run starts, so
 * nothing fails halfway through, or say in one line what to run.
 */
export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
export const INSTALL_COMMAND = ['pnpm', '--filter', '@journey/testkit', 'exec', 'playwright', 'install', 'chromium'];
const INSTALL_LINE = INSTALL_COMMAND.join(' ');

export interface BrowserFacts {
  /** CHROMIUM_PATH from the environment, if set. */
  chromiumPath: string | undefined;
  exists: (path: string) => boolean;
  /** Where Playwright keeps its Chromium; null when @playwright/test is not installed at all. */
  playwrightChromium: string | null;
}

export type BrowserDecision =
  | { action: 'ready'; browser: string }
  | { action: 'install'; command: string[] }
  | { action: 'stop'; message: string };

export function decideBrowser(facts: BrowserFacts): BrowserDecision {
  const system = [facts.chromiumPath, ...SYSTEM_CHROMIUMS].find((path): path is string => Boolean(path) && facts.exists(path!));
  if (system) return { action: 'ready', browser: system };
  if (facts.chromiumPath) {
    return { action: 'stop', message: `CHROMIUM_PATH=${facts.chromiumPath} does not exist: fix it, or unset it to use Playwright's Chromium.` };
  }
  if (facts.playwrightChromium === null) {
    return { action: 'stop', message: 'Playwright is not installed: run pnpm install, then try again.' };
  }
  if (facts.exists(facts.playwrightChromium)) return { action: 'ready', browser: facts.playwrightChromium };
  return { action: 'install', command: INSTALL_COMMAND };
}

/**
 * Decides, installs when that is the answer, and decides again. Returns the browser found, or the
 * one line to print before stopping. `install` runs a command and says whether it succeeded.
 */
export function ensureBrowser(
  readFacts: () => BrowserFacts,
  install: (command: string[]) => boolean,
  log: (line: string) => void = console.log,
): { ok: true; browser: string } | { ok: false; message: string } {
  const first = decideBrowser(readFacts());
  if (first.action === 'ready') return { ok: true, browser: first.browser };
  if (first.action === 'stop') return { ok: false, message: first.message };
  log("No Chromium on this machine: installing Playwright's (once, about 150 MB)…");
  const installed = install(first.command);
  const second = decideBrowser(readFacts());
  if (installed && second.action === 'ready') return { ok: true, browser: second.browser };
  return {
    ok: false,
    message: `No Chromium to run the browser checks in, and installing one failed: run ${INSTALL_LINE} (or install your system's chromium), then try again.`,
  };
}

/** The facts of this machine, with Playwright found where the testkit installs it. */
export function machineFacts(repoRoot: string): BrowserFacts {
  let playwrightChromium: string | null = null;
  try {
    const require = createRequire(join(repoRoot, 'packages/testkit/package.json'));
    const { chromium } = require('@playwright/test') as { chromium: { executablePath(): string } };
    playwrightChromium = chromium.executablePath();
  } catch {
    playwrightChromium = null;
  }
  return { chromiumPath: process.env.CHROMIUM_PATH || undefined, exists: existsSync, playwrightChromium };
}

/** Runs the install command where its output is seen. */
export function runInstall(repoRoot: string) {
  return (command: string[]): boolean => spawnSync(command[0]!, command.slice(1), { cwd: repoRoot, stdio: 'inherit' }).status === 0;
}

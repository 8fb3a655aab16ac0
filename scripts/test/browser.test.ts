import { describe, expect, it } from 'vitest';
import { decideBrowser, ensureBrowser, INSTALL_COMMAND, type BrowserFacts } from '../lib/browser';

const PLAYWRIGHT = '/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

/** A machine where exactly `present` exist. */
const machine = (present: string[], more: Partial<BrowserFacts> = {}): BrowserFacts => ({
  chromiumPath: undefined,
  exists: (path) => present.includes(path),
  playwrightChromium: PLAYWRIGHT,
  ...more,
});

describe('decideBrowser', () => {
  it("uses Debian's Chromium when the machine has it", () => {
    expect(decideBrowser(machine(['/usr/bin/chromium', PLAYWRIGHT]))).toEqual({ action: 'ready', browser: '/usr/bin/chromium' });
  });

  it('prefers CHROMIUM_PATH, and stops in one line when it points nowhere and nothing else is there', () => {
    expect(decideBrowser(machine(['/opt/chrome', '/usr/bin/chromium'], { chromiumPath: '/opt/chrome' }))).toEqual({ action: 'ready', browser: '/opt/chrome' });
    const stop = decideBrowser(machine([], { chromiumPath: '/opt/chrome' }));
    expect(stop).toEqual({ action: 'stop', message: expect.stringContaining('CHROMIUM_PATH=/opt/chrome does not exist') });
  });

  it("uses Playwright's Chromium on a machine without a system one", () => {
    expect(decideBrowser(machine([PLAYWRIGHT]))).toEqual({ action: 'ready', browser: PLAYWRIGHT });
  });

  it("installs Playwright's Chromium on a fresh machine", () => {
    expect(decideBrowser(machine([]))).toEqual({ action: 'install', command: INSTALL_COMMAND });
  });

  it('says to run pnpm install when Playwright itself is missing', () => {
    expect(decideBrowser(machine([], { playwrightChromium: null }))).toEqual({ action: 'stop', message: expect.stringMatching(/run pnpm install/) });
  });
});

describe('ensureBrowser', () => {
  it('installs once, then finds the browser it installed', () => {
    const present: string[] = [];
    const commands: string[][] = [];
    const result = ensureBrowser(
      () => machine(present),
      (command) => {
        commands.push(command);
        present.push(PLAYWRIGHT);
        return true;
      },
      () => {},
    );
    expect(result).toEqual({ ok: true, browser: PLAYWRIGHT });
    expect(commands).toEqual([INSTALL_COMMAND]);
  });

  it('says in one line what to run when the install fails (no network)', () => {
    const result = ensureBrowser(() => machine([]), () => false, () => {});
    expect(result).toEqual({ ok: false, message: expect.stringContaining(`run ${INSTALL_COMMAND.join(' ')}`) });
    expect(result.ok || result.message.includes('\n')).toBe(false);
  });

  it('installs nothing when a browser is there', () => {
    const result = ensureBrowser(() => machine(['/usr/bin/chromium']), () => { throw new Error('must not install'); });
    expect(result).toEqual({ ok: true, browser: '/usr/bin/chromium' });
  });
});

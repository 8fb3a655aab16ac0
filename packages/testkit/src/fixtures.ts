import { test as base, expect, type Page } from '@playwright/test';

export interface ConsoleOptions {
  /**
   * Console errors a spec expects, e.g. Chromium's "Failed to load resource … status of 401" when
   * a page asks an API it is not signed in to. Set per spec with `test.use({ allowConsoleErrors: [...] })`.
   */
  allowConsoleErrors: RegExp[];
}

/**
 * `test` with one promise added to every spec: the page logs no console error and throws no
 * uncaught exception. Each page the spec opens is watched, in every context it creates.
 */
export const test = base.extend<ConsoleOptions & { consoleErrors: string[] }>({
  allowConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ context, browser, allowConsoleErrors }, use) => {
      const errors: string[] = [];
      const expected = (text: string) => allowConsoleErrors.some((pattern) => pattern.test(text));
      const watch = (page: Page) => {
        page.on('console', (msg) => {
          if (msg.type() === 'error' && !expected(msg.text())) errors.push(`${page.url()}: ${msg.text()}`);
        });
        page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      // Contexts a spec makes itself (a "second browser") are watched as well.
      const originalNewContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const created = await originalNewContext(...args);
        created.on('page', watch);
        return created;
      };
      await use(errors);
      browser.newContext = originalNewContext;
      expect(errors, 'the browser console logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

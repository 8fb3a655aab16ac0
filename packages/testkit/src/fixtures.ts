import { test as base, expect, type Page } from '@playwright/test';

/**
 * `test` with one promise added to every spec: the page logs no console error and throws no
 * uncaught exception. Each page the spec opens is watched, in every context it creates.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ context, browser }, use) => {
      const errors: string[] = [];
      const watch = (page: Page) => {
        page.on('console', (msg) => {
          if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
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

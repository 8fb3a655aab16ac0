import { test, expect } from '@journey/testkit';
import { open, say, teach, triggers } from './page-actions';

test('clearing the site data loses every taught pattern', async ({ page, context, baseURL }) => {
  await open(page);
  await teach(page, 'remember this', 'I will, until the site data is cleared.');

  // What "Clear site data" in the browser settings does, through the DevTools protocol.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseURL!).origin, storageTypes: 'all' });
  await page.reload();

  await expect(triggers(page).first()).toBeVisible(); // first run again: the examples are back
  await expect(triggers(page)).not.toContainText(['remember this']);
  await expect(await say(page, 'remember this')).toContainText('No pattern matched');
});

import { test, expect } from '@journey/testkit';
import { logIn, patternRow, say, signUp, teach, unique, uniqueEmail } from './page-actions';

declare global {
  interface Window {
    pwned?: boolean;
  }
}

test('markup in a pattern is shown as text in every browser, and never runs', async ({ page, browser }) => {
  const email = uniqueEmail('markup');
  const trigger = unique('<img src=x onerror="window.pwned=true">');
  const response = '<script>window.pwned = true</script><b>bold?</b>';
  await signUp(page, email);
  await teach(page, trigger, response);

  // The second browser gets the text from the server. (Every member of the organization sees it
  // now: a script that ran here would act with a colleague's session. Escaping matters more.)
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await logIn(otherPage, email);
  const row = patternRow(otherPage, trigger);
  await expect(row.locator('.trigger')).toHaveText(trigger);
  await expect(row.locator('.response')).toHaveText(response);
  await expect((await say(otherPage, trigger)).locator('.bubble')).toHaveText(response);

  for (const p of [page, otherPage]) {
    await expect(p.locator('journey-pattern-list img, journey-pattern-list script, journey-chat-panel b')).toHaveCount(0);
    expect(await p.evaluate(() => window.pwned)).toBeUndefined();
  }
  await other.close();
});

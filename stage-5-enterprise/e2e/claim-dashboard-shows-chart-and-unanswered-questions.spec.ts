import { test, expect } from '@journey/testkit';
import type { Page } from '@playwright/test';
import { say, signUp, uniqueEmail } from './page-actions';

async function openAnalytics(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Analytics' }).click();
  await expect(page.getByRole('heading', { name: 'Analytics' })).toBeVisible();
}

/** Screenshots for people to look at (wide and phone-sized), kept with the test's results. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [[1280, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * An owner chats: one question a pattern answers, and two it does not (one asked twice, typed
 * differently). The Analytics tab draws the chart on a canvas, shows a 75% fallback rate (3 of 4), and lists
 * the unanswered questions, most asked first; "Teach this" opens the teach form on the question,
 * and once taught, the question is answered.
 */
test('the dashboard draws a chart and lists the unanswered questions; "Teach this" opens the teach form prefilled', async ({ page }) => {
  await signUp(page, uniqueEmail('analyst'));
  await openAnalytics(page);
  await expect(page.getByText('Nothing yet in the last 30 days')).toBeVisible();
  await expect(page.getByText('Every question found a pattern')).toBeVisible();
  await screenshots(page, 'analytics-empty');

  await page.getByRole('link', { name: 'Chat and patterns' }).click();
  await say(page, 'hello');
  await say(page, 'When are you open?');
  await say(page, 'when are you   OPEN');
  await say(page, 'Do you deliver on Sundays?');

  await openAnalytics(page);
  const dashboard = page.locator('journey-analytics');
  await expect(dashboard.getByText('Fallback rate')).toBeVisible();
  await expect(dashboard.getByTitle('Share of chats no pattern answered')).toHaveText('75%');
  const questions = dashboard.locator('.questions li');
  await expect(questions).toHaveCount(2);
  await expect(questions.nth(0)).toContainText('when are you open');
  await expect(questions.nth(0)).toContainText('2×');
  await expect(questions.nth(1)).toContainText('do you deliver on sundays');
  // The chart: Chart.js has drawn on the canvas (some pixels are not transparent).
  const canvas = dashboard.locator('canvas');
  await expect(canvas).toBeVisible();
  const painted = await canvas.evaluate((element: HTMLCanvasElement) => {
    const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) count++;
    return count;
  });
  expect(painted).toBeGreaterThan(1000);
  await screenshots(page, 'analytics');

  await questions.nth(0).getByRole('link', { name: /Teach this/ }).click();
  await expect(page.getByRole('heading', { name: 'Teach a pattern' })).toBeVisible();
  await expect(page.getByLabel('When someone says')).toHaveValue('when are you open');
  await expect(page.getByLabel('Reply with')).toBeFocused();
  await screenshots(page, 'analytics-teach-this');
  await page.getByLabel('Reply with').fill('Every day from 9 to 5.');
  await page.getByRole('button', { name: 'Teach it' }).click();
  await expect(await say(page, 'When are you open?')).toContainText('Every day from 9 to 5.');
});

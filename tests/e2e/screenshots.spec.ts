import { test, expect } from '@playwright/test';

// Screenshots of the page as people see it, light and dark, narrow phone and
// desktop widths. Written to the test output (test-results/), not the repo.
for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [360, 1280]) {
    test(`screenshot ${colorScheme} ${width}px`, async ({ browser }, testInfo) => {
      const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto('./');
      await expect(page.getByTestId('figure-0').locator('.value')).toHaveText('3,280');
      // Nothing is wider than the viewport: no sideways scrolling of the page.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`page-${colorScheme}-${width}.png`), fullPage: true });
      // The same page in screen-high slices, to look at the detail.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const slice = width < 600 ? 1100 : 1400;
      for (let y = 0, i = 0; y < height; y += slice, i++) {
        await page.screenshot({
          path: testInfo.outputPath(`slice-${colorScheme}-${width}-${i}.png`),
          fullPage: true,
          clip: { x: 0, y, width, height: Math.min(slice, height - y) },
        });
      }
      // The print stylesheet: inputs as plain text, no buttons, one column.
      if (width > 600) {
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: testInfo.outputPath(`print-${colorScheme}.png`), fullPage: true });
      }
      await context.close();
    });
  }
}

// A busier state: the ETL preset (a pipeline of three functions, a queue,
// S3, a workflow, events and a table), a folded group opened, and an
// inline error showing.
test('screenshot etl with an error', async ({ browser }, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('./');
  await page.getByTestId('preset-etl').click();
  await expect(page.getByTestId('input-budget')).toHaveValue('10');
  await page.getByTestId('group-limits').locator('summary').click();
  await expect(page.getByTestId('input-peak')).toBeVisible();
  await page.getByTestId('input-eb_event_kb').fill('0');
  await expect(page.getByTestId('error-eb_event_kb')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('etl-error-1280.png'), fullPage: true });
  await context.close();
});

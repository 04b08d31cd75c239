import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// axe-core: zero serious or critical violations, in both colour schemes,
// on the full calculator and in embed mode.
for (const colorScheme of ['light', 'dark'] as const) {
  for (const [name, path] of [
    ['calculator', './'],
    ['calculator with a bad link', './?budget=abc&nope=1'],
    ['embed', './?embed=1'],
  ] as const) {
    test(`axe: ${name}, ${colorScheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await expect(page.getByTestId('requests-table')).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
      // axe really ran under the page's CSP: it checked rules and passed some.
      expect(results.passes.length).toBeGreaterThan(10);
    });
  }
}

// The second module's panels, each open with content, in both schemes.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`axe: the tools (plan against actual, plan B, Power Tuning), ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const check = async () => {
      const results = await new AxeBuilder({ page }).include('#tools').analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      expect(serious).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(5);
    };
    await page.goto('./?budget=7#b&b.arch=arm64');
    await expect(page.getByTestId('compare-summary')).toBeVisible();
    await check();
    await page.getByTestId('actual-open').click();
    await page.getByTestId('actual-file').setInputFiles('core/tests/fixtures/actual/ce_daily_article.csv');
    await expect(page.getByTestId('actual-verdict')).toBeVisible();
    await check();
    await page.getByTestId('tuning-open').click();
    await page.getByTestId('tuning-text').fill('512:300000.4,1024:140500.2,2048:66000.7');
    await expect(page.getByTestId('tuning-row')).toHaveCount(3);
    await check();
  });
}

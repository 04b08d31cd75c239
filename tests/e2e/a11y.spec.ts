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

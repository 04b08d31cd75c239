import { test, expect } from '@playwright/test';

// The release build boots in a real browser, at the root and under a
// sub-path (relative asset URLs), without console errors.
for (const path of ['./', './tools/backcast/']) {
  test(`app renders its heading at ${path}`, async ({ page }, testInfo) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });

    await page.goto(path);
    await expect(page).toHaveTitle(/^Backcast/);
    await expect(page.getByRole('heading', { level: 1, name: 'Backcast' })).toBeVisible();

    const name = path === './' ? 'root' : 'subpath';
    await page.screenshot({ path: testInfo.outputPath(`smoke-${name}.png`), fullPage: true });
    expect(errors).toEqual([]);
  });
}

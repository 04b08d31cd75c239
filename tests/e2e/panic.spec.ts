import { test, expect } from '@playwright/test';

// A panic never leaves a dead page: the hook shows a message with a way
// back. The trigger, window.backcast.debug_panic(), exists only in debug
// builds, so this runs against the debug build served one port up.
const port = Number(process.env.E2E_PORT ?? 4173) + 1;

test('a panic shows a message and a link to the default scenario', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/?budget=9`);
  await expect(page.getByTestId('requests-table')).toBeVisible();
  await page.evaluate(() => {
    try {
      (window as any).backcast.debug_panic();
    } catch {
      // the wasm trap surfaces as an exception here; the hook already ran
    }
  });
  const fatal = page.getByTestId('fatal');
  await expect(fatal).toBeVisible();
  await expect(fatal).toContainText('debug_panic: a test of the panic hook');
  const back = fatal.getByRole('link', { name: 'Open the default scenario' });
  await expect(back).toHaveAttribute('href', './');
  // The calculator is gone, not half-alive.
  await expect(page.getByTestId('requests-table')).toHaveCount(0);
});

test('the release build has no panic trigger', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('requests-table')).toBeVisible();
  expect(await page.evaluate(() => typeof (window as any).backcast?.debug_panic)).toBe('undefined');
  expect(await page.evaluate(() => typeof (window as any).backcast?.solve)).toBe('function');
});

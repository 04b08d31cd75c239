import { test, expect } from '@playwright/test';

// A panic never leaves a dead page. The release wasm aborts at once on a
// panic (a WebAssembly trap, no Rust code runs after it), so index.html's
// own script turns the trap into a message with a way back.
// The real trigger, window.backcast.debug_panic(), exists only in debug
// builds, so the first test runs against the debug build one port up.
const port = Number(process.env.E2E_PORT ?? 4173) + 1;

test('a panic shows a message and a link to the default scenario', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/?budget=9`);
  await expect(page.getByTestId('requests-table')).toBeVisible();
  // Uncaught, as a panic inside an event handler would be.
  await page.evaluate(() => setTimeout(() => (window as any).backcast.debug_panic()));
  const fatal = page.getByTestId('fatal');
  await expect(fatal).toBeVisible();
  await expect(fatal).toContainText('Backcast stopped because of an internal error');
  await expect(fatal).toContainText('RuntimeError');
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

test('in the release build, a trap shows the message and other errors do not', async ({ page }) => {
  await page.goto('./?budget=9');
  await expect(page.getByTestId('requests-table')).toBeVisible();
  // An error that is not the module's (a browser extension, say): ignored.
  await page.evaluate(() => setTimeout(() => { throw new Error('not ours'); }));
  await page.evaluate(() => new Promise((r) => setTimeout(r)));
  await expect(page.getByTestId('fatal')).toHaveCount(0);
  await expect(page.getByTestId('requests-table')).toBeVisible();
  // What a trapped module throws.
  await page.evaluate(() => setTimeout(() => { throw new WebAssembly.RuntimeError('unreachable'); }));
  const fatal = page.getByTestId('fatal');
  await expect(fatal).toBeVisible();
  await expect(fatal).toContainText('RuntimeError: unreachable');
  await expect(page.getByTestId('requests-table')).toHaveCount(0);
  await expect(fatal.getByRole('link', { name: 'Open the default scenario' })).toHaveAttribute('href', './');
});

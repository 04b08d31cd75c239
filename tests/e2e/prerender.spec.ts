import { test, expect } from '@playwright/test';
import { holdWasm } from './helpers';

// The default page arrives prerendered (its table is in the HTML itself),
// and a link with a query never shows that default table's numbers.

// Default scenario: $7 a day; x86 Lambda at 0.0000166667 per GB-s plus
// 0.0000002 per request: 7 / 0.0000168667 = 415,018.9 at 1 GB-s.
const DEFAULT_FIRST = '415,018';
// ?budget=14: 14 / 0.0000168667 = 830,037.9 at 1 GB-s.
const LINK_FIRST = '830,037';

test('the default page holds its table before any script runs', async ({ request }) => {
  const html = await (await request.get('./')).text();
  const app = html.slice(html.indexOf('<div id='));
  expect(app).toContain('data-testid="requests-table"');
  expect(app).toContain(`>${DEFAULT_FIRST}</td>`);
});

test('the app takes over the prerendered page and stays live', async ({ page }) => {
  await page.goto('./');
  await page.waitForFunction(() => 'backcast' in window);
  const first = page.getByTestId('requests-table').locator('tbody tr').first().locator('td').nth(1);
  await expect(first).toHaveText(DEFAULT_FIRST);
  await page.getByTestId('input-budget').fill('14');
  await expect(first).toHaveText(LINK_FIRST);
});

test('a link never shows the default numbers, not even for a frame', async ({ page }) => {
  // Before the page's own code: at every animation frame (rendering steps,
  // each followed by a paint; none run while the stylesheet still blocks
  // rendering), note the first count if #app is visible.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    const look = () => {
      const app = document.getElementById('app');
      const td = document.querySelector('[data-testid="requests-table"] tbody tr td:nth-child(2)');
      if (app && td && getComputedStyle(app).visibility !== 'hidden') seen.push(td.textContent ?? '');
    };
    const frame = () => {
      look();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.goto('./?budget=14');
  const first = page.getByTestId('requests-table').locator('tbody tr').first().locator('td').nth(1);
  await expect(first).toHaveText(LINK_FIRST);
  await expect(first).toBeVisible();
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen).not.toContain(DEFAULT_FIRST);
  expect(new Set(seen)).toEqual(new Set([LINK_FIRST]));
});

test('focus in a prerendered field survives the app taking over', async ({ page }) => {
  // Hold the wasm back until the person has put the cursor in a field of
  // the prerendered page.
  const release = await holdWasm(page);
  await page.goto('./');
  await expect(page.getByTestId('input-requests')).toBeVisible();
  expect(await page.evaluate(() => 'backcast' in window)).toBe(false);
  await page.getByTestId('input-requests').focus();
  release();
  await page.waitForFunction(() => 'backcast' in window);
  // The app has replaced the prerendered form, and the field has focus again.
  await expect(page.getByTestId('input-requests')).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type('0'); // 3000 -> 30000
  await expect(page.getByTestId('figure-2').locator('dt')).toHaveText('Cost of 30,000 requests');
});

test('what is typed into the prerendered form before the app starts is kept', async ({ page }) => {
  // Hold the wasm back until the person has typed.
  const release = await holdWasm(page);
  await page.goto('./');
  await expect(page.getByTestId('input-budget')).toBeVisible();
  expect(await page.evaluate(() => 'backcast' in window)).toBe(false);
  await page.getByTestId('input-budget').fill('9');
  await page.getByTestId('input-period').selectOption('month');
  release();
  await page.waitForFunction(() => 'backcast' in window);
  await expect(page.getByTestId('input-budget')).toHaveValue('9');
  await expect(page.getByTestId('input-period')).toHaveValue('month');
  // $9 a month for the article's 3,000 requests of 128 GB-s:
  // 3000 x 0.0021335376 = 6.4006128, leaving 2.5993872.
  await expect(page.getByTestId('verdict')).toHaveText(
    'Fits: 3,000 requests per month cost $6.40 of the $9.00 budget, leaving $2.60.',
  );
  await expect(page).toHaveURL(/budget=9/);
  await expect(page).toHaveURL(/period=month/);
});

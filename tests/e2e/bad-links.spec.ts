import { test, expect } from '@playwright/test';
import { collectErrors, tableCells } from './helpers';

// A bad link never blanks the page: a dismissable notice names each bad
// key, and everything valid is kept.

test('bad keys and values are named; the valid ones are kept', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./?budget=-3&gbs=64&period=week&wat=1&p.nope=1&rows=1,5:2:1');
  const notice = page.getByTestId('link-notice');
  await expect(notice).toBeVisible();
  const keys = await notice.locator('li code').allTextContents();
  expect(keys).toEqual(['budget', 'period', 'wat', 'p.nope', 'rows']);
  await expect(page.getByTestId('input-gbs')).toHaveValue('64');
  await expect(page.getByTestId('input-budget')).toHaveValue('7');
  await tableCells(page, 9);
  await page.getByTestId('dismiss-notice').click();
  await expect(notice).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a truncated link and broken escapes keep what is whole', async ({ page }) => {
  await page.goto('./?budget=9&gbs=%zz&period=mon');
  await expect(page.getByTestId('input-budget')).toHaveValue('9');
  const keys = await page.getByTestId('link-notice').locator('li code').allTextContents();
  expect(keys).toEqual(['gbs', 'period']);
});

test('a 100 KB junk link still shows the page, naming the first bad keys', async ({ page }) => {
  const errors = collectErrors(page);
  const junk = Array.from({ length: 20_000 }, (_, i) => `k${i}=%`).join('&');
  expect(junk.length).toBeGreaterThan(100_000);
  await page.goto(`./?budget=8&${junk}&gbs=32`);
  await expect(page.getByTestId('input-budget')).toHaveValue('8');
  await expect(page.getByTestId('input-gbs')).toHaveValue('32');
  const notice = page.getByTestId('link-notice');
  await expect(notice.locator('li code').first()).toHaveText('k0');
  // The notice lists a dozen and counts the rest, rather than 20,000 lines.
  expect(await notice.locator('li').count()).toBeLessThan(20);
  await tableCells(page, 9);
  expect(errors).toEqual([]);
});

import { test, expect } from '@playwright/test';
import { ARTICLE_QUERY, tableCells } from './helpers';

// The URL is the single source of truth: read on load, written on edit
// (replaceState while typing, a history entry for a choice), pinned to its
// price book, defaults left out, Back and Forward restore.

const search = (url: string) => new URL(url).search;

test('opening a link does not rewrite it; typing replaces it, pinned and short', async ({ page }) => {
  await page.goto('./?gbs=64&period=month&budget=210&free_tier=0');
  await expect(page.getByTestId('input-budget')).toHaveValue('210');
  expect(search(page.url())).toBe('?gbs=64&period=month&budget=210&free_tier=0');
  const before = await page.evaluate(() => history.length);
  await page.getByTestId('input-budget').fill('211');
  // Contract order, defaults (free_tier=0) left out, the newest book pinned.
  await expect.poll(() => search(page.url())).toBe('?budget=211&period=month&prices=2026-12&gbs=64');
  await page.getByTestId('input-budget').fill('212');
  await expect.poll(() => search(page.url())).toBe('?budget=212&period=month&prices=2026-12&gbs=64');
  expect(await page.evaluate(() => history.length)).toBe(before);
});

test('an invalid value leaves the link at the last valid scenario', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId('input-budget').fill('9');
  await expect.poll(() => search(page.url())).toBe('?budget=9&prices=2026-12');
  await page.getByTestId('input-budget').fill('9x');
  await expect(page.getByTestId('error-budget')).toBeVisible();
  expect(search(page.url())).toBe('?budget=9&prices=2026-12');
});

test('a choice gets a history entry, and Back and Forward restore it', async ({ page }) => {
  await page.goto('./?budget=9');
  await expect(page.getByTestId('input-budget')).toHaveValue('9');
  const before = await page.evaluate(() => history.length);
  await page.getByTestId('input-period').selectOption('month');
  await expect.poll(() => search(page.url())).toBe('?budget=9&period=month&prices=2026-12');
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  await expect(page.getByTestId('requests-table').locator('thead th').nth(1)).toHaveText('Requests per month (x86_64)');

  await page.goBack();
  expect(search(page.url())).toBe('?budget=9');
  await expect(page.getByTestId('input-period')).toHaveValue('day');
  await expect(page.getByTestId('requests-table').locator('thead th').nth(1)).toHaveText('Requests per day (x86_64)');
  await expect(page.getByTestId('input-budget')).toHaveValue('9');

  await page.goForward();
  await expect(page.getByTestId('input-period')).toHaveValue('month');
});

test('an old link keeps its price book', async ({ page }) => {
  await page.goto('./?prices=2024-10');
  await expect(page.getByTestId('price-note')).toContainText('Price book 2024-10');
  await page.getByTestId('input-budget').fill('8');
  await expect.poll(() => search(page.url())).toBe('?budget=8&prices=2024-10');
  await expect(page.getByTestId('share-link')).toHaveValue(/\?budget=8&prices=2024-10$/);
});

test('no hidden state: a link shows what it says, whatever was edited before', async ({ page }) => {
  await page.goto(`./?${ARTICLE_QUERY}`);
  await page.getByTestId('input-budget').fill('14');
  await expect.poll(() => search(page.url())).toContain('budget=14');
  await page.goto(`./?${ARTICLE_QUERY}`);
  await expect(page.getByTestId('input-budget')).toHaveValue('7');
  // 7 / (0.00001667 x 1 + 0.0000002) = 414,937.7
  expect((await tableCells(page)).body[0][1]).toBe('414,937');
});

test('Copy link copies the shown, pinned link', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?budget=14');
  const want = `${baseURL}?budget=14&prices=2026-12`;
  await expect(page.getByTestId('share-link')).toHaveValue(want);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-status')).toHaveText('Copied the link.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(want);
  // The copied link opens the same scenario.
  await page.goto(want);
  await expect(page.getByTestId('input-budget')).toHaveValue('14');
  await expect(page.getByTestId('link-notice')).toHaveCount(0);
});

test('Copy link falls back to selecting the text without the Clipboard API', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    (window as unknown as { realClipboard: Clipboard }).realClipboard = navigator.clipboard;
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
  });
  await page.goto('./?budget=15');
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-status')).toHaveText('Copied the link.');
  const copied = await page.evaluate(() => (window as unknown as { realClipboard: Clipboard }).realClipboard.readText());
  expect(copied).toBe(`${baseURL}?budget=15&prices=2026-12`);
});

test('Copy link falls back to selecting the text when the Clipboard API refuses', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    // The API is there but refuses (as a browser does without permission);
    // reading still works, to check what the fallback copied.
    const w = window as unknown as { refused: number };
    w.refused = 0;
    Clipboard.prototype.writeText = function () {
      w.refused += 1;
      return Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    };
  });
  await page.goto('./?budget=16');
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-status')).toHaveText('Copied the link.');
  expect(await page.evaluate(() => (window as unknown as { refused: number }).refused)).toBe(1);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${baseURL}?budget=16&prices=2026-12`);
});

import { test, expect } from '@playwright/test';
import { collectErrors } from './helpers';

// Price books (issue 13): an old link keeps its book, so it computes what it
// always did; where that book has known errors in the link's region, a notice
// names them, and one link re-opens the same scenario on the current book,
// changing only `prices`.

const search = (url: string) => new URL(url).search;

test('an old link in an affected region names its errors and re-prices in one click', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./?budget=9&prices=2026-11&region=eu-central-1&ddb_reads=1000');
  const notice = page.getByTestId('book-notice');
  await expect(notice).toContainText('Book 2026-11 has known errors in eu-central-1: ');
  await expect(notice).toContainText('DynamoDB read request units $0.125 per million (AWS: $0.1525)');
  await expect(notice).toContainText('DynamoDB storage $0.25 per GB-month (AWS: $0.306)');
  await expect(page.getByTestId('price-note')).toContainText('Price book 2026-11');
  // Book 2026-11, as before: 1,000 eventual 4 KB reads are 500 RRU a
  // request; 3,000 x (128 x 0.0000166667 + 0.0000002 + 500 x 0.000000125)
  // = 3,000 x 0.0021960376 = $6.588 a day; $9 buys 9 / 0.0021960376 =
  // 4,098.3 requests.
  await expect(page.getByTestId('figure-2').locator('.value')).toHaveText('$6.59');
  await expect(page.getByTestId('figure-0').locator('.value')).toHaveText('4,098');

  const reprice = notice.getByTestId('reprice');
  await expect(reprice).toHaveText('Re-open on book 2026-12');
  await reprice.click();
  // The same scenario, only the book changed.
  await expect.poll(() => search(page.url())).toBe('?budget=9&region=eu-central-1&prices=2026-12&ddb_reads=1000');
  await expect(page.getByTestId('book-notice')).toHaveCount(0);
  await expect(page.getByTestId('price-note')).toContainText('Price book 2026-12');
  await expect(page.getByTestId('input-budget')).toHaveValue('9');
  // Book 2026-12: 500 x 0.0000001525 = 0.00007625 a request for reads;
  // 3,000 x 0.0022097876 = $6.629; 9 / 0.0022097876 = 4,072.8.
  await expect(page.getByTestId('figure-2').locator('.value')).toHaveText('$6.63');
  await expect(page.getByTestId('figure-0').locator('.value')).toHaveText('4,072');
  expect(errors).toEqual([]);
});

test('no notice on the current book, or where the old book was right', async ({ page }) => {
  for (const q of ['./?region=eu-central-1', './?prices=2026-11', './?prices=2026-11&region=us-west-2']) {
    await page.goto(q);
    await expect(page.getByTestId('price-note')).toBeVisible();
    await expect(page.getByTestId('book-notice')).toHaveCount(0);
  }
});

test('the price note says which prices are confirmed and which assumed', async ({ page }) => {
  await page.goto('./?region=eu-west-1');
  const note = page.getByTestId('price-note');
  await expect(note).toContainText('Price book 2026-12');
  await expect(note).toContainText('offer files published 2026-08-31 to 2026-10-01');
  await expect(note).toContainText("From AWS's price list: Lambda requests, Lambda duration (x86)");
  await expect(note).toContainText('Assumed, as no copy of');
  await expect(note).toContainText('DynamoDB read request units');
  await page.goto('./');
  await expect(page.getByTestId('price-note')).toContainText("Every price is from AWS's price list.");
});

import { test, expect } from '@playwright/test';

// Extreme values give a message, not a hang: huge and tiny numbers are
// named, and a rows range of ten million values is cut to what is rendered,
// with a note that says so.
test('a rows range of millions renders 1,000 rows and says so', async ({ page }) => {
  await page.goto('./?rows=1:10000000:1');
  await expect(page.getByTestId('requests-table').locator('tbody tr')).toHaveCount(1000);
  // 1:10000000:1 stands for (10,000,000 - 1) / 1 + 1 = 10,000,000 values.
  await expect(page.getByTestId('rows-note')).toContainText('10,000,000');
  await expect(page.getByTestId('rows-note')).toContainText('1,000');
});

test('1e308, 1e-300 and 0 are named in the notice; the page still answers', async ({ page }) => {
  await page.goto('./?budget=1e308&gbs=1e-300&requests=0&eb_event_kb=0');
  const notice = page.getByTestId('link-notice');
  await expect(notice).toContainText('budget');
  await expect(notice).toContainText('too large');
  await expect(notice).toContainText('eb_event_kb');
  // gbs=1e-300 rounds to 0 GB-s (allowed), requests=0 is allowed: with
  // 0 GB-s only the request fee counts: 7 / 0.0000002 = 35,000,000 a day.
  await expect(page.getByTestId('figure-0').locator('.value')).toHaveText('35,000,000');
});

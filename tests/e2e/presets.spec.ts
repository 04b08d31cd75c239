import { test, expect } from '@playwright/test';

// Each preset loads its scenario into every field and result.
test('presets load their scenarios', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('preset-article')).toHaveAttribute('aria-pressed', 'true');

  await page.getByTestId('preset-etl').click();
  await expect(page.getByTestId('preset-etl')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('preset-article')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('input-budget')).toHaveValue('10');
  await expect(page.getByTestId('input-sfn')).toHaveValue('standard');
  await expect(page.getByTestId('input-sfn_transitions')).toHaveValue('8');
  // Per day, 20,000 requests: transitions 20000 x 8 x 0.000025 = 4.00,
  // duration 20000 x 6 x 0.0000166667 = 2.000004, requests 20000 x 3 x 0.0000002
  // = 0.012, events 20000 x 2 x 0.000001 = 0.04, writes 20000 x 3 x 2 WRU x
  // 0.000000625 = 0.075, reads 20000 x 0.5 x 0.000000125 = 0.00125, storage
  // 50 GB x 0.25 x 24/730 = 0.41096: total 6.53921 -> $6.54.
  await expect(page.getByTestId('figure-2').locator('.value')).toHaveText('$6.54');
  await expect(page.getByTestId('dominant-line')).toContainText('State transitions');

  await page.getByTestId('preset-api').click();
  await expect(page.getByTestId('input-period')).toHaveValue('month');
  await expect(page.getByTestId('input-arch')).toHaveValue('arm64');
  // 1.00 + 3.33335 + 0.625 + 3.125 + 2.50 = 10.58335 a month.
  await expect(page.getByTestId('figure-2').locator('.value')).toHaveText('$10.58');

  await page.getByTestId('preset-article').click();
  await expect(page.getByTestId('figure-0').locator('.value')).toHaveText('3,280');
  await expect(page.locator('tbody tr.meets td').first()).toHaveText('128');
});

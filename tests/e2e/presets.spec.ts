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
  // Per day, 20,000 files: transitions 20000 x 8 x 0.000025 = 4.00; the
  // functions bill 1 GB x 2 s + 2 GB x 1.5 s + 1 GB x 1 s = 6 GB-s a file,
  // 20000 x 6 x 0.0000166667 = 2.000004, requests 20000 x 3 x 0.0000002 =
  // 0.012, events 20000 x 2 x 0.000001 = 0.04, writes 20000 x 3 x 2 WRU x
  // 0.000000625 = 0.075, reads 20000 x 0.5 x 0.000000125 = 0.00125,
  // storage 50 GB x 0.25 x 24/730 = 0.41096, SQS 20000 x 3 calls x 0.40 /
  // 1e6 = 0.024, S3 20000 x (0.005 + 0.0004) / 1000 = 0.108: total 6.67121
  // -> $6.67.
  await expect(page.getByTestId('figure-2').locator('.value')).toHaveText('$6.67');
  await expect(page.getByTestId('dominant-line')).toContainText('State transitions');
  await expect(page.getByTestId('input-fns')).toHaveValue('extract:1024:2000,transform:2048:1500,load:1024:1000');
  await expect(page.getByTestId('breakdown')).toContainText('Requests (64 KB chunks)');

  await page.getByTestId('preset-api').click();
  await expect(page.getByTestId('input-period')).toHaveValue('month');
  await expect(page.getByTestId('input-arch')).toHaveValue('arm64');
  // core/src/presets.rs works it out: requests 1 + duration 3.33335 + INIT
  // 0.1000005 + logs 3.0826777220 + 0.1849606633 + HTTP API 5 + DynamoDB
  // 0.625 + 3.125 + 2.5 = 18.9509888853 a month; the API is the largest line.
  await expect(page.getByTestId('figure-2').locator('.value')).toHaveText('$18.95');
  await expect(page.getByTestId('dominant-line')).toContainText('HTTP API requests');
  await expect(page.getByTestId('breakdown')).toContainText('Cold starts: INIT billed as duration (since 2025-08-01)');

  await page.getByTestId('preset-article').click();
  await expect(page.getByTestId('figure-0').locator('.value')).toHaveText('3,280');
  await expect(page.locator('tbody tr.meets td').first()).toHaveText('128');
});

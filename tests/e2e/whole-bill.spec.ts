import { test, expect } from '@playwright/test';

// The whole bill of a request (issue 14): a pipeline of functions with
// cold starts, logs and the services around them, each a line of the
// breakdown; the limits beside the budget; and the folded groups.

test('a pipeline with cold starts, logs, an HTTP API and a queue', async ({ page }) => {
  await page.goto(
    './?period=month&requests=1000000&budget=100&fns=api:512:120,worker:1024:800:2' +
      '&cold_pct=1&init_ms=300&logs=1&apigw=http&sqs=standard',
  );
  // A month of 1,000,000 requests, us-east-1, x86 (core/tests/whole_bill.rs):
  //   duration 1,660,000 GB-s x 0.0000166667 = 27.666722
  //   INIT (1% of 3,000,000 calls, 300 ms more) 7,500 GB-s = 0.12500025
  //   requests 3,000,000 x 0.0000002 = 0.60
  //   HTTP API 1,000,000 x 1.00 / 1e6 = 1.00 (1 KB: one 512 KB unit)
  //   SQS 1 message, one 64 KB chunk, 3 calls: 3e6 x 0.40 / 1e6 = 1.20
  //   logs: 3 calls x 300 B = 900 B a request, 9e8 B = 0.8381903172 GB:
  //     ingestion x 0.50 = 0.4190951586, storage x 0.03 = 0.0251457095
  //   total 31.0359631181 -> $31.04
  await expect(page.getByTestId('figure-2').locator('.value')).toHaveText('$31.04');
  const breakdown = page.getByTestId('breakdown');
  await expect(breakdown).toContainText('Cold starts: INIT billed as duration (since 2025-08-01)');
  await expect(breakdown).toContainText('HTTP API requests (512 KB increments)');
  await expect(breakdown).toContainText('Requests (64 KB chunks)');
  await expect(breakdown).toContainText('CloudWatch Logs');
  // The pipeline's own fields, and its headroom per function.
  await expect(page.getByTestId('input-fns')).toHaveValue('api:512:120,worker:1024:800:2');
  await expect(page.getByTestId('input-gbs')).toHaveCount(0);
  await expect(page.getByTestId('headroom')).toContainText('worker duration at 1,024 MB');
  // Groups in use are open.
  await expect(page.getByTestId('input-apigw')).toHaveValue('http');
  await expect(page.getByTestId('input-log_kb')).toBeVisible();
});

test('a plan that fits the budget but not the concurrency limit says so', async ({ page }) => {
  // 100,000,000 requests a day at 5x peak = 5,787.04 a second; a 200 ms
  // function keeps 1,157.4 executions busy: 1,158 > 1,000. The budget is
  // met: 1e8 x (0.0000002 + 0.125 x 0.2 x 0.0000166667) = $61.67 a day.
  await page.goto('./?budget=100000&requests=100000000&peak=5&fns=api:128:200');
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveText(
    "Fits the budget but not the limits: the plan needs 1,158 concurrent executions at its peak, over the account's limit of 1,000.",
  );
  await expect(verdict).toHaveAttribute('class', 'verdict alert');
  await expect(page.getByTestId('figure-2').locator('.value')).toHaveText('$61.67');
  // The limits group is in use (peak=5), so open; raising the account's
  // limit clears it.
  // The same element (a live region) afterwards, its alert mark gone.
  await verdict.evaluate((el) => el.setAttribute('data-e2e-same', '1'));
  await page.getByTestId('input-concurrency').fill('2000');
  await expect(verdict).toContainText('Fits:');
  await expect(verdict).toHaveAttribute('class', 'verdict');
  await expect(verdict).toHaveAttribute('data-e2e-same', '1');
});

test('a folded service opens, is added to the plan, and stays open', async ({ page }) => {
  await page.goto('./');
  const around = page.getByTestId('group-around');
  await expect(around.locator('summary')).toHaveText('Add to the plan');
  await expect(page.getByTestId('input-apigw')).toHaveCount(0);
  await around.locator('summary').click();
  await page.getByTestId('input-apigw').selectOption('rest');
  // 3,000 requests a day through a REST API: 3000 x 3.50 / 1e6 = $0.0105.
  await expect(page.getByTestId('breakdown')).toContainText('REST API requests');
  await expect(page).toHaveURL(/apigw=rest/);
  await expect(page.getByTestId('input-apigw')).toBeVisible();
  // Outside us-east-1 the note says which of these prices are assumed.
  await page.getByTestId('input-region').selectOption('eu-west-1');
  await expect(page.getByTestId('price-note')).toContainText(
    "Assumed from us-east-1's prices times this region's premium, as no regional price list for them is bundled: API Gateway.",
  );
});

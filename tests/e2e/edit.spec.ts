import { test, expect } from '@playwright/test';

// An edit recomputes the headline, the breakdown and the table as you type.
test('an edit changes the results and the table', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('figure-0').locator('.value')).toHaveText('3,280');
  await expect(page.locator('tbody tr.meets td').first()).toHaveText('128');

  await page.getByRole('textbox', { name: 'Requests needed' }).fill('6000');
  // Most GB-s for 6,000 a day: (7 - 6000 x 0.0000002) / 6000 / 0.0000166667
  // = 6.9988 / 0.1000002 = 69.9878..., shown rounded down as 69.98.
  await expect(page.getByTestId('figure-1').locator('.value')).toHaveText('69.98');
  // 6,000 x (128 x 0.0000166667 + 0.0000002) = 6,000 x 0.0021335376 = 12.80;
  // 12.8012256 - 7 = 5.80 over.
  await expect(page.getByTestId('figure-2').locator('.value')).toHaveText('$12.80');
  await expect(page.getByTestId('verdict')).toContainText('Over budget');
  await expect(page.getByTestId('verdict')).toContainText('$5.80 more than $7.00');
  // 64 GB-s buys 6,561 (>= 6,000) and 96 buys 4,374: the 64 row meets it now.
  await expect(page.locator('tbody tr.meets td').first()).toHaveText('64');
  await expect(page.getByTestId('total-per-period')).toHaveText('$12.80');
});

test('the table rows are editable', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('textbox', { name: 'Table rows' }).fill('100:140:20');
  const rows = page.getByTestId('requests-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  // 7 / (100 x 0.0000166667 + 0.0000002) = 7 / 0.0016668700 = 4,199.5 -> 4,199;
  // 7 / (140 x 0.0000166667 + 0.0000002) = 7 / 0.0023335380 = 2,999.7 -> 2,999.
  await expect(rows.nth(0).locator('td').nth(1)).toHaveText('4,199');
  await expect(rows.nth(2).locator('td').nth(1)).toHaveText('2,999');
  // 120 GB-s: 7 / 0.0020002040 = 3,499.6 >= 3,000; 140 gives 2,999 < 3,000.
  await expect(page.locator('tbody tr.meets td').first()).toHaveText('120');
});

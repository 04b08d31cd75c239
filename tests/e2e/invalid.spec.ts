import { test, expect } from '@playwright/test';

// A bad value is named next to its field; the last valid result stays.
test('an invalid value shows an inline message and loses nothing', async ({ page }) => {
  await page.goto('./');
  const budget = page.getByRole('textbox', { name: 'Budget', exact: true });
  await budget.fill('14');
  // 14 / 0.0021335376 = 6,561.8 -> 6,561.
  await expect(page.getByTestId('figure-0').locator('.value')).toHaveText('6,561');

  await budget.fill('14x');
  await expect(page.getByTestId('error-budget')).toContainText('not a number');
  await expect(budget).toHaveAttribute('aria-invalid', 'true');
  // Its field is marked, the same element as before (focus stays).
  const field = page.locator('.field', { has: budget });
  await expect(field).toHaveAttribute('class', 'field invalid');
  await expect(budget).toBeFocused();
  // The text typed stays in the field, and the last valid result on screen.
  await expect(budget).toHaveValue('14x');
  await expect(page.getByTestId('figure-0').locator('.value')).toHaveText('6,561');
  await expect(page.getByTestId('requests-table').locator('tbody tr')).toHaveCount(9);

  // A second field's edit still applies while the first is invalid.
  await page.getByRole('textbox', { name: 'Lambda GB-s per request' }).fill('64');
  // 14 / (64 x 0.0000166667 + 0.0000002) = 14 / 0.0010668688 = 13,122.5.
  await expect(page.getByTestId('figure-0').locator('.value')).toHaveText('13,122');
  await expect(budget).toHaveValue('14x');

  await budget.fill('7');
  await expect(page.getByTestId('error-budget')).toHaveCount(0);
  await expect(field).toHaveAttribute('class', 'field');
  await expect(page.getByTestId('verdict')).toHaveAttribute('class', 'verdict');
  // 7 / 0.0010668688 = 6,561.3.
  await expect(page.getByTestId('figure-0').locator('.value')).toHaveText('6,561');
});

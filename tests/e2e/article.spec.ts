import { test, expect, type Page } from '@playwright/test';

// The article's $7-a-day table, read as a user sees it.
// Source: "How I Built a Machine Learning Pipeline on AWS for Under $7 a Day"
// (CloudZero, 2020). requests = 7 / (0.00001667 x GB-s + 0.0000002), rounded
// down. The article prints 6558 for 64 GB-s; 7 / 0.00106708 = 6559.96, so 6559.
const ARTICLE: [string, string][] = [
  ['1', '414,937'],
  ['32', '13,117'],
  ['64', '6,559'],
  ['96', '4,373'],
  ['128', '3,280'],
  ['160', '2,624'],
  ['192', '2,186'],
  ['224', '1,874'],
  ['256', '1,640'],
];

/** The table's body as [GB-s, x86 requests] pairs, once it has `count` rows. */
async function tableRows(page: Page, count: number): Promise<[string, string][]> {
  const rows = page.getByTestId('requests-table').locator('tbody tr');
  await expect(rows).toHaveCount(count);
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? '')),
  );
  return cells.map((c) => [c[0], c[1]] as [string, string]);
}

test("the article's link shows the article's table", async ({ page }) => {
  await page.goto('./?budget=7&period=day&p.lambda_gbs=0.00001667');
  expect(await tableRows(page, 9)).toEqual(ARTICLE);
  // 3,280 requests at 128 GB-s is the row that covers the article's 3,000 a day.
  await expect(page.locator('tbody tr.meets td').first()).toHaveText('128');
});

test('editing the budget changes the table', async ({ page }) => {
  await page.goto('./?budget=7&period=day&p.lambda_gbs=0.00001667');
  await expect(page.getByTestId('requests-table').locator('tbody tr').first().locator('td').nth(1)).toHaveText('414,937');
  await page.getByRole('textbox', { name: 'Budget', exact: true }).fill('14');
  // 14 / (0.00001667 x 1 + 0.0000002) = 829,875.5; 14 / 0.00213396 = 6,560.57 at 128 GB-s.
  const rows = await tableRows(page, 9);
  expect(rows[0]).toEqual(['1', '829,875']);
  expect(rows[4]).toEqual(['128', '6,560']);
});

test('without the override the published price applies', async ({ page }) => {
  await page.goto('./');
  // 7 / (0.0000166667 x 1 + 0.0000002) = 415,018.9; at 64 GB-s 7 / 0.0010668688 = 6,561.3.
  const rows = await tableRows(page, 9);
  expect(rows[0]).toEqual(['1', '415,018']);
  expect(rows[2]).toEqual(['64', '6,561']);
});

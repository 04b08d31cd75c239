import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// axe-core finds no violations, in both colour schemes, with the GB-s
// helper open and an inline error showing.
for (const colorScheme of ['light', 'dark'] as const) {
  test(`no axe violations (${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto('./?sfn=standard&sfn_transitions=4&eb_events=1&ddb_reads=2');
    await expect(page.getByTestId('figure-0').locator('.value')).not.toBeEmpty();
    await page.getByTestId('gbs-helper').locator('summary').click();
    await page.getByRole('textbox', { name: 'Budget', exact: true }).fill('x');
    await expect(page.getByTestId('error-budget')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary).toEqual([]);
    await context.close();
  });
}

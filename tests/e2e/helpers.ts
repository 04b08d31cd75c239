import { expect, type Locator, type Page } from '@playwright/test';

/** The article's link: $7 a day at the article's Lambda price. */
export const ARTICLE_QUERY = 'budget=7&period=day&p.lambda_gbs=0.00001667';

/** The requests table's header and body cells, as a user reads them. */
export async function tableCells(scope: Page | Locator, rows = 9): Promise<{ head: string[]; body: string[][] }> {
  const table = scope.getByTestId('requests-table');
  await expect(table.locator('tbody tr')).toHaveCount(rows);
  const head = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => th.textContent?.trim() ?? ''));
  const body = await table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent?.trim() ?? '')),
    );
  return { head, body };
}

/** Fails the test on any page error or console error. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

/**
 * Holds back the page's wasm until the returned function is called, so a
 * test can act on the prerendered page first (no timing involved: the
 * request waits on the call). Call before navigating.
 */
export async function holdWasm(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

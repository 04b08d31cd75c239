import { test, expect } from '@playwright/test';

// Every string from a link is inert wherever it is rendered: the notice,
// the share link, the embed snippet and the exports. Payloads: script, HTML
// and CSV formulas, in keys and in values.
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  "javascript:window.__pwned=1",
  '=HYPERLINK("http://attacker.invalid","x")',
  '+SUM(1)',
  '@cmd',
];

test('link payloads never run and are shown as text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const q = new URLSearchParams();
  PAYLOADS.forEach((p, i) => q.append(i % 2 ? 'region' : `k${i}${p}`, p));
  q.append('budget', PAYLOADS[1]);
  q.append('rows', PAYLOADS[3]);
  await page.goto(`./?${q.toString()}`);
  const notice = page.getByTestId('link-notice');
  await expect(notice).toBeVisible();
  // Shown literally, as text.
  await expect(notice).toContainText('<img src=x');
  // Nothing was parsed as markup, and nothing ran.
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('#app script').count()).toBe(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  // The valid default scenario is still computed.
  await expect(page.getByTestId('requests-table').locator('tbody tr')).toHaveCount(9);

  // The share link and embed snippet carry only the valid, re-encoded keys.
  const link = await page.getByTestId('share-link').inputValue();
  for (const p of PAYLOADS) expect(link).not.toContain(p);
  await page.getByTestId('embed-button').click();
  const snippet = await page.getByTestId('embed-code').inputValue();
  expect(snippet).not.toContain('<script>window');
  expect(snippet).not.toContain('onerror');

  // Exports: no cell a spreadsheet would run as a formula.
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-format-csv').check();
  const csv = await page.getByTestId('export-text').inputValue();
  for (const line of csv.split(/\r?\n/)) {
    for (const cell of line.split(',')) {
      expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    }
  }
  await page.getByTestId('export-format-markdown').check();
  const md = await page.getByTestId('export-text').inputValue();
  expect(md).not.toContain('<img');
  expect(md).not.toContain('<script');
  expect(dialogs).toEqual([]);
});

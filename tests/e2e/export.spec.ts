import { test, expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { ARTICLE_QUERY, tableCells } from './helpers';

// Exports equal the table on screen: same cells, units, period, rounding.

/** Markdown table lines → cells, bold marks dropped. */
function markdownCells(md: string): string[][] {
  return md
    .split('\n')
    .filter((l) => l.startsWith('|') && !l.startsWith('|:'))
    .map((l) =>
      l
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim().replace(/^\*\*(.*)\*\*$/, '$1')),
    );
}

/** A small RFC 4180 reader (quoted fields; CRLF, or LF as a textarea shows it). */
function csvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      row.push(cell), rows.push(row), (row = []), (cell = '');
      if (c === '\r') i++;
    }
    else cell += c;
  }
  return rows;
}

/** Opens the export panel (closed until asked for; it loads with the
 * page's second module), unless it is open. */
async function openExports(page: Page): Promise<void> {
  const open = page.getByTestId('export-open');
  if ((await open.getAttribute('aria-expanded')) !== 'true') await open.click();
  await expect(page.getByTestId('export-open')).toHaveAttribute('aria-expanded', 'true');
}

async function chooseFormat(page: Page, key: string): Promise<string> {
  await openExports(page);
  await page.getByTestId(`export-format-${key}`).check();
  const text = page.getByTestId('export-text');
  await expect(text).not.toHaveValue('');
  return text.inputValue();
}

async function download(page: Page): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
  return { name: d.suggestedFilename(), text: await readFile((await d.path())!, 'utf8') };
}

for (const period of ['day', 'month']) {
  test(`Markdown and CSV equal the table on screen (per ${period})`, async ({ page }) => {
    const budget = period === 'day' ? '7' : '210';
    await page.goto(`./?budget=${budget}&period=${period}&p.lambda_gbs=0.00001667&rows=0.5,1,32:256:32`);
    const screen = await tableCells(page, 10);
    const caption = await page.getByTestId('requests-table').locator('caption').textContent();

    const md = await chooseFormat(page, 'markdown');
    expect(md.split('\n')[0]).toBe(`**${caption}**`);
    expect(markdownCells(md)).toEqual([screen.head, ...screen.body]);
    const mdFile = await download(page);
    expect(mdFile).toEqual({ name: 'backcast.md', text: md });

    const csv = await chooseFormat(page, 'csv');
    expect(csvCells(csv)).toEqual([screen.head, ...screen.body]);
    const csvFile = await download(page);
    expect(csvFile.name).toBe('backcast.csv');
    // The file has RFC 4180's CRLF line ends (a textarea shows them as LF).
    expect(csvFile.text.split('\r\n')).toHaveLength(screen.body.length + 2);
    expect(csvFile.text.replaceAll('\r\n', '\n')).toBe(csv);
    expect(csvCells(csvFile.text)).toEqual([screen.head, ...screen.body]);
  });
}

test('JSON is the solve() result of the same scenario', async ({ page }) => {
  await page.goto(`./?${ARTICLE_QUERY}`);
  const screen = await tableCells(page);
  const json = JSON.parse(await chooseFormat(page, 'json'));
  // The same numbers as the table, ungrouped: 414,937 → 414937.
  expect(json.rows.map((r: { gbs: number; max_requests: number }) => [String(r.gbs), r.max_requests.toLocaleString('en-US')])).toEqual(
    screen.body.map((r) => [r[0], r[1]]),
  );
  const api = await page.evaluate(() =>
    (window as unknown as { backcast: { solve: (s: object) => unknown } }).backcast.solve({
      budget: 7,
      period: 'day',
      'p.lambda_gbs': 0.00001667,
    }),
  );
  expect(json).toEqual(api);
  const file = await download(page);
  expect(file.name).toBe('backcast.json');
  expect(JSON.parse(file.text)).toEqual(json);
});

test('Copy puts the export on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`./?${ARTICLE_QUERY}`);
  const csv = await chooseFormat(page, 'csv');
  await openExports(page);
  await page.getByTestId('export-copy').click();
  await expect(page.getByTestId('export-status')).toHaveText('Copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('\r\n'); // the CSV itself, not the textarea's LF view
  expect(copied.replaceAll('\r\n', '\n')).toBe(csv);
});

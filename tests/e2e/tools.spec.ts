import { test, expect, type Page, type Request } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { collectErrors } from './helpers';

// The page's second module (src/tools): loaded only when first used, and
// what it shows. Expected figures are worked out by hand in the core's
// tests (cited at each), from the published prices and the fixture files.

const FIXTURES = 'core/tests/fixtures/actual';

/** Every request the page makes from now on. */
function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => seen.push(r));
  return seen;
}

const isTools = (r: Request) => /\/tools-[0-9a-f]+(_bg\.wasm|\.js|\.css)$/.test(new URL(r.url()).pathname);

/** The app has rendered a link (its own scenario, not the prerender). */
async function ready(page: Page) {
  await expect(page.locator('html')).not.toHaveClass(/bc-link/);
  await expect(page.getByTestId('verdict')).toBeVisible();
}

async function openTool(page: Page, tool: string) {
  await page.getByTestId(`${tool}-open`).click();
  await expect(page.getByTestId(`${tool}-open`)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId(tool)).toBeVisible();
}

test('a first visit never loads the second module; the first click does', async ({ page }) => {
  const errors = collectErrors(page);
  const requests = recordRequests(page);
  for (const url of ['./', './?budget=9&arch=arm64']) {
    await page.goto(url);
    await ready(page);
    await expect(page.getByTestId('tools')).toBeVisible();
  }
  expect(requests.filter(isTools).map((r) => r.url())).toEqual([]);
  await openTool(page, 'actual');
  // The module, its wasm and its stylesheet: nothing else, nothing elsewhere.
  const loaded = requests.filter(isTools).map((r) => new URL(r.url()).pathname.replace(/-[0-9a-f]+/, '-H'));
  expect(loaded.sort()).toEqual(['/tools-H.css', '/tools-H.js', '/tools-H_bg.wasm']);
  expect(requests.every((r) => new URL(r.url()).host === new URL(page.url()).host)).toBe(true);
  expect(errors).toEqual([]);
});

test("the article's Cost Explorer file: the plan against the actual, and no request while importing", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await ready(page);
  await openTool(page, 'actual');
  const requests = recordRequests(page);
  await page.getByTestId('actual-file').setInputFiles(`${FIXTURES}/ce_daily_article.csv`);
  // core/tests/plan_actual.rs: 3 days of 2.15 = $2.15 a day against the
  // default plan's $6.40 (3,000 × 0.0021335376 = 6.4006128), and 2.15 / 7
  // = 30.71% of the budget.
  await expect(page.getByTestId('actual-verdict')).toHaveText(
    'Actual $2.15 a day against a $7.00 budget and a $6.40 plan, 30.7% of the budget.',
  );
  await expect(page.getByTestId('actual-covers')).toContainText('2026-11-01 to 2026-11-03 (3 days)');
  // Per service, the averages of the three days: Lambda (0.85+0.8+0.75)/3
  // = 0.80, Step Functions 0.60, EventBridge (CloudWatch Events) 0.20,
  // DynamoDB 0.55; the plan has Lambda only.
  const rows = page.getByTestId('actual-row');
  await expect(rows).toHaveCount(4);
  const cells = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 4).map((c) => c.textContent?.trim())),
  );
  expect(cells).toEqual([
    ['Lambda', '$6.40', '$0.80', '−$5.60'],
    ['Step Functions', '$0.00', '$0.60', '+$0.60'],
    ['EventBridge', '$0.00', '$0.20', '+$0.20'],
    ['DynamoDB', '$0.00', '$0.55', '+$0.55'],
  ]);
  // Bars of plan and actual for each service.
  await expect(page.locator('[data-testid=actual-row] rect.plan')).toHaveCount(4);
  await expect(page.locator('[data-testid=actual-row] rect.actual')).toHaveCount(4);
  expect(requests.map((r) => r.url())).toEqual([]);
  // The file is not in the link.
  expect(new URL(page.url()).hash).toBe('');
  expect(errors).toEqual([]);
});

test('the summary goes into the link only when asked, and a link with one shows it', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  await openTool(page, 'actual');
  await page.getByTestId('actual-file').setInputFiles(`${FIXTURES}/ce_daily_article.csv`);
  await expect(page.getByTestId('actual-verdict')).toContainText('Actual $2.15 a day');
  await page.getByTestId('actual-summary').check();
  await expect.poll(() => new URL(page.url()).hash).toContain('actual.lambda=0.8');
  const hash = decodeURIComponent(new URL(page.url()).hash);
  // The period and the averages, never the file's rows.
  expect(hash).toBe('#actual.from=2026-11-01&actual.to=2026-11-03&actual.days=3&actual.lambda=0.8&actual.sfn=0.6&actual.eventbridge=0.2&actual.dynamodb=0.55');
  const link = page.url();
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByTestId('actual-verdict')).toHaveText(
    'Actual $2.15 a day against a $7.00 budget and a $6.40 plan, 30.7% of the budget.',
  );
  await expect(other.getByTestId('actual-covers')).toContainText('from the summary in this link');
  await page.getByTestId('actual-summary').uncheck();
  await expect.poll(() => new URL(page.url()).hash).toBe('');
});

test('pasted text, and a bad file named by line and column with the rest kept', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  await openTool(page, 'actual');
  await page.getByText('Paste the text instead').click();
  await page.getByTestId('actual-paste').fill(await readFile(`${FIXTURES}/ce_bad_cells.csv`, 'utf8'));
  await page.getByTestId('actual-use-paste').click();
  await expect(page.getByTestId('actual-verdict')).toBeVisible();
  await expect(page.getByTestId('actual-issues')).toContainText(/line \d+, column \d+/);
  // Not a billing export at all: a clear message, and the page lives on.
  await page.getByTestId('actual-file').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('hello,world\n1,2\n'),
  });
  await expect(page.getByTestId('actual-error')).toContainText(/line 1/);
  await expect(page.getByTestId('verdict')).toBeVisible();
});

test('a big file shows its progress and can be cancelled', async ({ page }) => {
  // The page reads a file a block (1 MB) at a time through Blob.arrayBuffer.
  // Hold the second block until the test lets it go, so the progress is on
  // screen for as long as the test needs it, however fast the machine reads
  // (a 16 MB file unheld can finish before the Cancel click lands).
  await page.addInitScript(() => {
    const real = Blob.prototype.arrayBuffer;
    const w = window as unknown as { reads: number; served: number; releaseRead: () => void };
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    w.reads = 0;
    w.served = 0;
    w.releaseRead = () => release();
    Blob.prototype.arrayBuffer = async function (this: Blob) {
      w.reads += 1;
      if (w.reads > 1) await gate;
      const buf = await real.call(this);
      w.served += 1;
      return buf;
    };
  });
  await page.goto('./');
  await ready(page);
  await openTool(page, 'actual');
  // 16 MB of CUR 2.0 line items (read in slices, the page given its turn every
  // 12 ms): a 75-byte header and ceil(16,777,216 / 41) = 409,201 lines of 41
  // bytes, 16,777,316 bytes, shown as 16.7 MB (10^6 bytes, cut to tenths).
  const head = 'line_item_product_code,line_item_unblended_cost,line_item_usage_start_date\n';
  const line = 'AWSLambda,0.0000123,2026-11-01T00:00:00Z\n';
  const big = Buffer.from(head + line.repeat(Math.ceil((16 << 20) / line.length)));
  await page.getByTestId('actual-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: big });
  await expect(page.getByTestId('actual-progress')).toContainText('Reading big.csv');
  // The first block was read and the second asked for: the read is under way.
  await expect.poll(() => page.evaluate(() => (window as unknown as { reads: number }).reads)).toBe(2);
  await expect(page.getByTestId('actual-progress')).toContainText('of 16.7 MB');
  await page.getByTestId('actual-cancel').click();
  await expect(page.getByTestId('actual-error')).toHaveText('Cancelled: nothing was imported.');
  // Let the read go on: it must stop at the next slice, import nothing, and
  // ask for no third block.
  await page.evaluate(() => (window as unknown as { releaseRead: () => void }).releaseRead());
  await expect.poll(() => page.evaluate(() => (window as unknown as { served: number }).served)).toBe(2);
  await expect(page.getByTestId('actual-error')).toHaveText('Cancelled: nothing was imported.');
  await expect(page.getByTestId('actual-verdict')).toHaveCount(0);
  await expect(page.getByTestId('actual-progress')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { reads: number }).reads)).toBe(2);
});

test("compare: the article's plan on x86 against arm64, from one link", async ({ page }) => {
  const errors = collectErrors(page);
  // core/tests/compare.rs: 7 / 0.0021335376 = 3,280 on x86; 7 /
  // 0.0017068752 = 4,101 on arm64, 821 more; at 3,000 arm64 costs
  // 5.1206256 against 6.4006128, 20% less.
  await page.goto('./?budget=7#b&b.arch=arm64');
  await expect(page.getByTestId('compare-summary')).toHaveText(
    'B serves 821 more requests per day than A for its budget; at 3,000 requests per day it costs 20% less ($5.12 against $6.40).',
  );
  await expect(page.getByTestId('compare-b-at-a')).toHaveText('$5.12');
  // One link to both plans, absolute, to copy.
  await expect(page.getByTestId('compare-link')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/\?budget=7#b&b\.arch=arm64$/);
  await expect(page.getByTestId('compare-curve-a')).toHaveAttribute('d', /^M/);
  await expect(page.getByTestId('compare-curve-b')).toHaveAttribute('d', /^M/);
  await expect(page.getByTestId('b-input-arch')).toHaveValue('arm64');
  // Swap: A becomes arm64 (the page's own plan), B x86.
  await page.getByTestId('compare-swap').click();
  await expect(page.getByTestId('input-arch')).toHaveValue('arm64');
  await expect(page.getByTestId('compare-summary')).toContainText('B serves 821 fewer requests per day');
  expect(new URL(page.url()).search).toContain('arch=arm64');
  // Edit B with its own form: a budget of $14 doubles what B buys (x86:
  // 14 / 0.0021335376 = 6,561.8: 6,561).
  await page.getByTestId('b-input-budget').fill('14');
  await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toContain('b.budget=14');
  await expect(page.getByTestId('compare-figures')).toContainText('6,561');
  // Copy: B is A again.
  await page.getByTestId('compare-copy').click();
  await expect(page.getByTestId('b-input-arch')).toHaveValue('arm64');
  await expect(page.getByTestId('compare-summary')).toHaveText(
    'B serves as many requests as A for its budget; at 3,000 requests per day it costs the same.',
  );
  // The page's own form still works beside the second module, and the
  // comparison follows it: A on arm64 with $14 buys 14 / 0.0017068752 =
  // 8,202.2, so 8,202, against B's 4,101 for $7.
  await page.getByTestId('input-budget').fill('14');
  await expect(page.getByTestId('compare-summary')).toContainText('B serves 4,101 fewer requests per day than A');
  expect(errors).toEqual([]);
});

test('the exports offer the comparison when the link has one', async ({ page }) => {
  await page.goto('./?budget=7#b&b.arch=arm64');
  await expect(page.getByTestId('compare-summary')).toBeVisible();
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-format-compare-markdown').check();
  await expect(page.getByTestId('export-text')).toHaveValue(
    /^\*\*B serves 821 more requests per day than A[^\n]*\*\*\n\n\| Service \| A \| B \|\n\|:---\|---:\|---:\|\n\| Lambda \| \$6\.40 \| \$5\.12 \|\n$/,
  );
});

test('Power Tuning results: five sizes, the most headroom marked, applied to the plan', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  await openTool(page, 'tuning');
  // core/tests/tuning.rs, the_articles_scenario_at_five_measured_sizes:
  // 2,799, 2,989, 3,110, 3,181 and 3,107 requests for $7; 2048 MB (132.002
  // GB-s) leaves the most headroom, 181.
  const json = JSON.stringify({
    results: {
      stats: [
        { value: 512, averageDuration: 300000.4, averagePrice: 0.0025000667 },
        { value: 1024, averageDuration: 140500.2, averagePrice: 0.0023416867 },
        { value: 1536, averageDuration: 90000, averagePrice: 0.00225 },
        { value: 2048, averageDuration: 66000.7, averagePrice: 0.0022000333 },
        { value: 3008, averageDuration: 46000.01, averagePrice: 0.0022521312 },
      ],
    },
  });
  await page.getByTestId('tuning-text').fill(json);
  const rows = page.getByTestId('tuning-row');
  await expect(rows).toHaveCount(5);
  const bought = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[2].textContent));
  expect(bought).toEqual(['2,799', '2,989', '3,110', '3,181', '3,107']);
  await expect(rows.nth(3)).toContainText('most headroom');
  await expect(rows.nth(3)).toContainText('fits, 181 to spare');
  // The measurements go into the link, exact (`:` and `,` as typed), and a link with them shows
  // the same table.
  await expect
    .poll(() => decodeURIComponent(new URL(page.url()).hash))
    .toBe('#tuning=512:300000.4:0.0025000667,1024:140500.2:0.0023416867,1536:90000:0.00225,2048:66000.7:0.0022000333,3008:46000.01:0.0022521312');
  const other = await page.context().newPage();
  await other.goto(page.url());
  await expect(other.getByTestId('tuning-row')).toHaveCount(5);
  await expect(other.getByTestId('tuning-row').nth(3)).toContainText('most headroom');
  await other.close();
  await page.getByTestId('tuning-apply').click();
  await expect(page.getByTestId('input-gbs')).toHaveValue('132.002');
  expect(new URL(page.url()).search).toContain('gbs=132.002');
  // Truncated input is named, and nothing else changes.
  await page.getByTestId('tuning-text').fill('{"stats": [{"value": 512, "averageDur');
  await expect(page.getByTestId('tuning-error')).toBeVisible();
  await expect(page.getByTestId('input-gbs')).toHaveValue('132.002');
});

test('the JavaScript API: backcast.tools() gives the command line\'s results', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  const file = await readFile(`${FIXTURES}/ce_daily_article.csv`, 'utf8');
  const r = await page.evaluate(async (text) => {
    const t = await (window as any).backcast.tools();
    return {
      actual: t.actual('?budget=7', text),
      compare: t.compare('?budget=7', '?arch=arm64'),
      fromHash: t.compare('?budget=7#b&b.arch=arm64').more_requests,
      tuning: t.tuning('', '{"stats": [{"value": 1024, "averageDuration": 2.5}]}'),
      bad: (() => {
        try {
          t.compare('?budget=x', '?');
          return 'no error';
        } catch (e) {
          return String(e);
        }
      })(),
    };
  }, file);
  expect(r.actual.verdict).toBe('Actual $2.15 a day against a $7.00 budget and a $6.40 plan, 30.7% of the budget.');
  expect(r.actual.actual).toBe(2.15);
  expect(r.compare.more_requests).toBe(821);
  expect(r.fromHash).toBe(821);
  // 1024 MB × 3 ms billed = 0.003 GB-s; 7 / (0.003 × 0.0000166667 + 0.0000002) = 7 / 0.0000002500001.
  expect(r.tuning[0].gbs_per_request).toBe(0.003);
  expect(r.bad).toMatch(/plan A: .*budget/);
  // Only the module itself was loaded for it (the UI stays as it was).
  await expect(page.getByTestId('actual')).toHaveCount(0);
});

test('an embedded link with plan B shows the comparison, and opens both', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./?budget=7&embed=1#b&b.arch=arm64');
  const embed = page.getByTestId('embed-compare');
  await expect(embed.getByTestId('compare-summary')).toHaveText(
    'B serves 821 more requests per day than A for its budget; at 3,000 requests per day it costs 20% less ($5.12 against $6.40).',
  );
  await expect(embed.locator('path.curve')).toHaveCount(2);
  const href = await page.getByTestId('open-comparison').getAttribute('href');
  // budget=7 is the default, so the link leaves it out; prices= pins the book.
  expect(href).toMatch(/^\?prices=\d{4}-\d{2}#b&b\.arch=arm64$/);
  expect(href).not.toContain('embed');
  expect(errors).toEqual([]);
});

test('a dropped file, and a gzip-compressed one, are read the same way', async ({ page }) => {
  await page.goto('./');
  await ready(page);
  await openTool(page, 'actual');
  const text = await readFile(`${FIXTURES}/ce_daily_article.csv`, 'utf8');
  const verdict = 'Actual $2.15 a day against a $7.00 budget and a $6.40 plan, 30.7% of the budget.';
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
    const zone = document.querySelector('[data-testid=actual-drop]')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.getByTestId('actual-covers')).toContainText('from dropped.csv');
  await expect(page.getByTestId('actual-verdict')).toHaveText(verdict);
  // Decompressed in the page (flate2 in the second module).
  await page.getByTestId('actual-file').setInputFiles({
    name: 'export.csv.gz',
    mimeType: 'application/gzip',
    buffer: gzipSync(Buffer.from(text)),
  });
  await expect(page.getByTestId('actual-covers')).toContainText('from export.csv.gz');
  await expect(page.getByTestId('actual-verdict')).toHaveText(verdict);
});

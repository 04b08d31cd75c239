import { test, expect, type Page } from '@playwright/test';

// A page that cannot start says so (issue 11). The wasm is the only thing
// that can compute a link's figures; when it cannot be fetched, compiled or
// run, the page must say what failed and what to do, and must never show
// the prerendered default scenario's numbers as if they were the link's.

// The link of every case: $9 a day at 64 GB-s. The prerendered default
// page's first count is 7 / (0.0000166667 + 0.0000002) = 415,018.9 →
// 415,018 (1 GB-s row); it must not be on screen for this link.
const LINK = './?budget=9&gbs=64';
const DEFAULT_FIRST = '415,018';

/** The start failure message, its two ways out, and no figures. */
async function expectStartFailure(page: Page, detail: RegExp) {
  const fatal = page.getByTestId('fatal');
  await expect(fatal).toBeVisible();
  await expect(fatal.getByRole('heading')).toHaveText('Backcast could not start');
  await expect(fatal).toContainText('the link you opened is unchanged');
  await expect(fatal).toContainText('Reload to try again');
  await expect(fatal.locator('pre')).toHaveText(detail);
  const reload = fatal.getByRole('link', { name: 'Reload this link' });
  expect(await reload.evaluate((a: HTMLAnchorElement) => a.href)).toBe(page.url());
  await expect(fatal.getByRole('link', { name: 'Open the default scenario' })).toHaveAttribute('href', './');
  // Nothing of the calculator is left on screen: no table, no count.
  await expect(page.getByTestId('requests-table')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(DEFAULT_FIRST);
}

test('the wasm request is blocked (a proxy or an extension)', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort('blockedbyclient'));
  await page.goto(LINK);
  await expectStartFailure(page, /TypeError/);
});

test('the wasm answers 404 (a partial deploy)', async ({ page }) => {
  await page.route('**/*.wasm', (route) =>
    route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }),
  );
  await page.goto(LINK);
  await expectStartFailure(page, /404/);
});

test('the wasm arrives truncated and does not compile', async ({ page }) => {
  await page.route('**/*.wasm', async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    await route.fulfill({ response, body: body.subarray(0, Math.floor(body.length / 2)) });
  });
  await page.goto(LINK);
  await expectStartFailure(page, /CompileError/);
});

test('the JS glue is blocked', async ({ page }) => {
  await page.route(/backcast-web-[0-9a-f]+\.js$/, (route) => route.abort('blockedbyclient'));
  await page.goto(LINK);
  await expectStartFailure(page, /TypeError/);
});

test('a browser without WebAssembly is told so', async ({ page }) => {
  await page.addInitScript(() => {
    delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
  });
  await page.goto(LINK);
  await expectStartFailure(page, /.+/);
  await expect(page.getByTestId('fatal')).toContainText('This browser does not run WebAssembly');
});

test('the default page that cannot start says so too', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort('blockedbyclient'));
  await page.goto('./');
  await expectStartFailure(page, /TypeError/);
});

test('a start that works shows no message', async ({ page }) => {
  await page.goto(LINK);
  // 9 / (0.0000166667 × 64 + 0.0000002) = 9 / 0.0010668688 = 8,435.97 → 8,435.
  await expect(page.getByTestId('input-budget')).toHaveValue('9');
  await expect(page.getByTestId('fatal')).toHaveCount(0);
  await expect(page.getByText('8,435', { exact: true }).first()).toBeVisible();
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('a link shows a notice, never the default numbers', async ({ page }) => {
    await page.goto(LINK);
    const notice = page.getByTestId('nojs');
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('heading')).toHaveText('Backcast needs JavaScript');
    await expect(notice).toContainText('it cannot read this link');
    // The prerendered default page is in the HTML, and hidden.
    await expect(page.getByTestId('requests-table')).toHaveCount(1);
    await expect(page.getByTestId('requests-table')).toBeHidden();
    await expect(page.locator('#app')).toBeHidden();
  });
});

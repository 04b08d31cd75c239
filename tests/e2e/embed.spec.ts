import { test, expect } from '@playwright/test';
import { ARTICLE_QUERY, collectErrors, tableCells } from './helpers';

// ?embed=1: the compact read-only view for an iframe.

test('the embed view shows the answer, table and chart, and links to the calculator', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(`./?${ARTICLE_QUERY}&embed=1`);
  const embed = page.getByTestId('embed');
  // 7 / (0.00001667 x 128 + 0.0000002) = 7 / 0.00213396 = 3,280.3 a day.
  await expect(embed.getByTestId('figure-0').locator('.value')).toHaveText('3,280');
  expect((await tableCells(embed)).body[4]).toEqual(['128', '3,280', '3,280']);
  await expect(embed.getByTestId('chart').getByTestId('chart-curve')).toHaveAttribute('d', /^M/);
  // Read-only: no inputs, no share or export panels.
  await expect(page.locator('input, select, textarea')).toHaveCount(0);
  await expect(page.getByTestId('share')).toHaveCount(0);
  // The same scenario without embed; budget=7 and period=day are defaults.
  const open = embed.getByTestId('open-in-backcast');
  await expect(open).toHaveAttribute('href', '?prices=2026-12&p.lambda_gbs=0.00001667');
  await expect(open).toHaveAttribute('target', '_blank');
  await expect(open).toHaveAttribute('rel', 'noopener');
  expect(errors).toEqual([]);
});

test('the Embed button gives an iframe snippet of the same scenario', async ({ page, baseURL }) => {
  await page.goto(`./?${ARTICLE_QUERY}`);
  await page.getByTestId('embed-button').click();
  const code = await page.getByTestId('embed-code').inputValue();
  expect(code).toContain(
    `<iframe class="backcast" src="${baseURL}?prices=2026-12&amp;p.lambda_gbs=0.00001667&amp;embed=1"`,
  );
  expect(code).toContain('sandbox="allow-scripts');
  expect(code).toContain('backcast:height');
  await expect(page.getByTestId('embed-button')).toHaveAttribute('aria-expanded', 'true');
  // Its own Copy button, with its own status; a second press hides it.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('copy-embed').click();
  await expect(page.getByTestId('copy-status')).toHaveText('Copied the embed code.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  await page.getByTestId('embed-button').click();
  await expect(page.getByTestId('embed-code')).toHaveCount(0);
  await expect(page.getByTestId('embed-button')).toHaveAttribute('aria-expanded', 'false');
  // The status stays until the next copy.
  await expect(page.getByTestId('copy-status')).toHaveText('Copied the embed code.');
});

test('in a sandboxed iframe on a host page, the frame is sized by its height message', async ({ page, baseURL }) => {
  const errors = collectErrors(page);
  const src = `${baseURL}?${ARTICLE_QUERY}&embed=1`;
  await page.goto(`./__e2e/host.html?src=${encodeURIComponent(src)}`);
  const frame = page.frameLocator('#backcast');
  expect((await tableCells(frame.locator('body'))).body[0]).toEqual(['1', '414,937', '414,937']);
  // The host received a height and resized the frame to it.
  await expect(page.locator('body')).toHaveAttribute('data-height', /^\d+$/);
  const posted = Number(await page.locator('body').getAttribute('data-height'));
  expect(posted).toBeGreaterThan(300);
  await expect
    .poll(async () => Math.round((await page.locator('#backcast').boundingBox())!.height))
    .toBe(Number(await page.locator('body').getAttribute('data-height')));
  // The whole embed fits in the frame: nothing scrolls inside it.
  const f = page.frames().find((x) => x.url().startsWith(src.slice(0, 20)) && x !== page.mainFrame())!;
  const inner = await f.evaluate(() => ({
    scroll: document.documentElement.scrollHeight,
    client: document.documentElement.clientHeight,
    origin: String(window.origin),
  }));
  expect(inner.scroll).toBeLessThanOrEqual(inner.client);
  // The sandbox gave it an opaque origin: it really is sandboxed.
  expect(inner.origin).toBe('null');
  // Content that changes size sends a new height: dismissing the notice
  // of a link with a bad key shrinks the embed, and the frame follows.
  const bad = `${src}&wat=1`;
  await page.goto(`./__e2e/host.html?src=${encodeURIComponent(bad)}`);
  const notice = frame.getByTestId('link-notice');
  await expect(notice.locator('li code')).toHaveText('wat');
  await expect
    .poll(async () => Math.round((await page.locator('#backcast').boundingBox())!.height))
    .toBe(Number(await page.locator('body').getAttribute('data-height')));
  const withNotice = Number(await page.locator('body').getAttribute('data-height'));
  await frame.getByTestId('dismiss-notice').click();
  await expect(notice).toHaveCount(0);
  await expect.poll(async () => Number(await page.locator('body').getAttribute('data-height'))).toBeLessThan(withNotice);
  await expect
    .poll(async () => Math.round((await page.locator('#backcast').boundingBox())!.height))
    .toBe(Number(await page.locator('body').getAttribute('data-height')));
  expect(errors).toEqual([]);
});

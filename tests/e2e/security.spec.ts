import { test, expect, type Page } from '@playwright/test';

// Hardening: the shipped Content-Security-Policy holds with zero violations
// while the page is used, and the page requests nothing but its own files.

/** Records CSP violations from the moment the document starts. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as any).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as any).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const consoleViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) consoleViolations.push(m.text());
  });
  return async () => [...consoleViolations, ...(await page.evaluate(() => (window as any).__csp as string[]))];
}

test('the page ships a strict CSP and runs under it with zero violations', async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto('./?budget=9&period=month');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).toContain("default-src 'none'");
  await expect(page.getByTestId('requests-table').locator('tbody tr')).toHaveCount(9);
  await page.getByRole('textbox', { name: 'Budget', exact: true }).fill('20');
  await expect(page.getByTestId('figure-0')).not.toContainText('unlimited');
  // The JS API works under the policy too.
  const n = await page.evaluate(() => (window as any).backcast.solve({ budget: 7, gbs: 128 }).max_requests);
  expect(n).toBe(3280); // 7 / 0.0021335376 = 3280.9
  expect(await violations()).toEqual([]);
});

test('nothing leaves the browser: every request is for the page’s own files', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const own: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:')) return;
    (new URL(url).origin === origin ? own : foreign).push(url);
  });
  await page.goto('./?budget=12&requests=5000&gbs=64&sfn=standard&sfn_transitions=8&eb_events=2&ddb_reads=3&ddb_writes=1');
  await expect(page.getByTestId('requests-table').locator('tbody tr')).toHaveCount(9);
  await page.getByRole('textbox', { name: 'Budget', exact: true }).fill('13');
  await expect(page.getByTestId('requests-table').locator('tbody tr')).toHaveCount(9);
  expect(foreign).toEqual([]);
  // It did load its own wasm, script and stylesheet.
  expect(own.some((u) => u.endsWith('.wasm'))).toBe(true);
  expect(own.some((u) => u.endsWith('.css'))).toBe(true);
});

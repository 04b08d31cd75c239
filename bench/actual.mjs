// Plan against actual spend on a big file, for `make bench` (issue 15): a
// 50 MB Cost and Usage Report 2.0 CSV, made here (line items of Lambda,
// Step Functions, EventBridge and DynamoDB over 30 days), imported through
// the page's file input in headless Chromium (Debian's), from dist/.
// Prints JSON on stdout; progress on stderr.
//
//   node bench/actual.mjs [--runs 3] [--mb 50]
//
// Per run, from the moment the file is handed to the input:
//   parse ms      from when the file has reached the page (Playwright's
//                 transfer of 50 MB to the browser is not counted) until
//                 the verdict shows (the whole file read, in slices of
//                 32 KB, the page given its turn every 12 ms, and the
//                 comparison laid out);
//   longest task  the longest the page's main thread went without running
//                 a task of its own while parsing: a MessageChannel loop
//                 posts to itself and records the widest gap between two
//                 turns (every long task, whatever its cause, shows as a
//                 gap), with the Long Tasks API's longest entry beside it.
// The run's verdict is checked against the totals the generator wrote.
// No sleeps: every wait is for a condition in the page.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const runs = arg('runs', 3);
const mb = arg('mb', 50);

// The file: CUR 2.0 columns, one line item per row, amounts in whole
// micro-dollars so the expected total is exact.
const codes = ['AWSLambda', 'AWSStepFunctions', 'AWSEvents', 'AmazonDynamoDB'];
const head = 'identity_line_item_id,line_item_usage_start_date,line_item_product_code,line_item_usage_type,line_item_unblended_cost,line_item_currency_code\n';
const parts = [head];
let size = head.length;
let micro = 0;
let i = 0;
while (size < mb * 1e6) {
  const day = String((i % 30) + 1).padStart(2, '0');
  const cost = 1 + (i % 997); // micro-dollars
  const line = `id-${i},2026-11-${day}T00:00:00Z,${codes[i % 4]},USE1-Request,0.${String(cost).padStart(6, '0')},USD\n`;
  parts.push(line);
  size += line.length;
  micro += cost;
  i++;
}
const file = Buffer.from(parts.join(''));
const perDay = micro / 30 / 1e6;
console.error(`actual: ${(file.length / 1e6).toFixed(1)} MB, ${i} line items, ${perDay.toFixed(6)} USD a day`);

const port = 4197;
const server = spawn('node', ['tests/e2e/serve.mjs', String(port)], { stdio: 'ignore' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = [];
try {
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage();
    for (let n = 0; ; n++) {
      try {
        await page.goto(`http://127.0.0.1:${port}/`);
        break;
      } catch (e) {
        if (n > 50) throw e;
        await page.waitForTimeout(100); // the server is starting (not the page)
      }
    }
    await page.waitForFunction(() => 'backcast' in window);
    await page.getByTestId('actual-open').click();
    await page.getByTestId('actual-file').waitFor();
    await page.evaluate(() => {
      const w = window;
      w.__gap = 0;
      w.__long = 0;
      w.__on = true;
      const ch = new MessageChannel();
      let last = performance.now();
      ch.port1.onmessage = () => {
        const now = performance.now();
        w.__gap = Math.max(w.__gap, now - last);
        last = now;
        if (w.__on) ch.port2.postMessage(0);
      };
      ch.port2.postMessage(0);
      // From the file's hand-off on (Playwright's transfer of the file
      // itself is not the page's work).
      w.__t0 = Infinity;
      w.__reset = () => {
        w.__gap = 0;
        w.__long = 0;
        last = w.__t0 = performance.now();
      };
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) if (e.startTime >= w.__t0) w.__long = Math.max(w.__long, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const t0 = Date.now();
    await page.getByTestId('actual-file').setInputFiles({ name: 'cur2.csv', mimeType: 'text/csv', buffer: file });
    const start = await page.evaluate(() => {
      window.__reset();
      return performance.now();
    });
    await page.getByTestId('actual-verdict').waitFor({ timeout: 600_000 });
    const r = await page.evaluate((start) => {
      window.__on = false;
      return { parse_ms: performance.now() - start, longest_gap_ms: window.__gap, longest_long_task_ms: window.__long,
        verdict: document.querySelector('[data-testid=actual-verdict]').textContent };
    }, start);
    r.handoff_ms = Date.now() - t0;
    const want = `Actual $${perDay.toFixed(2)} a day`;
    if (!r.verdict.startsWith(want)) throw new Error(`actual: verdict ${JSON.stringify(r.verdict)}, expected it to start ${want}`);
    console.error(`actual: run ${run + 1}: parse ${r.parse_ms.toFixed(0)} ms, longest gap ${r.longest_gap_ms.toFixed(1)} ms`);
    results.push(r);
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(JSON.stringify({
  file_bytes: file.length,
  line_items: i,
  runs: results,
  parse_ms_median: median(results.map((r) => r.parse_ms)),
  longest_gap_ms_max: Math.max(...results.map((r) => r.longest_gap_ms)),
}, null, 2));

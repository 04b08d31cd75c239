// Browser benchmarks for `make bench`, in headless Chromium (Debian's),
// against the release build in dist/. Prints JSON on stdout.
//
//   node bench/browser.mjs [--loads 21] [--edits 40]
//
// One loopback server serves, with the same headers (no-store):
//   /index.html     the app as built (prerendered, then the wasm takes over)
//   /static.html    the same prerendered page with its scripts stripped:
//                   the static HTML copy of the default page
//   /baseline.html  bench/baseline.html, the plain-JavaScript update baseline
//
// First paint: for each load, the time from navigation start until the first
// frame after the requests table's first body row exists (a MutationObserver
// from an init script, then requestAnimationFrame and one message-channel
// turn, i.e. after that frame's paint). App and static loads alternate, each
// in a fresh browser context; medians compared.
//
// Updates: the app at ?rows=1:1000:1 and the baseline page; each edit sets
// the budget field and dispatches an input event, and is timed until the
// first frame after the table's first count changed. The two pages take
// turns in blocks of 10 edits. Medians compared.
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from '@playwright/test';

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const LOADS = arg('loads', 21);
const EDITS = arg('edits', 40);
const root = resolve(process.env.DIST_DIR ?? 'dist');
const port = Number(process.env.BENCH_PORT ?? 4199);

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The prerendered page without scripts: no inline or module scripts, no preloads. */
export function staticCopy(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\brel=("?)(modulepreload|preload)\1[^>]*>/gi, '');
}

async function startServer() {
  const index = await readFile(join(root, 'index.html'), 'utf8');
  const css = (await readdir(root)).find((f) => f.endsWith('.css'));
  const baseline = (await readFile(new URL('./baseline.html', import.meta.url), 'utf8')).replace(
    'STYLESHEET',
    css ?? 'missing.css',
  );
  const virtual = { '/static.html': staticCopy(index), '/baseline.html': baseline };
  const server = createServer(async (req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const headers = (p) => ({ 'Content-Type': types[extname(p)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    if (virtual[path] !== undefined) {
      res.writeHead(200, headers(path)).end(virtual[path]);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, headers(file)).end(body);
    } catch {
      res.writeHead(404).end('not found\n');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return server;
}

const ROW = '[data-testid="requests-table"] tbody tr';

// Installed before any of the page's own code: resolves with the time of the
// first frame after the table's first row exists.
function firstRowPaint(row) {
  window.__firstRow = new Promise((done) => {
    const afterPaint = () =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => done(performance.now());
        ch.port2.postMessage(0);
      });
    const seen = () => {
      if (!document.querySelector(row)) return false;
      afterPaint();
      return true;
    };
    const mo = new MutationObserver(() => {
      if (seen()) mo.disconnect();
    });
    mo.observe(document, { childList: true, subtree: true });
  });
}

async function loadTime(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(firstRowPaint, ROW);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const t = await page.evaluate(() => window.__firstRow);
  await context.close();
  return t;
}

// In the page: `n` budget edits, each timed from the input event to the
// first frame after the first row's x86 count changed.
async function editTimes(n) {
  const input = document.getElementById('field-budget');
  const tbody = document.querySelector('[data-testid="requests-table"] tbody');
  const first = () => tbody.querySelector('tr td:nth-child(2)').textContent;
  const nextPaint = () =>
    new Promise((r) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = r;
        ch.port2.postMessage(0);
      }),
    );
  const changed = (before) =>
    new Promise((r) => {
      if (first() !== before) return r();
      const mo = new MutationObserver(() => {
        if (first() !== before) {
          mo.disconnect();
          r();
        }
      });
      mo.observe(tbody, { childList: true, subtree: true, characterData: true });
    });
  const times = [];
  await nextPaint();
  await nextPaint();
  for (let i = 0; i < n; i++) {
    const before = first();
    input.value = String(8 + i); // $8, $9, …: every count changes
    const t0 = performance.now();
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    await changed(before);
    await nextPaint();
    times.push(performance.now() - t0);
  }
  return times;
}

async function openForEdits(browser, url, rows) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    ([sel, n]) => document.querySelectorAll(sel).length === n && !document.documentElement.classList.contains('bc-link'),
    [ROW, rows],
    { timeout: 30_000 },
  );
  // Warm up (first edits compile and allocate); not counted.
  await page.evaluate(editTimes, 3);
  return { page, context };
}

// Both pages stay open and take turns, a block of edits each, so machine
// noise (other processes, thermal drift) falls on both alike.
async function interleavedUpdates(browser, appUrl, baseUrl, rows) {
  const app = await openForEdits(browser, appUrl, rows);
  const js = await openForEdits(browser, baseUrl, rows);
  const block = 10;
  const appTimes = [];
  const jsTimes = [];
  for (let done = 0; done < EDITS; done += block) {
    const n = Math.min(block, EDITS - done);
    await app.page.bringToFront();
    appTimes.push(...(await app.page.evaluate(editTimes, n)));
    await js.page.bringToFront();
    jsTimes.push(...(await js.page.evaluate(editTimes, n)));
  }
  await app.context.close();
  await js.context.close();
  return [appTimes, jsTimes];
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function main() {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    // Warm the server and the browser once each (not counted).
    await loadTime(browser, `${base}/index.html`);
    await loadTime(browser, `${base}/static.html`);
    const app = [];
    const stat = [];
    for (let i = 0; i < LOADS; i++) {
      // Alternate the order, so drift hits both alike.
      if (i % 2) {
        stat.push(await loadTime(browser, `${base}/static.html`));
        app.push(await loadTime(browser, `${base}/index.html`));
      } else {
        app.push(await loadTime(browser, `${base}/index.html`));
        stat.push(await loadTime(browser, `${base}/static.html`));
      }
    }
    const [yewEdits, jsEdits] = await interleavedUpdates(
      browser, `${base}/index.html?rows=1:1000:1`, `${base}/baseline.html`, 1000);
    const out = {
      first_paint: { loads: LOADS, app_ms: median(app), static_ms: median(stat), ratio: median(app) / median(stat), app_all: app, static_all: stat },
      updates: { edits: EDITS, app_ms: median(yewEdits), baseline_ms: median(jsEdits), ratio: median(yewEdits) / median(jsEdits), app_all: yewEdits, baseline_all: jsEdits },
      chromium: browser.version(),
    };
    console.log(JSON.stringify(out));
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

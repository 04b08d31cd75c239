// Throttled first visit, for `make bench`: what a visitor on a slow phone
// feels. Headless Chromium (Debian's) loads the default page from dist/,
// served compressed as a static host serves it (bench/compressed-server.mjs:
// gzip -9, or brotli 11, forced per load), under the DevTools protocol's
// mobile throttling:
//   Network.emulateNetworkConditions  1.6 Mbps down (200,000 B/s),
//                                     750 kbps up (93,750 B/s), 150 ms latency
//   Emulation.setCPUThrottlingRate    4 (the page's CPU 4 times slower)
//   Network.setCacheDisabled          the cache off (and every load in a
//                                     fresh browser context)
// in a phone-sized viewport (412 x 823, device scale 1.75, mobile, touch).
// Prints JSON on stdout; progress on stderr.
//
//   node bench/throttled.mjs [--loads 11] [--viewport mobile|desktop]
//
// Two times per load, both from navigation start (performance.now()):
//   first table    the first frame after the prerendered requests table has
//                  its first body row (a MutationObserver installed before
//                  the page runs, then requestAnimationFrame and one
//                  message-channel turn: after that frame's paint), as
//                  bench/browser.mjs measures first paint.
//   edit answered  at that moment the budget field is edited as a person
//                  would (its value set to 14, an `input` event), long
//                  before the wasm has arrived; the app applies what was
//                  typed when it starts (src/main.rs, `typed_before_start`).
//                  The time is the first frame after the 1 GB-s row's x86
//                  count shows the count for $14, which an unthrottled load
//                  reads from the page beforehand (an ordinary edit after
//                  the app has started), and which is checked against
//                  floor(14 / (0.0000166667 + 0.0000002)) with the default
//                  us-east-1 prices.
// Also recorded per load: when the app had started (`window.backcast`
// exists), and the bytes the load transferred (CDP encodedDataLength), with
// each compressible response's Content-Encoding checked against the run's.
//
// The two encodings take turns load by load, so drift on the machine falls
// on both alike; one throttled load of each comes first, not counted.
// No sleeps: every wait is for a condition in the page.
import os from 'node:os';
import { chromium } from '@playwright/test';
import { startCompressedServer } from './compressed-server.mjs';

const opt = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const LOADS = Number(opt('loads', 11));
const VIEWPORT = opt('viewport', 'mobile');
if (!(LOADS >= 1)) throw new Error('--loads must be at least 1');

export const PROFILE = {
  latency_ms: 150,
  download_bytes_per_s: 200_000, // 1.6 Mbps
  upload_bytes_per_s: 93_750, // 750 kbps
  cpu_slowdown: 4,
};
const ENCODINGS = [
  ['gzip', 'gzip'],
  ['brotli', 'br'],
];
const BUDGET = 14;
const TABLE = '[data-testid="requests-table"]';
const ROW = `${TABLE} tbody tr`;
const TIMEOUT_MS = 60_000;

const contextOptions = {
  mobile: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 900 } },
}[VIEWPORT];
if (!contextOptions) throw new Error('--viewport must be mobile or desktop');

// Installed before any of the page's own code. window.__bench resolves with
// {inDom, firstTable, typed, started, shown, answered} in ms from navigation
// start (inDom: when the parser has put the table's first row in the DOM;
// started: the first DOM change once window.backcast exists, i.e. the
// app's first render; shown: when the answer is in the DOM), once
// the page shows `expected` in the 1 GB-s row's x86 cell after the budget
// edit made at first table paint. With `expected` null it types nothing and
// resolves at first paint (the calibration load, below).
function probe({ row, budget, expected }) {
  const afterPaint = (fn) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => fn(performance.now());
      ch.port2.postMessage(0);
    });
  const out = {};
  // When each file had arrived, and the first contentful paint, for the notes.
  const timeline = () => {
    const nav = performance.getEntriesByType('navigation')[0];
    const t = { html: nav?.responseEnd };
    for (const r of performance.getEntriesByType('resource')) {
      const ext = (r.name.match(/\.(css|js|wasm)$/) ?? [])[1];
      if (ext) t[ext] = r.responseEnd;
    }
    t.fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    return t;
  };
  window.__bench = new Promise((done, fail) => {
    const cell = () => {
      const tr = document.querySelector(row);
      if (!tr) return null;
      if (tr.cells[0]?.textContent !== '1') fail(new Error(`the first row is ${tr.cells[0]?.textContent} GB-s, not 1`));
      return tr.cells[1]?.textContent ?? null;
    };
    const answered = () => {
      if (cell() !== expected) return false;
      out.shown = performance.now();
      afterPaint((t) => {
        out.answered = t;
        out.timeline = timeline();
        done(out);
      });
      return true;
    };
    const type = () => {
      const input = document.getElementById('field-budget');
      if (!input) return fail(new Error('no #field-budget when the table first painted'));
      input.value = String(budget);
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: String(budget) }));
      out.typed = performance.now();
      if (answered()) return;
      const mo = new MutationObserver(() => {
        if (answered()) mo.disconnect();
      });
      mo.observe(document, { childList: true, subtree: true, characterData: true });
    };
    const started = () => {
      if (out.started === undefined && 'backcast' in window) out.started = performance.now();
    };
    const mo = new MutationObserver(() => {
      if (!document.querySelector(row)) return;
      out.inDom = performance.now();
      mo.disconnect();
      afterPaint((t) => {
        out.firstTable = t;
        out.firstCell = cell();
        if (expected === null) done(out);
        else type();
      });
    });
    mo.observe(document, { childList: true, subtree: true });
    // The app exposes window.backcast as it starts, before its first
    // render. (Created before the answer's observer, so it runs first.)
    const check = new MutationObserver(started);
    check.observe(document, { childList: true, subtree: true, characterData: true });
    addEventListener('TrunkApplicationStarted', started);
  });
}

/** A fresh context and page, throttled when `throttle`; `bytes()` and `encodings` (path -> Content-Encoding) tell what it loaded. */
async function openPage(browser, throttle) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const sizes = new Map();
  const encodings = new Map();
  cdp.on('Network.responseReceived', (e) => {
    const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    encodings.set(new URL(e.response.url).pathname, h['content-encoding'] ?? 'identity');
  });
  cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PROFILE.latency_ms,
      downloadThroughput: PROFILE.download_bytes_per_s,
      uploadThroughput: PROFILE.upload_bytes_per_s,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpu_slowdown });
  }
  const bytes = () => [...sizes.values()].reduce((a, b) => a + b, 0);
  return { context, page, bytes, encodings };
}

const race = (page, what) =>
  page.evaluate(
    ([ms, what]) =>
      Promise.race([
        window.__bench,
        new Promise((_, fail) => setTimeout(() => fail(new Error(`${what}: nothing after ${ms} ms`)), ms)),
      ]),
    [TIMEOUT_MS, what],
  );

// Unthrottled: the page's own answer for $BUDGET, by an ordinary edit once
// the app has started, and the prerendered count it replaces.
async function calibrate(browser, url) {
  const { context, page } = await openPage(browser, false);
  try {
    await context.addInitScript(probe, { row: ROW, budget: BUDGET, expected: null });
    await page.goto(url, { waitUntil: 'commit' });
    const first = await race(page, 'calibration');
    await page.waitForFunction(() => 'backcast' in window, null, { timeout: TIMEOUT_MS });
    const answer = await page.evaluate(
      async ([row, budget, before]) => {
        const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const cell = () => document.querySelector(row).cells[1].textContent;
        const input = document.getElementById('field-budget');
        input.value = String(budget);
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: String(budget) }));
        while (cell() === before) await frame();
        await frame();
        return cell();
      },
      [ROW, BUDGET, first.firstCell],
    );
    return { prerendered: first.firstCell, answer };
  } finally {
    await context.close();
  }
}

async function throttledLoad(browser, url, expected, encoding) {
  const { context, page, bytes, encodings } = await openPage(browser, true);
  try {
    await context.addInitScript(probe, { row: ROW, budget: BUDGET, expected });
    await page.goto(url, { waitUntil: 'commit' });
    const r = await race(page, `throttled load (${encoding})`);
    // Everything the page requested has finished once it has answered;
    // the bytes are read after the answer, outside the timed span.
    for (const [path, enc] of encodings) {
      if (/\.(html|js|css|wasm)$|\/$/.test(path) && enc !== encoding) {
        throw new Error(`${path} came with Content-Encoding ${enc}, not ${encoding}`);
      }
    }
    if (r.started === undefined) throw new Error('the page answered before window.backcast existed');
    return { table_in_dom_ms: r.inDom, first_table_ms: r.firstTable, typed_ms: r.typed, started_ms: r.started, shown_ms: r.shown, answered_ms: r.answered, bytes: bytes(), timeline: r.timeline };
  } finally {
    await context.close();
  }
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return { median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, min: s[0], max: s[s.length - 1], all: xs };
};

async function main() {
  const server = await startCompressedServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const url = `${server.url}/index.html`;
  const loadBefore = os.loadavg()[0];
  try {
    server.encoding = 'gzip';
    const cal = await calibrate(browser, url);
    const byHand = new Intl.NumberFormat('en-US').format(Math.floor(BUDGET / (0.0000166667 + 0.0000002)));
    if (cal.answer === cal.prerendered) throw new Error(`the page's count did not change for $${BUDGET}`);
    if (cal.answer !== byHand) console.error(`note: the page shows ${cal.answer} for $${BUDGET}, the float estimate ${byHand}; waiting for the page's`);
    console.error(`$${BUDGET} at 1 GB-s (x86_64): the page shows ${cal.answer} (prerendered at $7: ${cal.prerendered})`);
    const runs = Object.fromEntries(ENCODINGS.map(([name]) => [name, []]));
    for (const [name, enc] of ENCODINGS) {
      server.encoding = enc;
      await throttledLoad(browser, url, cal.answer, enc); // warm-up, not counted
    }
    for (let i = 0; i < LOADS; i++) {
      const order = i % 2 ? [...ENCODINGS].reverse() : ENCODINGS;
      for (const [name, enc] of order) {
        server.encoding = enc;
        const r = await throttledLoad(browser, url, cal.answer, enc);
        runs[name].push(r);
        console.error(`load ${i + 1}/${LOADS} ${name.padEnd(6)} table in DOM ${r.table_in_dom_ms.toFixed(0)} ms, first table ${r.first_table_ms.toFixed(0)} ms, started ${r.started_ms.toFixed(0)} ms, shown ${r.shown_ms.toFixed(0)} ms, edit answered ${r.answered_ms.toFixed(0)} ms, ${r.bytes} B; arrived: ${Object.entries(r.timeline).map(([k, v]) => `${k} ${v?.toFixed(0)}`).join(', ')}`);
      }
    }
    const out = {
      throttled: {
        loads: LOADS,
        viewport: VIEWPORT,
        profile: PROFILE,
        budget: BUDGET,
        answer: cal.answer,
        // The machine's 1-minute load average before and after: other work
        // on its cores shows in every CPU-bound part of these times.
        load_average: [loadBefore, os.loadavg()[0]],
        ...Object.fromEntries(
          Object.entries(runs).map(([name, rs]) => [
            name,
            {
              table_in_dom_ms: stats(rs.map((r) => r.table_in_dom_ms)),
              first_table_ms: stats(rs.map((r) => r.first_table_ms)),
              started_ms: stats(rs.map((r) => r.started_ms)),
              answered_ms: stats(rs.map((r) => r.answered_ms)),
              bytes: stats(rs.map((r) => r.bytes)),
              each: rs,
            },
          ]),
        ),
      },
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

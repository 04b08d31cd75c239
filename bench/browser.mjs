// Browser benchmarks for `make bench`, in headless Chromium (Debian's),
// against the release build in dist/. Prints JSON on stdout.
//
//   node bench/browser.mjs [--loads 21] [--edits 40]   (make bench: 21, 60)
//
// One loopback server serves, with the same headers (no-store):
//   /index.html     the app as built (prerendered, then the wasm takes over)
//   /static.html    the same prerendered page with its scripts stripped:
//                   the static HTML copy of the default page
//   /baseline.html  bench/baseline.html, the table-only update baseline
//   /same-page.html the same-page update baseline, built at run time (below)
//
// First paint: for each load, the time from navigation start until the first
// frame after the requests table's first body row exists (a MutationObserver
// from an init script, then requestAnimationFrame and one message-channel
// turn, i.e. after that frame's paint). App and static loads alternate, each
// in a fresh browser context; medians compared.
//
// Updates: the app at ?rows=1:1000:1 against two plain-JavaScript pages;
// each edit sets the budget field and dispatches an input event, and is
// timed until the first frame after the table's first count changed, after
// 20 warm-up edits. The app and both baselines take turns in blocks of 5
// edits. Medians compared.
//   /same-page.html  the measure, the same DOM update: the app's own
//                    page (its #app markup, recorded from the app at $7)
//                    whose script computes the counts in floating point, as
//                    bench/baseline.html does, and sets everything else an
//                    edit changes (figures, verdict, chart, headroom,
//                    highlighted row, caption) to what the app showed for
//                    that budget, recorded beforehand with a
//                    MutationObserver. Checked before timing: after each
//                    edit its #app tree equals the app's.
//   /baseline.html   stricter: only the table, in a page holding nothing
//                    else (bench/baseline.html).
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
const WARM_BLOCKS = arg('warm', 2); // blocks of 10 edits before timing
const root = resolve(process.env.DIST_DIR ?? 'dist');
const port = Number(process.env.BENCH_PORT ?? 4199);

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
};

// The <html> tag's class attribute, quoted or not.
const HTML_CLASS = /\sclass=("[^"]*"|'[^']*'|[^\s>]*)/i;

/**
 * The prerendered page without scripts: no inline or module scripts, no
 * preloads, and without the class `bc-nojs` on <html>. That class hides
 * #app from a visitor without JavaScript (styles/main.css), and the page's
 * first inline script removes it at once; the static copy stands for the
 * page as a visitor with JavaScript sees it, so it drops the class as that
 * script does. (With it, the copy's #app is display: none: nothing to lay
 * out or paint.)
 */
export function staticCopy(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\brel=("?)(modulepreload|preload)\1[^>]*>/gi, '')
    .replace(/<html\b[^>]*>/i, (tag) =>
      tag.replace(HTML_CLASS, (_, v) => {
        const names = v.replace(/^["']|["']$/g, '').split(/\s+/).filter((c) => c && c !== 'bc-nojs');
        return names.length ? ` class="${names.join(' ')}"` : '';
      }),
    );
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
  // main() adds /same-page.html, built from index.html.
  Object.assign(server, { virtual, index });
  return server;
}

const ROW = '[data-testid="requests-table"] tbody tr';
const APP_EDITS = '/index.html?rows=1:1000:1';
// The budgets editTimes sets: $8, $9, … in blocks of at most 10.
const BUDGETS = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17];

// In the app: which nodes a budget edit changes, apart from the table's
// counts, and what each of them holds at $7 and at each of BUDGETS. Each
// change is one of: a changed element (its outerHTML: Yew inserts an HTML
// section anew; also an element whose number of element children changes,
// below), an element's text (an element holding only text), a text
// run beside element children (below), or an attribute. Also the #app
// markup and the address after each edit, to check the baseline against.
//
// A text run: the text between two element children of an element (or
// before the first, or after the last), such as a chart legend item's label
// beside its colour key (<li><span class="key …"></span>label</li>). It is
// named by the element's path and k, the number of element children before
// it, not by a child node index: the baseline is parsed from the app's
// markup, where adjacent text nodes (Yew renders `{"a: "}{b}` as two) have
// become one and empty ones (Yew's placeholders) are gone, while element
// children stay exactly as they are. Its value is the run's text, all its
// text nodes joined.
async function recordEdits(budgets) {
  const app = document.getElementById('app');
  const tbody = app.querySelector('[data-testid="requests-table"] tbody');
  const input = document.getElementById('field-budget');
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const isCount = (n) => {
    const td = n.nodeType === 3 ? n.parentNode : n;
    return td?.tagName === 'TD' && td.parentNode?.parentNode === tbody && td.cellIndex > 0;
  };
  // Element children up to and including `node` (0 when null).
  const elementsUpTo = (node) => {
    let k = 0;
    for (let n = node; n; n = n.previousSibling) if (n.nodeType === 1) k++;
    return k;
  };
  const texts = new Set(); // text nodes whose text changed, or that were inserted
  const runs = new Map(); // element -> the runs (k) a text node was removed from; 'all' when unknown
  const attrs = new Map();
  const added = new Set();
  // Elements that keep their place but whose number of element children
  // differs from one budget to another (the chart's ticks: Yew adds or
  // drops <text> elements and patches the rest). Paths below them do not
  // line up across budgets, so each is set anew as a whole, like a section.
  // `net`: element children added less removed, per element, in this edit
  // (a section Yew replaces, one element for another, nets zero).
  const reshaped = new Set();
  const net = new Map();
  const count = (parent, nodes, sign) => {
    for (const n of nodes) if (n.nodeType === 1) net.set(parent, (net.get(parent) ?? 0) + sign);
  };
  const take = (records) => {
    for (const r of records) {
      if (r.type === 'characterData') {
        if (!isCount(r.target)) texts.add(r.target);
      } else if (r.type === 'attributes') {
        if (!attrs.has(r.target)) attrs.set(r.target, new Set());
        attrs.get(r.target).add(r.attributeName);
      } else if (!isCount(r.target)) {
        count(r.target, r.addedNodes, 1);
        count(r.target, r.removedNodes, -1);
        for (const n of r.addedNodes) {
          if (n.nodeType === 1) added.add(n);
          else if (n.nodeType === 3) texts.add(n);
        }
        for (const n of r.removedNodes) {
          if (n.nodeType !== 3 || n.data === '') continue;
          const prev = r.previousSibling;
          if (!runs.has(r.target)) runs.set(r.target, new Set());
          runs.get(r.target).add(!prev || prev.parentNode === r.target ? elementsUpTo(prev) : 'all');
        }
      }
    }
  };
  const mo = new MutationObserver(take);
  const edit = async (b) => {
    if (input.value === String(b)) return;
    const cell = () => tbody.rows[0].cells[1].textContent;
    const before = cell();
    input.value = String(b);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    while (cell() === before) await frame();
    await frame();
    take(mo.takeRecords());
    for (const [el, d] of net) if (d !== 0 && app.contains(el)) reshaped.add(el);
    net.clear();
  };
  // Watched to the end: a section Yew inserts anew while states are read
  // below is the one the state must name.
  mo.observe(app, { subtree: true, childList: true, attributes: true, characterData: true });
  for (const b of [...budgets, budgets[0], 7]) await edit(b);
  const pathOf = (el) => {
    const p = [];
    for (; el !== app; el = el.parentNode) p.unshift(Array.prototype.indexOf.call(el.parentNode.children, el));
    return p;
  };
  // Run k's text: the text nodes after the k-th element child (from the start for 0) up to the next element.
  const runText = (el, k) => {
    let v = '';
    for (let n = k ? el.children[k - 1].nextSibling : el.firstChild; n && n.nodeType !== 1; n = n.nextSibling) {
      if (n.nodeType === 3) v += n.data;
    }
    return v;
  };
  const read = () => {
    take(mo.takeRecords());
    const alive = (n) => app.contains(n);
    if (reshaped.has(app)) throw new Error('#app itself changes its number of children: the same-page baseline cannot replay that');
    const outer = [...added, ...reshaped].filter(alive);
    const inside = (n) => outer.some((o) => o !== n && o.contains(n));
    const ops = outer.filter((o) => !inside(o)).map((o) => ['outer', pathOf(o), o.outerHTML]);
    // Text changes: the whole text of an element holding only text, or
    // each changed run beside element children.
    const textOps = new Map();
    const textOp = (el, k) => {
      if (!alive(el) || inside(el) || outer.includes(el)) return;
      if (!el.children.length) {
        textOps.set(pathOf(el).join('.'), ['text', pathOf(el), el.textContent]);
        return;
      }
      const ks = k === 'all' ? [...Array(el.children.length + 1).keys()] : [k];
      for (const k of ks) textOps.set(`${pathOf(el).join('.')}~${k}`, ['run', pathOf(el), k, runText(el, k)]);
    };
    for (const t of texts) if (t.parentNode?.nodeType === 1) textOp(t.parentNode, elementsUpTo(t.previousSibling));
    for (const [el, ks] of runs) for (const k of ks) textOp(el, k);
    ops.push(...textOps.values());
    for (const [el, names] of attrs) {
      if (!alive(el) || inside(el)) continue;
      for (const n of names) ops.push(['attr', pathOf(el), n, el.getAttribute(n)]);
    }
    // Where each change is, for the report: the nearest data-testid or id
    // at or above its element, then the element itself (tag and first
    // class) when that is not the one named.
    const where = ops.map((op) => {
      const el = op[1].reduce((e, i) => e.children[i], app);
      const self = el.tagName.toLowerCase() + (el.classList.length ? `.${el.classList[0]}` : '');
      for (let n = el; n && n !== app; n = n.parentElement) {
        const name = n.dataset?.testid || (n.id ? `#${n.id}` : '');
        if (name) return n === el ? name : `${name} ${self}`;
      }
      return self;
    });
    return { ops, where, html: app.innerHTML, search: location.search };
  };
  const states = { 7: read() };
  for (const b of budgets) {
    await edit(b);
    states[b] = read();
  }
  await edit(7);
  mo.disconnect();
  return { states, className: document.documentElement.className, html: app.innerHTML };
}

/** dist/index.html as the same-page baseline: the app's #app markup at $7, no app scripts, and the replay script. */
export function samePage(index, rec) {
  const page = staticCopy(index)
    .replace(/<meta\b[^>]*http-equiv=("?)Content-Security-Policy\1[^>]*>/i, '')
    // The app's own classes on <html> at the time of recording, in place of the prerendered ones.
    .replace(/<html\b([^>]*)>/i, (_, attrs) => `<html${attrs.replace(HTML_CLASS, '')} class="${rec.className}">`);
  const at = page.indexOf('<div id=app>') >= 0 ? '<div id=app>' : '<div id="app">';
  const start = page.indexOf(at);
  const end = page.lastIndexOf('</body>');
  if (start < 0 || end < 0) throw new Error('same-page baseline: no #app in index.html');
  const data = {};
  for (const [b, st] of Object.entries(rec.states)) data[b] = { ops: st.ops, search: st.search };
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `${page.slice(0, start)}<div id="app">${rec.html}</div>
<script>
const EDITS = ${json};
${samePageScript}
</script>
${page.slice(end)}`;
}

// The same-page baseline's script: the counts as bench/baseline.html works
// them out, then every other change of the edit, set by hand.
const samePageScript = `
const X86 = 0.0000166667, ARM = 0.0000133334, REQ = 0.0000002;
const fmt = new Intl.NumberFormat('en-US');
const app = document.getElementById('app');
const rows = [...app.querySelector('[data-testid="requests-table"] tbody').rows].map((tr) => ({
  g: Number(tr.cells[0].textContent.replace(/,/g, '')), x86: tr.cells[1].firstChild, arm: tr.cells[2].firstChild }));
const at = (path) => path.reduce((el, i) => el.children[i], app);
// What each changing node shows now, as Yew keeps its last render.
const key = (op) => op[0] + op[1].join('.') + (op[0] === 'attr' || op[0] === 'run' ? ' ' + op[2] : '');
const valueOf = (op) => (op[0] === 'attr' || op[0] === 'run' ? op[3] : op[2]);
// Run k of el (the text after its k-th element child, from the start for 0)
// set to value: its first text node gets the text, as Yew sets a text
// node's nodeValue; a run empty in the parsed markup gets one.
function setRun(el, k, value) {
  const start = k ? el.children[k - 1].nextSibling : el.firstChild;
  let first = null;
  for (let n = start; n && n.nodeType !== 1; n = n.nextSibling) {
    if (n.nodeType !== 3) continue;
    if (first) n.nodeValue = '';
    else first = n;
  }
  if (first) first.nodeValue = value;
  else el.insertBefore(document.createTextNode(value), el.children[k] ?? null);
}
const shown = new Map(EDITS[7].ops.map((op) => [key(op), valueOf(op)]));
function update(budget) {
  for (const r of rows) {
    r.x86.nodeValue = fmt.format(Math.floor(budget / (r.g * X86 + REQ)));
    r.arm.nodeValue = fmt.format(Math.floor(budget / (r.g * ARM + REQ)));
  }
  const edit = EDITS[budget];
  for (const op of edit.ops) {
    const k = key(op), value = valueOf(op);
    if (shown.get(k) === value) continue;
    const el = at(op[1]);
    if (op[0] === 'outer') el.outerHTML = value;
    else if (op[0] === 'run') setRun(el, op[2], value);
    else if (op[0] === 'text') {
      if (el.childNodes.length === 1 && el.firstChild.nodeType === 3) el.firstChild.nodeValue = value;
      else el.textContent = value;
    } else if (value === null) el.removeAttribute(op[2]);
    else el.setAttribute(op[2], value);
    shown.set(k, value);
  }
  history.replaceState(null, '', edit.search);
}
const input = document.getElementById('field-budget');
input.addEventListener('input', () => {
  const b = Number(input.value);
  if (EDITS[b]) update(b);
});
`;

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

// Runs `fn(arg)` in a fresh page at `url` once the table is there.
async function inPage(browser, url, fn, arg) {
  const { page, context } = await openForEdits(browser, url, 1000, false);
  try {
    return await page.evaluate(fn, arg);
  } finally {
    await context.close();
  }
}

// In the same-page baseline: each budget's edit, then its #app markup
// against the app's (the same tree, attributes in any order); returns
// where they differ.
async function checkEdits(expected) {
  const app = document.getElementById('app');
  const input = document.getElementById('field-budget');
  const out = [];
  for (const [budget, want] of Object.entries(expected)) {
    input.value = budget;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    const got = app.innerHTML;
    // Compared as parsed trees: attribute order does not matter.
    const [a, b] = [got, want].map((html) => {
      const t = document.createElement('template');
      t.innerHTML = html;
      return t.content;
    });
    // The first node that differs, for the message.
    const first = (x, y, path) => {
      if (x.isEqualNode(y)) return null;
      const [xs, ys] = [x.childNodes, y.childNodes];
      if (x.nodeType !== 3 && x.nodeName === y.nodeName && xs.length === ys.length) {
        for (let i = 0; i < xs.length; i++) {
          const d = first(xs[i], ys[i], `${path}/${i}`);
          if (d) return d;
        }
      }
      const show = (n) => (n.outerHTML ?? n.nodeValue ?? '').slice(0, 160);
      return { at: path, got: show(x), want: show(y) };
    };
    const d = first(a, b, '');
    if (d) out.push({ budget, ...d });
  }
  return out;
}

async function openForEdits(browser, url, rows, warm = true) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    ([sel, n]) => document.querySelectorAll(sel).length === n && !document.documentElement.classList.contains('bc-link'),
    [ROW, rows],
    { timeout: 30_000 },
  );
  // Warm up, not counted: the first edits compile and allocate, and V8
  // moves hot wasm and JS to its optimizing tier in the background (a
  // page opened later can start from the code already optimized, so too
  // few warm-ups favour whichever page runs second).
  if (warm) for (let i = 0; i < WARM_BLOCKS; i++) await page.evaluate(editTimes, 10);
  return { page, context };
}

// All pages stay open and take turns, a block of 5 edits each, so machine
// noise (other processes, thermal drift) falls on all alike; one set of
// app edits is compared with each baseline.
async function interleavedUpdates(browser, urls, rows) {
  const pages = [];
  for (const url of urls) pages.push(await openForEdits(browser, url, rows));
  const block = 5;
  const times = urls.map(() => []);
  for (let done = 0; done < EDITS; done += block) {
    const n = Math.min(block, EDITS - done);
    for (let i = 0; i < pages.length; i++) {
      await pages[i].page.bringToFront();
      times[i].push(...(await pages[i].page.evaluate(editTimes, n)));
    }
  }
  for (const p of pages) await p.context.close();
  return times;
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
    // The same-page baseline, from the app's own edits, then checked.
    const rec = await inPage(browser, `${base}${APP_EDITS}`, recordEdits, BUDGETS);
    server.virtual['/same-page.html'] = samePage(server.index, rec);
    const expected = Object.fromEntries(BUDGETS.map((b) => [b, rec.states[b].html]));
    const mismatched = await inPage(browser, `${base}/same-page.html`, checkEdits, expected);
    if (mismatched.length) {
      throw new Error(`same-page baseline: after the edit to $${mismatched[0].budget} its #app differs from the app's at ${mismatched[0].at}: ${mismatched[0].got} / ${mismatched[0].want}`);
    }
    const [yewEdits, jsEdits, tableEdits] = await interleavedUpdates(
      browser, [`${base}${APP_EDITS}`, `${base}/same-page.html`, `${base}/baseline.html`], 1000);
    const { ops, where } = rec.states[BUDGETS[0]];
    // Each kind of change: how many, and where (the distinct places).
    const kind = (k) => {
      const at = where.filter((_, i) => ops[i][0] === k);
      return { count: at.length, where: [...new Set(at)] };
    };
    const out = {
      first_paint: { loads: LOADS, app_ms: median(app), static_ms: median(stat), ratio: median(app) / median(stat), app_all: app, static_all: stat },
      updates: { edits: EDITS, app_ms: median(yewEdits), baseline_ms: median(jsEdits), ratio: median(yewEdits) / median(jsEdits), app_all: yewEdits, baseline_all: jsEdits,
        changes: { sections: kind('outer'), texts: kind('text'), runs: kind('run'), attributes: kind('attr'),
          attribute_names: [...new Set(ops.filter((o) => o[0] === 'attr').map((o) => o[2]))] } },
      updates_table_only: { edits: EDITS, app_ms: median(yewEdits), baseline_ms: median(tableEdits), ratio: median(yewEdits) / median(tableEdits), app_all: yewEdits, baseline_all: tableEdits },
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

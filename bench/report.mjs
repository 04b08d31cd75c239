// `make bench`, last step: gathers the figures, prints each beside its
// target and writes BENCHMARKS.md.
//
//   node bench/report.mjs <browser.json> <criterion-dir> [sizes.md] [throttled.json] [actual.json]
//
// throttled.json is bench/throttled.mjs's output (a first visit on a
// throttled mobile profile); without it those rows are left out.
// Transfer: every file a first visit loads from dist/ (index.html and what
// it references: CSS, JS glue, and the wasm the glue is pointed at), each
// compressed with gzip -9, added up.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { firstVisit } from '../scripts/transfer.mjs';
import { join, resolve } from 'node:path';
import os from 'node:os';

const [browserJson, criterionDir, sizesMd, throttledJson, actualJson] = process.argv.slice(2);
const dist = resolve(process.env.DIST_DIR ?? 'dist');

const TARGETS = { transfer_kb: 140, first_paint: 1.15, updates: 1.5, throttled_edit_s: 1.6 };

async function transfer() {
  const t = await firstVisit(dist);
  return { files: t.files, total: t.gzip, brotli: t.brotli };
}

function criterion(name) {
  const path = join(criterionDir, name, 'new', 'estimates.json');
  if (!existsSync(path)) return null;
  const e = JSON.parse(readFileSync(path, 'utf8'));
  return e.median.point_estimate; // ns
}

const sh = (cmd) => {
  try {
    return execSync(cmd, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

const kb = (b) => (b / 1024).toFixed(1);
const time = (ns) => (ns == null ? 'n/a' : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(1)} µs`);
const verdict = (ok) => (ok ? 'meets' : 'MISSES');
// A ratio to 2 decimals, or 3 when 2 would round it onto its target (a
// 1.151x that misses 1.15x must not read 1.15x).
const ratio = (r, target) => `${r.toFixed(r.toFixed(2) === target.toFixed(2) && r !== target ? 3 : 2)}×`;
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const spread = (st) => `${secs(st.median)} (${secs(st.min)}–${secs(st.max)})`;

// Two rows per encoding: first table (measured) and edit answered (target).
function throttledRows(th) {
  const p = th.profile;
  const name = `Throttled mobile (${(p.download_bytes_per_s * 8) / 1e6} Mbps, ${p.latency_ms} ms RTT, CPU ${p.cpu_slowdown}x)`;
  const rows = [];
  for (const [key, label] of [['gzip', 'gzip'], ['brotli', 'brotli']]) {
    const e = th[key];
    if (!e) continue;
    rows.push([`${name}, ${label}: first table (median of ${th.loads} loads, min–max)`, spread(e.first_table_ms), 'measured', '—']);
    rows.push([
      `${name}, ${label}: edit answered (median of ${th.loads} loads, min–max)`,
      spread(e.answered_ms),
      `≤ ${TARGETS.throttled_edit_s.toFixed(1)} s median`,
      verdict(e.answered_ms.median <= TARGETS.throttled_edit_s * 1000),
    ]);
  }
  if (th.gzip && th.brotli) {
    const b = (e) => `${kb(e.bytes.median)} KB`;
    rows.push([`${name}: transferred per load, gzip (brotli beside; CDP encodedDataLength, median)`, `${b(th.gzip)} (brotli ${b(th.brotli)})`, 'measured', '—']);
  }
  return rows;
}

async function main() {
  const t = await transfer();
  const b = JSON.parse(await readFile(browserJson, 'utf8'));
  const th = throttledJson && existsSync(throttledJson) ? JSON.parse(await readFile(throttledJson, 'utf8')).throttled : null;
  const ac = actualJson && existsSync(actualJson) ? JSON.parse(await readFile(actualJson, 'utf8')) : null;
  // The second module (loaded when first used), as a host would serve it.
  const { gzipSync, brotliCompressSync } = await import('node:zlib');
  const { readdirSync } = await import('node:fs');
  const tools = readdirSync('dist').filter((f) => /^tools-[0-9a-f]+(_bg\.wasm|\.js|\.css)$/.test(f));
  const toolsBytes = tools.map((f) => readFileSync(`dist/${f}`));
  const toolsGzip = toolsBytes.reduce((a, x) => a + gzipSync(x, { level: 9 }).length, 0);
  const toolsBrotli = toolsBytes.reduce((a, x) => a + brotliCompressSync(x).length, 0);
  const solveDefault = criterion('solve_default');
  const solve1000 = criterion('solve_rows-1000');
  const view1000 = criterion('view_rows-1000');
  const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? os.cpus()[0]?.model;
  const machine = `${cpu}, ${sh('nproc')} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${sh('rustc --version')}; Chromium ${b.chromium}; ${sh('uname -sr')}`;
  const date = sh('date -u +"%Y-%m-%d %H:%M UTC"');

  const rows = [
    ['Transfer, first visit (gzip -9, all files; brotli beside)', `${kb(t.total)} KB (brotli ${kb(t.brotli)} KB)`, `≤ ${TARGETS.transfer_kb} KB`, verdict(t.total <= TARGETS.transfer_kb * 1024)],
    [
      `First paint: table, app / static copy (median of ${b.first_paint.loads} loads each)`,
      `${ratio(b.first_paint.ratio, TARGETS.first_paint)} (${b.first_paint.app_ms.toFixed(1)} ms / ${b.first_paint.static_ms.toFixed(1)} ms)`,
      `≤ ${TARGETS.first_paint}×`,
      verdict(b.first_paint.ratio <= TARGETS.first_paint),
    ],
    [
      `Update: budget edit, 1,000 rows, app / the same page updated by plain JS (median of ${b.updates.edits} edits)`,
      `${ratio(b.updates.ratio, TARGETS.updates)} (${b.updates.app_ms.toFixed(1)} ms / ${b.updates.baseline_ms.toFixed(1)} ms)`,
      `≤ ${TARGETS.updates}×`,
      verdict(b.updates.ratio <= TARGETS.updates),
    ],
    [
      `Update, stricter: app / a page holding only the table, updated by plain JS (median of ${b.updates_table_only.edits} edits)`,
      `${ratio(b.updates_table_only.ratio, TARGETS.updates)} (${b.updates_table_only.app_ms.toFixed(1)} ms / ${b.updates_table_only.baseline_ms.toFixed(1)} ms)`,
      `≤ ${TARGETS.updates}× (stricter check)`,
      verdict(b.updates_table_only.ratio <= TARGETS.updates),
    ],
    ...(th ? throttledRows(th) : []),
    ['Second module (exports, plan against actual, plan B, Power Tuning): loaded when first used (gzip -9; brotli beside)', `${kb(toolsGzip)} KB (brotli ${kb(toolsBrotli)} KB)`, 'not in the first visit', '—'],
    ...(ac
      ? [
          [`Plan against actual: a ${(ac.file_bytes / 1e6).toFixed(0)} MB CUR 2.0 CSV read by the page (median of ${ac.runs.length})`, `${(ac.parse_ms_median / 1000).toFixed(2)} s`, 'measured', '—'],
          ['Plan against actual: the longest the main thread was busy while reading it (widest gap between two turns of a MessageChannel loop; worst run)', `${ac.longest_gap_ms_max.toFixed(1)} ms`, '< 50 ms (no long task)', verdict(ac.longest_gap_ms_max < 50)],
        ]
      : []),
    ['Solver, native: default scenario (criterion median)', time(solveDefault), 'measured', '—'],
    ['Solver, native: 1,000-row table (criterion median)', time(solve1000), 'measured', '—'],
    ['View model, native: 1,000-row table (criterion median)', time(view1000), 'measured', '—'],
  ];

  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length)));
  console.log('\nBackcast benchmarks');
  for (const r of rows) console.log(`  ${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  target ${r[2].padEnd(w[2])}  ${r[3]}`);

  const md = [];
  md.push('# Benchmarks');
  md.push('');
  md.push('Regenerated by `make bench` (a clean `dist/`, then every measurement below); do not edit by hand.');
  md.push('');
  md.push(`- Date: ${date}`);
  md.push(`- Machine: ${machine}`);
  md.push('');
  md.push('| figure | result | target | |');
  md.push('|---|---|---|---|');
  for (const r of rows) md.push(`| ${r.join(' | ')} |`);
  md.push('');
  md.push('## Transfer: what a first visit loads');
  md.push('');
  md.push('| file | raw | gzip -9 | brotli 11 |');
  md.push('|---|---:|---:|---:|');
  for (const f of t.files) md.push(`| ${f.name.replace(/-[0-9a-f]{16}/, '-…')} | ${f.raw.toLocaleString('en-US')} B | ${f.gzip.toLocaleString('en-US')} B | ${f.brotli.toLocaleString('en-US')} B |`);
  md.push(`| **total** | | **${t.total.toLocaleString('en-US')} B (${kb(t.total)} KB)** | **${t.brotli.toLocaleString('en-US')} B (${kb(t.brotli)} KB)** |`);
  md.push('');
  if (sizesMd && existsSync(sizesMd)) {
    md.push('## Where the wasm bytes go');
    md.push('');
    md.push(readFileSync(sizesMd, 'utf8').trim());
    md.push('');
  }
  md.push('## How each figure is measured');
  md.push('');
  md.push('- **Transfer**: `index.html` and every file it loads from `dist/` (stylesheet, JS glue, the wasm), each compressed with gzip -9 and with brotli at quality 11 (`scripts/transfer.mjs`, which the size gate of `make test` also uses).');
  md.push('- **First paint** (`bench/browser.mjs`): one loopback server serves `dist/` and a static copy of the prerendered `index.html` with its scripts and preloads stripped (and without the `bc-nojs` class on `<html>`, which hides `#app` from visitors without JavaScript and which its first script removes at once), both `no-store`. Headless Chromium loads each alternately, every load in a fresh context; the time is from navigation start to the first frame after the requests table has its first body row (a MutationObserver installed before the page runs, then `requestAnimationFrame` and one message-channel turn). Medians are compared.');
  const c = b.updates.changes;
  md.push(`- **Updates** (\`bench/browser.mjs\`): the app at \`?rows=1:1000:1\` against a plain-JavaScript page making the same DOM update. Each edit sets the budget ($8, $9, …) and dispatches an \`input\` event; it is timed to the first frame after the first row changed, after 20 warm-up edits (so V8 has moved the hot code to its optimizing tier). The app and both baselines stay open and take turns in blocks of 5 edits, so machine noise falls on all alike; the one set of app edits is compared with each baseline. Medians are compared.`);
  // Each kind of change the same-page baseline makes: how many, and where
  // (the nearest data-testid or id), as bench/browser.mjs recorded them.
  const places = (k) => {
    const w = k.where.map((x) => `\`${x}\``);
    return w.length > 6 ? `${w.slice(0, 5).join(', ')} and ${w.length - 5} more` : w.join(', ');
  };
  const kinds = [
    [c.sections, 'HTML sections, each set anew (`outerHTML`)'],
    [c.texts, 'texts of elements holding only text'],
    [c.runs, 'text runs beside element children (such as a legend label beside its colour key), each set as one text node'],
    [c.attributes, `attributes (${(c.attribute_names ?? []).map((n) => `\`${n}\``).join(', ')})`],
  ].filter(([k]) => k && k.count);
  const what = kinds.map(([k, name]) => `${k.count} ${name}: ${places(k)}`).join('; ');
  md.push(`  - **The same page** (the target's measure): the app's own page, its markup recorded from the app, whose script works out the 2,000 counts in floating point and sets each count's text node, and sets everything else a budget edit changes to what the app showed for that budget (${what}; of these, only those that change are set), recorded from the app beforehand with a MutationObserver. Before timing, the bench checks that after each edit its \`#app\` tree equals the app's.`);
  md.push('  - **Only the table** (stricter): `bench/baseline.html`, a page holding nothing but the budget field and the 1,000-row table with the same stylesheet, updating the counts, the highlighted row and the caption. It has less to lay out and updates less than the app does.');
  if (th) {
    const p = th.profile;
    const [la, lb] = th.load_average.map((x) => x.toFixed(1));
    const bytes = (e) => `${e.bytes.median.toLocaleString('en-US')} B`;
    const viewport = th.viewport === 'mobile' ? 'a phone-sized viewport (412 × 823, device scale 1.75, mobile, touch)' : 'a desktop viewport';
    md.push([
      '- **Throttled mobile** (`bench/throttled.mjs`): a first visit as a visitor on a slow phone has it.',
      '`bench/compressed-server.mjs` serves `dist/` on loopback compressed as a static host does: each file compressed once at start with the settings of `scripts/transfer.mjs` (gzip -9, brotli 11), the encoding forced per load, every response `no-store`.',
      `Each load is a fresh browser context with the cache off (\`Network.setCacheDisabled\`), ${viewport}, and the DevTools protocol's throttling:`,
      `\`Network.emulateNetworkConditions\` (${p.latency_ms} ms latency, ${p.download_bytes_per_s.toLocaleString('en-US')} B/s = ${(p.download_bytes_per_s * 8) / 1e6} Mbps down, ${p.upload_bytes_per_s.toLocaleString('en-US')} B/s = ${(p.upload_bytes_per_s * 8) / 1e3} kbps up) and \`Emulation.setCPUThrottlingRate\` ${p.cpu_slowdown}.`,
      'Both times run from navigation start.',
      '*First table*: the first frame after the prerendered requests table has its first body row, as for first paint above.',
      `*Edit answered*: at that moment the budget field is set to ${th.budget} with an \`input\` event, as a person typing, long before the wasm has arrived; the app applies it when it starts (\`typed_before_start\`, src/main.rs), and the time is the first frame after the 1 GB-s row's x86_64 count shows ${th.answer}, the page's count for $${th.budget} (read beforehand from an unthrottled load, by an ordinary edit once the app has started).`,
      `The two encodings take turns load by load after one uncounted load each; medians, with min–max, of ${th.loads} loads each.`,
      `A load transfers ${bytes(th.gzip)} with gzip and ${bytes(th.brotli)} with brotli (CDP \`encodedDataLength\`; each response's \`Content-Encoding\` is checked), and the app had started (\`window.backcast\`) at ${secs(th.gzip.started_ms.median)} with gzip, ${secs(th.brotli.started_ms.median)} with brotli (medians).`,
      `The CPU-bound parts grow with other work on the machine: its 1-minute load average was ${la} before these loads and ${lb} after.`,
    ].join(' '));
  }
  if (ac) {
    md.push(`- **Plan against actual** (\`bench/actual.mjs\`): a ${(ac.file_bytes / 1e6).toFixed(0)} MB Cost and Usage Report 2.0 CSV (${ac.line_items.toLocaleString('en-US')} line items over 30 days), handed to the page's file input in headless Chromium; the time runs from when the file has reached the page until the verdict shows (read in 1 MB blocks, parsed in 32 KB slices, the page given its turn every 12 ms), and the verdict is checked against the generator's total.`);
  }
  md.push('- **Solver** (`core/benches/solve.rs`, criterion): `solve` on the default scenario and on `rows=1:1000:1`, and `View::new` (the whole view model the page renders) for the latter.');
  md.push('');
  await writeFile('BENCHMARKS.md', md.join('\n'));
  console.log('\nwrote BENCHMARKS.md');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// The page's second module (src/tools_main.rs, `backcast-tools`), after
// `cargo build` has built its wasm: wasm-bindgen (`--target web`),
// wasm-opt with the page's own options (index.html's
// data-wasm-opt-params), terser for the glue, then the files go into
// dist/ under names that carry their content's hash, so a host may cache
// them for ever:
//   tools-<hash>.js, tools-<hash>_bg.wasm, tools-<hash>.css (styles/tools.css)
// index.html's loader (scripts/loader.mjs) loads them when first used;
// a first visit never does (the size gate counts only what index.html
// references, and tests/e2e/tools.spec.ts checks that no request for
// them is made).
//   node scripts/tools.mjs <dist> <backcast-tools.wasm>
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const [dist = 'dist', input] = process.argv.slice(2);
if (!input) throw new Error('tools: usage: node scripts/tools.mjs <dist> <backcast-tools.wasm>');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wasmOpt = join(root, 'node_modules', '.bin', 'wasm-opt');
const features = ['--enable-bulk-memory', '--enable-sign-ext', '--enable-nontrapping-float-to-int',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

// The same wasm-opt passes as the page's module.
const index = await readFile(join(root, 'index.html'), 'utf8');
const params = index.match(/data-wasm-opt-params="([^"]+)"/);
if (!params) throw new Error('tools: index.html has no data-wasm-opt-params');

const tmp = await mkdtemp(join(tmpdir(), 'backcast-tools-'));
execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', 'tools', input],
  { stdio: 'inherit' });
const wasmFile = join(tmp, 'tools_bg.wasm');
execFileSync(wasmOpt, [...features, ...params[1].split(/\s+/), wasmFile, '-o', wasmFile], { stdio: 'inherit' });
const wasm = await readFile(wasmFile);
const glue = await readFile(join(tmp, 'tools.js'), 'utf8');
const css = await readFile(join(root, 'styles', 'tools.css'));
await rm(tmp, { recursive: true, force: true });

for (const old of (await readdir(dist)).filter((f) => /^tools-[0-9a-f]+(_bg\.wasm|\.js|\.css)$/.test(f))) {
  await rm(join(dist, old));
}
const hash = (b) => createHash('sha256').update(b).digest('hex').slice(0, 16);
const wasmName = `tools-${hash(wasm)}_bg.wasm`;
if (!glue.includes("'tools_bg.wasm'")) throw new Error("tools: the glue does not name 'tools_bg.wasm'");
const out = await minify(glue.replace("'tools_bg.wasm'", JSON.stringify(wasmName)), { module: true, compress: true, mangle: true });
if (!out.code) throw new Error('tools: terser gave no output');
const jsName = `tools-${hash(out.code)}.js`;
const cssName = `tools-${hash(css)}.css`;
await writeFile(join(dist, wasmName), wasm);
await writeFile(join(dist, jsName), out.code);
await writeFile(join(dist, cssName), css);
console.log(`tools: ${jsName} ${out.code.length} B, ${wasmName} ${wasm.length} B, ${cssName} ${css.length} B`);

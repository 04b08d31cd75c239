// Shrinks what wasm-bindgen writes, after `trunk build` (`make dist` runs
// this; Trunk itself minifies only the HTML and CSS):
//   1. wasm-opt --minify-imports-and-exports-and-modules renames the wasm's
//      imports, their module and its exports (`__wbg_remove_8228e91d7ddbc755`
//      from "./backcast-web_bg.js", closure shims with 150-character names)
//      to one or two letters, and the JS glue is rewritten to the same names
//      from the map wasm-opt prints: 2.3 KB gzip less;
//   2. terser minifies the JS glue.
// Files keep their names; each `integrity` sha384 in index.html is
// recomputed for the new bytes.
//   node scripts/minify.mjs [dist]
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const dist = process.argv[2] ?? 'dist';
const wasmOpt = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin', 'wasm-opt');
// What rustc 1.95 emits for wasm32 (toolchain.md); wasm-opt must be told.
const features = ['--enable-bulk-memory', '--enable-sign-ext', '--enable-nontrapping-float-to-int',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
const page = join(dist, 'index.html');
let html = await readFile(page, 'utf8');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces the sha384 of `name` in index.html (quoted or not, as Trunk writes it). */
function setIntegrity(name, bytes) {
  const sri = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  const link = new RegExp(`(href="?\\./${escape(name)}"?[^>]*?integrity=)"?sha384-[A-Za-z0-9+/=]+"?`);
  if (!link.test(html)) throw new Error(`minify: no integrity attribute for ${name} in index.html`);
  html = html.replace(link, `$1${sri}`);
}

/** Replaces each match of `from` in `text`, and checks there was one. */
function rename(text, from, to, what) {
  const rx = new RegExp(from, 'g');
  if (!rx.test(text)) throw new Error(`minify: ${what} not found in the JS glue`);
  return text.replace(rx, to);
}

const files = await readdir(dist);
for (const wasmName of files.filter((f) => f.endsWith('_bg.wasm'))) {
  const jsName = wasmName.replace(/_bg\.wasm$/, '.js');
  const wasmFile = join(dist, wasmName);
  const jsFile = join(dist, jsName);
  const before = (await readFile(wasmFile)).length;
  const map = JSON.parse(execFileSync(wasmOpt, [...features, '--minify-imports-and-exports-and-modules',
    wasmFile, '-o', wasmFile], { encoding: 'utf8', maxBuffer: 1 << 24 }));
  const wasm = await readFile(wasmFile);
  const modules = [...new Set(WebAssembly.Module.imports(new WebAssembly.Module(wasm)).map((i) => i.module))];
  const oldModules = [...new Set(map.imports.map(([m]) => m))];
  if (modules.length !== 1 || oldModules.length !== 1) {
    throw new Error(`minify: expected one import module, found ${oldModules} -> ${modules}`);
  }
  let js = await readFile(jsFile, 'utf8');
  js = rename(js, `"${escape(oldModules[0])}"(?=\\s*:)`, JSON.stringify(modules[0]), `module ${oldModules[0]}`);
  // Imports are keys of the glue's import object: `__wbg_x_hash: function`.
  for (const [, base, short] of map.imports) {
    js = rename(js, `\\b${escape(base)}(?=\\s*:)`, short, `import ${base}`);
  }
  // Exports are read as `wasm.name` (some, such as `main`, never are).
  for (const [name, short] of map.exports) {
    js = js.replace(new RegExp(`\\bwasm\\.${escape(name)}\\b`, 'g'), `wasm.${short}`);
  }
  if (/\bwasm\[/.test(js)) throw new Error('minify: the JS glue reads a wasm export by a computed name');
  console.log(`minify: ${wasmName} ${before} -> ${wasm.length} bytes (${map.imports.length} imports, ${map.exports.length} exports renamed)`);
  setIntegrity(wasmName, wasm);
  await writeFile(jsFile, js);
}

for (const name of (await readdir(dist)).filter((f) => f.endsWith('.js'))) {
  const file = join(dist, name);
  const source = await readFile(file, 'utf8');
  const out = await minify(source, { module: true, compress: true, mangle: true });
  if (!out.code) throw new Error(`minify: terser gave no output for ${name}`);
  await writeFile(file, out.code);
  setIntegrity(name, out.code);
  console.log(`minify: ${name} ${source.length} -> ${out.code.length} bytes`);
}
await writeFile(page, html);

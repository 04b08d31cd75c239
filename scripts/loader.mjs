// Rewrites the module loader Trunk writes into dist/index.html so that a
// failed start is reported (issue 11). Trunk's loader is
//   import init, * as bindings from './x.js';
//   const wasm = await init({ module_or_path: './x_bg.wasm' }); ...
// A static import that cannot be fetched, or an init that rejects (the
// wasm blocked, a 404, a truncated module, no WebAssembly), ends that
// module script with an error no handler can tell from anyone else's. The
// new loader imports the glue dynamically and hands any failure of the
// import, the fetch, the compile or the start to index.html's
// `__bcStartFailed`, which shows what failed and what to do.
//   node scripts/loader.mjs [dist]
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const page = join(process.argv[2] ?? 'dist', 'index.html');
const html = await readFile(page, 'utf8');
const loader = /<script type="?module"?>\s*import init, \* as bindings from '(\.\/[\w.-]+\.js)';\s*const wasm = await init\(\{ module_or_path: '(\.\/[\w.-]+\.wasm)' \}\);[\s\S]*?<\/script>/;
const m = html.match(loader);
if (!m) throw new Error(`loader: Trunk's module loader not found in ${page}`);
if (!html.includes('__bcStartFailed')) throw new Error(`loader: ${page} has no __bcStartFailed handler`);
const [, js, wasm] = m;
const script =
  `<script type=module>import(${JSON.stringify(js)}).then(function(m){return m.default({module_or_path:${JSON.stringify(wasm)}})})` +
  `.then(function(w){dispatchEvent(new CustomEvent("TrunkApplicationStarted",{detail:{wasm:w}}))},function(e){__bcStartFailed(e)})</script>`;
await writeFile(page, html.replace(loader, script));
console.log(`loader: ${js} and ${wasm} load through a loader that reports a failed start`);

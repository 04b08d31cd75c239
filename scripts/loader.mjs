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
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const page = join(process.argv[2] ?? 'dist', 'index.html');
const html = await readFile(page, 'utf8');
const loader = /<script type="?module"?>\s*import init, \* as bindings from '(\.\/[\w.-]+\.js)';\s*const wasm = await init\(\{ module_or_path: '(\.\/[\w.-]+\.wasm)' \}\);[\s\S]*?<\/script>/;
const m = html.match(loader);
if (!m) throw new Error(`loader: Trunk's module loader not found in ${page}`);
if (!html.includes('__bcStartFailed')) throw new Error(`loader: ${page} has no __bcStartFailed handler`);
const [, js, wasm] = m;
// The second module (scripts/tools.mjs), loaded when first used: T(tool)
// loads it once (its stylesheet too) and renders the tools with `tool`
// open; T() only loads it (`backcast.tools()`, the JavaScript API). A
// click on a tools button of the static markup (`data-tool`) before it
// loaded, or a link whose fragment holds plan B (`b`, `b.<key>`) or a
// summary of actual spend (`actual.<key>`) or Power Tuning measurements
// (`tuning`), loads it. A failed load says
// so in the tools' section and may be tried again.
const dir = await readdir(dirname(page));
const tools = (ext) => {
  const f = dir.filter((n) => new RegExp(`^tools-[0-9a-f]+${ext}$`).test(n));
  if (f.length !== 1) throw new Error(`loader: expected one tools-*${ext} in ${dirname(page)}, found ${f.length} (scripts/tools.mjs)`);
  return f[0];
};
const toolsJs = tools('\\.js'), toolsCss = tools('\\.css');
const lazy =
  `var P,d=document,T=function(t){if(!P){var l=d.createElement("link");l.rel="stylesheet";l.href=${JSON.stringify(toolsCss)};d.head.appendChild(l);` +
  `P=import(${JSON.stringify('./' + toolsJs)}).then(function(m){return m.default().then(function(){return m})});` +
  `P.catch(function(e){P=0;var s=d.getElementById("tools"),p=d.createElement("p");p.className="error";p.setAttribute("role","alert");p.textContent="The tools did not load ("+e+"). Try again, or reload the page.";s&&s.appendChild(p)})}` +
  `return P.then(function(m){t!=null&&m.start(t);return m})};` +
  `addEventListener("click",function(e){var b=!P&&e.target.closest&&e.target.closest("[data-tool]");b&&T(b.dataset.tool)});`;
const script =
  `<script type=module>${lazy}import(${JSON.stringify(js)}).then(function(m){return m.default({module_or_path:${JSON.stringify(wasm)}})})` +
  `.then(function(w){dispatchEvent(new CustomEvent("TrunkApplicationStarted",{detail:{wasm:w}}));backcast.tools=function(){return T()};/[#&](b[.=&]|b$|actual\\.|tuning=)/.test(location.hash)&&T("")},function(e){__bcStartFailed(e)})</script>`;
await writeFile(page, html.replace(loader, script));
console.log(`loader: ${js} and ${wasm} load through a loader that reports a failed start; ${toolsJs} and ${toolsCss} when first used`);

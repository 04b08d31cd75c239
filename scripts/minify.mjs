// Minifies the JavaScript glue that wasm-bindgen writes (Trunk minifies the
// HTML and CSS, not this file): 7.1 KB -> 5.5 KB gzip. Run right after
// `trunk build`; `make dist` does. The file keeps its name; the sha384 in
// index.html's `integrity` attributes is recomputed for the new bytes.
//   node scripts/minify.mjs [dist]
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { minify } from 'terser';

const dist = process.argv[2] ?? 'dist';
const page = join(dist, 'index.html');
let html = await readFile(page, 'utf8');

for (const name of (await readdir(dist)).filter((f) => f.endsWith('.js'))) {
  const file = join(dist, name);
  const source = await readFile(file, 'utf8');
  const out = await minify(source, { module: true, compress: true, mangle: true });
  if (!out.code) throw new Error(`minify: terser gave no output for ${name}`);
  await writeFile(file, out.code);
  const sri = `sha384-${createHash('sha384').update(out.code, 'utf8').digest('base64')}`;
  // Trunk writes the attribute unquoted (minified HTML) or quoted.
  const link = new RegExp(`(href="?\\./${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?[^>]*?integrity=)"?sha384-[A-Za-z0-9+/=]+"?`);
  const before = html;
  html = html.replace(link, `$1${sri}`);
  if (html === before && /integrity=/.test(html)) {
    throw new Error(`minify: no integrity attribute for ${name} in index.html`);
  }
  console.log(`minify: ${name} ${source.length} -> ${out.code.length} bytes`);
}
await writeFile(page, html);

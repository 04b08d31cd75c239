// What a first visit transfers: dist/index.html and every file it
// references (stylesheet, JS glue, the wasm the loader points at), each
// compressed as a static host would serve it: gzip -9 and brotli (quality
// 11). Shared by the size gate (scripts/size-gate.mjs, in `make test`) and
// `make bench` (bench/report.mjs), so both count the same bytes.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { join } from 'node:path';

/** `{files: [{name, raw, gzip, brotli}], gzip, brotli}` for `dist`. */
export async function firstVisit(dist) {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const names = new Set(['index.html']);
  for (const m of html.matchAll(/(?:href|src|module_or_path:)\s*=?\s*["']?\.\/([^"' >]+)/g)) names.add(m[1]);
  const files = [];
  for (const name of [...names].sort()) {
    const path = join(dist, name);
    if (!existsSync(path)) continue;
    const body = await readFile(path);
    files.push({
      name,
      raw: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
      brotli: brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }).length,
    });
  }
  const sum = (k) => files.reduce((a, f) => a + f[k], 0);
  return { files, gzip: sum('gzip'), brotli: sum('brotli') };
}

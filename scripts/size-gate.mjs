// The first-visit size gate of `make test`: HTML, JS, CSS and wasm
// together, gzip -9, at most LIMIT bytes (140 KB). Size is deterministic
// for the pinned toolchain (rust-toolchain.toml) and tools, so this is a
// gate, not a benchmark.
//   node scripts/size-gate.mjs [dist]
import { firstVisit } from './transfer.mjs';

const LIMIT = 140 * 1024;
const dist = process.argv[2] ?? 'dist';
const t = await firstVisit(dist);
for (const f of t.files) {
  console.log(`${f.name.padEnd(40)} ${String(f.raw).padStart(8)} B raw ${String(f.gzip).padStart(8)} B gzip ${String(f.brotli).padStart(8)} B brotli`);
}
const kb = (b) => (b / 1024).toFixed(1);
const files = t.files.map((f) => f.name);
if (!files.some((n) => n.endsWith('.wasm')) || !files.some((n) => n.endsWith('.js'))) {
  console.error(`size gate: index.html references no wasm or no JS (found ${files.join(', ')})`);
  process.exit(1);
}
const line = `first visit: ${t.gzip} B gzip -9 (${kb(t.gzip)} KB), ${t.brotli} B brotli; limit ${LIMIT} B (${kb(LIMIT)} KB)`;
if (t.gzip > LIMIT) {
  console.error(`size gate FAILED: ${line}, over by ${t.gzip - LIMIT} B`);
  process.exit(1);
}
console.log(`size gate: ${line}, ${LIMIT - t.gzip} B left`);

// Checks that the release wasm was built as the Makefile means it to be
// (issue 11): with the standard library compiled along with the app
// (-Zbuild-std) and panic = immediate-abort. Either option falling away (a
// toolchain that renamed it, a build run without RELEASE_WASM_ENV) leaves
// panic locations in the data section: source paths such as
// `/rustc/<hash>/library/core/src/fmt/mod.rs` (the prebuilt standard
// library) or `.../src/scenario.rs` (a panic that formats its location).
// With both, a panic is a bare trap and no `.rs` path is left at all.
//   node scripts/check-wasm.mjs [dist]
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const wasms = (await readdir(dist)).filter((f) => f.endsWith('.wasm'));
if (wasms.length !== 1) throw new Error(`check-wasm: expected one .wasm in ${dist}, found ${wasms.length}`);
const text = (await readFile(join(dist, wasms[0]))).toString('latin1');
const paths = [...new Set(text.match(/[\w./-]*\/[\w.-]+\.rs\b/g) ?? [])];
if (paths.length > 0) {
  const prebuilt = paths.some((p) => p.includes('/rustc/'));
  console.error(`check-wasm: ${wasms[0]} holds ${paths.length} Rust source path(s), e.g.`);
  for (const p of paths.slice(0, 5)) console.error(`  ${p}`);
  console.error(
    prebuilt
      ? 'The prebuilt standard library is linked: -Zbuild-std did not apply.'
      : 'Panics format their location: -Cpanic=immediate-abort did not apply.',
  );
  console.error('Build with `make dist` (RELEASE_WASM_ENV), on the toolchain of rust-toolchain.toml; a toolchain update must re-check these option names (README, "Toolchain updates").');
  process.exit(1);
}
console.log(`check-wasm: ${wasms[0]}: no Rust source paths (build-std and immediate-abort applied)`);

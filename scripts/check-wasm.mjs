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
// The page's module and the second one (scripts/tools.mjs).
if (wasms.length !== 2 || wasms.filter((f) => f.startsWith('tools-')).length !== 1) {
  throw new Error(`check-wasm: expected the page's .wasm and one tools-*.wasm in ${dist}, found ${wasms.join(', ')}`);
}
for (const wasm of wasms) {
  const text = (await readFile(join(dist, wasm))).toString('latin1');
  const paths = [...new Set(text.match(/[\w./-]*\/[\w.-]+\.rs\b/g) ?? [])];
  if (paths.length > 0) {
    const prebuilt = paths.some((p) => p.includes('/rustc/'));
    console.error(`check-wasm: ${wasm} holds ${paths.length} Rust source path(s), e.g.`);
    for (const p of paths.slice(0, 5)) console.error(`  ${p}`);
    console.error(
      prebuilt
        ? 'The prebuilt standard library is linked: -Zbuild-std did not apply.'
        : 'Panics format their location: -Cpanic=immediate-abort did not apply.',
    );
    console.error('Build with `make dist` (RELEASE_WASM_ENV), on the toolchain of rust-toolchain.toml; a toolchain update must re-check these option names (README, "Toolchain updates").');
    process.exit(1);
  }
  console.log(`check-wasm: ${wasm}: no Rust source paths (build-std and immediate-abort applied)`);
}

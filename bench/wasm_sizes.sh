#!/usr/bin/env bash
# Where the wasm's bytes go, by dependency: prints a markdown table.
# Builds the same release wasm as Trunk (feature csr; `make bench` passes the
# release build settings of `make dist` in the environment), runs wasm-bindgen
# keeping the names section and wasm-opt -Oz keeping names (-g), then sums
# twiggy's per-function sizes by owner (bench/size_by_crate.py).
#   bash bench/wasm_sizes.sh [out-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
out=${1:-$target/bench}
mkdir -p "$out"
cargo build --quiet --release --target wasm32-unknown-unknown --features csr --bin backcast-web >&2
rm -rf "$out/wb"
wasm-bindgen --target web --keep-debug --out-dir "$out/wb" \
  "$target/wasm32-unknown-unknown/release/backcast-web.wasm" >&2
features=(--enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
wasm-opt -Oz --flatten --rereloop -Oz --local-cse -Oz --flatten --rereloop -Oz --local-cse -Oz -g "${features[@]}" "$out/wb/backcast-web_bg.wasm" -o "$out/named.wasm"
wasm-opt -Oz --flatten --rereloop -Oz --local-cse -Oz --flatten --rereloop -Oz --local-cse -Oz --strip-producers --strip-target-features "${features[@]}" --strip-debug "$out/wb/backcast-web_bg.wasm" -o "$out/shipped.wasm"
gz=$(gzip -9c "$out/shipped.wasm" | wc -c)
twiggy top -f csv "$out/named.wasm" > "$out/twiggy.csv"
echo "Release wasm as Trunk builds it (before scripts/minify.mjs shortens its import and export names): $(stat -c %s "$out/shipped.wasm") bytes, $gz gzip -9. By owner (twiggy, names kept for the count only):"
echo
python3 bench/size_by_crate.py "$out/twiggy.csv" "$gz"

#!/usr/bin/env python3
"""Attributes the bytes of an optimized wasm (with a names section) to crates.

    python3 bench/size_by_crate.py twiggy.csv [gzip_total] > table.md

Reads `twiggy top -a --format csv` of the release wasm after wasm-opt -Oz
(kept with -g, so functions have names) and sums shallow bytes by owner:
each dependency, our crates, float formatting/parsing in core, and data.
With the gzip size of the shipped wasm, also shows each owner's share of
it (an estimate: gzip works on the whole file, not per function).
"""
import csv
import re
import sys

GROUPS = [
    ("float formatting (core::fmt, flt2dec)", re.compile(r"flt2dec|fmt::float|float_to_|format_shortest|format_exact|grisu|dragon")),
    ("float parsing (core dec2flt)", re.compile(r"dec2flt|<f64 as core\S*::str::traits::FromStr>|<f32 as core\S*::str::traits::FromStr>")),
    ("backcast-core (ours)", re.compile(r"^<?&?(mut )?backcast_core")),
    ("backcast web/components (ours)", re.compile(r"^<?&?(mut )?(backcast|backcast_web)::")),
    ("rust_decimal", re.compile(r"rust_decimal")),
    ("serde-wasm-bindgen", re.compile(r"serde_wasm_bindgen")),
    ("serde", re.compile(r"^<?&?(mut )?serde(_core)?::")),
    ("form_urlencoded / percent-encoding", re.compile(r"form_urlencoded|percent_encoding")),
    ("yew (with our components' monomorphized view code)", re.compile(r"yew|implicit_clone|prokio|tokise")),
    ("wasm-bindgen / js-sys / web-sys", re.compile(r"wasm_bindgen|js_sys|web_sys|__wbg|__wbindgen|externref")),
    ("allocator (dlmalloc)", re.compile(r"dlmalloc")),
    ("hashbrown / indexmap / slab", re.compile(r"hashbrown|indexmap|slab::")),
    ("futures", re.compile(r"futures")),
    ("core::fmt (other)", re.compile(r"core\S*::fmt|<core\S*::fmt|Formatter|fmt::Display|fmt::Debug|fmt::write")),
    ("compiler_builtins / libm", re.compile(r"compiler_builtins|libm")),
    ("std / alloc / core (other)", re.compile(r"^<?&?(mut )?(std|alloc|core)\W|<(std|alloc|core)\W|<\[|<&|<str|<char|<u\d+|<i\d+|<usize|<bool")),
]


def owner(name: str) -> str:
    # A standard library built with the app (-Z build-std) names its crates
    # with a hash: `std[a543996e6e7dbf1e]::…`.
    name = re.sub(r"\[[0-9a-f]{16}\]", "", name)
    if name.startswith("data segment"):
        return "data (string/tables, all crates)"
    if name.startswith('"function names"') or name.startswith("custom section"):
        return "(names section, not shipped)"
    for label, rx in GROUPS:
        if rx.search(name):
            return label
    return "other (tables, glue, unnamed)"


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "-"
    rows = csv.DictReader(open(path) if path != "-" else sys.stdin)
    totals: dict[str, int] = {}
    for row in rows:
        name = row["Name"]
        if name.startswith("Σ") or name.startswith("..."):
            continue
        size = int(row["ShallowSize"])
        key = owner(name)
        totals[key] = totals.get(key, 0) + size
    gz = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    shipped = sum(v for k, v in totals.items() if not k.startswith("(names"))
    print("| owner | bytes (raw, after wasm-opt -Oz) | share | ≈ gzip |")
    print("|---|---:|---:|---:|")
    for k, v in sorted(totals.items(), key=lambda kv: -kv[1]):
        if k.startswith("(names"):
            continue
        est = f"{gz * v / shipped / 1024:.1f} KB" if gz else "—"
        print(f"| {k} | {v:,} | {100 * v / shipped:.1f}% | {est} |")
    total_gz = f"**{gz / 1024:.1f} KB**" if gz else "—"
    print(f"| **total code + data** | **{shipped:,}** | 100% | {total_gz} |")


if __name__ == "__main__":
    main()

# Backcast build and test entry points. Every target installs what it needs
# on a fresh Debian 12 machine (as root) and is quick when all is in place.
# Facts behind the pins: README.md, "Toolchain updates", and docs/toolchain.md.
#
#   make tools   install the toolchain (idempotent)
#   make dist    release build into dist/ (relative asset URLs), with the
#                default page prerendered into dist/index.html
#   make serve   dist, then serve it on http://127.0.0.1:8080/
#   make test    fmt, clippy (host + wasm), native tests, wasm tests in
#                headless Chromium, dist, Playwright end-to-end
#   make prices  regenerate the bundled price book (core/src/books/) from the
#                AWS Price List offer files in prices/offers/<book>/ and the
#                assumptions in prices/<book>/assumed.json (tools/pricegen)
#   make bench   from a clean dist/: transfer size, first paint against a
#                static copy, 1,000-row updates against plain JS, native
#                solver time, a first visit on a throttled mobile profile
#                (served gzip and brotli), a 50 MB billing export read by the
#                page; prints each beside its target and writes
#                BENCHMARKS.md (never part of `make test`)
#   make clean

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := test

RUST_VERSION         := 1.95.0
TRUNK_VERSION        := 0.21.14
TWIGGY_VERSION       := 0.8.0
WASM_BINDGEN_VERSION := 0.2.130
WASM_TARGET          := wasm32-unknown-unknown
SERVE_PORT           ?= 8080

# wasm-opt (npm binaryen@132) and the cargo-installed tools come first, so
# Trunk finds the pinned versions and never tries to download its own.
# Tools cargo installs land in $CARGO_HOME/bin (~/.cargo/bin by default);
# recipes call them by name, so that directory is on the PATH too.
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export DEBIAN_FRONTEND := noninteractive

TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)

section = @printf '\n\033[1m==== %s ====\033[0m\n' "$(1)"

.PHONY: prices mutants tools-mutants fetch check-wasm size-gate dist-debug fuzz fuzz-short all tools tools-rust tools-trunk tools-wasm-bindgen tools-apt tools-node \
        dist serve test fmt clippy clippy-wasm test-native test-wasm e2e bench tools-twiggy clean

all: test

# ---------------------------------------------------------------- tools ----

tools: tools-apt tools-rust tools-node tools-wasm-bindgen tools-trunk tools-geckodriver

# The pinned toolchain (rust-toolchain.toml). Any other rustc stops here:
# the release build's unstable option names (-Zbuild-std,
# -Cpanic=immediate-abort) are those of Rust $(RUST_VERSION).
tools-rust:
	@v=$$(rustc -V 2>/dev/null | cut -d' ' -f2); if [ "$$v" != "$(RUST_VERSION)" ]; then \
	  echo "error: Backcast builds with Rust $(RUST_VERSION) (rust-toolchain.toml), but rustc here is '$${v:-missing}'." >&2; \
	  echo "  The release wasm enables -Zbuild-std and -Cpanic=immediate-abort on that stable toolchain (RUSTC_BOOTSTRAP=1);" >&2; \
	  echo "  their names and behaviour are checked for $(RUST_VERSION) only. Unset RUSTUP_TOOLCHAIN / drop '+toolchain'," >&2; \
	  echo "  or update rust-toolchain.toml and the Makefile together (README, 'Toolchain updates')." >&2; \
	  exit 1; \
	fi
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' \
	  || rustup target add $(WASM_TARGET)
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src

tools-trunk: tools-rust
	@if trunk --version 2>/dev/null | grep -qw '$(TRUNK_VERSION)'; then :; else \
	  echo "installing trunk $(TRUNK_VERSION) (about 10 minutes on 2 cores)"; \
	  cargo install --locked trunk@$(TRUNK_VERSION); \
	fi

# No --locked: it fails on a yanked webpki-roots. Also gives
# wasm-bindgen-test-runner. Must equal the wasm-bindgen pinned in Cargo.toml.
tools-wasm-bindgen: tools-rust
	@if wasm-bindgen --version 2>/dev/null | grep -qw '$(WASM_BINDGEN_VERSION)' \
	    && command -v wasm-bindgen-test-runner >/dev/null; then :; else \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 5 minutes)"; \
	  cargo install --force wasm-bindgen-cli@$(WASM_BINDGEN_VERSION); \
	fi

# Firefox ESR's WebDriver, for the wasm tests in a second engine.
GECKODRIVER_VERSION := 0.37.1
tools-geckodriver: tools-rust
	@if geckodriver --version 2>/dev/null | grep -qw '$(GECKODRIVER_VERSION)'; then :; else \
	  echo "installing geckodriver $(GECKODRIVER_VERSION) (a few minutes)"; \
	  cargo install --locked geckodriver@$(GECKODRIVER_VERSION); \
	fi

# Debian packages: one apt-get update, and only when something is missing.
tools-apt:
	@pkgs=""; \
	[ -x /usr/bin/chromium ] || pkgs="$$pkgs chromium"; \
	[ -x /usr/bin/chromedriver ] || pkgs="$$pkgs chromium-driver"; \
	[ -x /usr/bin/firefox-esr ] || pkgs="$$pkgs firefox-esr"; \
	command -v npm >/dev/null || pkgs="$$pkgs nodejs npm"; \
	command -v python3 >/dev/null || pkgs="$$pkgs python3"; \
	if [ -n "$$pkgs" ]; then \
	  echo "apt-get install:$$pkgs"; \
	  apt-get update; \
	  apt-get install -y $$pkgs; \
	fi

# wasm-opt 132 (binaryen) and Playwright. Never `npx playwright install`:
# tests use Debian's /usr/bin/chromium.
tools-node: node_modules/.installed

node_modules/.installed: package-lock.json package.json | tools-apt
	npm ci --no-audit --no-fund
	@touch $@

# Everything an --offline build reads from the cargo registry: the
# project's crates (Cargo.lock, every target), and the standard library's
# own crates.io dependencies (rust-src's library/Cargo.lock), which
# -Zbuild-std compiles. Trunk runs cargo with --offline, so on a machine
# whose registry is empty (a fresh CARGO_HOME) this is what makes the
# release build possible. Quick when all is cached.
STD_MANIFEST = $$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml
fetch: tools-rust
	$(call section,cargo fetch: the project's crates and the standard library's)
	cargo fetch --locked
	RUSTC_BOOTSTRAP=1 cargo fetch --locked --manifest-path "$(STD_MANIFEST)"

# --------------------------------------------------------------- prices ----

# The bundled price book is the generator's output, checked in: a price
# update is new offer files and a regenerated file, never hand edits (a test,
# tools/pricegen/tests/bundled.rs, fails if the file differs from this
# output). With AWS's own files: put them (the Price List Bulk API's
# per-service index.json, or its per-region files) in prices/offers/<book>/.
PRICE_BOOK ?= 2026-12
prices:
	$(call section,price book $(PRICE_BOOK) from prices/offers/$(PRICE_BOOK))
	cargo run --quiet -p backcast-pricegen -- --book $(PRICE_BOOK) \
	  --offers prices/offers/$(PRICE_BOOK) --assumed prices/$(PRICE_BOOK)/assumed.json \
	  --out core/src/books/b$(subst -,_,$(PRICE_BOOK)).rs

# ---------------------------------------------------------------- build ----

# The release wasm is built with the Rust standard library compiled along
# with the app (size-optimised, -Z build-std from the toolchain's rust-src)
# and panic = immediate-abort: no panic formatting or unwinding code, 17 KB
# gzip less (BENCHMARKS.md). Both are unstable cargo/rustc options, enabled
# on the pinned stable toolchain for this one build only (RUSTC_BOOTSTRAP);
# every other build and test uses plain stable. A panic then stops the
# module with a trap, which index.html's error handler turns into a message.
# `make bench` runs bench/wasm_sizes.sh with the same settings.
#
# The flags go in CARGO_ENCODED_RUSTFLAGS (arguments separated by 0x1f), the
# one source of rustflags that cargo prefers to every other: a RUSTFLAGS or
# a [build] rustflags in the environment cannot replace them. With --target
# (Trunk passes it) they reach the wasm only, never build scripts.
# scripts/check-wasm.mjs then checks the built wasm for their effect.
RELEASE_WASM_ENV := RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_ENCODED_RUSTFLAGS=$$'-Zunstable-options\x1f-Cpanic=immediate-abort'

dist: tools fetch
	$(call section,trunk build --release --offline -> dist/)
	env $(RELEASE_WASM_ENV) trunk build --release --offline --minify --public-url ./
	node scripts/minify.mjs dist
	$(call section,the second module: backcast-tools -> dist/tools-*, loaded when first used)
	env $(RELEASE_WASM_ENV) cargo build --release --offline --target $(WASM_TARGET) --features tools,csr --bin backcast-tools
	node scripts/tools.mjs dist $(TARGET_DIR)/$(WASM_TARGET)/release/backcast-tools.wasm
	node scripts/loader.mjs dist
	$(call section,prerender the default page into dist/index.html (Yew SSR))
	cargo run --quiet --features ssr --bin prerender -- dist/index.html
	node scripts/csp.mjs dist
	node scripts/check-wasm.mjs dist

# A debug build (no wasm-opt) for tests of what exists only in debug builds.
dist-debug: tools fetch
	$(call section,trunk build (debug) -> target/dist-debug/)
	trunk build --offline --public-url ./ --dist target/dist-debug

serve: dist
	$(call section,serving dist/ on http://127.0.0.1:$(SERVE_PORT)/ (Ctrl-C stops))
	python3 -m http.server $(SERVE_PORT) --bind 127.0.0.1 --directory dist

# ----------------------------------------------------------------- test ----

test: tools
	@$(MAKE) --no-print-directory fmt clippy clippy-wasm test-native fuzz-short test-wasm dist size-gate dist-debug e2e
	$(call section,make test: all passed)

fmt:
	$(call section,1/7 cargo fmt --all --check)
	cargo fmt --all --check

clippy:
	$(call section,2/7 cargo clippy (host))
	cargo clippy --workspace --all-targets --features ssr -- -D warnings

clippy-wasm:
	$(call section,3/7 cargo clippy (wasm32 + csr))
	cargo clippy --target $(WASM_TARGET) --features csr --lib --bins --tests -- -D warnings
	cargo clippy --target $(WASM_TARGET) --features tools,csr --bin backcast-tools -- -D warnings

test-native:
	$(call section,4/7 cargo test --workspace (native))
	cargo test --workspace --features ssr

test-wasm:
	$(call section,5/7 wasm-bindgen-test in headless Chromium)
	cargo test --target $(WASM_TARGET) --features csr --lib --tests
	$(call section,5/7 wasm-bindgen-test in headless Firefox ESR)
	env -u CHROMEDRIVER GECKODRIVER=$$(command -v geckodriver) \
	  cargo test --target $(WASM_TARGET) --features csr --lib --tests

# (6/7 is `dist`.) The first visit's size, gzip -9, at most 140 KB.
size-gate:
	$(call section,6/7 size gate: first visit at most 140 KB gzip)
	node scripts/size-gate.mjs dist

e2e:
	$(call section,7/7 Playwright end-to-end against dist/)
	npx --no-install playwright test

# Fuzzing of the decoders and the solver (core/tests/fuzz.rs). Inside
# `make test`: a fixed 150,000 executions from a fixed seed (about a
# minute), so every machine tries the same inputs. `make fuzz`: FUZZ_SECONDS
# (default 600) from a new seed each run (printed; FUZZ_SEED=n repeats one).
fuzz-short:
	$(call section,fuzz: decoders and solver, 150000 fixed executions (release))
	FUZZ_CASES=150000 cargo test --release -p backcast-core --test fuzz -- --nocapture

FUZZ_SECONDS ?= 600
FUZZ_SEED ?= $(shell date +%s)
fuzz:
	$(call section,fuzz: decoders and solver for $(FUZZ_SECONDS) s from seed $(FUZZ_SEED) (release))
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_SEED=$(FUZZ_SEED) cargo test --release -p backcast-core --test fuzz -- --nocapture

# twiggy (wasm size profiler) for `make bench` only: about 3 minutes.
tools-twiggy: tools-rust
	@if twiggy --version 2>/dev/null | grep -qw '$(TWIGGY_VERSION)'; then :; else \
	  echo "installing twiggy $(TWIGGY_VERSION)"; \
	  cargo install --locked twiggy@$(TWIGGY_VERSION); \
	fi

BENCH_OUT := $(TARGET_DIR)/bench
CRITERION_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)/criterion

bench: tools tools-twiggy
	$(call section,bench 1/6: clean release build)
	rm -rf dist $(BENCH_OUT) $(CRITERION_DIR)
	mkdir -p $(BENCH_OUT)
	@$(MAKE) --no-print-directory dist
	$(call section,bench 2/6: wasm bytes by dependency (twiggy))
	env $(RELEASE_WASM_ENV) bash bench/wasm_sizes.sh $(BENCH_OUT) > $(BENCH_OUT)/sizes.md
	cat $(BENCH_OUT)/sizes.md
	$(call section,bench 3/6: native solver (criterion))
	cargo bench -p backcast-core --bench solve
	$(call section,bench 4/6: first paint and updates in headless Chromium)
	node bench/browser.mjs --loads 21 --edits 60 > $(BENCH_OUT)/browser.json
	$(call section,bench 5/6: first visit on a throttled mobile profile (gzip and brotli))
	node bench/throttled.mjs --loads 11 > $(BENCH_OUT)/throttled.json
	$(call section,bench 6/7: plan against actual on a 50 MB Cost and Usage Report)
	node bench/actual.mjs --runs 3 --mb 50 > $(BENCH_OUT)/actual.json
	$(call section,bench 7/7: figures against targets -> BENCHMARKS.md)
	node bench/report.mjs $(BENCH_OUT)/browser.json $(CRITERION_DIR) $(BENCH_OUT)/sizes.md $(BENCH_OUT)/throttled.json $(BENCH_OUT)/actual.json

# Mutation testing of the core (cargo-mutants; .cargo/mutants.toml says what
# is excluded and why). Outside `make test`: it builds and tests the core
# once per mutant, which takes a long while on 2 cores. Prints caught,
# missed, unviable and timed-out mutants; the misses are listed in
# $(MUTANTS_OUT)/mutants.out/missed.txt.
MUTANTS_VERSION := 27.1.0
MUTANTS_OUT := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)/mutants
tools-mutants: tools-rust
	@if cargo mutants --version 2>/dev/null | grep -qw '$(MUTANTS_VERSION)'; then :; else \
	  echo "installing cargo-mutants $(MUTANTS_VERSION) (a few minutes)"; \
	  cargo install --locked cargo-mutants@$(MUTANTS_VERSION); \
	fi

# Each mutant is built at opt-level 1 without debug info (about 10 s a
# build here, the tests then run in seconds); MUTANTS_ARGS adds arguments,
# e.g. MUTANTS_ARGS="--re '^core/src/number\.rs:'" for one file (`--file`
# does not narrow a run while mutants.toml sets examine_globs).
MUTANTS_ARGS ?=
mutants: tools-mutants
	$(call section,cargo mutants over the core (backcast-core))
	mkdir -p $(MUTANTS_OUT)
	@# Exit 2 is "some mutants missed", 3 "some timed out": reported below.
	@# Without CARGO_TARGET_DIR: each of the 2 jobs must build in its own
	@# copy's target/. A shared one lets a job test the other's build (cargo
	@# then calls the mutated crate fresh), which misreports mutants.
	rc=0; env -u CARGO_TARGET_DIR cargo mutants -p backcast-core -j 2 \
	  -C --config=profile.dev.opt-level=1 -C --config=profile.dev.debug=0 \
	  --output $(MUTANTS_OUT) $(MUTANTS_ARGS) || rc=$$?; \
	  if [ $$rc -gt 3 ]; then echo "cargo mutants failed (exit $$rc)" >&2; exit $$rc; fi
	@for f in caught missed timeout unviable; do \
	  printf '%-9s %s\n' "$$f" "$$(wc -l < $(MUTANTS_OUT)/mutants.out/$$f.txt 2>/dev/null || echo 0)"; \
	done
	@echo "by file (caught missed timeout unviable):"
	@cd $(MUTANTS_OUT)/mutants.out && for f in caught missed timeout unviable; do \
	  cut -d: -f1 $$f.txt 2>/dev/null | sed "s/$$/ $$f/"; done | \
	  awk '{n[$$1" "$$2]++; files[$$1]=1} END {for (f in files) printf "  %-34s %5d %5d %5d %5d\n", f, n[f" caught"], n[f" missed"], n[f" timeout"], n[f" unviable"]}' | sort
	@echo "missed:"; cat $(MUTANTS_OUT)/mutants.out/missed.txt 2>/dev/null || true

clean:
	cargo clean
	rm -rf dist test-results playwright-report blob-report

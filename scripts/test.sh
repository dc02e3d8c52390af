#!/usr/bin/env bash
# Runs every test of Met Data Explorer (the README's second command; CI runs it):
# formatting, clippy (native and wasm32), native tests of the core and of
# `prepare` (including a run over the real data), a release build, wasm tests in
# headless Chromium, and Playwright end-to-end tests with axe-core.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n== test: %s\n' "$*"; }

step "rustfmt"
cargo fmt --all --check

step "clippy (native: core, prepare, tests)"
cargo clippy --locked --all-targets --all-features -- -D warnings
step "clippy (wasm32: the app)"
cargo clippy --locked --all-targets --target wasm32-unknown-unknown -p met-data-explorer -- -D warnings

step "prepare the data"
scripts/prepare-data.sh

step "native tests (the real-data tests check public/data and prepare it once more)"
MET_PREPARED_DIR="$PWD/public/data" cargo test --locked --all-features

step "release build (trunk, offline)"
trunk build --release

step "wasm tests in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown -p met-data-explorer --test wasm

step "end-to-end tests in headless Chromium (Playwright, axe-core)"
node --test --test-concurrency=1 tests/e2e/

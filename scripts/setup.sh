#!/usr/bin/env bash
# Installs everything Met Data Explorer needs on a fresh Debian machine with Rust
# (via rustup), Node and npm: the wasm32 target, Trunk and wasm-bindgen-cli pinned
# to what Cargo.lock needs, wasm-opt from npm `binaryen`, Chromium + ChromeDriver
# from Debian, and the Node packages for the browser tests from package-lock.json.
# Every step checks first and is a no-op when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must be exactly the wasm-bindgen that Cargo.lock resolved.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

step() { printf '\n== setup: %s\n' "$*"; }

step "rust target wasm32-unknown-unknown"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

step "trunk $TRUNK_VERSION"
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  # A debug build of Trunk installs in ~6 minutes instead of ~14 and is fast enough.
  cargo install --locked --debug trunk --version "$TRUNK_VERSION"
fi

step "wasm-bindgen-cli $WASM_BINDGEN_VERSION"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  # Not --locked: its own lock file names a crate version the registry lacks.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

step "chromium and chromedriver (Debian)"
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver
fi

step "node packages (wasm-opt, playwright-core, axe-core) from package-lock.json"
if ! npm ls --depth=0 >/dev/null 2>&1; then
  npm ci --no-audit --no-fund
fi

step "rust dependencies (so Trunk can build offline)"
cargo fetch --locked

step "done"
echo "trunk: $(trunk --version)"
echo "wasm-bindgen: $(wasm-bindgen --version)"
echo "wasm-opt: $(node_modules/.bin/wasm-opt --version)"
echo "chromium: $(chromium --version)"

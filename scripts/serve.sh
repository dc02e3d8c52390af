#!/usr/bin/env bash
# Serves the dashboard with real data at http://127.0.0.1:8080 (the README's
# first command): installs tools, prepares data if missing, builds, serves.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
scripts/prepare-data.sh --if-missing
trunk build --release
exec node scripts/serve-dist.mjs dist "${PORT:-8080}"

#!/usr/bin/env bash
# Generates the app's data files in public/data and its standalone pages in
# public/pages (both git-ignored) from the publishers' files. Source folder: $MET_DATA_DIR if set, else ../shared/data
# when it exists, else a download from the publishers (scripts/fetch-sources.sh).
# With --if-missing, does nothing when both are there already.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--if-missing" ] && [ -f public/data/manifest.json ] && [ -f public/pages/guides.html ]; then
  echo "prepare: public/data is already prepared (run scripts/prepare-data.sh to refresh it)"
  exit 0
fi

if [ -n "${MET_DATA_DIR:-}" ]; then
  from="$MET_DATA_DIR"
elif [ -d ../shared/data ]; then
  from=../shared/data
else
  from=.sources
  scripts/fetch-sources.sh "$from"
fi
# The dev profile: this workspace optimises it (Cargo.toml), it runs as fast as
# release here, and the tests have already built it.
cargo run --locked --bin prepare -- --from "$from" --out public/data --pages public/pages

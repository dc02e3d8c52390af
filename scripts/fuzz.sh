#!/usr/bin/env bash
# Fuzzes the readers of the publishers' files and of the address (tests/fuzz.rs)
# for SECONDS each (default 60), with fresh seeds: zero panics expected. A panic
# names its target and seed and saves the input to target/fuzz-crashes/; make it
# a fixture in tests/fuzz.rs (crashes_found_stay_fixed). FUZZ_SEED=N repeats a run.
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_SECONDS="${1:-60}" cargo test --locked --test fuzz -- --test-threads=1 --nocapture

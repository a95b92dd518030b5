#!/usr/bin/env bash
# Long fuzz run (issue 9 "Keep it so"): the seeded oracle fuzz of tests/no_panic.rs with many
# cases, in a release build. Leave it running; it stops at the first broken oracle and prints
# the seed, the case number, the household and the options.
#
#   scripts/fuzz.sh [CASES] [SEED]      # default 1000000 cases, seed from the clock
#   scripts/fuzz.sh 0                   # forever: one seed after another
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$PATH"
cases="${1:-1000000}"
seed="${2:-$(date +%s)}"
run() {
  echo "[fuzz] seed $1, $2 cases" >&2
  TUOPIN_FUZZ_SEED="$1" TUOPIN_FUZZ_CASES="$2" \
    cargo test --release --quiet --test no_panic issue9_fuzz_oracles_hold -- --nocapture
}
if [ "$cases" = "0" ]; then
  while true; do run "$seed" 1000000; seed=$((seed + 1)); done
else
  run "$seed" "$cases"
fi

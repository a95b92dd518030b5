#!/usr/bin/env bash
# Same answers (issue 8 item 7): save what tuopin answers now, check a later build against it.
#
#   bash scripts/compare-reports.sh --save                 # → bench/out/baseline-<commit>/
#   bash scripts/compare-reports.sh --save DIR
#   bash scripts/compare-reports.sh --check bench/out/baseline-<commit>
#
# Generates 200,000 seeded households (examples/generate.rs) in the exit regime (2019) and the
# monitoring regime (2024, a monitoring line given), as JSONL and as CSV; runs
# `tuopin batch --out --invalid` on each and every golden case (tests/cases/*.toml) through
# `tuopin assess`. --save keeps the reports (gzipped), invalid rows and summaries; --check reruns
# and compares report by report, allowing only the move of policy.applied into the summary
# (contract v1.1 item 3); it prints the first differences (household id, JSON path) and exits 1
# on any. More options (--households N, --seed S, --show K, --only exit-jsonl,golden, --no-build,
# --batch-args "--jobs 2" to check an all-cores run against a one-core baseline):
# scripts/compare-reports.mjs. A maintainer tool: not part of scripts/test.sh (its self-test,
# tests/node/compare-reports.test.mjs, is).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

build=1
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --save)
      if [ $# -gt 1 ] && [[ "$2" != --* ]]; then args+=(--save "$2"); shift
      else
        commit="$(git rev-parse --short HEAD)"
        git status --porcelain -- src Cargo.toml build.rs | grep -q . && commit="$commit-dirty"
        args+=(--save "bench/out/baseline-$commit" --commit "$commit")
      fi ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) args+=("$1") ;;
  esac
  shift
done
if [ "$build" = 1 ]; then
  cargo build --release --quiet --bin tuopin --example generate --example case_households
fi
exec node scripts/compare-reports.mjs "${args[@]}"

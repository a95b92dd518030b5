#!/usr/bin/env bash
# The benchmark, in one run on the same generated data (issues 5 and 8; BENCHMARKS.md explains it):
#
#   bash scripts/bench.sh            # every row of issue 8's targets table (≤ 10 min on 2 cores)
#   bash scripts/bench.sh --quick    # the same rows on 20,000 households (≤ 2 min)
#   bash scripts/bench.sh --extended # also the issue-5 measurements (library calls, assessMany,
#                                    # 10M households streamed, every browser path; ~20 min more)
#   bash scripts/bench.sh --build    # rebuild pkg/ (scripts/build.sh) even when it looks fresh
#                                    # (the time budgets above are for measuring, builds aside)
#   bash scripts/bench.sh --no-build # reuse pkg/ and target/release as they are
#   bash scripts/bench.sh --parts node,browser  # rerun some parts, keep the others' last results
#                                    # (parts: targets, native, stream, node, browser)
#
# Builds what is stale (cargo build --release always; scripts/build.sh when src/, js/ or the
# manifests changed since this script last built pkg/, or with --build), generates households with examples/generate.rs
# into bench/out/ (git-ignored), then measures issue 8's targets side by side: the native CLI
# (one core, summary and --out; all cores when `tuopin batch` has --jobs), one assess() call
# repeated, the wasm BatchJob in Node and in headless Chromium on the same JSONL file, the
# json-rules-engine baseline on that file, 100,000 households from CSV through the batch page's
# Worker, and the core package's gzip size. Writes bench/out/results.json and refreshes the
# generated section of BENCHMARKS.md. Ratios are of CPU time measured in this run; the load
# average is recorded. Benchmarks are measurements, not tests: nothing fails on a slow number.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"

quick=0
build=1
extended=0
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-build) build=0 ;;
    --build) build=2 ;;
    --extended) extended=1 ;;
    --parts) only=",$2,"; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
# The issue-8 targets always run (unless --parts leaves them out); the issue-5 parts with
# --extended or when named in --parts.
want() {
  if [ -n "$only" ]; then [[ "$only" == *",$1,"* ]]; else [ "$1" = targets ] || [ "$extended" = 1 ]; fi
}
T0=$(date +%s)

out="bench/out"
parts="$out/parts"
mkdir -p "$parts"
[ -z "$only" ] && rm -f "$parts"/*.json
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

AS_OF="2019-12-31"
YEAR="2019"
SEED=1
# Issue 8's targets: households of the JSONL file every engine reads (native, Node, Chromium,
# json-rules-engine), and of the CSV file the batch page's Worker reads (the target says 100,000).
if [ "$quick" = 1 ]; then TN=20000; TR=2; else TN=100000; TR=3; fi
TCSV=100000
if [ "$quick" = 1 ]; then
  SIZES=(10000)
  BIG=10000
  STREAM_SIZES=(100000)
  STREAM_SIZES_CSV=(100000)
else
  SIZES=(10000 100000)
  BIG=100000
  STREAM_SIZES=(100000 1000000 10000000)
  # CSV is streamed up to 1M only: at ~10k households/s a 10M CSV run alone would take ~17 min.
  STREAM_SIZES_CSV=(100000 1000000)
fi

# --- tools --------------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ] || ! command -v bc >/dev/null 2>&1; then
  log "installing GNU time (for peak RSS) and bc from Debian"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time bc >/dev/null
fi
if [ ! -x /usr/bin/chromium ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/json-rules-engine ]; then
  bash scripts/setup.sh
fi

# --- build --------------------------------------------------------------------------------------
# pkg/ is rebuilt when its sources changed since this script last built it (a content stamp of
# src/, js/ and the manifests, kept in bench/out/pkg.stamp), or with --build. A pkg/ built by
# something else (no stamp) is used as it is, with a warning when the sources look newer.
src_stamp() {
  { git ls-files -s -- src js Cargo.toml Cargo.lock build.rs scripts/build.sh; git diff HEAD -- src js Cargo.toml Cargo.lock build.rs scripts/build.sh; } | sha256sum | cut -c1-16
}
PKG_NOTE=""
if [ "$build" = 2 ] || { [ "$build" = 1 ] && [ -f "$out/pkg.stamp" ] && [ "$(cat "$out/pkg.stamp")" != "$(src_stamp)" ]; } || [ ! -f pkg/tuopin_bg.wasm ]; then
  log "building pkg/ (scripts/build.sh; its log: $out/build.log)"
  bash scripts/build.sh > "$out/build.log" 2>&1 || { cat "$out/build.log" >&2; exit 1; }
  src_stamp > "$out/pkg.stamp"
elif [ ! -f "$out/pkg.stamp" ] && [ -n "$(find src js Cargo.toml build.rs -newer pkg/tuopin_bg.wasm -print -quit 2>/dev/null)" ]; then
  PKG_NOTE="pkg/ was not built by this script and files of src/ or js/ are newer than it: the wasm rows measure pkg/ as it is (bash scripts/bench.sh --build rebuilds it)"
  log "WARNING: $PKG_NOTE"
fi
if [ "$build" != 0 ]; then
  log "cargo build --release (CLI, generator, native bench)"
  cargo build --release --quiet --bin tuopin --example generate --example bench_native
fi
T_MEASURE=$(date +%s)
# A snapshot of pkg/ for the whole run, so that a rebuild elsewhere during the run cannot mix
# two builds (the page, the Worker, the Node runs and the sizes all use bench/out/pkg).
for f in pkg/tuopin.js pkg/tuopin_bg.wasm pkg/node/tuopin.cjs; do
  [ -e "$f" ] || { echo "missing $f: run without --no-build" >&2; exit 1; }
done
rm -rf "$out/pkg"
cp -r pkg "$out/pkg"
TUOPIN="target/release/tuopin"
GEN="target/release/examples/generate"
NATIVE="target/release/examples/bench_native"
for f in "$TUOPIN" "$GEN" "$NATIVE"; do
  [ -e "$f" ] || { echo "missing $f: run without --no-build" >&2; exit 1; }
done

load() { awk '{print $1}' /proc/loadavg; }
LOAD_START="$(load)"
log "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# --- data ---------------------------------------------------------------------------------------
generated=" "
gen_file() { # N FORMAT (once per run)
  local f="$out/hh-$1.$2"
  [[ "$generated" == *" $f "* ]] && return 0
  log "generating $f"
  "$GEN" --households "$1" --seed "$SEED" --format "$2" --as-of-year "$YEAR" > "$f"
  generated="$generated$f "
}
if want targets; then
  gen_file "$TN" jsonl
  gen_file "$TCSV" csv
fi
want native || want node || want browser || SIZES=()
for n in "${SIZES[@]}"; do
  for fmt in csv jsonl; do gen_file "$n" "$fmt"; done
done

# json_of NAME CMD... : runs CMD under GNU time; writes {name, seconds, userSeconds,
# sysSeconds, maxRssBytes, exit} to $parts/NAME.json. Standard output of CMD goes to $out/NAME.out.
timed() {
  local name="$1"; shift
  local tf="$parts/$name.time"
  local t0 t1 code=0
  t0=$(date +%s.%N)
  /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" > "$out/$name.out" || code=$?
  t1=$(date +%s.%N)
  # The last line holds the figures (GNU time writes a "terminated by signal" line before it).
  read -r _e u s m < <(tail -1 "$tf")
  case "$m" in ''|*[!0-9]*) m=0 ;; esac
  case "$u" in ''|*[!0-9.]*) u=0 ;; esac
  case "$s" in ''|*[!0-9.]*) s=0 ;; esac
  printf '{"name":"%s","seconds":%s,"userSeconds":%s,"sysSeconds":%s,"maxRssBytes":%s,"exit":%s}\n' \
    "$name" "$(echo "$t1 - $t0" | bc -l | sed 's/^\./0./')" "$u" "$s" "$((m * 1024))" "$code" > "$parts/$name.json"
  rm -f "$tf"
}
command -v bc >/dev/null || { echo "bc is needed" >&2; exit 1; }

# --- issue 8 targets --------------------------------------------------------------------------
if want targets; then
  rm -f "$parts"/t-*.json
  # --jobs is the all-cores flag of issue 8 item 5; until it exists that row is "not built yet".
  jobs_flag=0
  # The help text is read whole before it is searched: piped into `grep -q`, which exits at the
  # first match, the writer could die of SIGPIPE and `pipefail` then made the test false (the
  # row read "not built yet" now and then, and the one-core rows ran on every core).
  help_text="$({ "$TUOPIN" batch --help 2>&1; "$TUOPIN" help 2>&1; } || true)"
  if grep -q -- '--jobs' <<<"$help_text"; then jobs_flag=1; fi
  one=(); [ "$jobs_flag" = 1 ] && one=(--jobs 1)
  for i in $(seq 1 "$TR"); do
    log "target: native one core, tuopin batch hh-$TN.jsonl → summary (run $i/$TR)"
    timed "t-native-summary-run$i" "$TUOPIN" batch "$out/hh-$TN.jsonl" --as-of "$AS_OF" "${one[@]}"
  done
  for i in $(seq 1 "$TR"); do
    log "target: native one core, full reports (--out) (run $i/$TR)"
    timed "t-native-out-run$i" "$TUOPIN" batch "$out/hh-$TN.jsonl" --as-of "$AS_OF" "${one[@]}" --out "$out/t-reports.jsonl"
  done
  rm -f "$out/t-reports.jsonl"
  if [ "$jobs_flag" = 1 ]; then
    for i in $(seq 1 "$TR"); do
      log "target: native all cores, --jobs $(nproc) (run $i/$TR)"
      timed "t-native-jobs-run$i" "$TUOPIN" batch "$out/hh-$TN.jsonl" --as-of "$AS_OF" --jobs "$(nproc)"
    done
  fi
  printf '{"jobsFlag":%s,"cores":%s,"households":%s,"csvHouseholds":%s}\n' \
    "$([ "$jobs_flag" = 1 ] && echo true || echo false)" "$(nproc)" "$TN" "$TCSV" > "$parts/t-setup.json"
  log "target: one assess() call repeated, native"
  "$NATIVE" assess "$out/hh-$TN.jsonl" --as-of "$AS_OF" --calls "$([ "$quick" = 1 ] && echo 5000 || echo 20000)" --repeat 3 > "$parts/t-assess.json" \
    || log "assess benchmark failed"
  for which in tuopin-job-jsonl jre; do
    log "target: node $which on hh-$TN.jsonl"
    node bench/node-bench.mjs "$which" --pkg "$out/pkg" --jsonl "$out/hh-$TN.jsonl" --as-of "$AS_OF" --repeat "$([ "$quick" = 1 ] && echo 2 || echo 3)" > "$parts/t-node-$which.json" \
      || log "node: $which failed (recorded in results)"
  done
  log "target: Chromium, BatchJob on hh-$TN.jsonl (main thread) and the batch page's Worker on hh-$TCSV.csv"
  if [ "$quick" = 1 ]; then brargs=(--repeat 1 --no-cold); else brargs=(--repeat 2); fi
  node bench/run-browser.mjs --data "$out" --as-of "$AS_OF" --scenarios "file-jsonl-$TN,app-worker-csv-$TCSV" "${brargs[@]}" > "$parts/t-browser.json" \
    || echo '{"scenarios":[]}' > "$parts/t-browser.json"
  printf '{"loadAverage":"%s","seconds":%s,"pkgNote":"%s"}\n' "$(cut -d' ' -f1-3 /proc/loadavg)" "$(( $(date +%s) - T_MEASURE ))" "$PKG_NOTE" > "$parts/t-end.json"
  log "load average after the targets: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

# --- native: the CLI ----------------------------------------------------------------------------
if want native; then
n=$BIG
for fmt in jsonl csv; do
  for i in 1 2 3; do
    log "native CLI: tuopin batch hh-$n.$fmt (run $i/3)"
    timed "cli-$fmt-$n-run$i" "$TUOPIN" batch "$out/hh-$n.$fmt" --as-of "$AS_OF"
  done
done

# --- native: the library, same calls as the wasm build ------------------------------------------
for n in "${SIZES[@]}"; do
  r=5; [ "$n" -ge 50000 ] && r=2
  log "native library: BatchJob csv, $n households"
  "$NATIVE" job "$out/hh-$n.csv" --format csv --as-of "$AS_OF" --repeat "$r" --step 2000 > "$parts/native-job-csv-$n.json"
  log "native library: BatchJob jsonl, $n households"
  "$NATIVE" job "$out/hh-$n.jsonl" --format jsonl --as-of "$AS_OF" --repeat "$r" --step 2000 > "$parts/native-job-jsonl-$n.json"
  log "native library: assessMany on parsed values, $n households"
  "$NATIVE" many "$out/hh-$n.jsonl" --as-of "$AS_OF" --repeat "$r" > "$parts/native-many-$n.json"
  log "native library: assessMany from JSON text to JSON text (the wasm crossing's Rust side), $n households"
  "$NATIVE" many-json "$out/hh-$n.jsonl" --as-of "$AS_OF" --repeat "$r" > "$parts/native-manyjson-$n.json"
done
fi

# --- native: flat memory, households streamed from the generator -------------------------------
if want stream; then
stream() { # FORMAT N
  local fmt="$1" n="$2"
  log "native CLI, streamed: generate $n $fmt | tuopin batch - (peak RSS)"
  timed "stream-$fmt-$n" bash -c "set -o pipefail; '$GEN' --households $n --seed $SEED --format $fmt --as-of-year $YEAR | /usr/bin/time -f '%M' -o '$parts/stream-$fmt-$n.rss' '$TUOPIN' batch - --format $fmt --as-of $AS_OF"
  # The pipeline's peak is the larger of the generator's and tuopin's; keep tuopin's alone too.
  local rss
  rss="$(tail -1 "$parts/stream-$fmt-$n.rss" 2>/dev/null || echo 0)"
  case "$rss" in ''|*[!0-9]*) rss=0 ;; esac
  printf '{"tuopinMaxRssBytes":%s}\n' "$((rss * 1024))" > "$parts/stream-$fmt-$n.tuopin.json"
  rm -f "$parts/stream-$fmt-$n.rss"
}
for n in "${STREAM_SIZES_CSV[@]}"; do stream csv "$n"; done
for n in "${STREAM_SIZES[@]}"; do stream jsonl "$n"; done
# The generator alone, to show it is not the bottleneck of the streamed runs.
n=${STREAM_SIZES[-1]}
[ "$n" -gt 1000000 ] && n=1000000
log "generator alone: $n households (jsonl, csv) to /dev/null"
timed "gen-jsonl-$n" "$GEN" --households "$n" --seed "$SEED" --format jsonl --as-of-year "$YEAR"
timed "gen-csv-$n" "$GEN" --households "$n" --seed "$SEED" --format csv --as-of-year "$YEAR"
rm -f "$out"/gen-*.out
fi

# --- Node: tuopin's Node build vs json-rules-engine --------------------------------------------
want node && for n in "${SIZES[@]}"; do
  r=3; [ "$n" -ge 50000 ] && r=1
  for which in jre tuopin-many tuopin-assess tuopin-job tuopin-job-jsonl; do
    log "node: $which, $n households"
    node bench/node-bench.mjs "$which" --pkg "$out/pkg" --jsonl "$out/hh-$n.jsonl" --csv "$out/hh-$n.csv" --as-of "$AS_OF" --repeat "$r" > "$parts/node-$which-$n.json" \
      || log "node: $which failed (recorded in results)"
  done
done

# --- browser ------------------------------------------------------------------------------------
if want browser && [ "${#SIZES[@]}" -gt 0 ]; then
log "headless Chromium: assessMany, file path, Worker path"
sizes_csv="$(IFS=,; echo "${SIZES[*]}")"
node bench/run-browser.mjs --data "$out" --sizes "$sizes_csv" --as-of "$AS_OF" > "$parts/browser.json" \
  || echo '{"scenarios":[]}' > "$parts/browser.json"
fi

# --- sizes --------------------------------------------------------------------------------------
{
  printf '{'
  first=1
  for rel in tuopin_bg.wasm tuopin.js batch/tuopin_bg.wasm batch/tuopin.js tuopin-assessment.js tuopin-assessment-i18n.js tuopin-assessment-styles.js; do
    f="$out/pkg/$rel"
    [ -f "$f" ] || continue
    [ "$first" = 1 ] || printf ','
    first=0
    printf '"%s":{"bytes":%s,"gzipBytes":%s}' "$rel" "$(stat -c %s "$f")" "$(gzip -9 -c "$f" | wc -c)"
  done
  printf '}\n'
} > "$parts/sizes.json"

# --- machine ------------------------------------------------------------------------------------
LOAD_END="$(load)"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
mem_kb="$(awk '/MemTotal/{print $2}' /proc/meminfo)"
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty="$(git status --porcelain -- src Cargo.toml 2>/dev/null | grep -q . && echo true || echo false)"
node -e '
const [cpu, nproc, memKb, chromium, nodeV, rustc, commit, dirty, loadStart, loadEnd, quick] = process.argv.slice(1);
console.log(JSON.stringify({ cpu, nproc: +nproc, memoryBytes: +memKb * 1024, chromium, node: nodeV, rustc,
  commit, srcDirty: dirty === "true", loadAverage: { start: +loadStart, end: +loadEnd }, quick: quick === "1",
  date: new Date().toISOString() }));
' "$cpu" "$(nproc)" "$mem_kb" "$(/usr/bin/chromium --version 2>/dev/null | head -1)" "$(node --version)" "$(rustc --version)" \
  "$commit" "$dirty" "$LOAD_START" "$LOAD_END" "$quick" > "$parts/machine.json"

# --- results ------------------------------------------------------------------------------------
node bench/report.mjs --parts "$parts" --results "$out/results.json" --markdown BENCHMARKS.md
log "done in $(( $(date +%s) - T0 )) s ($(( $(date +%s) - T_MEASURE )) s measuring; load average now $(cut -d' ' -f1-3 /proc/loadavg)): $out/results.json, BENCHMARKS.md (generated section)"

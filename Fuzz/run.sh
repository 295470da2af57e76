#!/usr/bin/env bash
# Builds and runs one libFuzzer target (or all of them) for a number of seconds.
#   Fuzz/run.sh TARGET SECONDS      TARGET: canonical | dump | date | query | file | mail | store | render | snapshot | feed | html | all
# Environment: SANITIZE (default fuzzer,address, falling back to fuzzer if that cannot be built),
# FUZZ_SEED (libFuzzer's -seed; default 0 = a new random seed each run, CI sets a fixed one),
# FUZZ_OUT (build dir, default Fuzz/out), JOBS_CORPUS (work corpus dir, default Fuzz/corpus-work).
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(canonical dump date query file mail store render snapshot feed html archive)
usage() {
  echo "usage: Fuzz/run.sh {${targets[*]// /|}|all} SECONDS" >&2
  echo "       Fuzz/run.sh merge {${targets[*]// /|}|all}   (grow Fuzz/corpus/ with the work corpus's new coverage)" >&2
  exit 2
}
[ $# -eq 2 ] || usage
mode=run
if [ "$1" = merge ]; then mode=merge target=$2 seconds=0; else target=$1 seconds=$2; fi
[[ $seconds =~ ^[0-9]+$ ]] || usage

sanitize=${SANITIZE:-fuzzer,address}
out=${FUZZ_OUT:-Fuzz/out}
mkdir -p "$out/module"
swiftc=${SWIFTC:-swiftc}
# GazetteCore reads gzip, bzip2 and xz files with zlib, libbz2 and liblzma: their module maps are
# found here, and every binary links -lz -lbz2 -llzma.
set_flags() { flags=(-O -use-ld=lld -sanitize="$sanitize" -parse-as-library -swift-version 6 -I Sources/CZlib -I Sources/CBzip2 -I Sources/CLzma); }
set_flags

# A module once, as a static library the targets link (rebuilt only when one of its sources,
# or a module it imports, changed). -enable-testing: targets compare against internal oracles
# (`@testable import`), e.g. the parsed query tree against the naive evaluator.
build_module() {
  local name=$1 lib=$out/lib$1.a dependency
  local fresh=1
  [ -f "$lib" ] && [ -z "$(find "Sources/$name" -name '*.swift' -newer "$lib" | head -1)" ] \
    && [ "$(cat "$out/sanitize-$name" 2>/dev/null)" = "$sanitize" ] || fresh=0
  for dependency in "${@:2}"; do [ "$lib" -nt "$out/lib$dependency.a" ] || fresh=0; done
  [ $fresh -eq 1 ] && return
  echo "fuzz: building $name (-sanitize=$sanitize)"
  local start=$SECONDS
  mapfile -t sources < <(find "Sources/$name" -name '*.swift' | sort)
  local extra=()
  [ "$name" = GazetteFeeds ] && extra=("${libxml[@]}")
  "$swiftc" "${flags[@]}" "${extra[@]}" -enable-testing -wmo -I "$out/module" -module-name "$name" -emit-module \
    -emit-module-path "$out/module/$name.swiftmodule" -emit-library -static -o "$lib" "${sources[@]}" || return 1
  echo "$sanitize" > "$out/sanitize-$name"
  echo "fuzz: $name built in $((SECONDS - start)) s"
}
build_core() { build_module GazetteCore; }
# GazetteFeeds reads XML with libxml2 through the CLibXML2 system module.
libxml=(-I Sources/CLibXML2 -Xcc -I/usr/include/libxml2)

build_target() {
  local name=$1 binary=$out/fuzz-$1 entry libs=("$out/libGazetteCore.a")
  entry=Fuzz/Targets/$(tr '[:lower:]' '[:upper:]' <<<"${name:0:1}")${name:1}Target.swift
  [ -f "$entry" ] || { echo "fuzz: no target '$name'" >&2; usage; }
  # The render target draws with GazetteUI (pure, no ncurses).
  if [ "$name" = render ]; then build_module GazetteUI GazetteCore || return 1; libs=("$out/libGazetteUI.a" "${libs[@]}"); fi
  # The feed and html targets read feeds with GazetteFeeds (Foundation and libxml2).
  local link=()
  if [ "$name" = feed ] || [ "$name" = html ]; then
    build_module GazetteFeeds || return 1
    libs=("$out/libGazetteFeeds.a" "${libs[@]}")
    link=("${libxml[@]}" -lxml2)
  fi
  local lib stale=0
  for lib in "${libs[@]}" "$entry" Fuzz/Targets/FuzzSupport.swift; do [ "$binary" -nt "$lib" ] || stale=1; done
  [ -f "$binary" ] && [ $stale -eq 0 ] && return
  "$swiftc" "${flags[@]}" -I "$out/module" "$entry" Fuzz/Targets/FuzzSupport.swift "${libs[@]}" "${link[@]}" -lz -lbz2 -llzma -o "$binary" || return 1
}

run_target() {
  local name=$1 work=${JOBS_CORPUS:-Fuzz/corpus-work}/$1
  mkdir -p "$work"
  echo "fuzz: running $name for $seconds s"
  # Work corpus first: new finds go there; the committed seeds stay as written.
  # ASan's leak checker runs at exit and on every input libFuzzer suspects of leaking.
  local status=0
  # SWIFT_BACKTRACE off: the runtime's backtracer trips ASan after a Swift fatal error, burying the message.
  export SWIFT_BACKTRACE=enable=no
  # Known leaks inside the toolchain's own libraries are suppressed (Fuzz/lsan-suppressions.txt).
  LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=Fuzz/lsan-suppressions.txt:print_suppressions=0} \
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:quarantine_size_mb=64} \
  "$out/fuzz-$name" "$work" "Fuzz/corpus/$name" \
    -seed="${FUZZ_SEED:-0}" -max_total_time="$seconds" -max_len=4096 -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$out/crash-$name-" >"$out/log-$name.txt" 2>&1 || status=$?
  grep -E '^#[0-9]+\s+(INITED|DONE)|^stat::(number_of_executed_units|peak_rss_mb)|^==[0-9]+==|^SUMMARY|Fatal error|fuzz invariant|deadly signal|Test unit written' \
    "$out/log-$name.txt" || true
  if [ "$status" -ne 0 ]; then
    echo "fuzz: $name FAILED (exit $status); the input is in $out/crash-$name-*; log tail:" >&2
    tail -n 40 "$out/log-$name.txt" >&2
    return 1
  fi
  echo "fuzz: $name ok"
}

# libFuzzer's set-cover merge: copies into the committed corpus the fewest work-corpus inputs
# that cover what the committed ones do not, so Fuzz/corpus grows by what long runs discover
# while staying small (CI replays all of it before its 5 s start, and `store` runs ~30 inputs/s).
merge_target() {
  local name=$1 work=${JOBS_CORPUS:-Fuzz/corpus-work}/$1 before after
  [ -d "$work" ] || { echo "fuzz: no work corpus for $name (run it first)"; return 0; }
  before=$(find "Fuzz/corpus/$name" -type f | wc -l)
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} \
    "$out/fuzz-$name" -set_cover_merge=1 -max_len=4096 -timeout=10 "Fuzz/corpus/$name" "$work" >"$out/merge-$name.txt" 2>&1 \
    || { echo "fuzz: merging $name failed; see $out/merge-$name.txt" >&2; return 1; }
  after=$(find "Fuzz/corpus/$name" -type f | wc -l)
  echo "fuzz: $name corpus $before → $after inputs"
}

build() {
  build_core || return 1
  local name
  for name in "$@"; do build_target "$name" || return 1; done
}

# Everything in a function, so that editing this file while a long run is going cannot change it.
main() {
  local names=("$target")
  [ "$target" = all ] && names=("${targets[@]}")
  if ! build "${names[@]}"; then
    # A toolchain whose ASan runtime does not link with libFuzzer still gets coverage-guided fuzzing.
    [ -z "${SANITIZE:-}" ] || exit 1
    echo "fuzz: -sanitize=fuzzer,address failed to build; falling back to -sanitize=fuzzer (no ASan)" >&2
    sanitize=fuzzer
    set_flags
    build "${names[@]}"
  fi
  local failed=0 name
  if [ "$mode" = merge ]; then
    for name in "${names[@]}"; do merge_target "$name" || failed=1; done
    exit $failed
  fi
  for name in "${names[@]}"; do run_target "$name" || failed=1; done
  exit $failed
}

main

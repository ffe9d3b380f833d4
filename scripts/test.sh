#!/usr/bin/env bash
# Runs every test: installs dependencies, builds from scratch twice (gcc; clang with ASan+UBSan and libFuzzer
# coverage), runs CTest on both, then runs each libFuzzer target of the clang build briefly on its seeds.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --tests
jobs=$(nproc)

run_suite() {
  local dir=$1; shift
  rm -rf "$dir"
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSONDA_BUILD_TESTS=ON "$@"
  cmake --build "$dir" -j "$jobs"
  (cd "$dir" && ctest --output-on-failure -j "$jobs" --timeout 300)
}

echo "== normal build"
run_suite build-test
echo "== clang build with AddressSanitizer + UndefinedBehaviorSanitizer and libFuzzer coverage: the suite, then the fuzz targets"
CC=clang CXX=clang++ ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  run_suite build-sanitize -DSONDA_BUILD_FUZZ=ON
echo "== libFuzzer targets, 10 s each from their seeds in tests/fuzz/corpus"
for target in fuzz_query fuzz_analyzer fuzz_text_formats fuzz_office fuzz_search_params fuzz_stub fuzz_synonyms fuzz_lexicon fuzz_filter_expression fuzz_stored_fields fuzz_request_head fuzz_domain_lexicon; do
  found="$(mktemp -d)"
  build-sanitize/tests/fuzz/$target -max_total_time=10 -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="build-sanitize/$target-" "$found" "tests/fuzz/corpus/$target" 2>&1 | tail -1
  rm -rf "$found"
done

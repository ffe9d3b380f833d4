#!/usr/bin/env bash
# Runs every test: installs dependencies, builds from scratch (normal and ASan+UBSan), runs CTest on both,
# then runs each libFuzzer target briefly on its seeds.
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
echo "== AddressSanitizer + UndefinedBehaviorSanitizer build"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 run_suite build-asan -DSONDA_SANITIZE=ON
echo "== libFuzzer targets (clang, ASan+UBSan), 10 s each from their seeds in tests/fuzz/corpus"
rm -rf build-fuzz
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSONDA_BUILD_TESTS=OFF -DSONDA_BUILD_FUZZ=ON
cmake --build build-fuzz -j "$jobs"
for target in fuzz_query fuzz_analyzer fuzz_text_formats fuzz_office fuzz_search_params fuzz_stub fuzz_synonyms fuzz_lexicon fuzz_filter_expression fuzz_stored_fields; do
  found="$(mktemp -d)"
  build-fuzz/tests/fuzz/$target -max_total_time=10 -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="build-fuzz/$target-" "$found" "tests/fuzz/corpus/$target" 2>&1 | tail -1
  rm -rf "$found"
done

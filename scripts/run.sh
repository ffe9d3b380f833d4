#!/usr/bin/env bash
# The main job: installs dependencies, builds, indexes corpus/ into data/index and prints a summary.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSONDA_BUILD_TESTS=OFF
cmake --build build -j "$(nproc)"
build/indexer/sonda-index --db data/index corpus

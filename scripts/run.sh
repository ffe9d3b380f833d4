#!/usr/bin/env bash
# The main job: installs dependencies, builds, indexes corpus/ into data/index, serves on 127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSONDA_BUILD_TESTS=OFF
cmake --build build -j "$(nproc)"
# exit code 1 means some files were reported (skipped or cut): serve what was indexed anyway
build/indexer/sonda-index --db data/index corpus || [ $? -eq 1 ]
exec build/server/sonda-serve --db data/index --files corpus --synonyms scripts/corpus-synonyms.txt --host "${SONDA_HOST:-127.0.0.1}" --port "${SONDA_PORT:-8080}"

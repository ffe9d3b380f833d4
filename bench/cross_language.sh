#!/usr/bin/env bash
# The cross-language evaluation (bench/cross_language.py) on the UDHR in French and Spanish: indexes it,
# serves it on 127.0.0.1 with Apertium's dictionaries, and writes bench/results/<date-time>-cross/. A minute.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_prepare -cross corpus/udhr_fr_es.jsonl
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
bench_build
build-bench/indexer/sonda-index -q --db "$work/udhr" "$data/corpus/udhr_fr_es.jsonl" >/dev/null
port=18320
build-bench/server/sonda-serve --db "$work/udhr" --port "$port" 2>"$work/serve.log" &
wait_for_port "$port"
{ echo "date: $(date -Iseconds)"; echo "sonda: $(git rev-parse --short HEAD)"; } > "$out/machine.txt"
python3 bench/cross_language.py "$data/corpus/udhr_fr_es.jsonl" "$port" | tee "$out/cross-language.json"

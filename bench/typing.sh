#!/usr/bin/env bash
# The typing benchmark on the shared corpus: prefix recall@10 over every cut of the last word (3 letters or
# more), typo recall@10 with one typo in the longest word, the share of cuts answered with a suggestion, and
# the in-process latency of the cuts, for Sonda and SQLite FTS5 (bench/typing_cases.py makes the cases), over
# the shared bench queries and over 420 fresh ones drawn from the corpus (bench/fresh_queries.py, seed 2027).
# Writes bench/results/<date-time>-typing/. Takes about 5 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_prepare -typing corpus queries/bench_queries.jsonl
trap 'rm -rf "$work"' EXIT
command -v sqlite3 >/dev/null || { echo "bench: sqlite3 and python3 are needed (bench/run.sh installs them)" >&2; exit 1; }
bench_build
{ echo "date: $(date -Iseconds)"; echo "sonda: $(git rev-parse --short HEAD)"; } > "$out/machine.txt"

"$bin/indexer/sonda-index" -q --full --db "$work/sonda" "$data"/corpus/*.jsonl* >/dev/null
python3 bench/peers/fts5.py index "$work/fts5.db" "$data"/corpus/*.jsonl* >/dev/null
python3 bench/typing_cases.py "$data/queries/bench_queries.jsonl" > "$out/cases.jsonl"
# Fresh queries drawn from the corpus with a fixed seed: does what the bench queries show hold elsewhere?
python3 bench/fresh_queries.py 2027 420 "$data"/corpus/*.jsonl* > "$out/fresh_queries.jsonl"
python3 bench/typing_cases.py "$out/fresh_queries.jsonl" > "$out/fresh_cases.jsonl"
for set in "" fresh_; do
  "$bin/bench/sonda-bench-typing" "$work/sonda" "$out/${set}cases.jsonl" > "$out/${set}sonda-typing.json"
  python3 bench/peers/fts5.py typing "$work/fts5.db" "$out/${set}cases.jsonl" > "$out/${set}fts5-typing.json"
done
{
  echo "| system | queries | cuts | prefix recall@10 | typos | typo recall@10 | cuts with a suggestion | cut p50 ms | cut p99 ms | typo p50 ms | typo p99 ms |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for set in "" fresh_; do
    for system in sonda fts5; do
      f="$out/${set}$system-typing.json"
      echo "| $system | ${set:-bench_}queries | $(json cuts < "$f") | $(json prefix_recall_at_10 < "$f") | $(json typos < "$f") | $(json typo_recall_at_10 < "$f") | $(json suggestion_share < "$f") | $(json cut_p50_ms < "$f") | $(json cut_p99_ms < "$f") | $(json typo_p50_ms < "$f") | $(json typo_p99_ms < "$f") |"
    done
  done
} > "$out/results.md"
cat "$out/results.md"

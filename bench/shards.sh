#!/usr/bin/env bash
# One database against three shards on the shared corpus: in-process /search latency (facets and snippets
# on) and HTTP requests/s under wrk, for the database, three local shards and three shards served by
# xapian-tcpsrv on 127.0.0.1. Writes bench/results/<date-time>-shards/. Takes about 5 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_prepare -shards corpus queries/bench_queries.jsonl
trap 'kill $(jobs -p) 2>/dev/null || true; pkill -f "xapian-tcpsrv --port 1830" || true; rm -rf "$work"' EXIT
bench_build
queries="$data/queries/bench_queries.jsonl"
{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
  echo "date: $(date -Iseconds)"; echo "sonda: $(git rev-parse --short HEAD)"
  echo "xapian: $(pkg-config --modversion xapian-core); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f2)"
} > "$out/machine.txt"

echo "== indexing the corpus into one database and into three shards"
documents=$("$bin/indexer/sonda-index" -q --full --db "$work/one" "$data"/corpus/*.jsonl* |
  sed -n 's/.*; \([0-9]*\) documents in .*/\1/p' || true)
"$bin/indexer/sonda-index" -q --full --shards 3 --db "$work/three" "$data"/corpus/*.jsonl* >/dev/null
generation=$(dirname "$(head -1 "$work/three" | cut -d' ' -f2)")
: > "$work/remote"
for k in 0 1 2; do
  xapian-tcpsrv --port $((18300 + k)) --interface 127.0.0.1 --quiet "$work/$generation/shard-$k" 2>>"$work/tcpsrv.log" &
  echo "remote 127.0.0.1:$((18300 + k))" >> "$work/remote"
done
for k in 0 1 2; do wait_for_port $((18300 + k)); done

echo "== in-process /search latency ($runs rounds of the bench queries)"
for setup in one three remote; do
  "$bin/bench/sonda-bench-search" "$work/$setup" "$queries" "$runs" > "$out/$setup-search.json"
done

echo "== HTTP under wrk (16 connections, 10 s, $runs runs each)"
python3 -c "import json,sys; [print(json.loads(l)['query']) for l in open(sys.argv[1]) if l.strip()]" "$queries" \
  > "$work/queries.txt"
port=18310
for setup in one three remote; do
  "$bin/server/sonda-serve" --db "$work/$setup" --port "$port" --cache-mb 0 2>/dev/null &  # search work, not the cache
  server=$!
  wait_for_port "$port"
  wrk_median "$out/wrk-$setup-16.txt" env QUERIES_FILE="$work/queries.txt" \
    wrk -t2 -c16 -d10s --latency -s bench/wrk/queries.lua "http://127.0.0.1:$port"
  kill "$server"; wait "$server" 2>/dev/null || true
  port=$((port + 1))
done

echo "== report"
total=$(grep -c . "$queries")
{
  echo "# One database against three shards"; echo; sed 's/^/    /' "$out/machine.txt"; echo
  echo "In process: $total bench queries × $runs rounds, 4 facets and 10 hits with snippets; HTTP: wrk, 16 connections,"
  echo "10 s, the run with the median requests/s of $runs."; echo
  echo "| setup | p50 ms | p95 ms | p99 ms | queries/s (one thread) | HTTP req/s | HTTP p50 | HTTP p99 |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for setup in one three remote; do
    f="$out/$setup-search.json"; w="$out/wrk-$setup-16.txt"
    case $setup in one) name="one database";; three) name="3 local shards";; remote) name="3 shards over xapian-tcpsrv";; esac
    echo "| $name | $(json p50_ms < "$f") | $(json p95_ms < "$f") | $(json p99_ms < "$f") | $(json qps_one_thread < "$f") |" \
      "$(wrk_field "$w" Requests/sec:) | $(wrk_field "$w" 50%) | $(wrk_field "$w" 99%) |"
  done
  p99_one=$(json p99_ms < "$out/one-search.json"); p99_remote=$(json p99_ms < "$out/remote-search.json")
  echo
  awk -v docs="$documents" -v one="$p99_one" -v remote="$p99_remote" 'BEGIN {
    overhead = remote - one / 3; if (overhead < 0) overhead = 0
    printf "Estimate: one database of %d documents has a p99 of %.2f ms; if latency grows in proportion to the\n", docs, one
    printf "documents of a shard, and the remote backend adds about %.2f ms at p99 (3 shards of a third each:\n", overhead
    printf "%.2f ms), one shard on a machine like this holds about %.0f documents at a p99 of 20 ms.\n", remote,
      docs * (20 - overhead) / one
  }'
} > "$out/results.md"
cat "$out/results.md"
echo "results in $out"

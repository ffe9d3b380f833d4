#!/usr/bin/env bash
# The response cache over HTTP on the shared corpus: wrk at 16 connections sending a Zipf(1.0) mix of the
# benchmark queries (bench/wrk/zipf.lua: what a site's visitors send) to sonda-serve with its cache (the
# default, 64 MB) and without (--cache-mb 0), the distinct-query cycle (bench/wrk/queries.lua) to the server
# without, and the hello-world ceiling (sonda-hello-server), alternately in one run; each server's memory.
# Writes bench/results/<date-time>-cache/. Takes about 5 minutes. Load goes only to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_prepare -cache corpus queries/bench_queries.jsonl
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "bench: wrk is needed (bench/run.sh installs it)" >&2; exit 1; }
bench_build
{ echo "machine: $(nproc) cores, $(uname -sr)"; echo "date: $(date -Iseconds)"; echo "sonda: $(git rev-parse --short HEAD)"; } > "$out/machine.txt"

"$bin/indexer/sonda-index" -q --full --db "$work/sonda" "$data"/corpus/*.jsonl* >/dev/null
python3 -c "import json,sys; [print(json.loads(l)['query']) for l in open(sys.argv[1]) if l.strip()]" \
  "$data/queries/bench_queries.jsonl" > "$work/queries.txt"
"$bin/server/sonda-serve" --db "$work/sonda" --port 18190 2>/dev/null & cached_pid=$!
"$bin/server/sonda-serve" --db "$work/sonda" --port 18191 --cache-mb 0 2>/dev/null & uncached_pid=$!
"$bin/bench/sonda-hello-server" 18192 & hello_pid=$!
for port in 18190 18191 18192; do wait_for_port $port; done

point() {  # name script port [path]
  wrk_median "$out/wrk-$1.txt" env QUERIES_FILE="$work/queries.txt" \
    wrk -t2 -c16 -d10s --latency -s "bench/wrk/$2" "http://127.0.0.1:$3"
}
point zipf-cached zipf.lua 18190
point zipf-uncached zipf.lua 18191
point distinct-uncached queries.lua 18191
wrk_median "$out/wrk-hello.txt" wrk -t2 -c16 -d10s --latency http://127.0.0.1:18192/hello
curl -s http://127.0.0.1:18190/metrics | grep '^sonda_cache' > "$out/cache-metrics.txt"
memory() { awk '/VmRSS|VmHWM/ { printf "%s %.0f MB ", $1, $2 / 1024 }' "/proc/$1/status"; }
{
  echo "| load | server | req/s | p50 | p99 | ÷ ceiling | memory after |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | --- |"
  hello_rps=$(wrk_field "$out/wrk-hello.txt" Requests/sec:)
  row() {  # label server file pid
    local rps; rps=$(wrk_field "$3" Requests/sec:)
    echo "| $1 | $2 | $rps | $(wrk_field "$3" 50%) | $(wrk_field "$3" 99%) | $(echo "$rps / $hello_rps" | bc -l | xargs printf %.3f) | $(memory "$4") |"
  }
  row "Zipf(1.0) mix" "cache 64 MB" "$out/wrk-zipf-cached.txt" $cached_pid
  row "Zipf(1.0) mix" "no cache" "$out/wrk-zipf-uncached.txt" $uncached_pid
  row "distinct queries" "no cache" "$out/wrk-distinct-uncached.txt" $uncached_pid
  row "constant answer" "sonda-hello-server" "$out/wrk-hello.txt" $hello_pid
  echo; echo '```'; cat "$out/cache-metrics.txt"; echo '```'
} > "$out/results.md"
cat "$out/results.md"
echo "results in $out"

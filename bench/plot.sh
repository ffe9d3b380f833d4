#!/usr/bin/env bash
# Draws the plots of a results folder of bench/run.sh: HTTP requests/s and latency against connections
# (Sonda /search, the Omega CGI, the hello-world ceiling), and indexing rate in MB/s per system (median of the runs).
#   bench/plot.sh bench/results/DATE
set -euo pipefail
source "$(dirname "$0")/lib.sh"
out="$1"
data="$(mktemp)"
rates="$(mktemp)"
trap 'rm -f "$data" "$rates"' EXIT
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }'; }
field() { awk -v key="$2" '$1 == key { print $2 }' "$1"; }
for connections in 1 4 16 64; do
  s="$out/wrk-search-$connections.txt"; h="$out/wrk-hello-$connections.txt"; o="$out/wrk-omega-$connections.txt"
  omega_rps=$( [ -f "$o" ] && field "$o" Requests/sec: || echo "?")
  omega_p99=$( [ -f "$o" ] && field "$o" 99% | to_ms || echo "?")
  echo "$connections $(field "$s" Requests/sec:) $(field "$h" Requests/sec:) $(field "$s" 50% | to_ms) $(field "$s" 99% | to_ms) $(field "$h" 99% | to_ms) $omega_rps $omega_p99"
done > "$data"
bytes=$(awk '/^corpus:/ { for (i = 1; i <= NF; i++) if ($i == "bytes") print $(i - 1) }' "$out/machine.txt")
rate() { awk -v bytes="$bytes" -v seconds="$(cut -d' ' -f1 "$out/$1" | median)" 'BEGIN { printf "%.2f", bytes / seconds / 1e6 }'; }
{
  echo "\"Sonda (first run)\" $(rate sonda-index.txt)"
  echo "\"Sonda --full\" $(rate sonda-full.txt)"
  echo "\"SQLite FTS5\" $(rate fts5-index.txt)"
  echo "\"PostgreSQL\" $(rate postgres-index.txt)"
  echo "\"Omega\" $(rate omega-index.txt)"
} > "$rates"
gnuplot <<GNUPLOT
set terminal pngcairo size 800,400
set output '$out/indexing-rate.png'
set title 'Indexing the shared corpus ($((bytes / 1000000)) MB of JSON Lines), MB/s, higher is better'
set style fill solid 0.6; set boxwidth 0.6; set grid ytics; set yrange [0:*]; set offsets 0, 0, graph 0.1, 0; set ylabel 'MB/s'; unset key
plot '$rates' using 0:2:xtic(1) with boxes, '' using 0:2:(sprintf('%.1f', \$2)) with labels offset 0,1
GNUPLOT
gnuplot <<GNUPLOT
set terminal pngcairo size 800,450
set logscale x 2; set logscale y; set grid; set key top left; set xlabel 'connections'
set output '$out/http-throughput.png'; set ylabel 'requests/s (log)'
plot '$data' using 1:2 with linespoints title 'Sonda /search (4 facets, 10 hits with snippets)', '' using 1:7 with linespoints title 'Omega CGI', '' using 1:3 with linespoints title 'hello-world ceiling (same HTTP stack)'
set output '$out/http-latency.png'; set ylabel 'ms (log)'
plot '$data' using 1:4 with linespoints title 'Sonda /search p50', '' using 1:5 with linespoints title 'Sonda /search p99', '' using 1:8 with linespoints title 'Omega CGI p99', '' using 1:6 with linespoints title 'hello p99'
GNUPLOT

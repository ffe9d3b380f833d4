#!/usr/bin/env bash
# Draws the plots of a results folder of bench/run.sh: HTTP requests/s and latency against connections
# (Sonda /search, the Omega CGI, the hello-world ceiling).
#   bench/plot.sh bench/results/DATE
set -euo pipefail
out="$1"
data="$(mktemp)"
trap 'rm -f "$data"' EXIT
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }'; }
field() { awk -v key="$2" '$1 == key { print $2 }' "$1"; }
for connections in 1 4 16 64; do
  s="$out/wrk-search-$connections.txt"; h="$out/wrk-hello-$connections.txt"; o="$out/wrk-omega-$connections.txt"
  omega_rps=$( [ -f "$o" ] && field "$o" Requests/sec: || echo "?")
  omega_p99=$( [ -f "$o" ] && field "$o" 99% | to_ms || echo "?")
  echo "$connections $(field "$s" Requests/sec:) $(field "$h" Requests/sec:) $(field "$s" 50% | to_ms) $(field "$s" 99% | to_ms) $(field "$h" 99% | to_ms) $omega_rps $omega_p99"
done > "$data"
gnuplot <<GNUPLOT
set terminal pngcairo size 800,450
set logscale x 2; set logscale y; set grid; set key top left; set xlabel 'connections'
set output '$out/http-throughput.png'; set ylabel 'requests/s (log)'
plot '$data' using 1:2 with linespoints title 'Sonda /search (4 facets, 10 hits with snippets)', '' using 1:7 with linespoints title 'Omega CGI', '' using 1:3 with linespoints title 'hello-world ceiling (same HTTP stack)'
set output '$out/http-latency.png'; set ylabel 'ms (log)'
plot '$data' using 1:4 with linespoints title 'Sonda /search p50', '' using 1:5 with linespoints title 'Sonda /search p99', '' using 1:8 with linespoints title 'Omega CGI p99', '' using 1:6 with linespoints title 'hello p99'
GNUPLOT

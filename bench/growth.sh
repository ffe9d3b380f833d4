#!/usr/bin/env bash
# How cost grows with the corpus: the shared corpus at 25%, 50%, 100% and 200% (every 4th record, every 2nd,
# all, all twice with the second copy's ids suffixed "~2"), each indexed by a first run (built in parallel),
# then searched in process with the benchmark queries (four facets and ten hits with snippets, and with no
# hits: planning and matching alone). Indexing time, peak RSS, index size, search p50/p99 per size, the time
# spent parsing and expanding queries (p99 and max, warm and at each query's first run), a plot, and each
# cost's growth from 100% to 200%.
# Writes bench/results/<date-time>-growth/. Takes about 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_prepare -growth corpus queries/bench_queries.jsonl
trap 'rm -rf "$work"' EXIT
command -v gnuplot >/dev/null || { echo "bench: gnuplot is needed (bench/run.sh installs it)" >&2; exit 1; }
bench_build
{ echo "machine: $(nproc) cores, $(uname -sr)"; echo "date: $(date -Iseconds)"; echo "sonda: $(git rev-parse --short HEAD)"; } > "$out/machine.txt"
queries="$data/queries/bench_queries.jsonl"
python3 - "$work" "$data"/corpus/*.jsonl* <<'PY'
import gzip, json, sys
work, files = sys.argv[1], sys.argv[2:]
records = []
for name in files:
    with (gzip.open(name, "rt", encoding="utf-8") if name.endswith(".gz") else open(name, encoding="utf-8")) as f:
        records += [line for line in f if line.strip()]
def write(percent, lines):
    with open(f"{work}/corpus-{percent}.jsonl", "w", encoding="utf-8") as out:
        out.writelines(lines)
write(25, records[::4])
write(50, records[::2])
write(100, records)
second = []
for line in records:
    record = json.loads(line)
    record["id"] = f"{record['id']}~2"
    second.append(json.dumps(record, ensure_ascii=False) + "\n")
write(200, records + second)
PY
echo "| corpus | documents | text MB | index s | peak RSS | index MB | search p50 | p99 | no hits p50 | p99 | planning p99 | max | first run's planning p99 | max |" > "$out/results.md"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" >> "$out/results.md"
for percent in 25 50 100 200; do
  rm -rf "$work/index" "$work/index.d" "$work/index.lock"
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin/indexer/sonda-index" -q --db "$work/index" "$work/corpus-$percent.jsonl" > "$out/index-$percent.txt"
  read -r seconds rss < "$work/time"
  size=$(du -sb "$work/index.d" | cut -f1)
  documents=$(grep -o '[0-9]* documents in' "$out/index-$percent.txt" | cut -d' ' -f1)
  text=$(grep -o '[0-9.]* MB of text' "$out/index-$percent.txt" | cut -d' ' -f1)
  "$bin/bench/sonda-bench-search" "$work/index" "$queries" "$runs" > "$out/search-$percent.json"
  "$bin/bench/sonda-bench-search" "$work/index" "$queries" "$runs" no-hits > "$out/nohits-$percent.json"
  echo "$percent $documents $text $seconds $((rss / 1024)) $((size / 1000000)) $(json p50_ms < "$out/search-$percent.json") $(json p99_ms < "$out/search-$percent.json") $(json p50_ms < "$out/nohits-$percent.json") $(json p99_ms < "$out/nohits-$percent.json") $(json planning_p99_ms < "$out/search-$percent.json") $(json planning_max_ms < "$out/search-$percent.json") $(json first_planning_p99_ms < "$out/search-$percent.json") $(json first_planning_max_ms < "$out/search-$percent.json")" >> "$out/growth.dat"
done
awk '{ printf "| %d%% | %d | %.1f | %.1f | %d MB | %d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 }' "$out/growth.dat" >> "$out/results.md"
{
  echo
  echo "From 100% to 200% (the corpus 2×):"
  awk '$1 == 100 { for (i = 2; i <= 14; i++) base[i] = $i } $1 == 200 { split("documents text index_s peak_rss index_size search_p50 search_p99 nohits_p50 nohits_p99 planning_p99 planning_max first_planning_p99 first_planning_max", name, " ");
    for (i = 2; i <= 14; i++) printf "- %s × %.2f\n", name[i - 1], $i / base[i] }' "$out/growth.dat"
} >> "$out/results.md"
gnuplot <<GNUPLOT
set terminal pngcairo size 900,400
set output '$out/growth.png'
set multiplot layout 1,2
set grid; set key top left; set xlabel 'documents'; set xtics 10000; set xrange [0:*]
set title 'Indexing (first run, built in parallel)'; set ylabel 's, MB'
plot '$out/growth.dat' using 2:4 with linespoints title 'seconds', '' using 2:(\$6 / 10) with linespoints title 'index MB / 10'
set title 'Search in process (bench queries)'; set ylabel 'ms'
plot '$out/growth.dat' using 2:7 with linespoints title 'p50', '' using 2:8 with linespoints title 'p99', '' using 2:9 with linespoints title 'p50, no hits'
unset multiplot
GNUPLOT
cat "$out/results.md"
echo "results in $out"

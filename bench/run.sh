#!/usr/bin/env bash
# Every table of BENCHMARKS.md in one run: builds Release with the benchmarks, measures Sonda and its peers
# (SQLite FTS5, PostgreSQL 15 full-text search in a throw-away cluster, Xapian Omega) on the shared data (../shared/data, or $SONDA_BENCH_DATA) and writes bench/results/<date-time>/ (results.md,
# raw JSON and text, plots), then runs bench/shards.sh, bench/typing.sh, bench/cross_language.sh, bench/long_documents.sh, bench/cache.sh, bench/growth.sh and bench/render_size.sh. Load goes only to 127.0.0.1, bounded in time. Takes about 25 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
bench_prepare "" corpus queries/bench_queries.jsonl eval
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

scripts/install-deps.sh
for tool in wrk gnuplot sqlite3 python3 bc; do command -v "$tool" >/dev/null || missing="${missing:-} $tool"; done
if [ -n "${missing:-}" ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends wrk gnuplot-nox sqlite3 python3 bc >/dev/null
fi
for package in postgresql-15 postgresql-contrib-15 xapian-omega; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || peers_missing="${peers_missing:-} $package"
done
if [ -n "${peers_missing:-}" ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends $peers_missing >/dev/null
fi
# PostgreSQL refuses to run as root: its throw-away cluster runs as the postgres user then.
as_pg=(); [ "$(id -u)" -eq 0 ] && as_pg=(runuser -u postgres --)
mkdir -p "$work/pg" && [ "$(id -u)" -eq 0 ] && chmod 755 "$work" && chown postgres "$work/pg"
pg() { python3 bench/peers/postgres.py "$@"; }
"${as_pg[@]}" python3 bench/peers/postgres.py start "$work/pg/data" 18432 >/dev/null
trap '"${as_pg[@]}" python3 bench/peers/postgres.py stop "$work/pg/data"; kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
bench_build
corpus_files=("$data"/corpus/*.jsonl*)
text_bytes=$(for f in "${corpus_files[@]}"; do if [[ $f == *.gz ]]; then zcat "$f"; else cat "$f"; fi; done | wc -c)

{
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
  echo "date: $(date -Iseconds)"; echo "sonda: $(git rev-parse --short HEAD)"
  echo "xapian: $(pkg-config --modversion xapian-core); sqlite: $(sqlite3 --version | cut -d' ' -f1); wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f2)"
  echo "corpus: ${#corpus_files[@]} files, $text_bytes bytes of JSON Lines text"
} > "$out/machine.txt"

echo "== micro-benchmarks"
"$bin/bench/sonda_micro_bench" --benchmark_format=json --benchmark_repetitions="$runs" \
  --benchmark_report_aggregates_only=true > "$out/micro.json"

echo "== indexing: Sonda and FTS5, $runs runs each"
for run in $(seq "$runs"); do
  rm -rf "$work/sonda" "$work/sonda-full" "$work/fts5.db"
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin/indexer/sonda-index" -q --db "$work/sonda/index" "${corpus_files[@]}" >/dev/null
  read -r seconds rss < "$work/time"; echo "$seconds $rss" >> "$out/sonda-index.txt"
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin/indexer/sonda-index" -q --full --db "$work/sonda-full/index" "${corpus_files[@]}" >/dev/null
  read -r seconds rss < "$work/time"; echo "$seconds $rss" >> "$out/sonda-full.txt"
  /usr/bin/time -f "%e %M" -o "$work/time" python3 bench/peers/fts5.py index "$work/fts5.db" "${corpus_files[@]}" >/dev/null
  read -r seconds rss < "$work/time"; echo "$seconds $rss" >> "$out/fts5-index.txt"
  psql -h 127.0.0.1 -p 18432 -U postgres -d postgres -X -q -c "DROP DATABASE IF EXISTS bench" >/dev/null
  pg create "$work/pg/data" 18432 bench
  pg index "$work/pg/data" 18432 "${corpus_files[@]}" | json seconds >> "$out/postgres-index.txt"
  rm -rf "$work/omega"
  python3 bench/peers/omega.py index "$work/omega" "${corpus_files[@]}" | json seconds >> "$out/omega-index.txt"
done
pg_size=$(psql -h 127.0.0.1 -p 18432 -U postgres -d bench -X -At -c "SELECT pg_database_size('bench')")
omega_size=$(du -sb "$work/omega" | cut -f1)
/usr/bin/time -f "%e" -o "$work/time" "$bin/indexer/sonda-index" -q --db "$work/sonda/index" "${corpus_files[@]}" >/dev/null
noop=$(cat "$work/time")
sonda_size=$(du -sb "$work/sonda" | cut -f1); fts5_size=$(du -sb "$work/fts5.db" | cut -f1)
full_size=$(du -sb "$work/sonda-full/index.d/$(awk '{ print $2 }' "$work/sonda-full/index" | xargs basename)" | cut -f1)

echo "== in-process search latency (bench_queries, facets and snippets)"
"$bin/bench/sonda-bench-search" "$work/sonda-full/index" "$data/queries/bench_queries.jsonl" "$runs" > "$out/sonda-search.json"
python3 bench/peers/fts5.py search "$work/fts5.db" "$data/queries/bench_queries.jsonl" "$runs" > "$out/fts5-search.json"
pg search "$work/pg/data" 18432 "$data/queries/bench_queries.jsonl" 1 > "$out/postgres-search.json"
python3 bench/peers/omega.py search "$work/omega" "$data/queries/bench_queries.jsonl" "$runs" > "$out/omega-search.json"

echo "== DESIGN.md's equivalences on the real corpus"
"$bin/bench/sonda-bench-equivalence" "$work/sonda-full/index" > "$out/equivalence.json" 2> "$out/equivalence.txt" || true

echo "== HTTP under wrk (10 s per point, $runs runs each)"
python3 -c "import json,sys; [print(json.loads(l)['query']) for l in open(sys.argv[1]) if l.strip()]" \
  "$data/queries/bench_queries.jsonl" > "$work/queries.txt"
# Distinct queries measure search work: the response cache is off (a cycle of 420 queries would hit it);
# bench/cache.sh measures the cache.
"$bin/server/sonda-serve" --db "$work/sonda-full/index" --port 18180 --cache-mb 0 2>/dev/null &
"$bin/bench/sonda-hello-server" 18181 &
mkdir -p "$work/cgi/cgi-bin" "$work/cgi/log"
cp /usr/lib/cgi-bin/omega/omega "$work/cgi/cgi-bin/omega"
printf 'database_dir %s\ntemplate_dir /usr/share/xapian-omega/templates\nlog_dir %s\n' "$work/omega" "$work/cgi/log" > "$work/cgi/omega.conf"
(cd "$work/cgi" && OMEGA_CONFIG_FILE="$work/cgi/omega.conf" exec python3 -m http.server --cgi --bind 127.0.0.1 18182 >/dev/null 2>&1) &
sleep 1
for connections in 1 4 16 64; do
  threads=$((connections < 2 ? 1 : 2))
  wrk_median "$out/wrk-search-$connections.txt" env QUERIES_FILE="$work/queries.txt" \
    wrk -t"$threads" -c"$connections" -d10s --latency -s bench/wrk/queries.lua http://127.0.0.1:18180
  wrk_median "$out/wrk-hello-$connections.txt" wrk -t"$threads" -c"$connections" -d10s --latency http://127.0.0.1:18181/hello
  wrk_median "$out/wrk-omega-$connections.txt" env QUERIES_FILE="$work/queries.txt" QUERY_PREFIX="/cgi-bin/omega?DB=fr/es&P=" \
    wrk -t"$threads" -c"$connections" -d10s --latency -s bench/wrk/queries.lua http://127.0.0.1:18182
done

echo "== relevance"
for set in piaf_fr xquad_es mlqa_dev_es; do
  dir="$data/eval/$set"
  "$bin/indexer/sonda-index" -q --db "$work/eval-$set" "$dir/corpus.jsonl" >/dev/null
  "$bin/bench/sonda-bench-relevance" "$work/eval-$set" "$dir/queries.jsonl" "$dir/qrels.tsv" any per-query="$out/sonda-$set.tsv" > "$out/sonda-relevance-$set.json"
  "$bin/bench/sonda-bench-relevance" "$work/eval-$set" "$dir/queries.jsonl" "$dir/qrels.tsv" any feedback per-query="$out/feedback-$set.tsv" > "$out/feedback-relevance-$set.json"
  python3 bench/peers/fts5.py index "$work/eval-$set.db" "$dir/corpus.jsonl" >/dev/null
  python3 bench/peers/fts5.py relevance "$work/eval-$set.db" "$dir/queries.jsonl" "$dir/qrels.tsv" "$out/fts5-$set.tsv" > "$out/fts5-relevance-$set.json"
  pg create "$work/pg/data" 18432 "eval_$set"
  SONDA_PG_DATABASE="eval_$set" pg index "$work/pg/data" 18432 "$dir/corpus.jsonl" >/dev/null
  SONDA_PG_DATABASE="eval_$set" pg relevance "$work/pg/data" 18432 "$dir/queries.jsonl" "$dir/qrels.tsv" "$out/postgres-$set.tsv" > "$out/postgres-relevance-$set.json"
  python3 bench/peers/omega.py index "$work/omega-$set" "$dir/corpus.jsonl" >/dev/null
  python3 bench/peers/omega.py relevance "$work/omega-$set" "$dir/queries.jsonl" "$dir/qrels.tsv" "$out/omega-$set.tsv" > "$out/omega-relevance-$set.json"
done

echo "== report"
mbps() { echo "$text_bytes / $1 / 1000000" | bc -l | xargs printf %.1f; }
ratio() { echo "$1 / $2" | bc -l | xargs printf %.2f; }
{
  echo "# Sonda benchmark run"; echo; sed 's/^/    /' "$out/machine.txt"; echo
  s_idx=$(cut -d' ' -f1 "$out/sonda-index.txt" | median); s_rss=$(cut -d' ' -f2 "$out/sonda-index.txt" | median)
  u_idx=$(cut -d' ' -f1 "$out/sonda-full.txt" | median); u_rss=$(cut -d' ' -f2 "$out/sonda-full.txt" | median)
  f_idx=$(cut -d' ' -f1 "$out/fts5-index.txt" | median); f_rss=$(cut -d' ' -f2 "$out/fts5-index.txt" | median)
  p_idx=$(median < "$out/postgres-index.txt"); o_idx=$(median < "$out/omega-index.txt")
  echo "## Indexing (median of $runs)"; echo
  echo "| system | seconds | MB/s | peak RSS MB | size MB | Sonda \`--full\` ÷ system (seconds) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  echo "| Sonda, first run (one writer) | $s_idx | $(mbps "$s_idx") | $((s_rss / 1024)) | $((sonda_size / 1000000)) | |"
  echo "| Sonda \`--full\` (parallel parts, compacted) | $u_idx | $(mbps "$u_idx") | $((u_rss / 1024)) | $((full_size / 1000000)) | |"
  echo "| SQLite FTS5 | $f_idx | $(mbps "$f_idx") | $((f_rss / 1024)) | $((fts5_size / 1000000)) | $(ratio "$u_idx" "$f_idx") |"
  echo "| PostgreSQL 15 (load, tsvector, GIN) | $p_idx | $(mbps "$p_idx") | server | $((pg_size / 1000000)) | $(ratio "$u_idx" "$p_idx") |"
  echo "| Xapian Omega (scriptindex) | $o_idx | $(mbps "$o_idx") | | $((omega_size / 1000000)) | $(ratio "$u_idx" "$o_idx") |"
  echo; echo "No-op re-run: $noop s ($(echo "100 * $noop / $s_idx" | bc -l | xargs printf %.2f)% of a full run)."; echo
  echo "## Search latency, ms (420 queries; Sonda over the \`--full\` index)"; echo
  echo "| system | rounds | p50 | p95 | p99 | Sonda ÷ system (p50) |"; echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  s_p50=$(json p50_ms < "$out/sonda-search.json")
  for system in sonda fts5 postgres omega; do
    f="$out/$system-search.json"
    echo "| $system | $(json rounds < "$f") | $(json p50_ms < "$f") | $(json p95_ms < "$f") | $(json p99_ms < "$f") | $(ratio "$s_p50" "$(json p50_ms < "$f")") |"
  done
  echo; echo "(Omega: one \`quest\` process per query, start-up included; PostgreSQL: psql timing, one round.)"
  echo; echo "## Equivalences (accents, case, plural, elision) on the real corpus"; echo
  echo "$(json held < "$out/equivalence.json") of $(json groups < "$out/equivalence.json") groups return identical ranked hits with the query's language, $(json held_without_language < "$out/equivalence.json") without one; differences: $(json failures < "$out/equivalence.json")."
  echo; sed 's/^/    /' "$out/equivalence.txt"
  echo; echo "## HTTP (wrk, 10 s per point; the run with the median requests/s of $runs)"; echo
  echo "| connections | /search req/s | p50 | p99 | Omega CGI req/s | Omega p99 | hello req/s | /search ÷ Omega | /search ÷ hello |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for connections in 1 4 16 64; do
    s="$out/wrk-search-$connections.txt"; h="$out/wrk-hello-$connections.txt"; o="$out/wrk-omega-$connections.txt"
    s_rps=$(wrk_field "$s" Requests/sec:); h_rps=$(wrk_field "$h" Requests/sec:); o_rps=$(wrk_field "$o" Requests/sec:)
    echo "| $connections | $s_rps | $(wrk_field "$s" 50%) | $(wrk_field "$s" 99%) | $o_rps | $(wrk_field "$o" 99%) | $h_rps | $(ratio "$s_rps" "$o_rps") | $(echo "$s_rps / $h_rps" | bc -l | xargs printf %.3f) |"
  done
  echo; echo "## Relevance, nDCG@10 (MRR@10) — development halves; Sonda with match=any, peers with OR"; echo
  echo "| set | Sonda | FTS5 | PostgreSQL | Omega | Sonda − best peer | 95% interval (paired bootstrap) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
  for set in piaf_fr xquad_es mlqa_dev_es; do
    row="| $set"; best=0; best_system=""
    for system in sonda fts5 postgres omega; do
      f="$out/$system-relevance-$set.json"; n=$(json ndcg_at_10 < "$f"); row="$row | $n ($(json mrr_at_10 < "$f"))"
      if [ "$system" != sonda ] && [ "$(echo "$n > $best" | bc -l)" = 1 ]; then best=$n; best_system=$system; fi
    done
    interval=$(python3 bench/bootstrap.py "$out/$best_system-$set.tsv" "$out/sonda-$set.tsv" |
      python3 -c 'import json, sys; print(json.load(sys.stdin)["ndcg_at_10"]["interval_95"])')
    echo "$row | $(echo "$(json ndcg_at_10 < "$out/sonda-relevance-$set.json") - $best" | bc -l | xargs printf %+.4f) | $interval vs $best_system |"
  done
  echo; echo "## Relevance with feedback=true, nDCG@10 — against Sonda without it (paired bootstrap)"; echo
  echo "| set | without | with feedback | difference [95% interval] |"
  echo "| --- | ---: | ---: | --- |"
  for set in piaf_fr xquad_es mlqa_dev_es; do
    python3 bench/bootstrap.py "$out/sonda-$set.tsv" "$out/feedback-$set.tsv" | python3 -c 'import json, sys
d = json.load(sys.stdin)["ndcg_at_10"]
print("| %s | %s | %s | %+.4f %s |" % (sys.argv[1], d["a"], d["b"], d["difference"], d["interval_95"]))' "$set"
  done
} > "$out/results.md"
bench/plot.sh "$out"
cat "$out/results.md"
echo "results in $out"
echo "== one database against three shards"
bench/shards.sh
echo "== typing: cuts and typos"
bench/typing.sh
echo "== cross-language: the UDHR in French and Spanish"
bench/cross_language.sh
echo "== long documents: the Debian Reference in French and Spanish"
bench/long_documents.sh
echo "== the response cache: a Zipf mix of the queries over HTTP"
bench/cache.sh
echo "== how cost grows: the corpus at 25%, 50%, 100% and 200%"
bench/growth.sh
echo "== rendering a hit against the document's size"
bench/render_size.sh

#!/usr/bin/env bash
# Rendering cost against document size (issue 20, item 7): a 5 KB and a 1 MB document built from the sample
# corpus's French text, each holding one word of its own halfway through; each word searched finished and
# while being typed, with ten hits asked and with none (the same match): the difference is the cost of
# rendering that one hit. Writes bench/results/<date-time>-render/. Needs no shared data; about a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
runs="${SONDA_BENCH_RUNS:-3}"
out="bench/results/$(date +%Y-%m-%d-%H%M)-render"
work="$(mktemp -d)"
mkdir -p "$out"
trap 'rm -rf "$work"' EXIT
bench_build
python3 - "$work/docs" corpus/fr <<'PY'
import pathlib, sys
out, source = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
text = "\n\n".join(p.read_text(encoding="utf-8").split("---", 2)[-1] for p in sorted(source.glob("*.md")))
out.mkdir(parents=True)
for name, size, marker in (("petit", 5_000, "marqueurpetit"), ("grand", 1_000_000, "marqueurgrand")):
    body = (text * (size // len(text) + 1))[:size]
    half = body.rfind(" ", 0, size // 2)
    body = body[:half] + f" Le {marker} est ici. " + body[half:]
    (out / f"{name}.md").write_text(f"---\ntitle: Document {name}\nlang: fr\n---\n{body}\n", encoding="utf-8")
PY
"$bin/indexer/sonda-index" -q --db "$work/index" "$work/docs" > /dev/null
{
  echo "| query | document | ten hits asked p50 | none asked p50 | the hit's rendering |"
  echo "| --- | --- | ---: | ---: | ---: |"
  for query in "marqueurpetit " "marqueurpeti" "marqueurgrand " "marqueurgran"; do
    echo "{\"query\": \"$query\"}" > "$work/q.jsonl"
    full=$("$bin/bench/sonda-bench-search" "$work/index" "$work/q.jsonl" $((runs * 200)) | json p50_ms)
    none=$("$bin/bench/sonda-bench-search" "$work/index" "$work/q.jsonl" $((runs * 200)) no-hits | json p50_ms)
    size=$([[ $query == marqueurpet* ]] && echo "5 KB" || echo "1 MB")
    echo "| \`$query\` | $size | $full ms | $none ms | $(echo "$full - $none" | bc -l | xargs printf %.3f) ms |"
  done
} > "$out/results.md"
cat "$out/results.md"
echo "results in $out"

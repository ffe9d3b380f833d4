#!/usr/bin/env bash
# Long real documents: the Debian Reference in French and Spanish (Debian's debian-reference-fr and
# debian-reference-es: HTML chapters of 50–400 KB and a PDF each), installed when missing, indexed as a user
# would, served on 127.0.0.1 with its files, and measured by bench/long_documents.py (sections, pages, tables
# of contents, layout, latency of passages=5). Writes bench/results/<date-time>-long/. Two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
folder="${SONDA_LONG_DOCUMENTS:-/usr/share/debian-reference}"
if [ ! -e "$folder/ch01.fr.html" ] && [ -z "${SONDA_LONG_DOCUMENTS:-}" ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends debian-reference-fr debian-reference-es >/dev/null
fi
if [ ! -e "$folder/ch01.fr.html" ]; then
  echo "bench: no Debian Reference chapters in $folder (apt-get install debian-reference-fr debian-reference-es). Nothing measured." >&2
  exit 1
fi
bench_prepare -long
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
bench_build
for run in $(seq "$runs"); do
  rm -rf "$work/index" "$work/index.d" "$work/index.lock"
  /usr/bin/time -f "%e %M" -o "$work/time" build-bench/indexer/sonda-index -q --db "$work/index" "$folder" >/dev/null
  cat "$work/time" >> "$out/index.txt"
done
port=18330
build-bench/server/sonda-serve --db "$work/index" --port "$port" --files "$folder" --cache-mb 0 2>"$work/serve.log" &  # rounds repeat queries
wait_for_port "$port"
{
  echo "date: $(date -Iseconds)"; echo "sonda: $(git rev-parse --short HEAD)"
  echo "documents: $(dpkg-query -W -f='${Package} ${Version}\n' debian-reference-fr debian-reference-es 2>/dev/null | tr '\n' ' ')"
  echo "index: median $(cut -d' ' -f1 "$out/index.txt" | median) s over $runs runs, $(du -sh "$work/index.d" 2>/dev/null | cut -f1)"
} > "$out/machine.txt"
python3 bench/long_documents.py "$folder" "$port" "$runs" | tee "$out/long-documents.json"
cat "$out/machine.txt"
echo "results in $out"

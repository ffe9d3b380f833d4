# Helpers shared by the benchmark scripts (sourced): medians, JSON fields, wrk points run several times.

# The median of the numbers on stdin, one per line.
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Field $1 of the JSON object on stdin.
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

# Runs one wrk point $runs times (files TARGET.runN) and copies the run with the median requests/s to TARGET.
wrk_median() {
  local target=$1 run median
  shift
  for run in $(seq "$runs"); do "$@" > "$target.run$run"; done
  median=$(for f in "$target".run*; do echo "$(awk '$1 == "Requests/sec:" { print $2 }' "$f") $f"; done |
    sort -g | awk '{ v[NR] = $2 } END { print v[int((NR + 1) / 2)] }')
  cp "$median" "$target"
}

# Field $2 ("Requests/sec:", "50%", "99%") of a wrk report $1.
wrk_field() { awk -v key="$2" '$1 == key { print $2 }' "$1"; }

# Waits until something accepts connections on 127.0.0.1:$1 (at most 10 s).
wait_for_port() {
  for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done
  echo "nothing listens on 127.0.0.1:$1" >&2
  return 1
}

# Sets data (the benchmark data: ../shared/data or $SONDA_BENCH_DATA), runs ($SONDA_BENCH_RUNS, 3), out (a new
# results folder bench/results/<date-time>$1) and work (a temporary folder); stops, saying so, when one of the
# paths $2… is missing from the data (it is not part of a clone).
bench_prepare() {
  data="${SONDA_BENCH_DATA:-../shared/data}"
  local need
  for need in "${@:2}"; do
    if [ ! -e "$data/$need" ]; then
      echo "bench: no benchmark data at $data (needs $need); it is not part of a clone. Nothing measured." >&2
      exit 1
    fi
  done
  runs="${SONDA_BENCH_RUNS:-3}"
  out="bench/results/$(date +%Y-%m-%d-%H%M)$1"
  work="$(mktemp -d)"
  mkdir -p "$out"
}

# Builds the Release binaries with the benchmark programs into build-bench and sets bin to that folder.
bench_build() {
  cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DSONDA_BUILD_TESTS=OFF -DSONDA_BUILD_BENCH=ON >/dev/null
  cmake --build build-bench -j "$(nproc)" >/dev/null
  bin=build-bench
}

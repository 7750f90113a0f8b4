#!/usr/bin/env bash
# bench/fit-compare.sh: the native fit beside the scipy reference on the same data, for three data
# sets: the shared Chinchilla runs (5 highest losses left out, as Epoch did), a flatter subset of
# them (the runs at or below 3e19 FLOP: 82 runs within 1.5 decades), and the narrow synthetic sweep
# of the unit tests (tests/data/narrow-sweep.csv: one model family, five budgets within a decade).
# For each: both optima, the objectives' relative difference (target: within 1e-9), the native fit's
# convergence report and the speed ratio. Needs Debian's python3-scipy (scripts/setup installs it
# for benchmarks only); the reference uses tight tolerances and takes about a minute per data set.
# Prints figures, asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data/chinchilla-fig4-epoch2024.csv
have_scipy=1
/usr/bin/python3 -c 'import scipy' 2>/dev/null || have_scipy=0
# compare NAME FILE ARGS...: one data set, native then scipy, then the comparison.
compare() {
  local name=$1 file=$2
  shift 2
  echo "-- $name"
  local native ref
  native=$(build/native/bin/bench_fit_times "$file" "$@")
  echo "$native"
  if [ $have_scipy -eq 0 ]; then
    echo "scipy reference: skipped (python3-scipy is not installed)"
    return
  fi
  ref=$(/usr/bin/python3 bench/fit_reference.py "$file" "$@")
  echo "$ref"
  awk -v n="$native" -v r="$ref" 'BEGIN {
    match(n, /objective [0-9.e+-]+/); on = substr(n, RSTART + 10, RLENGTH - 10) + 0
    match(n, /median [0-9.]+ s/); tn = substr(n, RSTART + 7, RLENGTH - 9) + 0
    match(r, /objective [0-9.e+-]+/); or = substr(r, RSTART + 10, RLENGTH - 10) + 0
    match(r, /: [0-9.]+ s;/); tr = substr(r, RSTART + 2, RLENGTH - 5) + 0
    d = (on - or) / or; if (d < 0) d = -d
    printf "objectives: native %.15g, scipy %.15g, relative difference %.2g (target 1e-9)\n", on, or, d
    printf "speed: native %.3f s, scipy %.2f s: native is %.0fx faster\n", tn, tr, tr / tn
  }'
}
if [ -f "$shared" ]; then
  compare "Chinchilla Figure 4, 240 runs (Epoch 2024)" "$shared" --exclude-top 5 --bootstrap 1000
  compare "the same runs at or below 3e19 FLOP (flatter)" "$shared" --exclude-top 5 --max-flops 3e19 --bootstrap 1000 --repeat 1
fi
compare "narrow sweep, 35 runs (tests/data/narrow-sweep.csv)" tests/data/narrow-sweep.csv --exclude-top 0 --bootstrap 1000 --repeat 1

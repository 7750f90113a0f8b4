#!/usr/bin/env bash
# bench/fit-compare.sh: the native fit beside the scipy reference on the same data (the shared
# Chinchilla runs, 5 highest losses left out): both optima, the objectives' relative difference
# (target: within 1e-6) and the speed ratio. Needs Debian's python3-scipy (scripts/setup installs it
# for benchmarks only). Prints figures, asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/chinchilla-fig4-epoch2024.csv}
native=$(build/native/bin/bench_fit_times "$data" --exclude-top 5 --bootstrap 1000)
echo "$native"
if ! /usr/bin/python3 -c 'import scipy' 2>/dev/null; then
  echo "scipy reference: skipped (python3-scipy is not installed)"
  exit 0
fi
ref=$(/usr/bin/python3 bench/fit_reference.py "$data" --exclude-top 5)
echo "$ref"
awk -v n="$native" -v r="$ref" 'BEGIN {
  match(n, /objective [0-9.e+-]+/); on = substr(n, RSTART + 10, RLENGTH - 10) + 0
  match(n, /median [0-9.]+ s/); tn = substr(n, RSTART + 7, RLENGTH - 9) + 0
  match(r, /objective [0-9.e+-]+/); or = substr(r, RSTART + 10, RLENGTH - 10) + 0
  match(r, /: [0-9.]+ s;/); tr = substr(r, RSTART + 2, RLENGTH - 5) + 0
  d = (on - or) / or; if (d < 0) d = -d
  printf "objectives: native %.12g, scipy %.12g, relative difference %.2g (target 1e-6)\n", on, or, d
  printf "speed: native %.3f s, scipy %.2f s: native is %.0fx faster\n", tn, tr, tr / tn
}'

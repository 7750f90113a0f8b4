#!/usr/bin/env bash
# bench/cli-start.sh [RUNS]: the CLI's cold start, wall time of whole processes (exec, load the
# embedded catalogue, answer, exit), median and slowest of RUNS (default 21) for three commands.
# Prints figures, asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
cli=build/native/bin/scaling
for cmd in "optimal --flops 1e24" "compare --flops 1e24 --json" "models --json"; do
  times=()
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    $cli $cmd > /dev/null
    times+=($(( ($(date +%s%N) - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v c="scaling $cmd" -v n="$runs" '
    { t[NR] = $1 } END { printf "cli cold start %-36s median %6.2f ms, slowest %6.2f ms (%d runs)\n", c, t[int((n + 1) / 2)] / 1000, t[n] / 1000, n }'
done

#!/usr/bin/env bash
# bench/fuzz.sh [SECONDS]: the fuzz targets for longer than scripts/test gives them (default 120 s
# each), with ASan and UBSan; prints each target's inputs tried and any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build-sanitize > /dev/null
scripts/run-fuzzers "${1:-120}"

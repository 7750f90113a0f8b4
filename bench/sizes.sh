#!/usr/bin/env bash
# sizes.sh: what the first view transfers (every file the page loads before its first frame, plus
# the manifest and service worker it asks for), raw, gzip -9 and brotli, in KB, and the gzip total
# against the first view's budget (450 KB: a phone on a slow link); then the files fetched later, when first needed (the
# bootstrap draws), outside the budget. Prints figures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/../build/site"
budget_kb=450
printf '%-22s %10s %10s %10s\n' file raw_KB gzip_KB brotli_KB
total_raw=0 total_gz=0 total_br=0
# measure FILE: prints the file's sizes and adds them to the totals.
measure() {
  local f=$1 raw gz br
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  br=$(command -v brotli >/dev/null && brotli -q 11 -c "$f" | wc -c || echo 0)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  awk -v f="$f" -v r="$raw" -v g="$gz" -v b="$br" 'BEGIN { printf "%-22s %10.1f %10.1f %10s\n", f, r/1024, g/1024, (b>0 ? sprintf("%.1f", b/1024) : "n/a") }'
}
for f in index.html boot.js app.css index.js index.wasm index.data favicon.svg manifest.webmanifest sw.js; do
  [ -f "$f" ] || { echo "$f: missing (build the web preset first)"; continue; }
  measure "$f"
done
awk -v r="$total_raw" -v g="$total_gz" -v b="$total_br" -v budget="$budget_kb" 'BEGIN {
  printf "%-22s %10.1f %10.1f %10s\n", "first view, total", r/1024, g/1024, (b>0 ? sprintf("%.1f", b/1024) : "n/a")
  printf "budget: %d KB gzip; used %.0f%% (%s)\n", budget, 100*g/1024/budget, (g/1024 <= budget ? "within" : "OVER") }'
echo "fetched after the first frame: the bold face; when a band is first needed: the draws (outside the budget):"
for f in font-bold epoch2024-bootstrap.csv; do
  if [ -f "$f" ]; then measure "$f"; fi
done

#!/usr/bin/env bash
# sizes.sh: the shipped files of build/site/, raw and gzip -9 (and brotli when installed), in KB.
set -euo pipefail
cd "$(dirname "$0")/../build/site"
printf '%-16s %10s %10s %10s\n' file raw_KB gzip_KB brotli_KB
for f in index.html index.js index.wasm index.data; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  br=$(command -v brotli >/dev/null && brotli -c "$f" | wc -c || echo 0)
  awk -v f="$f" -v r="$raw" -v g="$gz" -v b="$br" 'BEGIN { printf "%-16s %10.1f %10.1f %10s\n", f, r/1024, g/1024, (b>0 ? sprintf("%.1f", b/1024) : "n/a") }'
done

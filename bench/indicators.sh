#!/usr/bin/env bash
# The cost of plan data at issue 19's scale: 60 areas x 4 indicators x 5 years (one series,
# quarterly schedule, notes, metadata). Builds a site of those plans alone; reports best of 3.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=.bench/indicators
BIN=.build/release/nhipcau
rm -rf "$WORK"; mkdir -p "$WORK"
python3 bench/generate.py --indicators "$WORK/content"
best=999999; rss=0
for run in 1 2 3; do
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$BIN" build --content "$WORK/content" --output "$WORK/site-$run" --date 2026-11-25 > "$WORK/build.log"
  read -r wall kb < "$WORK/time.txt"
  best=$(python3 -c "print(min($best, $wall))")
  rss=$(python3 -c "print(max($rss, $kb))")
done
pages=$(find "$WORK/site-3" -name '*.html' | wc -l)
size=$(du -sk "$WORK/site-3/chi-tieu" | cut -f1)
rm -rf "$WORK"/site-*
python3 - "$best" "$rss" "$pages" "$size" <<'PY'
import sys
wall, rss_kb, pages, size_kb = float(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print(f"plans 60 areas x 4 indicators x 5 years (issue 19)")
print(f"  build wall time  {wall:>8.2f} s   (best of 3)")
print(f"  peak memory      {rss_kb / 1024:>8.0f} MB")
print(f"  HTML pages       {pages:>8,}")
print(f"  /chi-tieu/ size  {size_kb / 1024:>8.1f} MB")
PY

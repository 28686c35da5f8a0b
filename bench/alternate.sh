#!/usr/bin/env bash
# Before/after of a body edit: two (or more) builds of the tool, alternating, on the same machine
# in the same minutes, which a machine's drift between runs (several tenths of a second at 100,000
# stories) would otherwise swamp. Each binary has its own output and --cache folder under WORK and
# is first run WARM times, 4 s apart, as an officer's output has been built before. Then, ROUNDS
# times and each binary in turn: a line appended to one story and a timed build ("body"), the story
# put back and a timed build ("back"). Prints: binary, edit, wall s, user s, system s, peak KB.
# Usage: [WARM=5] bench/alternate.sh WORK ROUNDS BIN...   (WORK holds content/, e.g. .bench/100000)
# Compare with a clean build: bench/incremental.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$1; ROUNDS=$2; shift 2
STORY="$WORK/content/stories/cau-chuyen-000042.md"
ORIGINAL="$WORK/alternate-story.orig"
cp "$STORY" "$ORIGINAL"
trap 'cp "$ORIGINAL" "$STORY"' EXIT
build() { # binary, then any time options
  local bin=$1 name; shift
  name=$(basename "$bin")
  "$@" "$bin" build --quiet --content "$WORK/content" --output "$WORK/alternate-$name" \
    --cache "$WORK/alternate-cache-$name" --date 2026-11-25
}
for bin in "$@"; do
  for ((i = 0; i < ${WARM:-5}; i++)); do build "$bin"; sleep 4; done
done
for ((round = 1; round <= ROUNDS; round++)); do
  for bin in "$@"; do
    printf '\nMột đoạn thêm lần %s.\n' "$round" >> "$STORY"; sleep 4
    build "$bin" /usr/bin/time -f "$(basename "$bin") body %e %U %S %M"
    cp "$ORIGINAL" "$STORY"; sleep 4
    build "$bin" /usr/bin/time -f "$(basename "$bin") back %e %U %S %M"
  done
done

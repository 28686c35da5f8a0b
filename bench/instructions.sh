#!/usr/bin/env bash
# Instructions of a body edit, counted by callgrind: the same figure run after run, which wall time
# on this shared machine is not (see alternate.sh). For each binary: a copy without debug sections
# (valgrind cannot read the Swift toolchain's), built twice under valgrind with counting off (under
# valgrind the tool's identity is valgrind's, so its cache must be made there too; libvips' runtime
# code generation does not run under valgrind: VIPS_NOVECTOR), then a line added to one story and the
# build counted. Prints each binary and its instructions. Needs valgrind and binutils.
# Usage: bench/instructions.sh CONTENT BIN...   (e.g. .bench/10000/content, or content for the sample site)
# The sites are built in a temporary folder; the profiles are left in .bench/instructions-<binary>.out
# for callgrind_annotate.
set -euo pipefail
cd "$(dirname "$0")/.."
CONTENT=$1; shift
STORY=$(find "$CONTENT/stories" -name '*.md' | sort | head -1)
ORIGINAL=$(mktemp)
cp "$STORY" "$ORIGINAL"
WORK=$(mktemp -d)
mkdir -p .bench
trap 'cp "$ORIGINAL" "$STORY"; rm -rf "$ORIGINAL" "$WORK"' EXIT
for bin in "$@"; do
  name=$(basename "$bin")
  strip --strip-debug -o "$WORK/$name" "$bin"
  output="$WORK/site-$name" cache="$WORK/cache-$name"
  build() { VIPS_NOVECTOR=1 valgrind --tool=callgrind "$@" "$WORK/$name" build --quiet --content "$CONTENT" \
    --output "$output" --cache "$cache" --date 2026-11-25; }
  for _ in 1 2; do build -q --instr-atstart=no --callgrind-out-file=/dev/null; sleep 4; done
  printf '\nMột đoạn thêm.\n' >> "$STORY"; sleep 4
  build --callgrind-out-file=".bench/instructions-$name.out" 2>&1 | sed -n 's/.*Collected : \([0-9]*\)/\1/p' |
    xargs printf '%s %s instructions\n' "$name"
  cp "$ORIGINAL" "$STORY"; sleep 4
done

#!/usr/bin/env bash
# Instructions of a body edit, counted by callgrind: the same figure run after run, which wall time
# on this shared machine is not (see alternate.sh). The content folder is copied first (its first
# story is the one edited). For each binary: a copy without debug sections (valgrind cannot read the
# Swift toolchain's), built twice under valgrind with counting off (under valgrind the tool's
# identity is valgrind's, so its cache must be made there too; libvips' runtime code generation does
# not run under valgrind: VIPS_NOVECTOR), then a line added to the story and the build counted.
# Prints each binary and its instructions. Needs valgrind and binutils.
# Usage: bench/instructions.sh CONTENT BIN...   (e.g. .bench/10000/content, or content for the sample site)
# The profiles are left in .bench/instructions-<n>-<binary>.out for callgrind_annotate.
set -euo pipefail
for tool in valgrind strip; do
  command -v "$tool" > /dev/null || { echo "bench/instructions.sh needs $tool (Debian: apt-get install valgrind binutils)" >&2; exit 1; }
done
CONTENT=$(realpath "$1"); shift
BINARIES=()
for bin in "$@"; do BINARIES+=("$(realpath "$bin")"); done
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p .bench
cp -r "$CONTENT" "$WORK/content"
# sed, not head: head would stop reading, and pipefail would end the script on sort's broken pipe.
STORY=$(find "$WORK/content/stories" -name '*.md' | sort | sed -n 1p)
cp "$STORY" "$WORK/story.orig"
index=0
for bin in "${BINARIES[@]}"; do
  index=$((index + 1))
  name="$index-$(basename "$bin")"
  strip --strip-debug -o "$WORK/$name" "$bin"
  build() { VIPS_NOVECTOR=1 valgrind --tool=callgrind "$@" "$WORK/$name" build --quiet --content "$WORK/content" \
    --output "$WORK/site-$name" --cache "$WORK/cache-$name" --date 2026-11-25; }
  for _ in 1 2; do build -q --instr-atstart=no --callgrind-out-file=/dev/null; sleep 4; done
  printf '\nMột đoạn thêm.\n' >> "$STORY"; sleep 4
  build --callgrind-out-file=".bench/instructions-$name.out" 2>&1 | sed -n 's/.*Collected : \([0-9]*\)/\1/p' |
    xargs -r printf '%s %s instructions\n' "$(basename "$bin")"
  cp "$WORK/story.orig" "$STORY"; sleep 4
done

#!/usr/bin/env bash
# The man page, nhipcau.1, from the commands' own help: swift-argument-parser's manual generator
# (the tool behind its `generate-manual` plugin), built from the checked-out package and run on the
# executable. The page's date is the last commit's, so the page is reproducible.
#   scripts/dist-manual.sh EXECUTABLE OUTPUT_FOLDER
# (The plugin itself, `swift package plugin generate-manual`, would rebuild every product in release
# mode without --static-swift-stdlib, over the executable `make dist` has just linked.)
set -euo pipefail
cd "$(dirname "$0")/.."
executable=$(realpath "$1")
output=$2
SWIFT=${SWIFT:-swift}
parser=.build-dist/checkouts/swift-argument-parser
tools=.build-dist/argument-parser-tools
[ -d "$parser" ] || { echo "dist: $parser is missing (make dist resolves the packages first)"; exit 1; }
"$SWIFT" build --package-path "$parser" --scratch-path "$tools" --product generate-manual > "$tools.log" 2>&1 ||
  { cat "$tools.log"; exit 1; }
mkdir -p "$output"
"$tools/debug/generate-manual" "$executable" --date "$(date -u -d "@${SOURCE_DATE_EPOCH:?}" +%Y-%m-%d)" \
  --section 1 --authors "NhipCau<dev@nhipcau.invalid>" --output-directory "$output"
[ -s "$output/nhipcau.1" ] || { echo "dist: generate-manual wrote no nhipcau.1"; exit 1; }
# The commands' discussions have blank lines between paragraphs, which mdoc warns about on every
# `man nhipcau`: a blank line becomes mdoc's paragraph break.
sed -i 's/^$/.Pp/' "$output/nhipcau.1"

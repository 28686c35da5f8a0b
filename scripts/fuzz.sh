#!/usr/bin/env bash
# Runs the libFuzzer build of NhipCauFuzz (made by `make fuzz`) for a given time.
#   scripts/fuzz.sh SECONDS [BINARY]
# Seeds come from content/ (every kind of file), the bad-input corpus and earlier findings;
# new inputs the fuzzer finds interesting go to .fuzz/corpus/, crashes and hangs to .fuzz/findings/.
# One process, niced: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
binary=${2:-.build-fuzz/debug/NhipCauFuzz}
work=.fuzz
rm -rf "$work/seeds"
mkdir -p "$work/seeds" "$work/corpus" "$work/findings"

seed() { cp "$1" "$work/seeds/$(printf '%s' "$1" | tr '/ ' '__')"; }
while IFS= read -r -d '' file; do seed "$file"; done < <(
  find content Tests/NhipCauTests/Fixtures/bad Tests/NhipCauTests/Fixtures/fuzz -type f \
    \( -name '*.md' -o -name '*.json' -o -name '*.yml' -o -name '*.input' \) -size -64k -print0 2>/dev/null)
echo "fuzz: $(ls "$work/seeds" | wc -l) seeds, $(ls "$work/corpus" | wc -l) inputs kept from earlier runs, ${seconds}s"

# malloc_context_size=0: no allocation stacks in reports (a third faster); replay a finding with
# `ASAN_OPTIONS= .build-fuzz/debug/NhipCauFuzz .fuzz/findings/crash-…` for the full report.
ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0} nice -n 10 "$binary" \
  "$work/corpus" "$work/seeds" \
  -dict=scripts/fuzz.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=16384 \
  -artifact_prefix="$work/findings/" -print_final_stats=1 2>&1 | tee "$work/last-run.log"
status=${PIPESTATUS[0]}
echo "fuzz: log in $work/last-run.log; findings (if any) in $work/findings/"
exit "$status"

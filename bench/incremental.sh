#!/usr/bin/env bash
# Part of make bench: one officer's loop on the generated site. Builds once, then edits one story
# (its body, then its title, then its tags), runs `nhipcau build` after each edit, and checks each
# result against a build from nothing of the same content (byte for byte, `diff -r`).
# Usage: [WARM=4] bench/incremental.sh WORK BIN   (WORK holds content/)
# The officer has published before: the site is first built WARM times, 4 s apart, so that its two output
# folders carry the records an officer's output has (StagingRecord; front matter and pictures known by their
# status). WARM=1 measures the edits right after the first build of a new output folder.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$1; BIN=$2
STORY="$WORK/content/stories/cau-chuyen-000042.md"
SITE="$WORK/incremental-site"; CLEAN="$WORK/incremental-clean"
cp "$STORY" "$WORK/story.orig"
trap 'cp "$WORK/story.orig" "$STORY"' EXIT
build() { "$BIN" build --quiet --content "$WORK/content" --output "$1" --date 2026-11-25; }
timed() { # label
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$BIN" build --quiet --content "$WORK/content" --output "$SITE" --date 2026-11-25
  read -r wall kb < "$WORK/time.txt"
  rm -rf "$CLEAN" "$WORK/.incremental-clean.nhipcau-new"; build "$CLEAN"
  if diff -rq "$SITE" "$CLEAN" > "$WORK/diff.txt"; then same="identical to a clean build"; else same="DIFFERS from a clean build: $(head -3 "$WORK/diff.txt")"; fi
  printf '%-28s %7.2f s %6.0f MB   %s\n' "$1" "$wall" "$((kb / 1024))" "$same"
}
WARM=${WARM:-4}
for ((i = 1; i <= WARM; i++)); do   # the previous builds the officer has
  build "$SITE"
  if ((i < WARM)); then sleep 4; fi
done
sleep 4
if ((WARM == 1)); then earlier="1 build"; else earlier="$WARM builds"; fi
echo "incremental builds ($(basename "$STORY"), after $earlier of the same site)"
timed "nothing changed"
printf '\nMột đoạn mới thêm vào cuối câu chuyện.\n' >> "$STORY"
timed "one story's body edited"
sed -i 's/^title: .*/title: "Câu chuyện đã sửa tiêu đề"/' "$STORY"
timed "one story's title edited"
sed -i 's/^tags: .*/tags: [thẻ mới, nông nghiệp]/' "$STORY"
timed "one story's tags edited"
rm -rf "$CLEAN" "$WORK/.incremental-clean.nhipcau-new"

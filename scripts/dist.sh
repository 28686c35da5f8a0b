#!/usr/bin/env bash
# make dist: the self-contained Linux build, as a tarball and a Debian package, into dist/.
#   dist/nhipcau-<version>-linux-x86_64.tar.gz   the executable (Swift runtime and libcmark linked in,
#                                                stripped), README.md, docs/content.md, LICENSES/
#   dist/nhipcau_<version>_amd64.deb             /usr/bin/nhipcau, man page, bash/zsh/fish completions,
#                                                /usr/share/doc/nhipcau; Depends: from what it links
# Both are reproducible: every date is the last commit's (SOURCE_DATE_EPOCH), owners and order fixed.
# The version is the executable's own (`nhipcau --version`, Sources/nhipcau/Version.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
scratch=.build-dist
out=dist
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
export TZ=UTC LC_ALL=C.UTF-8
umask 022

git diff --quiet HEAD -- 2>/dev/null || echo "dist: warning: the working tree differs from the last commit; the files are not reproducible from it"

# The release build. libcmark: its module map links `cmark` and Debian's libcmark.pc puts
# /usr/lib/x86_64-linux-gnu (which holds libcmark.so) first in the search; a .pc of our own names
# instead a folder that holds only Debian's libcmark.a, so the linker takes the static library.
static_libs=$PWD/$scratch/static-libs
mkdir -p "$static_libs" "$scratch/pkgconfig"
ln -sf "$(pkg-config --variable=libdir libcmark)/libcmark.a" "$static_libs/libcmark.a"
printf 'Name: libcmark\nDescription: CommonMark, linked statically by make dist\nVersion: %s\nLibs: -L%s\nCflags: -I%s\n' \
  "$(pkg-config --modversion libcmark)" "$static_libs" "$(pkg-config --variable=includedir libcmark)" > "$scratch/pkgconfig/libcmark.pc"
PKG_CONFIG_PATH=$PWD/$scratch/pkgconfig "$SWIFT" build -c release --product nhipcau --static-swift-stdlib --scratch-path "$scratch"
built=$scratch/release/nhipcau
bash scripts/dist-check-links.sh "$built"

stage=$(mktemp -d "${TMPDIR:-/tmp}/nhipcau-dist.XXXXXX")
trap 'rm -rf "$stage"' EXIT
strip --strip-all -o "$stage/nhipcau" "$built"
version=$("$stage/nhipcau" --version | awk '{print $1; exit}')
echo "dist: nhipcau $("$stage/nhipcau" --version), $(stat -c %s "$stage/nhipcau") bytes stripped"
rm -rf "$out"
mkdir -p "$out"

# Licence texts of what is linked in: the Swift runtime and Foundation, libcmark, and each package
# whose modules the link used (read from SwiftPM's list of linked objects).
licences() {
  local into=$1
  mkdir -p "$into"
  cp /opt/swift/usr/share/swift/LICENSE.txt "$into/swift.txt" 2>/dev/null ||
    cp "$(dirname "$(dirname "$(readlink -f "$(command -v "$SWIFT")")")")/share/swift/LICENSE.txt" "$into/swift.txt"
  cp "/usr/share/doc/$(dpkg -S "$(readlink -f "$(pkg-config --variable=libdir libcmark)/libcmark.a")" | cut -d: -f1)/copyright" "$into/cmark.txt"
  local objects=$scratch/release/nhipcau.product/Objects.LinkFileList package target
  for package in "$scratch"/checkouts/*/; do
    for target in "$package"Sources/*/; do
      if grep -q "/$(basename "$target").build/" "$objects"; then
        cp "$(ls "$package"LICENSE* | head -n 1)" "$into/$(basename "$package").txt"
        break
      fi
    done
  done
}

# The tarball.
name=nhipcau-$version-linux-x86_64
mkdir -p "$stage/$name/docs"
cp "$stage/nhipcau" "$stage/$name/nhipcau"
cp README.md "$stage/$name/"
cp docs/content.md "$stage/$name/docs/"
licences "$stage/$name/LICENSES"
reproducible_tar() {  # folder member → stdout: sorted, root-owned, every date the last commit's
  tar -C "$1" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" --clamp-mtime \
    --mode='u+rw,go+r,go-w' --format=gnu -cf - "$2"
}
reproducible_tar "$stage" "$name" | gzip -9 -n > "$out/$name.tar.gz"

# The Debian package.
root=$stage/deb
mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/man/man1" "$root/usr/share/doc/nhipcau" \
  "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" "$root/usr/share/fish/vendor_completions.d"
cp "$stage/nhipcau" "$root/usr/bin/nhipcau"
"$root/usr/bin/nhipcau" --generate-completion-script bash > "$root/usr/share/bash-completion/completions/nhipcau"
"$root/usr/bin/nhipcau" --generate-completion-script zsh > "$root/usr/share/zsh/vendor-completions/_nhipcau"
"$root/usr/bin/nhipcau" --generate-completion-script fish > "$root/usr/share/fish/vendor_completions.d/nhipcau.fish"
bash scripts/dist-manual.sh "$root/usr/bin/nhipcau" "$stage/man"
gzip -9 -n -c "$stage/man/nhipcau.1" > "$root/usr/share/man/man1/nhipcau.1.gz"
gzip -9 -n -c README.md > "$root/usr/share/doc/nhipcau/README.md.gz"
gzip -9 -n -c docs/content.md > "$root/usr/share/doc/nhipcau/content.md.gz"
licences "$stage/licences"
{
  printf 'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: nhipcau\n\n'
  printf 'Files: *\nComment: nhipcau links in the Swift runtime and Foundation, libcmark and Swift packages;\n'
  printf ' their licence texts follow, each under its name.\n'
  for text in "$stage"/licences/*.txt; do
    printf '\n==> %s <==\n' "$(basename "$text" .txt)"
    cat "$text"
  done
} > "$root/usr/share/doc/nhipcau/copyright"

# Depends: what dpkg-shlibdeps finds the executable needs (shared libraries → Debian packages and
# versions, from the installed packages' symbols files), never a hand-written list.
shlibs=$stage/shlibs
mkdir -p "$shlibs/debian"
printf 'Source: nhipcau\n\nPackage: nhipcau\nArchitecture: amd64\n' > "$shlibs/debian/control"
depends=$(cd "$shlibs" && dpkg-shlibdeps -O "$root/usr/bin/nhipcau" | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "dist: dpkg-shlibdeps found no dependency"; exit 1; }

installed_size=$(du -sk --apparent-size "$root/usr" | cut -f1)
cat > "$root/DEBIAN/control" <<CONTROL
Package: nhipcau
Version: $version
Architecture: amd64
Maintainer: NhipCau <dev@nhipcau.invalid>
Installed-Size: $installed_size
Depends: $depends
Section: web
Priority: optional
Description: static site generator for public portals about working abroad under contract
 NhipCau turns Markdown stories, markets, policies and JSON target data written by
 Vietnamese information officers into a complete static website: lists, a market
 comparison, a policy register, progress charts as accessible SVG, search that
 understands Vietnamese typed without diacritics, feeds and a sitemap.
 .
 Start with: nhipcau init my-site && cd my-site && nhipcau build
CONTROL
(cd "$root" && find usr -type f | sort | xargs md5sum) > "$root/DEBIAN/md5sums"
find "$root" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
chmod -R u+rwX,go+rX,go-w "$root"
dpkg-deb --root-owner-group -Zgzip -z9 --build "$root" "$out/nhipcau_${version}_amd64.deb" > /dev/null

echo "dist: Depends: $depends"
(cd "$out" && ls -l && sha256sum *)

#!/usr/bin/env bash
# make dist-test: installs dist/'s .deb in a minimal Debian 12 root with apt (so its Depends: are
# proven by apt) and, there, with no Swift anywhere, runs what a newcomer runs: `nhipcau init x &&
# cd x && nhipcau build && nhipcau check`, `man nhipcau`, the completions; then the same with the
# tarball's executable, in the same root before the package is installed.
#   scripts/dist-test.sh [DIST_FOLDER]
# The root is made once with debootstrap and kept in $NHIPCAU_DIST_TEST_CACHE (default
# /var/cache/nhipcau-dist-test, outside the repository); each run works on a fresh copy of it.
# Needs root (chroot, mount) and Debian's mirror.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=$(realpath "${1:-dist}")
cache=${NHIPCAU_DIST_TEST_CACHE:-/var/cache/nhipcau-dist-test}
mirror=${NHIPCAU_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
pristine=$cache/$suite-minbase
started=$(date +%s)

deb=$(ls "$dist"/nhipcau_*_amd64.deb 2>/dev/null | head -n 1)
tarball=$(ls "$dist"/nhipcau-*-linux-x86_64.tar.gz 2>/dev/null | head -n 1)
[ -n "$deb" ] && [ -n "$tarball" ] || { echo "dist-test: no .deb or tarball in $dist (run make dist first)"; exit 1; }
[ "$(id -u)" = 0 ] || { echo "dist-test: needs root (debootstrap, chroot)"; exit 1; }

# The cached root: minbase (what `debootstrap` gives, apt included) plus man-db, so that `man` is there
# as on an ordinary Debian; apt's lists are fetched once, for Depends: not already installed.
if [ ! -f "$pristine/.complete" ]; then
  echo "dist-test: making a Debian 12 root in $pristine (once; later runs reuse it)"
  rm -rf "$pristine"
  mkdir -p "$cache"
  debootstrap --variant=minbase --include=man-db "$suite" "$pristine" "$mirror" > "$cache/debootstrap.log" 2>&1 ||
    { tail -n 20 "$cache/debootstrap.log"; echo "dist-test: debootstrap failed (log: $cache/debootstrap.log)"; exit 1; }
  printf 'deb %s %s main\n' "$mirror" "$suite" > "$pristine/etc/apt/sources.list"
  cp /etc/resolv.conf "$pristine/etc/resolv.conf"
  chroot "$pristine" apt-get update -qq
  touch "$pristine/.complete"
  echo "dist-test: root made in $(( $(date +%s) - started )) s"
fi

root=$(mktemp -d /var/tmp/nhipcau-dist-test.XXXXXX)
cleanup() {
  for mount in "$root/proc" "$root/dev/pts" "$root/dev"; do if mountpoint -q "$mount"; then umount -l "$mount"; fi; done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
cp -a "$pristine/." "$root/"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mkdir -p "$root/root/dist"
cp "$deb" "$tarball" "$root/root/dist/"

cat > "$root/root/newcomer.sh" <<'SCRIPT'
set -euo pipefail
export LANG=C.UTF-8 HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin
cd /root
step() { printf '\ndist-test (in the Debian root): %s\n' "$*"; }
if command -v swift >/dev/null || ls /usr/lib/swift* /opt/swift >/dev/null 2>&1; then echo "Swift is in the root"; exit 1; fi

step "the tarball's executable, alone (with the shared libraries the .deb's Depends: names, as README says)"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  $(dpkg-deb -f dist/nhipcau_*_amd64.deb Depends | tr ',' '\n' | sed 's/(.*)//; s/ //g') > /dev/null
mkdir tarball && tar -xzf dist/nhipcau-*-linux-x86_64.tar.gz -C tarball
tool=$(ls -d /root/tarball/nhipcau-*/)nhipcau
"$tool" --version
"$tool" init x-tarball && cd x-tarball && "$tool" build && "$tool" check && test -f site/index.html
cd /root

step "apt-get install ./$(basename dist/nhipcau_*_amd64.deb)"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q ./dist/nhipcau_*_amd64.deb
command -v nhipcau
nhipcau --version
nhipcau init x && cd x && nhipcau build && nhipcau check && test -f site/index.html
cd /root

step "man nhipcau"
MANPAGER=cat MANWIDTH=80 man nhipcau > man.txt
head -n 12 man.txt
grep -q "nhipcau build" man.txt

step "completions"
test -s /usr/share/bash-completion/completions/nhipcau
test -s /usr/share/zsh/vendor-completions/_nhipcau
test -s /usr/share/fish/vendor_completions.d/nhipcau.fish
bash -n /usr/share/bash-completion/completions/nhipcau
ls /usr/share/doc/nhipcau

step "apt-get remove nhipcau"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -q nhipcau > /dev/null
test ! -e /usr/bin/nhipcau && test ! -e /usr/share/man/man1/nhipcau.1.gz
SCRIPT
chroot "$root" /bin/bash /root/newcomer.sh
echo "dist-test: passed in $(( $(date +%s) - started )) s"

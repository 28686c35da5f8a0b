#!/usr/bin/env bash
# What the release executable links, checked after `make dist`'s build:
# 1. no shared Swift runtime, Foundation or libcmark (they must be linked in: --static-swift-stdlib,
#    libcmark.a), so the executable runs on a Debian with no Swift;
# 2. no module beyond those listed in scripts/dist-foundation-modules.txt uses swift-corelibs-foundation
#    (`Foundation`, as opposed to `FoundationEssentials`). Foundation brings in FoundationInternationalization
#    and ICU with its 32 MB of data (README, Install: "Size"); the list may only shrink, and once it is
#    empty the ICU data is gone. A new `import Foundation` that uses anything outside FoundationEssentials
#    in another module (a new target, a new dependency) fails here, naming it.
#   scripts/dist-check-links.sh .build-dist/release/nhipcau
set -euo pipefail
cd "$(dirname "$0")/.."
executable=$1
objects=$(dirname "$(readlink -f "$executable")")/nhipcau.product/Objects.LinkFileList
allowed=scripts/dist-foundation-modules.txt
status=0

needed=$(readelf -d "$executable" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
for library in $needed; do
  case $library in
    libswift*|libFoundation*|lib_Foundation*|libdispatch*|libBlocksRuntime*|libcmark*|libicu*)
      echo "dist: $executable needs the shared $library; it must be linked in (--static-swift-stdlib, libcmark.a)"
      status=1 ;;
  esac
done

# Swift symbols of the module Foundation carry `10Foundation` in their mangled names
# (FoundationEssentials' carry `20FoundationEssentials`).
using=$(tr -d '"' < "$objects" | xargs -r dirname | sort -u | while read -r folder; do
  count=$( (nm -u "$folder"/*.o 2>/dev/null || true) | grep -cE '(^|[^0-9])10Foundation' || true)
  if [ "$count" -gt 0 ]; then basename "$folder" .build; fi
done)
listed=$(grep -v '^#' "$allowed" | awk 'NF {print $1}')
for module in $using; do
  if ! grep -qx "$module" <<< "$listed"; then
    echo "dist: the module $module uses swift-corelibs-foundation, which links FoundationInternationalization and"
    echo "  ICU (about 35 MB). Import FoundationEssentials where it suffices:"
    echo "    #if canImport(FoundationEssentials)"
    echo "    import FoundationEssentials"
    echo "    #else"
    echo "    import Foundation"
    echo "    #endif"
    echo "  and avoid NSLock (Synchronization's Mutex), FileHandle, NSString, String(format:), formatters."
    echo "  For example: $( (nm -u "$(dirname "$(tr -d '"' < "$objects" | grep -m1 "/$module.build/")")"/*.o 2>/dev/null || true) |
      grep -oE '[^ ]*[^0-9]10Foundation[^ ]*' | sort -u | head -n 3 | tr '\n' ' ')"
    status=1
  fi
done
for module in $listed; do
  grep -qx "$module" <<< "$using" || echo "dist: $module no longer uses Foundation: remove it from $allowed"
done
icu=$(nm -S "$executable" | awk '$4 ~ /^icudt[0-9]+_dat$/ {print $2}')
if [ -n "$icu" ]; then
  echo "dist: ICU data linked ($(( 16#$icu / 1024 / 1024 )) MB), through Foundation in: $(echo $using | tr ' ' ',')"
fi
[ $status = 0 ] && echo "dist: links only $(echo $needed | tr ' ' ','); Foundation only in the listed modules"
exit $status

#!/usr/bin/env bash
# `npm run build:mediasoup-worker`: mediasoup's C++ worker for the TEST SUITE, built from the sources inside the
# installed `mediasoup` npm package (the exact version package-lock.json locks) with this folder's patches/*.patch,
# against Debian 12's libraries (libuv, OpenSSL, libsrtp2, flatbuffers, abseil), with meson and ninja. No network
# beyond Debian's packages. Production does not use this binary: the Docker image runs mediasoup's own worker.
#
# The binary is cached under ${DIEM_CAU_CACHE_DIR:-~/.cache/diem-cau}/mediasoup-worker/<version>-<hash>/, the hash
# covering the patches and the build options, so a second run only prints the path. Prints the binary's path
# (alone) on stdout; point MEDIASOUP_WORKER_BIN at it. Progress goes to stderr.
#
#   --cached-only   print the cached binary's path, or exit 3 without building (what the tests call)
#   --force         rebuild even when cached
# Environment: MEDIASOUP_BUILD_JOBS (ninja -j, default 2; the compile runs under nice -n 19).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PATCH_DIR="$ROOT/scripts/mediasoup/patches"
SOURCES="$ROOT/node_modules/mediasoup/worker"
JOBS="${MEDIASOUP_BUILD_JOBS:-2}"
MESON_OPTIONS=(--wrap-mode=nodownload --buildtype release -Db_ndebug=true)
# Build tools and the -dev packages of the libraries the patched meson.build asks pkg-config for.
PACKAGES=(meson ninja-build g++ pkg-config patch libuv1-dev libssl-dev libsrtp2-dev libabsl-dev libflatbuffers-dev flatbuffers-compiler)

log() { echo "mediasoup-worker: $*" >&2; }
die() { log "$*"; exit 1; }

mode=build
case "${1:-}" in
  '') ;;
  --cached-only) mode=cached ;;
  --force) mode=force ;;
  *) die "unknown option $1 (use --cached-only or --force)" ;;
esac

# The worker must come from the very version whose JavaScript runs it: a worker of another version hangs
# createWorker() without an error. So the version is read from the installed package and checked against the lock.
[ -f "$SOURCES/meson.build" ] || die "no worker sources in $SOURCES: run \`npm ci\` first"
version="$(node -p "require('$ROOT/node_modules/mediasoup/package.json').version")"
locked="$(node -p "require('$ROOT/package-lock.json').packages['node_modules/mediasoup'].version")"
[ "$version" = "$locked" ] || die "node_modules has mediasoup $version but package-lock.json locks $locked: run \`npm ci\`"

shopt -s nullglob
patches=("$PATCH_DIR"/*.patch)
hash="$( { printf '%s\n' "${MESON_OPTIONS[@]}"; for p in "${patches[@]}"; do basename "$p"; cat "$p"; done; } | sha256sum | cut -c1-12)"
cache_root="${DIEM_CAU_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/diem-cau}/mediasoup-worker"
target="$cache_root/$version-$hash"
binary="$target/mediasoup-worker"

# A cached binary whose shared libraries are gone (a machine reinstalled without the packages) is rebuilt.
cached_and_loadable() { [ -x "$binary" ] && ! ldd "$binary" 2>/dev/null | grep -q 'not found'; }

if [ "$mode" = cached ]; then
  cached_and_loadable && { echo "$binary"; exit 0; }
  log "no usable worker for mediasoup $version with patch set $hash in $cache_root"
  exit 3
fi
if [ "$mode" = build ] && cached_and_loadable; then echo "$binary"; exit 0; fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}"
  log "installing ${missing[*]} (apt-get)"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

mkdir -p "$cache_root"
# One build at a time per machine; a second caller waits, then finds the binary cached.
exec 9>"$cache_root/.lock"
flock 9
if [ "$mode" = build ] && cached_and_loadable; then echo "$binary"; exit 0; fi

work="$(mktemp -d "$cache_root/.build-XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp -r "$SOURCES" "$work/src"
for p in "${patches[@]}"; do
  log "applying $(basename "$p")"
  patch -d "$work/src" -p1 --forward --batch --quiet < "$p" || die "$(basename "$p") does not apply to mediasoup $version: re-port it"
done

started=$SECONDS
log "building mediasoup $version (patch set $hash) with ninja -j$JOBS under nice -n 19"
meson setup "${MESON_OPTIONS[@]}" "$work/build" "$work/src" >"$work/setup.log" 2>&1 || { cat "$work/setup.log" >&2; die "meson setup failed"; }
nice -n 19 ninja -C "$work/build" -j"$JOBS" mediasoup-worker >"$work/ninja.log" 2>&1 || { tail -n 60 "$work/ninja.log" >&2; die "the build failed"; }

# Never cache a worker that does not answer: start it under mediasoup's own JavaScript and create a router.
node "$ROOT/scripts/mediasoup/smokeWorker.mjs" "$work/build/mediasoup-worker" >&2 || die "the built worker does not start (see above); not cached"

staged="$work/out"
mkdir -p "$staged"
cp "$work/build/mediasoup-worker" "$staged/"
{
  echo "mediasoup $version, patch set $hash, built $(date -u +%FT%TZ) in $((SECONDS - started)) s with ninja -j$JOBS"
  echo "patches: $(for p in "${patches[@]}"; do basename "$p"; done | tr '\n' ' ')"
  dpkg-query -W -f='${Package} ${Version}\n' libuv1-dev libssl-dev libsrtp2-dev libabsl-dev libflatbuffers-dev flatbuffers-compiler meson
} > "$staged/BUILD-INFO"
rm -rf "$target"
mv "$staged" "$target"
log "built in $((SECONDS - started)) s"
echo "$binary"

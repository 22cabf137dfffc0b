#!/usr/bin/env bash
# Builds the local images this project runs on a machine without a container registry:
#   debian:bookworm-slim / debian:bookworm   debootstrap --variant=minbase + docker import
#   postgres:15                              stand-in from Debian postgresql-15
#   rabbitmq:3-management                    stand-in from Debian rabbitmq-server + management plugin
#   mcr.microsoft.com/dotnet/aspnet:10.0     stand-in: Debian + the host's .NET runtime
#   mcr.microsoft.com/dotnet/sdk:10.0        stand-in: the above + the host's whole .NET SDK + git
# They carry the official names, so the same tests and compose file pull the real images elsewhere.
# Idempotent: every image that is already present is skipped (IMAGES_REBUILD=1 rebuilds the stand-ins).
# Needs a running engine: bash deploy/docker/engine.sh
set -euo pipefail

export DOCKER_API_VERSION="${DOCKER_API_VERSION:-1.41}"
export DOCKER_BUILDKIT=0
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/.data/docker"
mkdir -p "$work"
if [ -x /usr/bin/docker ]; then docker=/usr/bin/docker; else docker="$(command -v docker)"; fi

say() { echo "images: $*" >&2; }
have() { "$docker" image inspect "$1" >/dev/null 2>&1; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

# The host's Debian mirror (first deb822 or one-line source for a bookworm suite).
mirror=""
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] || continue
  case "$f" in
    *.sources) m="$(awk '/^URIs:/ { u = $2 } /^Suites:/ && / bookworm( |$)/ { print u; exit }' "$f")" ;;
    *) m="$(awk '$1 == "deb" && $0 ~ / bookworm / { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; exit } }' "$f")" ;;
  esac
  if [ -n "$m" ]; then mirror="$m"; break; fi
done
mirror="${mirror:-http://deb.debian.org/debian}"

# 1. Debian base image.
if ! have debian:bookworm-slim; then
  t0="$(now)"
  rootfs="$(mktemp -d "$work/rootfs.XXXXXX")"
  trap 'rm -rf "$rootfs"' EXIT
  mkdir -p "$work/debootstrap-cache"
  say "debootstrap bookworm from $mirror"
  # Two stages so the second (dpkg) runs with force-unsafe-io: about a third faster.
  debootstrap --variant=minbase --foreign --cache-dir="$work/debootstrap-cache" bookworm "$rootfs" "$mirror" \
    >"$work/debootstrap.log" 2>&1 || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }
  mkdir -p "$rootfs/etc/dpkg/dpkg.cfg.d"
  echo 'force-unsafe-io' >"$rootfs/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
  chroot "$rootfs" /debootstrap/debootstrap --second-stage \
    >>"$work/debootstrap.log" 2>&1 || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }
  # Same apt sources as the host (only the Debian ones).
  rm -f "$rootfs/etc/apt/sources.list"
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] && grep -qi 'debian' "$f" && grep -qi 'bookworm' "$f" && cp "$f" "$rootfs/etc/apt/${f#/etc/apt/}"
  done
  # Like the official slim images: no docs, no apt caches, no recommends.
  cat >"$rootfs/etc/apt/apt.conf.d/docker-clean" <<'CONF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CONF
  echo 'APT::Install-Recommends "false";' >"$rootfs/etc/apt/apt.conf.d/docker-no-recommends"
  echo 'force-unsafe-io' >"$rootfs/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/tmp/* \
         "$rootfs"/var/log/* "$rootfs/etc/hostname" "$rootfs/etc/resolv.conf"
  : >"$rootfs/etc/hostname"
  tar --numeric-owner -C "$rootfs" -c . | "$docker" import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' - debian:bookworm-slim >/dev/null
  rm -rf "$rootfs"; trap - EXIT
  say "debian:bookworm-slim built in $(took "$t0")"
fi
have debian:bookworm || "$docker" tag debian:bookworm-slim debian:bookworm

build() { # build <tag> <dir> [context]
  local tag="$1" dir="$2" ctx="${3:-$2}" t0 log
  if have "$tag" && [ "${IMAGES_REBUILD:-0}" != 1 ]; then return 0; fi
  t0="$(now)"
  log="$work/build-$(basename "$dir").log"
  say "building $tag"
  if ! "$docker" build --network host -t "$tag" -f "$dir/Dockerfile" "$ctx" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    say "building $tag failed (log: $log)"
    return 1
  fi
  say "$tag built in $(took "$t0")"
}

# 2. The host's .NET, staged as build contexts (hard links, so cheap; never committed).
stage=""
if ! have mcr.microsoft.com/dotnet/aspnet:10.0 || ! have mcr.microsoft.com/dotnet/sdk:10.0 || [ "${IMAGES_REBUILD:-0}" = 1 ]; then
  dn="${DOTNET_ROOT:-/usr/share/dotnet}"
  [ -x "$dn/dotnet" ] || { say "no .NET found at $dn"; exit 1; }
  stage="$(mktemp -d "$work/stage.XXXXXX")"
  trap 'rm -rf "$stage"' EXIT
  mkdir -p "$stage/aspnet/dotnet/shared" "$stage/sdk/dotnet"
  cp -r "$here/standins/aspnet/." "$stage/aspnet/"
  cp -r "$here/standins/sdk/." "$stage/sdk/"
  mkdir -p "$stage/aspnet/extra-ca"
  for c in /usr/local/share/ca-certificates/*.crt; do
    if [ -f "$c" ]; then cp "$c" "$stage/aspnet/extra-ca/"; fi
  done
  cp -al "$dn/dotnet" "$dn/host" "$dn/LICENSE.txt" "$dn/ThirdPartyNotices.txt" "$stage/aspnet/dotnet/" 2>/dev/null \
    || cp -a "$dn/dotnet" "$dn/host" "$dn/LICENSE.txt" "$dn/ThirdPartyNotices.txt" "$stage/aspnet/dotnet/"
  cp -al "$dn/shared/Microsoft.NETCore.App" "$dn/shared/Microsoft.AspNetCore.App" "$stage/aspnet/dotnet/shared/" 2>/dev/null \
    || cp -a "$dn/shared/Microsoft.NETCore.App" "$dn/shared/Microsoft.AspNetCore.App" "$stage/aspnet/dotnet/shared/"
  # The SDK image adds everything the runtime image does not already have.
  for e in "$dn"/*; do
    case "$(basename "$e")" in dotnet|host|shared|LICENSE.txt|ThirdPartyNotices.txt) continue ;; esac
    cp -al "$e" "$stage/sdk/dotnet/" 2>/dev/null || cp -a "$e" "$stage/sdk/dotnet/"
  done
  for e in "$dn"/shared/*; do
    case "$(basename "$e")" in Microsoft.NETCore.App|Microsoft.AspNetCore.App) continue ;; esac
    mkdir -p "$stage/sdk/dotnet/shared"; cp -al "$e" "$stage/sdk/dotnet/shared/" 2>/dev/null || cp -a "$e" "$stage/sdk/dotnet/shared/"
  done
fi

# 3. Stand-ins (the three independent ones in parallel; the SDK builds on the runtime image).
missing=0
for t in postgres:15 rabbitmq:3-management mcr.microsoft.com/dotnet/aspnet:10.0 mcr.microsoft.com/dotnet/sdk:10.0; do
  have "$t" || missing=1
done
if [ "$missing" = 1 ] || [ "${IMAGES_REBUILD:-0}" = 1 ]; then
  # Apt lists downloaded once for all stand-ins (a local helper image, not an official name).
  if ! have aid/standin-apt:bookworm || [ "${IMAGES_REBUILD:-0}" = 1 ]; then
    IMAGES_REBUILD=1 build aid/standin-apt:bookworm "$here/standins/apt"
  fi
fi
pids=()
build postgres:15 "$here/standins/postgres" & pids+=($!)
build rabbitmq:3-management "$here/standins/rabbitmq" & pids+=($!)
( build mcr.microsoft.com/dotnet/aspnet:10.0 "$here/standins/aspnet" "$stage/aspnet" \
  && build mcr.microsoft.com/dotnet/sdk:10.0 "$here/standins/sdk" "$stage/sdk" ) & pids+=($!)
fail=0
for p in "${pids[@]}"; do wait "$p" || fail=1; done
[ -n "$stage" ] && rm -rf "$stage"
trap - EXIT
exit "$fail"

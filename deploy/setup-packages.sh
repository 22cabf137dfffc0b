#!/usr/bin/env bash
# Packs the stand-in Patched.DistributedLock.Postgres 1.3.3 into .local-packages (see README, "Packages").
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.local-packages"
mkdir -p "$out"
if [ -f "$out/patched.distributedlock.postgres.1.3.3.nupkg" ] || [ -f "$out/Patched.DistributedLock.Postgres.1.3.3.nupkg" ]; then
  exit 0
fi
dotnet pack "$root/deploy/patched-distributedlock/Patched.DistributedLock.Postgres.csproj" \
  -c Release -o "$out" --nologo -v quiet
# A restore before this pack may have cached the package as missing.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/patched.distributedlock.postgres"

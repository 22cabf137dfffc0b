#!/usr/bin/env bash
# Makes sure a Docker engine answers on this machine (Debian 12, root), without touching the
# host's firewall or routes: dockerd runs with iptables/ip-masq/ip-forward off and publishes
# ports on 127.0.0.1 only. Idempotent: does nothing when an engine already answers.
# Then removes leftover Testcontainers containers (Ryuk is disabled in this project).
#
# Usage: bash deploy/docker/engine.sh
# Every docker call in this project works with DOCKER_API_VERSION=1.41 (Debian's engine is 20.10).
set -euo pipefail

export DOCKER_API_VERSION="${DOCKER_API_VERSION:-1.41}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
log_dir="$root/.data/docker"
log_file="$log_dir/dockerd.log"
pid_file=/var/run/docker.pid

say() { echo "engine: $*" >&2; }

if [ "$(id -u)" != 0 ]; then
  say "must run as root"; exit 1
fi

# 1. Packages (apt-get update only when a package is missing and cannot be found).
need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
if [ "${#need[@]}" -gt 0 ]; then
  say "installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    apt-get install -y --no-install-recommends "${need[@]}" >/dev/null
  fi
fi

# Prefer Debian's client (same API level as the engine); fall back to any docker on PATH.
if [ -x /usr/bin/docker ]; then docker=/usr/bin/docker; else docker="$(command -v docker)"; fi

engine_up() { "$docker" info >/dev/null 2>&1; }

# 2. Engine.
if ! engine_up; then
  # Repair a stale pidfile (dockerd refuses to start while the pid in it is alive).
  if [ -f "$pid_file" ]; then
    old="$(cat "$pid_file" 2>/dev/null || true)"
    if [ -n "$old" ] && kill -0 "$old" 2>/dev/null && grep -q dockerd "/proc/$old/cmdline" 2>/dev/null; then
      say "dockerd (pid $old) is running but does not answer yet; waiting"
    else
      rm -f "$pid_file"
      old=""
    fi
  else
    old=""
  fi
  # containerd leaves its own pidfile too.
  rm -f /var/run/docker/containerd/containerd.pid 2>/dev/null || true
  if [ -z "$old" ]; then
    mkdir -p "$log_dir"
    say "starting dockerd (log: $log_file)"
    nohup /usr/sbin/dockerd \
      --iptables=false --ip6tables=false --ip-masq=false --ip-forward=false \
      --ip 127.0.0.1 \
      --pidfile "$pid_file" \
      >>"$log_file" 2>&1 </dev/null &
    disown || true
  fi
  for _ in $(seq 1 120); do
    engine_up && break
    sleep 0.5
  done
  if ! engine_up; then
    say "dockerd did not answer within 60 s; last log lines:"
    tail -n 30 "$log_file" >&2 || true
    exit 1
  fi
fi

# 3. Leftover Testcontainers containers (no Ryuk to reap them).
left="$("$docker" ps -aq --filter label=org.testcontainers=true)"
if [ -n "$left" ]; then
  say "removing $(echo "$left" | wc -l) leftover Testcontainers container(s)"
  # shellcheck disable=SC2086
  "$docker" rm -f -v $left >/dev/null 2>&1 || true  # some may be going away on their own
fi
exit 0

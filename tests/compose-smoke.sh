#!/usr/bin/env bash
# Slow smoke test of the whole system under docker-compose: builds the images, starts everything,
# waits (bounded) for each service's /health/ready to answer 200, always tears down.
# Usage: bash tests/compose-smoke.sh     (root on Debian 12; SMOKE_TIMEOUT seconds, default 360)
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOCKER_API_VERSION="${DOCKER_API_VERSION:-1.41}"
export DOCKER_BUILDKIT=0 COMPOSE_DOCKER_CLI_BUILD=0
project=aid-smoke
timeout="${SMOKE_TIMEOUT:-360}"
compose=(docker-compose -p "$project" -f "$root/docker-compose.yml")

# Published ports: the defaults of docker-compose.yml, moved to a free port when something on this
# machine (the native servers of deploy/servers.sh, deploy/run) already listens there.
port_busy() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }
free_port() { local p=$1; while port_busy "$p"; do p=$((p + 1)); done; echo "$p"; }
pick() { # pick VAR default
  local var=$1 def=$2 p
  p="${!var:-$def}"
  if port_busy "$p"; then p="$(free_port $((def + 10)))"; echo "compose-smoke: port $def is in use; $var=$p"; fi
  export "$var=$p"
}
pick AID_COMPOSE_POSTGRES_PORT 55433
pick AID_COMPOSE_RABBITMQ_PORT 55673
pick AID_COMPOSE_RABBITMQ_MANAGEMENT_PORT 55675
pick AID_COMPOSE_REGISTRATION_PORT 5101
pick AID_COMPOSE_SECURITY_PORT 5102
pick AID_COMPOSE_APPRAISAL_PORT 5103
pick AID_COMPOSE_MONITORING_PORT 5104
pick AID_COMPOSE_NOTIFICATIONS_PORT 5105
pick AID_COMPOSE_PORTAL_PORT 5100
services=(registration:$AID_COMPOSE_REGISTRATION_PORT security:$AID_COMPOSE_SECURITY_PORT
          appraisal:$AID_COMPOSE_APPRAISAL_PORT monitoring:$AID_COMPOSE_MONITORING_PORT
          notifications:$AID_COMPOSE_NOTIFICATIONS_PORT portal:$AID_COMPOSE_PORTAL_PORT)

finish() {
  local rc=$1 failing="${2:-}"
  if [ "$rc" != 0 ] && [ "$failing" != none ]; then
    "${compose[@]}" ps >&2 || true
    for s in ${failing:-postgres rabbitmq broker-users registration security appraisal monitoring notifications portal}; do
      echo "---- docker-compose logs $s (last 80 lines) ----" >&2
      "${compose[@]}" logs --no-color --tail=80 "$s" >&2 || true
    done
  fi
  "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  if [ "$rc" = 0 ]; then echo "compose-smoke: passed"; else echo "compose-smoke: failed"; fi
  exit "$rc"
}
trap 'finish 1' INT TERM

bash "$root/deploy/docker/engine.sh" || { echo "engine: not available"; echo "compose-smoke: failed"; exit 1; }
bash "$root/deploy/docker/images.sh" || { echo "images: build failed"; echo "compose-smoke: failed"; exit 1; }

"${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
echo "compose-smoke: building and starting (project $project)"
if ! "${compose[@]}" up -d --build; then
  echo "compose-smoke: docker-compose up --build failed (see the build output above)" >&2
  finish 1 none
fi

deadline=$(( $(date +%s) + timeout ))
pending=("${services[@]}")
while [ "${#pending[@]}" -gt 0 ]; do
  still=()
  for entry in "${pending[@]}"; do
    name="${entry%%:*}" port="${entry##*:}"
    code="$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)"
    if [ "$code" = 200 ]; then
      echo "compose-smoke: $name ready (http://127.0.0.1:$port/health/ready -> 200)"
    else
      still+=("$entry")
    fi
  done
  pending=("${still[@]+"${still[@]}"}")
  [ "${#pending[@]}" -eq 0 ] && break
  if [ "$(date +%s)" -ge "$deadline" ]; then
    names=""
    for entry in "${pending[@]}"; do
      name="${entry%%:*}" port="${entry##*:}"
      code="$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)"
      echo "compose-smoke: $name NOT ready after ${timeout}s (last answer: ${code:-none})" >&2
      names="$names $name"
    done
    finish 1 "$names postgres rabbitmq broker-users"
  fi
  sleep 3
done
finish 0

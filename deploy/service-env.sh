#!/usr/bin/env bash
# Prints the export lines of each service's own connection strings, for the servers of deploy/servers.sh:
#   eval "$(deploy/service-env.sh)"
# A service reads its own as ConnectionStrings__Postgres and ConnectionStrings__RabbitMq, e.g. from
# AID_POSTGRES_SECURITY and AID_RABBITMQ_SECURITY (deploy/run does this). Fails when a broker user's password
# (made by deploy/servers.sh start) is missing. Same AID_POSTGRES_PORT / AID_RABBITMQ_PORT / AID_SERVERS_DATA as servers.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${AID_SERVERS_DATA:-$root/.data}"
for service in registration security appraisal monitoring notifications; do
  password="$(cat "$data/broker-users/$service/password" 2>/dev/null)" ||
    { echo "[servers] ERROR: no RabbitMQ user for $service yet: run deploy/servers.sh start" >&2; exit 1; }
  printf 'export AID_POSTGRES_%s="Host=127.0.0.1;Port=%s;Database=aid_%s;Username=aid;Password=aid"\n' \
    "${service^^}" "${AID_POSTGRES_PORT:-55432}" "$service"
  printf 'export AID_RABBITMQ_%s="amqp://%s:%s@127.0.0.1:%s/aid"\n' "${service^^}" "$service" "$password" "${AID_RABBITMQ_PORT:-55672}"
done

#!/usr/bin/env bash
# Gives each service its own RabbitMQ user with the permissions of deploy/broker-permissions on one vhost, through
# the management API. Idempotent: deploy/servers.sh runs it on every start, docker-compose's broker-users step on
# every `up`.
#
#   deploy/broker-users.sh MANAGEMENT_URL VHOST SECRETS_DIR
#
# Each user's password is SECRETS_DIR/<user>/password, made of 24 random bytes on first use (folders 700, files 600,
# owned by AID_BROKER_SECRETS_OWNER when set, e.g. the uid:gid the service runs as) and set again on every run, so
# the broker and the file always agree. The administrator signs in as AID_BROKER_ADMIN (user:password, default
# aid:aid); with AID_BROKER_ADMIN_FILE the administrator's password is that file's instead: on the first run the file
# is missing, so the script signs in with AID_BROKER_ADMIN, gives the administrator a generated password and keeps it
# there (docker-compose: no constant administrator password outlives the first `up`).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage="usage: $0 MANAGEMENT_URL VHOST SECRETS_DIR"
url="${1:?$usage}"; vhost="${2:?$usage}"; secrets="${3:?$usage}"
admin="${AID_BROKER_ADMIN:-aid:aid}"

put() {  # put PATH JSON; credentials and body through a pipe and stdin, never on a command line (ps shows those)
  printf '%s' "$2" | curl -fsS -m 10 -o /dev/null -K <(printf 'user = "%s"\n' "$admin") \
    -H 'content-type: application/json' -X PUT --data-binary @- "${url%/}/api/$1" ||
    { echo "broker-users: PUT /api/$1 failed" >&2; return 1; }
}
json() { local s="${1//\\/\\\\}"; printf '"%s"' "${s//\"/\\\"}"; }
password_file() {  # password_file FILE: makes it on first use, prints the password
  if [ ! -s "$1" ]; then
    (umask 077; mkdir -p "$(dirname "$1")"; head -c 24 /dev/urandom | base64 | tr '+/' 'xy' >"$1")
    [ -z "${AID_BROKER_SECRETS_OWNER:-}" ] || chown -R "$AID_BROKER_SECRETS_OWNER" "$(dirname "$1")"
  fi
  cat "$1"
}

[ -s "${AID_BROKER_ADMIN_FILE:-}" ] && admin="${admin%%:*}:$(cat "$AID_BROKER_ADMIN_FILE")"
# The management plugin may answer a little after the broker's AMQP port (docker-compose's health check).
for _ in $(seq 60); do
  [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "${url%/}/api/overview" || true)" != 000 ] && break
  sleep 1
done
if [ -n "${AID_BROKER_ADMIN_FILE:-}" ] && [ ! -s "$AID_BROKER_ADMIN_FILE" ]; then
  fresh="$(AID_BROKER_SECRETS_OWNER='' password_file "$AID_BROKER_ADMIN_FILE.new")"
  put "users/${admin%%:*}" "{\"password\":$(json "$fresh"),\"tags\":\"administrator\"}"
  mv "$AID_BROKER_ADMIN_FILE.new" "$AID_BROKER_ADMIN_FILE"
  admin="${admin%%:*}:$fresh"
fi

(umask 077; mkdir -p "$secrets")
while read -r user configure write read; do
  case "$user" in ''|'#'*) continue ;; esac
  put "users/$user" "{\"password\":$(json "$(password_file "$secrets/$user/password")"),\"tags\":\"\"}"
  put "permissions/$vhost/$user" "{\"configure\":$(json "$configure"),\"write\":$(json "$write"),\"read\":$(json "$read")}"
done <"$here/broker-permissions"

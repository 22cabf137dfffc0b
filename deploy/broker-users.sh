#!/usr/bin/env bash
# Gives each service its own RabbitMQ user with the permissions of deploy/broker-permissions on one vhost, through
# the management API. Idempotent: deploy/servers.sh runs it on every start, docker-compose's broker-users step on
# every `up`.
#
#   deploy/broker-users.sh MANAGEMENT_URL VHOST SECRETS_DIR
#
# Signs in as AID_BROKER_ADMIN (user:password, default aid:aid) or, when AID_BROKER_ADMIN_FILE names a file, as
# aid with the password in that file. Each user's password is SECRETS_DIR/<user>, made of 24 random bytes on first
# use (folder 700, files 600) and set again on every run, so the broker and the file always agree.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
url="${1:?usage: $0 MANAGEMENT_URL VHOST SECRETS_DIR}"
vhost="${2:?usage: $0 MANAGEMENT_URL VHOST SECRETS_DIR}"
secrets="${3:?usage: $0 MANAGEMENT_URL VHOST SECRETS_DIR}"
if [ -n "${AID_BROKER_ADMIN_FILE:-}" ]; then admin="aid:$(cat "$AID_BROKER_ADMIN_FILE")"; else admin="${AID_BROKER_ADMIN:-aid:aid}"; fi

put() {  # put PATH JSON
  curl -fsS -m 10 -o /dev/null -u "$admin" -H 'content-type: application/json' -X PUT --data-binary "$2" "${url%/}/api/$1" ||
    { echo "broker-users: PUT /api/$1 failed" >&2; return 1; }
}
json() { local s="${1//\\/\\\\}"; printf '"%s"' "${s//\"/\\\"}"; }

(umask 077; mkdir -p "$secrets")
while read -r user configure write read; do
  case "$user" in ''|'#'*) continue ;; esac
  file="$secrets/$user"
  [ -s "$file" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr '+/' 'xy' >"$file")
  put "users/$user" "{\"password\":$(json "$(cat "$file")"),\"tags\":\"\"}"
  put "permissions/$vhost/$user" "{\"configure\":$(json "$configure"),\"write\":$(json "$write"),\"read\":$(json "$read")}"
done <"$here/broker-permissions"

#!/usr/bin/env bash
# Installs, with apt, what deploy/servers.sh needs and is missing: PostgreSQL 15, RabbitMQ and a few tools.
# Their own system services are kept from starting (deploy/servers.sh runs private ones on other ports).
set -euo pipefail
pkgs=()
[ -x /usr/lib/postgresql/15/bin/pg_ctl ] || pkgs+=(postgresql-15)
[ -x /usr/bin/psql ] || pkgs+=(postgresql-client-15)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || pkgs+=(rabbitmq-server)
command -v curl >/dev/null || pkgs+=(curl)
command -v ss >/dev/null || pkgs+=(iproute2)
command -v pgrep >/dev/null || pkgs+=(procps)
command -v runuser >/dev/null || pkgs+=(util-linux)
[ ${#pkgs[@]} = 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "[servers] ERROR: missing packages: ${pkgs[*]} (install them: sudo apt-get install -y ${pkgs[*]})" >&2; exit 1
fi
echo "[servers] installing ${pkgs[*]} (apt) ..." >&2
policy_added=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; policy_added=1
fi
rc=0
{ DEBIAN_FRONTEND=noninteractive apt-get update -q &&
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 "${pkgs[@]}"; } >&2 || rc=$?
[ $policy_added = 1 ] && rm -f /usr/sbin/policy-rc.d
[ $rc = 0 ] || { echo "[servers] ERROR: apt-get install ${pkgs[*]} failed" >&2; exit 1; }

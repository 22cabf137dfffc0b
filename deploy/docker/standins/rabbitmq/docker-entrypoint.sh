#!/usr/bin/env bash
# Entrypoint of the rabbitmq:3-management stand-in. Writes /etc/rabbitmq/conf.d/10-defaults.conf
# from RABBITMQ_DEFAULT_USER / _PASS / _VHOST (applied by RabbitMQ on first boot of an empty
# node, as in the official image), then runs the real server binary (not Debian's wrapper,
# which sends output to a file) as the rabbitmq user with logs on stdout.
set -euo pipefail

if [ "${1:-}" = 'rabbitmq-server' ]; then
  if [ "$(id -u)" = '0' ]; then
    chown -R rabbitmq:rabbitmq /var/lib/rabbitmq /etc/rabbitmq 2>/dev/null || true
  fi
  cookie=/var/lib/rabbitmq/.erlang.cookie
  if [ -n "${RABBITMQ_ERLANG_COOKIE:-}" ]; then
    printf '%s' "$RABBITMQ_ERLANG_COOKIE" > "$cookie"
  elif [ ! -s "$cookie" ]; then
    tr -dc 'A-Z' < /dev/urandom | head -c 20 > "$cookie"
  fi
  chmod 600 "$cookie"
  [ "$(id -u)" = '0' ] && chown rabbitmq:rabbitmq "$cookie"

  mkdir -p /etc/rabbitmq/conf.d
  conf=/etc/rabbitmq/conf.d/10-defaults.conf
  {
    echo "loopback_users.guest = false"
    echo "listeners.tcp.default = 5672"
    echo "management.tcp.port = 15672"
    [ -n "${RABBITMQ_DEFAULT_USER:-}" ] && echo "default_user = $RABBITMQ_DEFAULT_USER"
    [ -n "${RABBITMQ_DEFAULT_PASS:-}" ] && echo "default_pass = $RABBITMQ_DEFAULT_PASS"
    [ -n "${RABBITMQ_DEFAULT_VHOST:-}" ] && echo "default_vhost = $RABBITMQ_DEFAULT_VHOST"
    true
  } > "$conf"
  # Debian's config main file is /etc/rabbitmq/rabbitmq.conf; conf.d is read in addition.
  [ -e /etc/rabbitmq/rabbitmq.conf ] || : > /etc/rabbitmq/rabbitmq.conf
  [ "$(id -u)" = '0' ] && chown -R rabbitmq:rabbitmq /etc/rabbitmq

  shift
  if [ "$(id -u)" = '0' ]; then
    exec setpriv --reuid=rabbitmq --regid=rabbitmq --init-groups /usr/lib/rabbitmq/bin/rabbitmq-server "$@"
  fi
  exec /usr/lib/rabbitmq/bin/rabbitmq-server "$@"
fi

exec "$@"

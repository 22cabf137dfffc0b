#!/usr/bin/env bash
# PostgreSQL 15 and RabbitMQ for development, on loopback only, data in the git-ignored .data/ folder.
#   deploy/servers.sh start | stop | status      both (start installs what is missing: deploy/install-servers.sh)
#   deploy/servers.sh stop-postgres | stop-rabbitmq   one of them (the fault suite restarts each on its own)
#   deploy/servers.sh broker-users VHOST          the services' broker users on another vhost too
# PostgreSQL 127.0.0.1:55432, aid/aid, databases aid (administration, tests) and one per service (aid_registration,
# aid_security, aid_appraisal, aid_monitoring, aid_notifications). RabbitMQ 127.0.0.1:55672, management
# http://127.0.0.1:55674 (aid/aid), vhost aid, one user per service (deploy/broker-users.sh; passwords in
# .data/broker-users/<service>/password). The services' connection strings: deploy/service-env.sh.
# Both refuse to run as root: as root they run as the system users postgres and rabbitmq (data in
# /var/lib/aid-dev/<hash> when those cannot reach the repository; .data links to it).
# Environment: AID_SERVERS_TIMEOUT (90 s); a second, private pair (the fault suite) sets, for every call,
# AID_SERVERS_DATA, AID_POSTGRES_PORT, AID_RABBITMQ_PORT, AID_RABBITMQ_MANAGEMENT_PORT (55674),
# AID_RABBITMQ_DIST_PORT (55679), AID_RABBITMQ_CTL_DIST_PORTS ("55690 55699"), AID_RABBITMQ_NODE (aid@localhost).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

PG_PORT="${AID_POSTGRES_PORT:-55432}"
PG_BIN=/usr/lib/postgresql/15/bin
RMQ_PORT="${AID_RABBITMQ_PORT:-55672}"
RMQ_MGMT_PORT="${AID_RABBITMQ_MANAGEMENT_PORT:-55674}"
RMQ_DIST_PORT="${AID_RABBITMQ_DIST_PORT:-55679}"
read -r RMQ_CTL_DIST_MIN RMQ_CTL_DIST_MAX <<<"${AID_RABBITMQ_CTL_DIST_PORTS:-55690 55699}"
RMQ_NODE="${AID_RABBITMQ_NODE:-aid@localhost}"
RMQ_LIB=/usr/lib/rabbitmq/bin
TIMEOUT="${AID_SERVERS_TIMEOUT:-90}"

RMQ_CONN="amqp://aid:aid@127.0.0.1:$RMQ_PORT/aid"

log() { printf '[servers] %s\n' "$*" >&2; }
die() { printf '[servers] ERROR: %s\n' "$*" >&2; exit 1; }

IS_ROOT=0
[ "$(id -u)" = 0 ] && IS_ROOT=1
if [ $IS_ROOT = 1 ]; then PG_USER=postgres; RMQ_USER=rabbitmq; else PG_USER="$(id -un)"; RMQ_USER="$(id -un)"; fi

# Runs a command as PostgreSQL's user (runuser as root, directly otherwise), with a clean PATH.
as_pg() {
  if [ $IS_ROOT = 1 ]; then (cd / && runuser -u "$PG_USER" -- env PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"); else (cd / && "$@"); fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port_owner() { ss -ltnp "sport = :$1" 2>/dev/null | tail -n +2 || true; }

# ---------------------------------------------------------------- data folder
# Can user $1 reach (search) directory $2?
reachable_by() {
  [ $IS_ROOT = 1 ] || return 0
  runuser -u "$1" -- test -x "$2" 2>/dev/null
}

resolve_data() {
  local link="$ROOT/.data"
  if [ -n "${AID_SERVERS_DATA:-}" ]; then
    mkdir -p "$AID_SERVERS_DATA"
    DATA="$(cd "$AID_SERVERS_DATA" && pwd -P)"
    if [ $IS_ROOT = 1 ] && { ! reachable_by postgres "$DATA" || ! reachable_by rabbitmq "$DATA"; }; then
      die "users postgres/rabbitmq cannot reach AID_SERVERS_DATA=$DATA"
    fi
  elif [ -L "$link" ]; then
    DATA="$(readlink -f "$link")"
    mkdir -p "$DATA"
  else
    mkdir -p "$link"
    DATA="$(cd "$link" && pwd -P)"
    if [ $IS_ROOT = 1 ] && { ! reachable_by postgres "$DATA" || ! reachable_by rabbitmq "$DATA"; }; then
      local alt
      alt="/var/lib/aid-dev/$(printf '%s' "$ROOT" | sha256sum | cut -c1-16)"
      log "users postgres/rabbitmq cannot reach $DATA; keeping data in $alt (.data is a link to it)"
      mkdir -p "$alt"; chmod 755 /var/lib/aid-dev "$alt"
      find "$link" -mindepth 1 -maxdepth 1 -exec mv -t "$alt" {} +
      rmdir "$link"; ln -s "$alt" "$link"
      DATA="$alt"
    fi
  fi
  chmod 755 "$DATA" 2>/dev/null || true
  PGDATA_DIR="$DATA/postgres"
  PG_LOG="$DATA/postgres.log"
  RMQ_DIR="$DATA/rabbitmq"
  # Unix socket paths are limited to ~107 bytes; fall back to /tmp for deep folders.
  if [ ${#PGDATA_DIR} -lt 80 ]; then PG_SOCK="$PGDATA_DIR"; else PG_SOCK=/tmp; fi
}

# ---------------------------------------------------------------- PostgreSQL
pg_pid() {  # prints the pid of our running postmaster, or fails
  local f="$PGDATA_DIR/postmaster.pid" pid
  [ -f "$f" ] || return 1
  pid="$(head -n1 "$f" 2>/dev/null)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [ -d "/proc/$pid" ] || return 1
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = postgres ] || return 1
  [ "$(readlink -f "/proc/$pid/cwd" 2>/dev/null)" = "$(readlink -f "$PGDATA_DIR")" ] || return 1
  echo "$pid"
}

pg_ready() { PGCONNECT_TIMEOUT=3 PGPASSWORD=aid psql -qAtX -h 127.0.0.1 -p $PG_PORT -U aid -d aid -c 'select 1' >/dev/null 2>&1; }

pg_admin() {  # psql as superuser over the private unix socket
  as_pg psql -qAtX -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p $PG_PORT -U postgres -d postgres "$@"
}

pg_write_conf() {
  # Regenerated on every start; postgresql.conf includes it.
  cat >"$PGDATA_DIR/aid.conf" <<EOF
# Written by deploy/servers.sh on every start - edits are lost.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCK'
unix_socket_permissions = 0700
max_connections = 200
logging_collector = off
log_timezone = 'UTC'
timezone = 'UTC'
EOF
  chown "$PG_USER" "$PGDATA_DIR/aid.conf"
}

pg_init() {
  if [ -f "$PGDATA_DIR/aid-init.done" ] && [ -f "$PGDATA_DIR/PG_VERSION" ]; then return 0; fi
  if [ -d "$PGDATA_DIR" ] && [ -n "$(ls -A "$PGDATA_DIR" 2>/dev/null)" ]; then
    log "PostgreSQL data folder is half-initialised; recreating it"
    rm -rf "$PGDATA_DIR"
  fi
  mkdir -p "$PGDATA_DIR"
  chown "$PG_USER" "$PGDATA_DIR"; chmod 700 "$PGDATA_DIR"
  log "initialising PostgreSQL in $PGDATA_DIR ..."
  as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-instructions \
    >"$DATA/initdb.log" 2>&1 || { tail -n 30 "$DATA/initdb.log" >&2; die "initdb failed (log: $DATA/initdb.log)"; }
  # Local socket (owner-only, 0700): trust; TCP: password (scram) only from 127.0.0.1.
  cat >"$PGDATA_DIR/pg_hba.conf" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS        METHOD
local   all       all                  trust
host    all       all   127.0.0.1/32   scram-sha-256
EOF
  echo "include_if_exists = 'aid.conf'" >>"$PGDATA_DIR/postgresql.conf"
  chown "$PG_USER" "$PGDATA_DIR/pg_hba.conf" "$PGDATA_DIR/postgresql.conf"
  touch "$PGDATA_DIR/aid-init.done"; chown "$PG_USER" "$PGDATA_DIR/aid-init.done"
}

pg_start() {
  local pid
  if pid="$(pg_pid)"; then
    log "PostgreSQL already running (pid $pid)"
  else
    pg_init
    if [ -f "$PGDATA_DIR/postmaster.pid" ]; then
      log "removing stale PostgreSQL pid file"
      rm -f "$PGDATA_DIR/postmaster.pid"
    fi
    rm -f "$PG_SOCK/.s.PGSQL.$PG_PORT.lock" 2>/dev/null || true
    if port_open $PG_PORT; then
      die "port $PG_PORT is taken by another process: $(port_owner $PG_PORT)"
    fi
    pg_write_conf
    touch "$PG_LOG"; chown "$PG_USER" "$PG_LOG"
    log "starting PostgreSQL on 127.0.0.1:$PG_PORT ..."
    local tries=0
    until as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PG_LOG" -w -t "$TIMEOUT" -s start >/dev/null 2>&1; do
      tries=$((tries + 1))
      # Leftover backends of a killed postmaster may hold the old shared memory for a moment.
      if [ $tries -ge 3 ]; then
        tail -n 30 "$PG_LOG" >&2
        die "PostgreSQL did not start (log: $PG_LOG)"
      fi
      log "PostgreSQL start failed; retrying in 3 s"
      rm -f "$PGDATA_DIR/postmaster.pid"
      sleep 3
    done
  fi
  # Role and databases (idempotent): aid, and one per service (no service's transactions can hold another's daemon).
  pg_admin <<'SQL' || die "could not create role aid and its databases (log: $PG_LOG)"
DO $$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aid') THEN
    CREATE ROLE aid LOGIN CREATEDB PASSWORD 'aid';
  END IF;
END$$;
SELECT format('CREATE DATABASE %I OWNER aid', d)
  FROM unnest(array['aid', 'aid_registration', 'aid_security', 'aid_appraisal', 'aid_monitoring', 'aid_notifications']) d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d)\gexec
SQL
  local deadline=$((SECONDS + TIMEOUT))
  until pg_ready; do
    [ $SECONDS -lt $deadline ] || { tail -n 30 "$PG_LOG" >&2; die "PostgreSQL does not accept connections as aid on 127.0.0.1:$PG_PORT (log: $PG_LOG)"; }
    sleep 0.5
  done
  log "PostgreSQL ready: postgresql://aid:aid@127.0.0.1:$PG_PORT/aid"
}

pg_stop() {
  local pid
  if pid="$(pg_pid)"; then
    log "stopping PostgreSQL (pid $pid) ..."
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 60 -s stop >/dev/null 2>&1 || {
      log "pg_ctl stop failed; sending SIGQUIT"; kill -QUIT "$pid" 2>/dev/null || true; sleep 2; }
    log "PostgreSQL stopped"
  else
    log "PostgreSQL is not running"
  fi
}

# ---------------------------------------------------------------- RabbitMQ
rmq_env() {  # prints the env assignments for rabbitmq scripts
  printf '%s\n' \
    "HOME=$RMQ_DIR" \
    "RABBITMQ_NODENAME=$RMQ_NODE" \
    "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1" \
    "RABBITMQ_NODE_PORT=$RMQ_PORT" \
    "RABBITMQ_DIST_PORT=$RMQ_DIST_PORT" \
    "RABBITMQ_CTL_DIST_PORT_MIN=$RMQ_CTL_DIST_MIN" \
    "RABBITMQ_CTL_DIST_PORT_MAX=$RMQ_CTL_DIST_MAX" \
    "RABBITMQ_MNESIA_BASE=$RMQ_DIR/mnesia" \
    "RABBITMQ_LOG_BASE=$RMQ_DIR/log" \
    "RABBITMQ_PID_FILE=$RMQ_DIR/rabbitmq.pid" \
    "RABBITMQ_ENABLED_PLUGINS_FILE=$RMQ_DIR/enabled_plugins" \
    "RABBITMQ_CONFIG_FILE=$RMQ_DIR/rabbitmq.conf" \
    "RABBITMQ_ADVANCED_CONFIG_FILE=$RMQ_DIR/advanced.config" \
    "RABBITMQ_CONF_ENV_FILE=$RMQ_DIR/rabbitmq-env.conf" \
    "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}" \
    "RABBITMQ_CTL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}" \
    "ERL_EPMD_ADDRESS=127.0.0.1"
}

rmq_pid() {  # our node's beam.smp (found by its HOME, which is our data folder), or fails
  local pid
  for pid in $(pgrep -x beam.smp 2>/dev/null); do
    if tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "$RMQ_DIR"; then
      echo "$pid"; return 0
    fi
  done
  return 1
}

# 0 when the aid user can use the aid vhost (declares/publishes/consumes a test queue).
rmq_alive() {
  curl -fsS -m 5 -u aid:aid "http://127.0.0.1:$RMQ_MGMT_PORT/api/aliveness-test/aid" 2>/dev/null | grep -q '"ok"'
}

rmq_prepare() {
  if [ ! -f "$RMQ_DIR/aid-init.done" ] && [ -d "$RMQ_DIR/mnesia" ]; then
    log "RabbitMQ data folder is half-initialised; recreating it"
    rm -rf "$RMQ_DIR/mnesia"
  fi
  mkdir -p "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
  if [ ! -s "$RMQ_DIR/.erlang.cookie" ]; then
    (umask 077; head -c 30 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$RMQ_DIR/.erlang.cookie")
  fi
  echo '[rabbitmq_management].' >"$RMQ_DIR/enabled_plugins"
  : >"$RMQ_DIR/rabbitmq-env.conf"
  # default_* apply when the node is initialised (first start): vhost aid, user aid/aid, no guest user.
  cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
# Written by deploy/servers.sh on every start - edits are lost.
listeners.tcp.default = 127.0.0.1:$RMQ_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RMQ_MGMT_PORT
default_vhost = aid
default_user = aid
default_pass = aid
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
disk_free_limit.absolute = 50MB
log.console = false
log.file.level = info
EOF
  if [ $IS_ROOT = 1 ]; then
    chown -R "$RMQ_USER:" "$RMQ_DIR"
  fi
  chmod 700 "$RMQ_DIR"
  chmod 400 "$RMQ_DIR/.erlang.cookie"
}

rmq_start() {
  local pid
  if pid="$(rmq_pid)"; then
    log "RabbitMQ already running (pid $pid)"
  else
    rm -f "$RMQ_DIR/rabbitmq.pid"
    for p in $RMQ_PORT $RMQ_MGMT_PORT $RMQ_DIST_PORT; do
      if port_open "$p"; then
        [ "$p" = "$RMQ_MGMT_PORT" ] && log "hint: choose another management port, e.g. AID_RABBITMQ_MANAGEMENT_PORT=55675 $0 start"
        die "port $p is taken by another process: $(port_owner "$p")"
      fi
    done
    rmq_prepare
    log "starting RabbitMQ node $RMQ_NODE on 127.0.0.1:$RMQ_PORT ..."
    local envs=()
    mapfile -t envs < <(rmq_env)
    if [ $IS_ROOT = 1 ]; then
      (cd / && exec setsid runuser -u "$RMQ_USER" -- env PATH=/usr/sbin:/usr/bin:/sbin:/bin "${envs[@]}" \
        "$RMQ_LIB/rabbitmq-server" </dev/null >>"$RMQ_DIR/log/console.log" 2>&1 &)
    else
      (cd / && exec setsid env "${envs[@]}" "$RMQ_LIB/rabbitmq-server" </dev/null >>"$RMQ_DIR/log/console.log" 2>&1 &)
    fi
  fi
  local deadline=$((SECONDS + TIMEOUT)) n=0
  until port_open $RMQ_PORT && rmq_alive; do
    if [ $SECONDS -ge $deadline ]; then
      tail -n 30 "$RMQ_DIR/log/console.log" "$RMQ_DIR/log/$RMQ_NODE.log" >&2 || true
      die "RabbitMQ not ready after ${TIMEOUT}s"
    fi
    n=$((n + 1)); [ $((n % 10)) = 0 ] && log "waiting for RabbitMQ ... ($SECONDS s)"
    sleep 1
  done
  touch "$RMQ_DIR/aid-init.done"
  [ $IS_ROOT = 1 ] && chown "$RMQ_USER:" "$RMQ_DIR/aid-init.done"
  broker_users aid
  log "RabbitMQ ready: $RMQ_CONN (management http://127.0.0.1:$RMQ_MGMT_PORT, aid/aid)"
}

# The services' own users (deploy/broker-users.sh), with their permissions on vhost $1.
broker_users() {
  AID_BROKER_ADMIN=aid:aid bash "$ROOT/deploy/broker-users.sh" "http://127.0.0.1:$RMQ_MGMT_PORT" "$1" "$DATA/broker-users" ||
    die "could not create the services' RabbitMQ users"
}

rmq_stop() {
  local pid
  if pid="$(rmq_pid)"; then
    log "stopping RabbitMQ (pid $pid) ..."
    # The node handles SIGTERM as a graceful shutdown (same as `rabbitmqctl shutdown`).
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 60))
    while [ -d "/proc/$pid" ]; do
      if [ $SECONDS -ge $deadline ]; then log "RabbitMQ did not stop in 60 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; sleep 1; break; fi
      sleep 0.5
    done
    rm -f "$RMQ_DIR/rabbitmq.pid"
    log "RabbitMQ stopped"
  else
    log "RabbitMQ is not running"
  fi
  # epmd stays only while other Erlang nodes use it (epmd -kill refuses when names are registered).
  if command -v epmd >/dev/null && ! epmd -names 2>/dev/null | grep -q '^name '; then
    epmd -kill >/dev/null 2>&1 || true
  fi
}

# ---------------------------------------------------------------- verbs
cmd_status() {
  resolve_data
  local ok=0 pid
  if pid="$(pg_pid)"; then
    if pg_ready; then echo "postgres: up (pid $pid) 127.0.0.1:$PG_PORT"; else echo "postgres: running (pid $pid) but not accepting connections as aid"; ok=1; fi
  else
    echo "postgres: down"; ok=1
  fi
  if pid="$(rmq_pid)"; then
    if rmq_alive; then echo "rabbitmq: up (pid $pid) 127.0.0.1:$RMQ_PORT, management http://127.0.0.1:$RMQ_MGMT_PORT"; else echo "rabbitmq: running (pid $pid) but not ready"; ok=1; fi
  else
    echo "rabbitmq: down"; ok=1
  fi
  return $ok
}

case "${1:-}" in
  start)
    t0=$SECONDS
    bash "$ROOT/deploy/install-servers.sh"
    resolve_data
    pg_start
    rmq_start
    log "both servers ready ($((SECONDS - t0)) s)"
    ;;
  stop)
    resolve_data
    rmq_stop
    pg_stop
    ;;
  stop-postgres) resolve_data; pg_stop ;;    # one of the two (the fault suite restarts each on its own)
  stop-rabbitmq) resolve_data; rmq_stop ;;
  status) cmd_status ;;
  broker-users) [ -n "${2:-}" ] || die "usage: $0 broker-users VHOST"; resolve_data; broker_users "$2" ;;
  *)
    echo "usage: $0 start|stop|stop-postgres|stop-rabbitmq|status|broker-users VHOST" >&2
    exit 2
    ;;
esac

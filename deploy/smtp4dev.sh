#!/usr/bin/env bash
# The local development mail server: Rnwood.Smtp4dev 3.15.0, a .NET tool, installed into .tools/smtp4dev (git-ignored).
#   deploy/smtp4dev.sh install          installs it if missing; prints the executable's path
#   deploy/smtp4dev.sh path             the executable's path (installs first if missing)
#   deploy/smtp4dev.sh start SMTP WEB   runs it in the foreground on 127.0.0.1: SMTP on port SMTP, the web inbox and its
#                                       REST API (/api/messages) on http://127.0.0.1:WEB; messages in memory only
# deploy/run starts it (SMTP 2525, web 5180) for the Notifications service; the integration tests start their own.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION=3.15.0
DIR="$ROOT/.tools/smtp4dev"
EXE="$DIR/smtp4dev"

install() {
  if [ -x "$EXE" ] && [ -f "$DIR/.version" ] && [ "$(cat "$DIR/.version")" = "$VERSION" ]; then return 0; fi
  rm -rf "$DIR"
  mkdir -p "$DIR"
  dotnet tool install --tool-path "$DIR" Rnwood.Smtp4dev --version "$VERSION" >&2
  echo "$VERSION" >"$DIR/.version"
}

case "${1:-install}" in
  install|path) install; echo "$EXE" ;;
  start)
    install
    smtp="${2:?SMTP port}"; web="${3:?web port}"
    data="$ROOT/.data/smtp4dev"; mkdir -p "$data"
    cd "$data"
    exec env XDG_CONFIG_HOME="$data" "$EXE" --urls="http://127.0.0.1:$web" --bindaddress=127.0.0.1 --smtpport="$smtp" \
      --imapport=0 --pop3port=0 --db= --nousersettings --hostname=localhost --messagestokeep=1000
    ;;
  *) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

#!/usr/bin/env bash
# Installs Debian's PostgreSQL server when it is missing. The PostgreSQL tests start their own throwaway cluster
# with its binaries (/usr/lib/postgresql/<version>/bin) on loopback; no service is started here. With CI=true those
# tests fail instead of skipping when the server is absent.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "PostgreSQL is missing and neither root nor sudo is available: install the package postgresql" >&2
    exit 1
  fi
fi
echo "== installing the Debian package postgresql"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql

#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver when they are missing. Browser tests use them;
# nothing downloads its own browser.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "chromium is missing and neither root nor sudo is available: install packages chromium chromium-driver" >&2
    exit 1
  fi
fi
echo "== installing Debian packages chromium chromium-driver"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver

#!/usr/bin/env bash
# Make sure Debian's Chromium is present for the browser tests (never `playwright install`:
# its download host is unreachable here).
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  echo "chromium.sh: installing Chromium with apt-get ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "chromium.sh: Chromium not found; install the 'chromium' package or set CHROMIUM_PATH." >&2
  exit 1
fi

#!/usr/bin/env bash
# Create the project's virtualenv. Debian ships venv support separately (python3-venv):
# as root, install it when it is missing; otherwise say what to install.
set -euo pipefail
VENV=${1:-.venv}
if python3 -m venv "$VENV" 2>/dev/null; then
  exit 0
fi
rm -rf "$VENV"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "venv.sh: installing python3-venv with apt-get ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  python3 -m venv "$VENV"
else
  echo "venv.sh: 'python3 -m venv' failed; install your system's python3-venv package." >&2
  exit 1
fi

#!/usr/bin/env bash
# Installs Debian's libcmark-dev (the C library Gongshi renders Markdown with) when it is missing.
set -euo pipefail
if ! dpkg -s libcmark-dev >/dev/null 2>&1; then
  echo "Installing libcmark-dev…" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libcmark-dev
fi

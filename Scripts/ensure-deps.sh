#!/usr/bin/env bash
# Installs the Debian packages Gongshi builds against when one is missing: libcmark-dev (the C library
# it renders Markdown with) and zlib1g-dev (the open data's .xlsx sheets are deflated in pieces).
set -euo pipefail
missing=()
for p in libcmark-dev zlib1g-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}…" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

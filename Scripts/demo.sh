#!/usr/bin/env bash
# Builds gongshi (release) and generates the demo site into Public/.
# The demo is built for its own date, 2026-11-25, with --no-ledger so that the repository stays as
# committed; a portal's daily build leaves both out (today, and the ledger appended).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/ensure-deps.sh
swift build -c release --product gongshi
.build/release/gongshi build --date 2026-11-25 --no-ledger "$@"

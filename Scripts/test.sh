#!/usr/bin/env bash
# Runs every test: unit tests of each module and end-to-end tests of the built gongshi binary
# (the browser search test runs when chromium, chromedriver and selenium are installed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/ensure-deps.sh
swift build --build-tests
swift test --skip-build

#!/usr/bin/env bash
# Runs every test: the formatter's lint of Sources/ and Tests/, a build that checks every import is
# declared in Package.swift, unit tests of each module and end-to-end tests of the built gongshi binary
# (the browser tests run when chromium, chromedriver and selenium are installed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/ensure-deps.sh
swift format lint --strict --recursive --parallel Sources Tests Fuzz/Sources
swift build --build-tests --explicit-target-dependency-import-check error
swift test --skip-build

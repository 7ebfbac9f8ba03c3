#!/usr/bin/env bash
# Runs every test: the formatter's lint of Sources/ and Tests/, a build that checks every import is
# declared in Package.swift, unit tests of each module and end-to-end tests of the built gongshi binary
# (the browser tests run when chromium, chromedriver and selenium are installed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/ensure-deps.sh
# The tests' sites, outputs and installed copies of the binary (about 100 MB a run) go to a temporary
# folder of this run, removed when it ends, instead of piling up in the machine's /tmp run after run.
TMPDIR="$(mktemp -d "${TMPDIR:-/tmp}/gongshi-test-run-XXXXXX")"
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT
swift format lint --strict --recursive --parallel Sources Tests Fuzz/Sources
swift build --build-tests --explicit-target-dependency-import-check error
swift test --skip-build

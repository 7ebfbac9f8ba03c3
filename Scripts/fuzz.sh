#!/usr/bin/env bash
# Fuzzes the readers of a site's files with libFuzzer (Linux Swift toolchain).
#
#   bash Scripts/fuzz.sh                 # every target, 60 seconds each
#   bash Scripts/fuzz.sh 600 csv ledger  # the named targets, 600 seconds each
#
# Targets: csv records site-yml calendar article ledger registries xlsx (Sources/GongshiFuzz). Each
# starts from its committed seed corpus Fuzz/Corpus/<target>/ and grows a working corpus in
# .build-fuzz/corpus/<target>/ (git-ignored). A crashing input is written to
# Fuzz/Regressions/<target>/: fix the bug, then commit the input; FuzzRegressionTests replays it.
# Extra libFuzzer flags in FUZZ_FLAGS, e.g. FUZZ_FLAGS="-fork=1 -ignore_crashes=1" to go on after a
# crash and collect them all. Not part of .ci/run: it skips (exit 0) where libFuzzer is not available.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(csv records site-yml calendar article ledger registries xlsx); fi

# libFuzzer without its main(): the executables have their own (SwiftPM names the entry point of an
# executable itself), which calls LLVMFuzzerRunDriver.
resource_dir="$(swiftc -print-target-info 2>/dev/null | sed -n 's/.*"runtimeResourcePath": "\(.*\)".*/\1/p' | head -1)"
fuzzer_lib="$(ls "$resource_dir"/../clang/*/lib/linux/libclang_rt.fuzzer_no_main-"$(uname -m)".a 2>/dev/null | head -1 || true)"
if [ -z "$fuzzer_lib" ]; then
    echo "fuzz.sh: libFuzzer (libclang_rt.fuzzer_no_main) is not in this Swift toolchain; skipped" >&2
    exit 0
fi

scratch=.build-fuzz
# -sanitize=fuzzer given to the frontend only: coverage instrumentation for libFuzzer, without the
# driver linking libFuzzer's own main().
build_flags=(-c release --package-path Fuzz --scratch-path "$scratch"
    -Xswiftc -Xfrontend -Xswiftc -sanitize=fuzzer
    -Xlinker "$fuzzer_lib" -Xlinker -lstdc++)
for t in "${targets[@]}"; do
    swift build "${build_flags[@]}" --product "fuzz-$t"
done
bin="$(swift build "${build_flags[@]}" --show-bin-path)"

# The Swift runtime's backtracer would catch the crash before libFuzzer can save the input.
export SWIFT_BACKTRACE=enable=no
for t in "${targets[@]}"; do
    mkdir -p "$scratch/corpus/$t" "Fuzz/Regressions/$t"
    echo "== fuzz-$t: $seconds s"
    "$bin/fuzz-$t" "$scratch/corpus/$t" "Fuzz/Corpus/$t" \
        -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="Fuzz/Regressions/$t/" -print_final_stats=1 ${FUZZ_FLAGS:-} 2>&1 | tee "$scratch/$t.log" | grep -E "^#[0-9]+(: | +(INITED|DONE))|stat::|[Cc]rash|Test unit|ERROR" || true
done

#!/usr/bin/env bash
# Builds frontline and the tests labelled "unit" (the unit and CLI tests: every test executable
# that needs no OpenGL context and no viewer; target unit_tests) with AddressSanitizer +
# UndefinedBehaviorSanitizer (FRONTLINE_SANITIZE=ON) with clang in build-asan/, at -O1 (the
# sanitizers' usual level, quicker to compile than -O3), and runs them with leak detection on; the
# same tree builds the libFuzzer targets (FRONTLINE_FUZZ=ON), and each then runs for
# FRONTLINE_FUZZ_SECONDS (default 10; 0 skips; skipped when ctest args are given). Any report
# fails. No suppressions: Mesa's driver is kept mapped by cmake/sanitize/no_dlclose.c, and the
# viewer (SDL2, whose libdbus would need one) is not part of this build. The GL golden-image,
# export and viewer tests, the hostile-input table and the install test run in the Release tree
# only (tools/test.sh): under ASan llvmpipe is too slow for CI's budget.
#   tools/sanitize.sh [ctest args...]
# FRONTLINE_ASAN_DIR=DIR builds elsewhere; FRONTLINE_BUILD_JOBS=N limits the compile jobs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${FRONTLINE_ASAN_DIR:-$here/build-asan}"
"$here/tools/setup.sh" --deps-only
launcher=()
if command -v ccache >/dev/null; then  # paths relative to the checkout: clones share the cache
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$here}"
fi
if [[ ! -f "$build_dir/build.ninja" ]]; then
  # clang, so that the same tree also builds the libFuzzer targets (FRONTLINE_FUZZ) for the smoke run.
  CC=clang CXX=clang++ cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DFRONTLINE_SANITIZE=ON -DFRONTLINE_FUZZ=ON \
    "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -DNDEBUG" "-DCMAKE_C_FLAGS_RELEASE=-O1 -DNDEBUG" \
    -DFRONTLINE_VIEWER=OFF -DFRONTLINE_GL_TESTS=OFF "${launcher[@]}" >/dev/null
fi
jobs=()
[[ -n "${FRONTLINE_BUILD_JOBS:-}" ]] && jobs=(-j "$FRONTLINE_BUILD_JOBS")
fuzz_targets=(date geonames aliases story manifest csv table_ogr actors dataset options ingest)
if ! out="$(cmake --build "$build_dir" --target unit_tests "${fuzz_targets[@]/#/fuzz_}" "${jobs[@]}" 2>&1)"; then
  echo "$out" >&2
  echo "frontline sanitize: build failed" >&2
  exit 1
fi
# halt_on_error: the first report fails the test; detect_leaks is on by default on x86-64 Linux
# and set here so that nobody turns it off by accident. Never fast_unwind_on_malloc=0 (llvmpipe's
# JIT deadlocks, PLATFORM-NOTES.md).
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="report_objects=0"
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" -L '^unit$' "$@"
# The fuzz smoke: every libFuzzer target for FRONTLINE_FUZZ_SECONDS (default 10) from its seed
# corpus; a crash fails the run and leaves its input in build-asan/artifacts/.
if [[ "${FRONTLINE_FUZZ_SECONDS:-10}" != 0 && $# -eq 0 ]]; then
  FRONTLINE_FUZZ_DIR="$build_dir" "$here/tools/fuzz.sh" "${FRONTLINE_FUZZ_SECONDS:-10}"
fi

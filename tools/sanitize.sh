#!/usr/bin/env bash
# Builds frontline and its unit and CLI tests with AddressSanitizer + UndefinedBehaviorSanitizer
# (FRONTLINE_SANITIZE=ON) in build-asan/ and runs them with leak detection on. Any report fails.
# No suppressions: Mesa's driver is kept mapped by cmake/sanitize/no_dlclose.c, and the viewer
# (SDL2, whose libdbus would need one) is not part of this build. GL golden-image and viewer tests
# run in the Release tree only (tools/test.sh): under ASan llvmpipe is too slow for the CI budget.
#   tools/sanitize.sh [ctest args...]
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
  cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFRONTLINE_SANITIZE=ON \
    -DFRONTLINE_VIEWER=OFF -DFRONTLINE_GL_TESTS=OFF "${launcher[@]}" >/dev/null
fi
targets=(frontline model_tests gazetteer_tests gis_tests dataset_tests cli_tests)
if ! out="$(cmake --build "$build_dir" --target "${targets[@]}" 2>&1)"; then
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
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" -E '^(layering|hostile_inputs_.*)$' "$@"

#!/usr/bin/env bash
# Sets the machine up (tools/setup.sh) and runs every test: the unit and CLI tests (label "unit")
# under AddressSanitizer + UndefinedBehaviorSanitizer with leak detection (tools/sanitize.sh, its own
# tree build-asan/), and in the Release tree the rest: golden-image render tests (headless, Mesa
# llvmpipe through EGL), export and viewer tests, the hostile-input table, the install test and
# the layering check. The two run at once: the sanitized build (niced) takes the cycles that the
# Release tests leave idle. Any failure or sanitizer report fails the run.
#   tools/test.sh [ctest args...]     (passed to both ctest runs, e.g. -R Timeline)
# FRONTLINE_SANITIZE=0 runs every test in the Release tree instead, without the sanitized build.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${FRONTLINE_BUILD_DIR:-$here/build}"
if [[ "${FRONTLINE_SANITIZE:-1}" != 0 && ! -f "$build_dir/build.ninja" ]]; then
  # A Release tree of its own (a clean checkout, CI) builds only what it runs: not the unit and CLI
  # test executables (the sanitized tree builds and runs those) and not the benchmarks.
  "$here/tools/setup.sh" --deps-only
  cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFRONTLINE_UNIT_TESTS=OFF \
    -DFRONTLINE_BENCHES=OFF >/dev/null
fi
"$here/tools/setup.sh"
# Tests are spread over the machine's cores; each GL test runs its own llvmpipe context.
if [[ "${FRONTLINE_SANITIZE:-1}" == 0 ]]; then
  exec ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" "$@"
fi
sanitize_log="$(mktemp)"
trap 'rm -f "$sanitize_log"' EXIT
nice -n 10 "$here/tools/sanitize.sh" "$@" >"$sanitize_log" 2>&1 &
sanitize_pid=$!
release=0
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" -LE '^unit$' "$@" || release=$?
sanitized=0
wait "$sanitize_pid" || sanitized=$?
echo "--- unit and CLI tests under ASan + UBSan (tools/sanitize.sh, build-asan/) ---"
cat "$sanitize_log"
if ((release || sanitized)); then
  echo "frontline test: failed (Release tree: exit $release; sanitized tests: exit $sanitized)" >&2
  exit 1
fi

#!/usr/bin/env bash
# Sets the machine up (tools/setup.sh) and runs every test: unit, golden-image render tests
# (headless, Mesa llvmpipe through EGL), CLI tests and the layering check.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${FRONTLINE_BUILD_DIR:-$here/build}"
"$here/tools/setup.sh"
# Tests are spread over the machine's cores; each GL test runs its own llvmpipe context.
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)" "$@"

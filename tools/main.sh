#!/usr/bin/env bash
# The main job: sets the machine up (tools/setup.sh) and renders the bundled map of Iraq and
# Syria to a PNG, headless, then prints where it went.
#   tools/main.sh [OUTPUT.png] [extra 'frontline render' options]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${FRONTLINE_BUILD_DIR:-$here/build}"
"$here/tools/setup.sh"
out="${1:-$PWD/frontline-map.png}"
shift || true
"$build_dir/frontline" render --date 2017-11-04 -o "$out" "$@" >/dev/null
echo "frontline: map written to $out"

#!/usr/bin/env bash
# The main job: sets the machine up (tools/setup.sh), then
#  - with a display: opens the viewer on the bundled dataset (the fall of the Islamic State's
#    territory, 2014-2019);
#  - without one: renders a still of the map and exports the whole animation as an MP4, headless,
#    and says where they went.
#   tools/main.sh [OUTPUT_FOLDER]      (default: the current folder)
#   FRONTLINE_HEADLESS=1 tools/main.sh   forces the headless job even with a display
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${FRONTLINE_BUILD_DIR:-$here/build}"
"$here/tools/setup.sh"
frontline="$build_dir/frontline"

if [[ -z "${FRONTLINE_HEADLESS:-}" && ( -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ) ]]; then
  echo "frontline: opening the viewer on the bundled dataset"
  exec "$frontline" view
fi

out="${1:-$PWD}"
mkdir -p "$out"
still="$out/frontline-map.png"
video="$out/frontline-animation.mp4"
"$frontline" render --date 2017-11-04 -o "$still" >/dev/null
echo "frontline: map of 4 November 2017 written to $still"
"$frontline" export --size 1920x1080 --overwrite -o "$video"
echo "frontline: animation 2014-2019 written to $video"

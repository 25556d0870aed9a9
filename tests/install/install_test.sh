#!/usr/bin/env bash
# Installs frontline into a temporary prefix, moves it (an installed tree must not depend on where
# it was installed, nor on the source tree), and renders from there as a user would.
# Usage: install_test.sh BUILD_DIR
set -euo pipefail
build="$1"
work="$(mktemp -d "${TMPDIR:-/tmp}/frontline-install.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "install test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "cmake --install failed"; }
mv "$work/prefix" "$work/moved"
p="$work/moved"
[[ -x "$p/bin/frontline" ]] || fail "no $p/bin/frontline"
[[ -f "$p/share/frontline/datasets/isis-2014-2019/dataset.toml" ]] || fail "the bundled dataset is not installed"
if command -v help2man >/dev/null; then
  [[ -f "$p/share/man/man1/frontline.1" ]] || fail "no man page"
  grep -q -- "--bbox" "$p/share/man/man1/frontline.1" || fail "the man page lacks render's options"
fi

cd "$work"  # not the source tree
unset FRONTLINE_ASSETS
"$p/bin/frontline" --version
# The bundled gazetteer comes from the installed tree.
"$p/bin/frontline" geocode Mosul | grep -q "IQ" || fail "geocode from the installed gazetteer failed"
if [[ -f "$p/share/frontline/world/world.gpkg" ]]; then
  "$p/bin/frontline" render --size 320x200 -o "$work/map.png" >/dev/null
  "$p/bin/frontline" render --no-data --bbox -76,-56,-66,-17 --size 200x200 -o "$work/chile.png" >/dev/null
  [[ -s "$work/chile.png" ]] || fail "no chile.png"
  # Take the world data away: the error names the installed file, so that is what was read.
  mv "$p/share/frontline/world/world.gpkg" "$work/world.gpkg.away"
fi
set +e
err="$("$p/bin/frontline" render --no-data --bbox 21,8,39,23 -o "$work/x.png" 2>&1)"
code=$?
set -e
[[ $code -eq 3 ]] || fail "expected exit 3 without world data, got $code: $err"
[[ "$err" == *"$p/share/frontline/world/world.gpkg"* && "$err" == *"tools/setup.sh"* ]] ||
  fail "the error does not name the installed world data file and the setup: $err"
# The regional layers installed with it still draw.
b="$p/share/frontline/base"
"$p/bin/frontline" render --size 320x200 -o "$work/region.png" --layer "land=$b/land.geojson" \
  --layer "countries=$b/countries.geojson" --layer "country_lines=$b/country_lines.geojson" \
  --layer "province_lines=$b/province_lines.geojson" --layer "rivers=$b/rivers.geojson" \
  --layer "lakes=$b/lakes.geojson" --layer "towns=$p/share/frontline/gazetteer/geonames-region.tsv" >/dev/null
[[ -s "$work/region.png" ]] || fail "no region.png"
echo "install test: ok ($p)"

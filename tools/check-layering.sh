#!/usr/bin/env bash
# Checks the dependency direction of ARCHITECTURE.md on #include lines:
#   geo/model: std only; geo/gazetteer: + model; geo/ingest: + gazetteer (libxml2 in html_text.cpp only);
#   geo/gis: + gazetteer, GDAL/PROJ/GEOS;
#   render: + gis, GL, EGL, FreeType, HarfBuzz, libpng (no SDL/ImGui outside render/viewer);
#   GDAL/PROJ/GEOS headers only in geo/gis.
set -euo pipefail
root="${1:-$(cd "$(dirname "$0")/.." && pwd)}"
cd "$root"
status=0
check() {  # folder, forbidden-include regex, reason
  local hits
  hits=$(grep -rnE "^#include [<\"]($2)" --include='*.hpp' --include='*.cpp' --include='*.h' "$1" 2>/dev/null || true)
  if [[ -n "$hits" ]]; then
    echo "layering: $1 must not include $3:"
    echo "$hits"
    status=1
  fi
}
third_party='gdal|ogr|cpl_|proj|geos|glad|GL/|EGL|SDL|imgui|ft2build|hb|png'
check geo/model "geo/gazetteer|geo/gis|render/|${third_party}" "anything but the standard library"
check geo/territory "geo/gazetteer|geo/gis|render/|${third_party}" "GIS, rendering or third-party headers (std only)"
check geo/gazetteer "geo/gis|render/|${third_party}" "GIS, rendering or third-party headers"
check geo/gis "render/|glad|GL/|EGL|SDL|imgui|ft2build|hb|png" "rendering headers"
# geo/ingest: text processing on the gazetteer and model; libxml2 only in its HTML file
check geo/ingest "geo/gis|render/|${third_party}" "GIS, rendering or third-party headers"
xml_elsewhere=$(grep -lE '^#include [<"]libxml' geo/ingest/*.cpp geo/ingest/*.hpp 2>/dev/null | grep -v '^geo/ingest/html_text.cpp$' || true)
if [[ -n "$xml_elsewhere" ]]; then echo "layering: libxml2 outside geo/ingest/html_text.cpp: $xml_elsewhere"; status=1; fi
for dir in render tools; do
  check "$dir" "gdal|ogr|cpl_|proj\.h|geos" "GDAL/PROJ/GEOS headers (they belong to geo/gis)"
done
for dir in render/gl render/text render/export; do
  [[ -d "$dir" ]] && check "$dir" "SDL|imgui" "SDL or ImGui (only render/viewer uses them)"
done
sdl_top=$(grep -lE '^#include [<"](SDL|imgui)' render/*.hpp render/*.cpp 2>/dev/null | grep -v '^render/window_target' || true)
if [[ -n "$sdl_top" ]]; then echo "layering: SDL/ImGui outside render/viewer and the window target: $sdl_top"; status=1; fi
if [[ $status -eq 0 ]]; then echo "layering: ok"; fi
exit $status

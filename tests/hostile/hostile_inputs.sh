#!/usr/bin/env bash
# Hostile-input table test: every case runs frontline on a broken, huge, special or malicious input
# and checks the documented exit code, a one-line message naming the file/row/argument, no crash
# (no abort, no sanitizer report), no hang (a timeout per case) and no partial output left behind.
#   tests/hostile/hostile_inputs.sh FRONTLINE [NAME_PART | category=CATEGORY]
# (ctest runs one test per category, in parallel.)
set -uo pipefail
FL="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
filter="${2:-}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/frontline-hostile.XXXXXX")"
mounted=""
cleanup() {
  [[ -n "$mounted" ]] && umount "$mounted" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work" || exit 1
export FRONTLINE_ASSETS="$root/assets"
limit="${HOSTILE_TIMEOUT:-60}"
total=0 failed=0
declare -A byCategory

selected() {
  [[ -z "$filter" ]] && return 0
  [[ "$filter" == category=* ]] && { [[ "$1" == "${filter#category=}" ]]; return; }
  [[ "$2" == *"$filter"* ]]
}

# check CATEGORY NAME EXPECTED_EXIT 'MESSAGE SUBSTRING' -- ARGS...: runs `frontline ARGS`.
check() {
  local category="$1" name="$2" want="$3" text="$4"
  shift 5
  selected "$category" "$name" || return 0
  total=$((total + 1))
  byCategory[$category]=$((${byCategory[$category]:-0} + 1))
  rm -rf out && mkdir -p out
  local before
  before="$(find . -name '.*tmp-*' 2>/dev/null | sort)"
  timeout -k 5 "$limit" "$FL" "$@" >stdout.txt 2>stderr.txt </dev/null
  local got=$?
  local why=""
  local first
  first="$(grep -v '^  ' stderr.txt | grep -v '^frontline [a-z]*: warning' | head -1)"
  [[ -z "$first" ]] && first="$(grep -F -- "${text:-@@}" stdout.txt | head -1)"
  if ((got == 124 || got == 137)); then why="timed out after ${limit}s"
  elif ((got != want)); then why="exit $got, expected $want"
  elif grep -qE 'terminate called|Sanitizer|runtime error:|Aborted|std::' stderr.txt; then why="crash report in stderr"
  elif [[ -n "$text" ]] && ! grep -qF -- "$text" stderr.txt stdout.txt; then why="output lacks '$text'"
  elif grep -q $'\x1b' stderr.txt stdout.txt; then why="raw escape character in the output"
  elif (($(wc -L <stderr.txt) > 1300)) || { [[ "$1" == check ]] && (($(wc -L <stdout.txt) > 1300)); }; then
    why="a message line longer than 1300 bytes (data on stdout, such as a TSV cell, may be longer)"
  elif [[ "$(find . -name '.*tmp-*' 2>/dev/null | sort)" != "$before" ]]; then why="temporary files left behind"
  fi
  if [[ -n "$why" ]]; then
    failed=$((failed + 1))
    printf 'FAIL %-10s %-40s %s\n     stderr: %s\n' "$category" "$name" "$why" "$(head -c 400 stderr.txt | tr '\n' '|')"
  else
    printf 'ok   %-10s %-40s exit %d  %s\n' "$category" "$name" "$got" "$(printf '%s' "$first" | head -c 150)"
  fi
}
# Like check, then also requires that PATH does not exist afterwards (no partial output).
check_no_output() {
  local path="$1"
  shift
  check "$@"
  selected "$1" "$2" || return 0
  if [[ -e "$path" ]]; then
    failed=$((failed + 1))
    echo "FAIL $1 $2: left $path behind"
  fi
}

dataset="$root/assets/datasets/isis-2014-2019/manifest.toml"
[[ -f "$dataset" ]] || dataset="$(ls "$root"/assets/datasets/isis-2014-2019/*.toml | grep -v story | head -1)"
small=(--size 64x64 --bbox 35,29,49,38)  # --no-data needs an area to show
csv() { printf 'date,place,country,controller,status\n%s' "$1" >"$2"; }

# --- special files and sizes -------------------------------------------------------------------
ln -s /dev/zero zero.toml; ln -s /dev/zero zero.csv; ln -s /dev/zero zero.tsv; ln -s /dev/zero zero.geojson
mkfifo fifo.csv fifo.toml fifo.tsv
mkdir folder.csv folder.toml
head -c $((5 << 20)) /dev/zero | tr '\0' '#' >big.toml
check special manifest-dev-zero 3 'zero.toml: is a character device' -- check zero.toml
check special manifest-fifo 3 'fifo.toml: is a pipe' -- check fifo.toml
check special manifest-folder 3 'folder.toml' -- check folder.toml
check special manifest-too-big 3 'big.toml: is 5 MiB' -- check big.toml
check special events-dev-zero 3 'zero.csv: is a character device' -- check zero.csv
check special events-fifo 3 'fifo.csv: is a pipe' -- check fifo.csv
check special events-folder 3 'folder.csv' -- check folder.csv
check special events-missing 3 'missing.csv' -- check missing.csv
check special events-dev-null 3 '/dev/null' -- check /dev/null
check special events-proc 3 '/proc/self/status' -- check /proc/self/status
printf 'title = "x"\nevents = ["zero.csv"]\n' >m-zero.toml
printf 'title = "x"\nevents = ["fifo.csv"]\n' >m-fifo.toml
printf 'title = "x"\nevents = ["events.csv"]\nactors = "zero.csv"\n' >m-actors-zero.toml
printf 'title = "x"\nevents = ["events.csv"]\ngazetteer = ["zero.tsv"]\n' >m-gaz-zero.toml
printf 'title = "x"\nevents = ["events.csv"]\ngazetteer = ["fifo.tsv"]\n' >m-gaz-fifo.toml
printf 'title = "x"\nevents = ["events.csv"]\naliases = ["zero.tsv"]\n' >m-alias-zero.toml
printf 'title = "x"\nevents = ["events.csv"]\nareas = ["zero.geojson"]\n' >m-areas-zero.toml
csv $'2017-10-17,Raqqa,SY,sdf,control\n' events.csv
check special manifest-events-dev-zero 4 'zero.csv: is a character device' -- check m-zero.toml
check special manifest-events-fifo 4 'fifo.csv: is a pipe' -- check m-fifo.toml
check special manifest-actors-dev-zero 4 'zero.csv' -- check m-actors-zero.toml
check special manifest-gazetteer-dev-zero 4 'zero.tsv: is a character device' -- check m-gaz-zero.toml
check special manifest-gazetteer-fifo 4 'fifo.tsv: is a pipe' -- check m-gaz-fifo.toml
check special manifest-aliases-dev-zero 4 'zero.tsv: is a character device' -- check m-alias-zero.toml
check special manifest-areas-dev-zero 4 'zero.geojson' -- check m-areas-zero.toml
check special gazetteer-option-folder 3 'is a folder' -- check events.csv --gazetteer /tmp
check special gazetteer-option-dev-zero 3 'is a character device' -- check events.csv --gazetteer /dev/zero
check special aliases-option-fifo 3 'is a pipe' -- check events.csv --aliases fifo.tsv
check special geocode-gazetteer-folder 3 'is a folder' -- geocode Raqqa --gazetteer /tmp
check special layer-dev-zero 3 'zero.geojson' -- render "${small[@]}" --no-data --layer land=zero.geojson -o out/x.png
check special layer-fifo 3 'fifo.csv' -- render "${small[@]}" --no-data --layer rivers=fifo.csv -o out/x.png
check special layer-folder 3 'folder.csv' -- render "${small[@]}" --no-data --layer rivers=folder.csv -o out/x.png

# --- outputs that are not regular files, full disks ---------------------------------------------
check output render-dev-full 6 '/dev/full' -- render "${small[@]}" --no-data -o /dev/full
check output state-dev-full 6 '/dev/full' -- state --date 2017-10-17 -o /dev/full
check output areas-dev-full 6 '/dev/full' -- areas --date 2017-10-17 -o /dev/full
check output render-dev-null 0 '' -- render "${small[@]}" --no-data -o /dev/null
check output state-dev-null 0 '' -- state --date 2017-10-17 -o /dev/null
check output render-folder 6 'is a folder' -- render "${small[@]}" --no-data -o out
check output render-missing-folder 6 'nowhere' -- render "${small[@]}" --no-data -o nowhere/x.png
check output areas-bad-extension 2 'unknown output format' -- areas --date 2017-10-17 -o out/x.txt
check output export-video-dev-null 2 '' -- export "${small[@]}" --frames 2 --overwrite -o /dev/null
for dev in /dev/full /dev/null; do
  [[ -c "$dev" ]] || { failed=$((failed + 1)); echo "FAIL output $dev is no longer a device"; }
done
if ! selected output full-disk; then
  :
elif [[ $(id -u) -eq 0 ]] && mkdir -p full && mount -t tmpfs -o size=256k tmpfs full 2>/dev/null; then
  mounted="$work/full"
  head -c 1M /dev/zero >full/filler 2>/dev/null
  check_no_output full/a.gpkg output areas-full-disk 6 'a.gpkg' -- areas --date 2017-10-17 -o full/a.gpkg
  check_no_output full/m.png output render-full-disk 6 'm.png' -- render --size 1920x1080 -o full/m.png
  check_no_output full/s.tsv output state-full-disk 6 's.tsv' -- state --date 2017-10-17 -o full/s.tsv
  check_no_output full/v.mp4 output video-full-disk 7 'ffmpeg' -- export --size 640x360 --frames 60 -o full/v.mp4
  check_no_output full/v.webm output webm-full-disk 7 'ffmpeg' -- export --size 640x360 --frames 30 -o full/v.webm
  [[ -z "$(ls -A full | grep -v filler)" ]] || { failed=$((failed + 1)); echo "FAIL output full disk: left $(ls -A full)"; }
  umount full && mounted=""
else
  echo "note: not root or no tmpfs: full-disk cases skipped"
fi

# --- GDAL: network, drivers, counts read from files ---------------------------------------------
printf '<OGRVRTDataSource><OGRVRTLayer name="x"><SrcDataSource>/vsicurl/http://192.0.2.1/x.csv</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>' >net.vrt
printf '<OGRVRTDataSource><OGRVRTLayer name="x"><SrcDataSource>/etc/passwd</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>' >local.vrt
check gdal vrt-fetches-url 3 'net.vrt' -- check net.vrt
check gdal vrt-reads-other-file 3 'local.vrt' -- check local.vrt
check gdal vsicurl-path 3 '/vsicurl/http://192.0.2.1/x.csv' -- check /vsicurl/http://192.0.2.1/x.csv
check gdal http-url 3 'http://192.0.2.1/x.geojson' -- check http://192.0.2.1/x.geojson
check gdal vsizip-path 3 '/vsizip/x.zip/a.csv' -- check /vsizip/x.zip/a.csv
check gdal layer-url 3 'virtual path or a URL' -- render "${small[@]}" --no-data --layer land=/vsicurl/http://192.0.2.1/l.geojson -o out/x.png
ogr2ogr -f GPKG huge.gpkg events.csv -oo X_POSSIBLE_NAMES=none -nln events 2>/dev/null
cp huge.gpkg huge2.gpkg
sqlite3 huge.gpkg "UPDATE gpkg_ogr_contents SET feature_count = 9000000000000000000" 2>/dev/null
sqlite3 huge2.gpkg "UPDATE gpkg_ogr_contents SET feature_count = 200000000" 2>/dev/null
check gdal gpkg-feature-count-huge 0 '' -- check huge.gpkg
check gdal gpkg-feature-count-2e8 0 '' -- check huge2.gpkg
ogr2ogr -f "ESRI Shapefile" nodbf.shp events.csv -oo X_POSSIBLE_NAMES=none -oo Y_POSSIBLE_NAMES=none 2>/dev/null
printf 'garbage' >nodbf.shp; rm -f nodbf.dbf
check gdal shapefile-without-dbf 3 'no .dbf' -- check nodbf.shp
printf 'not a geopackage at all' >bad.gpkg
check gdal garbage-gpkg 3 'bad.gpkg' -- check bad.gpkg
printf 'PK\003\004garbage' >bad.xlsx
check gdal garbage-xlsx 3 'bad.xlsx' -- check bad.xlsx
printf '{"type":"FeatureCollection","features":[' >trunc.geojson
check gdal truncated-geojson 3 'trunc.geojson' -- check trunc.geojson
python3 -c "print('['*100000 + ']'*100000)" >deep.geojson
check gdal deeply-nested-json 3 'deep.geojson' -- check deep.geojson
printf '\x00\x01\x02\x03binary\xff\xfe' >binary.csv
check gdal binary-csv 3 'binary.csv' -- check binary.csv

# --- event tables: rows and cells ---------------------------------------------------------------
csv $'2017-10-17,"Raqqa,SY,sdf,control\n2017-10-18,Mosul,IQ,iraqi_forces,control\n' quote.csv
check table unbalanced-quote 4 'quote.csv:2: a quote' -- check quote.csv
for d in 0000-01-01:'year must be' 2017-02-30:'no such day' 2017-13-01:'month must be' 2017-00-10:'month must be' \
         2017-01-00:'day must be' 2017-01-32:'day must be' 99999-01-01:expected '':date \
         ٢٠١٧-٠١-٠١:expected 2017-1-1:expected; do
  date="${d%%:*}" want="${d#*:}"
  csv "$date,Raqqa,SY,sdf,control"$'\n' "date-$total.csv"
  check table "date-'$date'" 4 "$want" -- check "date-$total.csv"
done
for ll in '91,40' '-91,40' '36,181' '36,-181' 'nan,40' 'inf,40' '1e400,40' 'abc,40' '36,' ',40'; do
  printf 'date,place,lat,lon,controller\n2017-10-17,Somewhere,%s,sdf\n' "$ll" >"ll-$total.csv"
  check table "latlon-'$ll'" 4 "ll-$total.csv:2" -- check "ll-$total.csv"
done
csv $'2017-10-17,Raqqa,SY,sdf,bogus\n' status.csv
check table bad-status 4 'status.csv:2' -- check status.csv
printf 'date,place,controller,confidence\n2017-10-17,Raqqa,sdf,maybe\n' >conf.csv
check table bad-confidence 4 'conf.csv:2' -- check conf.csv
: >empty.csv
check table empty-file 3 'is empty' -- check empty.csv
printf 'date,place,country,controller,status\n' >header.csv
check table header-only 4 'no events' -- check header.csv
printf '\xef\xbb\xbf' >bom.csv
check table bom-only 3 'bom.csv' -- check bom.csv
printf '\n\n\n\n' >newlines.csv
check table newlines-only 3 'newlines.csv' -- check newlines.csv
printf 'date,controller\n2017-10-17,sdf\n' >nocols.csv
check table missing-columns 4 'missing column' -- check nocols.csv
printf 'date,place,place,controller\n2017-10-17,Raqqa,Mosul,sdf\n' >dupcols.csv
check table duplicate-columns 0 '' -- check dupcols.csv
python3 -c "print(','.join(['date','place','controller']+['c%d'%i for i in range(20000)])); print(','.join(['2017-10-17','Raqqa','sdf']+['x']*20000))" >wide.csv
check table 20000-columns 0 '' -- check wide.csv
python3 -c "print('date,place,controller'); print('2017-10-17,Raqqa,' + 'x'*1000000)" >longcell.csv
check table one-megabyte-cell 0 '' -- check longcell.csv
selected table 200-rows-100kb-unknown-controllers && python3 -c "
import random
print('date,place,controller')
for i in range(200): print('2017-10-17,Raqqa,' + ''.join(random.choice('abcdefghij') for _ in range(100000)))" >names.csv
printf 'id,name,color\nsdf,SDF,#ff0000\n' >actors.csv
printf 'events = ["names.csv"]\nactors = "actors.csv"\n' >m-names.toml
check table 200-rows-100kb-unknown-controllers 4 'names.csv:2' -- check m-names.toml
python3 -c "
print('date,place,controller')
for i in range(200): print('2017-10-17,' + 'q'*100000 + str(i) + ',sdf')" >places.csv
check table 200-rows-100kb-places 4 'places.csv:2' -- check places.csv
printf 'date,place,controller\n2017-10-17,\x1b]0;pwned\x07\x1b[31mRaqqa\x1b[0m,sdf\n2017-10-17,Mosul\r\nbad,\x1b[2J,x\n' >esc.csv
check table escape-sequences-in-cells 4 'esc.csv' -- check esc.csv
printf 'date,place,controller\n2017-10-17,Raq\xffqa\xc0\xaf,sdf\n' >utf8.csv
check table invalid-utf8 0 '' -- check utf8.csv
check table invalid-utf8-geojson 0 '' -- state utf8.csv --date 2017-10-18 --format geojson -o out/s.geojson
selected table invalid-utf8-geojson && ! python3 -c "import json; json.load(open('out/s.geojson', encoding='utf-8'))" 2>/dev/null &&
  { failed=$((failed + 1)); echo "FAIL table invalid-utf8-geojson: not valid UTF-8 JSON"; }
printf 'date,place,controller\n2017-10-17,Ra\x00qqa,sdf\n' >nul.csv
check table nul-byte 0 '' -- check nul.csv
printf 'date;place;controller\r\n2017-10-17;Raqqa;sdf\r\n' >crlf.csv
check table semicolons-crlf 0 '' -- check crlf.csv
printf 'date,place,controller\r2017-10-17,Raqqa,sdf\r' >cr.csv
check table lone-cr 0 '' -- check cr.csv
printf 'date\tplace\tcontroller\n2017-10-17\tRaqqa\tnobody_knows\n' >unknown.tsv
check table unknown-controller-tsv 0 '' -- check unknown.tsv
csv $'2017-10-17,Raqqa,ZZ,sdf,control\n' country.csv
check table unknown-country 0 'country.csv:2' -- check country.csv
selected table 100k-rows && python3 -c "
print('date,place,lat,lon,controller')
for i in range(100000): print('2017-10-17,P%d,%f,%f,a%d' % (i, 30 + i % 1000 / 100, 40 + i // 1000 / 100, i % 7))" >many.csv
check table 100k-rows 0 '' -- check many.csv

# --- manifests and other text formats -----------------------------------------------------------
printf 'title = "x\nevents = [' >badtoml.toml
check manifest invalid-toml 4 'badtoml.toml:1' -- check badtoml.toml
printf '\x00\x01\x02' >bin.toml
check manifest binary-toml 4 'bin.toml' -- check bin.toml
printf 'events = "events.csv"\n[settings]\ntransition_days = -5\n' >neg.toml
check manifest negative-transition 4 'neg.toml' -- check neg.toml
printf 'events = ["events.csv"]\n[settings]\ncap_km = 1e308\n' >cap.toml
check manifest huge-cap-km 4 'cap.toml' -- check cap.toml
printf 'events = ["events.csv"]\n[settings]\nstart = 2019-01-01\nend = 2014-01-01\n' >span.toml
check manifest end-before-start 4 'span.toml' -- check span.toml
printf 'events = ["../../../../../../etc/passwd"]\n' >passwd.toml
check manifest events-is-etc-passwd 4 'passwd' -- check passwd.toml
printf 'events = ["events.csv"]\nactors = "%s"\n' "$(python3 -c "print('a'*5000)")" >longpath.toml
check manifest 5000-char-path 4 'longpath.toml' -- check longpath.toml
python3 -c "print('events = ' + '['*10000 + ']'*10000)" >deeptoml.toml
check manifest deeply-nested-toml 4 'deeptoml.toml' -- check deeptoml.toml
printf 'a\tb\n' >badgaz.tsv
check manifest gazetteer-wrong-columns 4 'badgaz.tsv' -- check events.csv --gazetteer badgaz.tsv
printf 'name\talias_of\tlat\tlon\nX\t\t999\t999\n' >badalias.tsv
check manifest aliases-bad-coordinates 4 'badalias.tsv' -- check events.csv --aliases badalias.tsv
printf 'id,name,color\nsdf,SDF,#zzzzzz\n' >actors-bad.csv
printf 'events = ["events.csv"]\nactors = "actors-bad.csv"\n' >m-actors-bad.toml
check manifest actors-bad-color 4 'actors-bad.csv:2' -- check m-actors-bad.toml

# --- command-line options ---------------------------------------------------------------------
for s in 0x0 15x15 99999x99999 abc 1920x 2147483648x10 -5x-5; do
  check option "size-$s" 2 '--size' -- render --no-data --size "$s" -o out/x.png
done
for s in 1e-30 0 -1 17 nan inf; do
  check option "scale-$s" 2 '--scale' -- render --no-data "${small[@]}" --scale "$s" -o out/x.png
done
for s in -1 17 abc; do check option "samples-$s" 2 '--samples' -- render --no-data "${small[@]}" --samples "$s" -o out/x.png; done
for d in 0000-01-01 2017-02-30 garbage 10000-01-01; do
  check option "date-$d" 2 '--date' -- render "${small[@]}" --date "$d" -o out/x.png
done
check option bbox-across-equator 0 '' -- render --size 64x64 --no-data --bbox 30,-10,50,10 -o out/x.png
for b in 1,2,3 50,30,40,20 nan,1,2,3 0,0,0,0 -200,0,10,10 a,b,c,d; do
  check option "bbox-$b" 2 '--bbox' -- render --size 64x64 --no-data --bbox "$b" -o out/x.png
done
check option crs-unknown 4 '--crs EPSG:99999' -- render "${small[@]}" --no-data --crs EPSG:99999 -o out/x.png
check option layer-unknown-kind 2 '--layer' -- render "${small[@]}" --no-data --layer bogus=x.geojson -o out/x.png
check_no_output out/frames option export-threads-50000 2 '--threads' -- export "${small[@]}" --frames 2 --threads 50000 -o out/frames
check_no_output out/frames option export-threads-0 2 '--threads' -- export "${small[@]}" --frames 2 --threads 0 -o out/frames
check_no_output out/frames option export-frames-0 2 '--frames' -- export "${small[@]}" --frames 0 -o out/frames
check_no_output out/frames option export-frames-negative 2 '--frames' -- export "${small[@]}" --frames -1 -o out/frames
check_no_output out/frames option export-days-per-second-tiny 2 '--days-per-second' -- export "${small[@]}" --days-per-second 1e-300 -o out/frames
check_no_output out/frames option export-days-per-second-0 2 '--days-per-second' -- export "${small[@]}" --days-per-second 0 -o out/frames
check_no_output out/frames option export-fps-0 2 '--fps' -- export "${small[@]}" --fps 0 -o out/frames
check_no_output out/frames option export-fps-huge 2 '--fps' -- export "${small[@]}" --fps 1e9 -o out/frames
check_no_output out/frames option export-gif-width-1 2 '--gif-width' -- export "${small[@]}" --gif-width 1 -o out/frames
check_no_output out/x.png option export-to-png 2 'x.png' -- export "${small[@]}" --frames 2 -o out/x.png
check_no_output out/x.mov option export-to-mov 2 'x.mov' -- export "${small[@]}" --frames 2 -o out/x.mov
check_no_output out/frames option export-from-after-to 2 '--to' -- export "${small[@]}" --from 2018-01-01 --to 2017-01-01 -o out/frames
mkdir -p res && ln -s /dev/zero res/.frontline-export && touch res/frame_00000.png
check option resume-record-dev-zero 3 'is a character device' -- export "${small[@]}" --frames 2 --resume -o res
mkdir -p res2 && printf 'root:SECRET-FIRST-LINE:0:0\n' >res2/.frontline-export
check option resume-foreign-record 2 'did not write' -- export "${small[@]}" --frames 2 --resume -o res2
selected option resume-foreign-record && grep -q SECRET stderr.txt stdout.txt && { failed=$((failed + 1)); echo "FAIL option resume-foreign-record echoed the file"; }
check option state-bad-format 2 '--format' -- state --date 2017-10-17 --format xml
check option geocode-100kb-name 0 "qqqqq...'" -- geocode "$(head -c 100000 /dev/zero | tr '\0' q)"
check option geocode-escape-chars 1 '\x1b[31mred' -- geocode $'\x1b[31mred\x1b[0m'
check option unknown-subcommand 2 '' -- frobnicate
check option unknown-option 2 '' -- render --frobnicate

# --- geometry limits --------------------------------------------------------------------------
selected geometry layer-1M-vertex-polygon && python3 -c "
import math
n = 1000000
pts = ','.join('[%.6f,%.6f]' % (40 + 5 * math.cos(2 * math.pi * i / n), 33 + 3 * math.sin(2 * math.pi * i / n)) for i in range(n))
print('{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[' + pts + ',[45,33]]]}}]}')" >million.geojson
check geometry layer-1M-vertex-polygon 4 'million.geojson' -- render "${small[@]}" --no-data --layer land=million.geojson -o out/x.png
printf 'events = ["events.csv"]\nareas = ["million.geojson"]\n' >m-areas-million.toml
check geometry areas-1M-vertex-polygon 4 'million.geojson' -- check m-areas-million.toml
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1e308,0],[0,1e308],[0,0]]]}}]}' >far.geojson
check geometry layer-coordinates-1e308 0 '' -- render "${small[@]}" --no-data --layer land=far.geojson -o out/x.png
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[40,30],[41,31],[40,31],[41,30],[40,30]]]}}]}' >bowtie.geojson
check geometry layer-self-intersecting 0 '' -- render "${small[@]}" --no-data --layer land=bowtie.geojson -o out/x.png

echo
for c in "${!byCategory[@]}"; do printf '%s %d, ' "$c" "${byCategory[$c]}"; done
echo
echo "hostile inputs: $total cases, $failed failed"
((failed == 0))

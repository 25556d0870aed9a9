#!/usr/bin/env bash
# Export benchmark on the peer workload (../shared/bench/peers: 60 towns, 219 changes of control
# over 2015, 1920x1080, one frame per day = 365 frames): converts it into a frontline dataset, then
# times `frontline export` to PNG frames and to .mp4, RUNS times each (whole process, like the
# peers' figures), and prints seconds and frames per second per run and the median.
#   tools/bench/export_bench.sh [RUNS]          (default 3)
#   tools/bench/export_bench.sh --with-mapnik [RUNS]
#       also times the mapnik peer (peer_mapnik.py, whole process) in the same rounds and prints
#       the ratio; needs python3-mapnik (PEERS_ONLY=mapnik ../shared/bench/peers/run.sh 1 installs
#       it and the tools its prep.sh needs).
# Environment: FRONTLINE (the binary; default build/frontline), PEERS_DIR (default
# ../shared/bench/peers next to the repository), BENCH_DIR (scratch folder, default
# /tmp/frontline-export-bench).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
with_mapnik=0
if [[ "${1:-}" == "--with-mapnik" ]]; then
  with_mapnik=1
  shift
fi
runs="${1:-3}"
frontline="${FRONTLINE:-$here/build/frontline}"
peers="${PEERS_DIR:-$(cd "$here/.." && pwd)/shared/bench/peers}"
work="${BENCH_DIR:-/tmp/frontline-export-bench}"

if [[ ! -f "$peers/data/towns.csv" || ! -f "$peers/data/events.csv" ]]; then
  echo "export_bench: the peer workload is not here ($peers/data/towns.csv); it ships in ../shared/bench/peers." >&2
  echo "export_bench: set PEERS_DIR to its folder to run this benchmark." >&2
  exit 1
fi
if [[ ! -x "$frontline" ]]; then
  echo "export_bench: no frontline binary at $frontline; build first (cmake --build build) or set FRONTLINE" >&2
  exit 1
fi

if ((with_mapnik)); then
  if ! /usr/bin/python3 -c "import mapnik" 2>/dev/null; then
    echo "export_bench: python3-mapnik is missing; install the peer with: PEERS_ONLY=mapnik $peers/run.sh 1" >&2
    exit 1
  fi
  # The peers' derived layers (prep.sh: npm world-atlas, ogr2ogr, shapely, scipy).
  export PEERS_DATA="${PEERS_DATA:-/tmp/peers-out/data}"
  [[ -f "$PEERS_DATA/shp/cell_states.shp" ]] || "$peers/prep.sh" >/dev/null
fi

mkdir -p "$work"
: >"$work/log.txt"
/usr/bin/python3 "$here/tools/bench/convert_peer_workload.py" --peers "$peers" "$work/dataset" >/dev/null
# The workload's picture: plate carree over lon 34..50, lat 28..40, 1920x1080, one frame per day.
common=("$work/dataset/dataset.toml" --crs EPSG:4326 --bbox 34,28,50,40 --from 2015-01-01 --to 2015-12-31
        --fps 30 --days-per-second 30 --size 1920x1080 --overwrite -q)

now() { date +%s.%N; }
declare -A times
# Wall seconds of the whole process, and its CPU seconds (user + system, children included: ffmpeg
# for .mp4). The machine may be shared: CPU time shows the work done whatever the load.
timed() {  # command... ; sets wall and cpu
  local t0 t1
  t0=$(now)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f "%U %S" -o "$work/time.txt" "$@" >/dev/null 2>>"$work/log.txt"
    cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$work/time.txt")
  else
    "$@" >/dev/null 2>>"$work/log.txt"
    cpu="?"
  fi
  t1=$(now)
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
}
report() {  # name
  printf '%-8s run %d: %6.2f s  %6.1f frames/s  (CPU %s s, load %s)\n' "$1" "$round" "$wall" \
    "$(awk -v s="$wall" 'BEGIN { printf "%.1f", 365 / s }')" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
  times[$1]+="$wall "
}
run_one() {  # name, command...
  local name="$1"
  shift
  timed "$@" || { echo "export_bench: $name failed (log: $work/log.txt)" >&2; exit 1; }
  report "$name"
}

echo "export_bench: 365 frames of 1920x1080, $runs runs each; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
for ((round = 1; round <= runs; round++)); do
  rm -rf "$work/frames"
  run_one png "$frontline" export "${common[@]}" -o "$work/frames"
  run_one mp4 "$frontline" export "${common[@]}" -o "$work/bench.mp4"
  if ((with_mapnik)); then
    # The peer exactly as run.sh times it: the whole python process, frames into a fresh folder.
    rm -rf "$work/mapnik"
    run_one mapnik /usr/bin/python3 "$peers/peer_mapnik.py" "$work/mapnik"
  fi
done

median() { tr ' ' '\n' <<<"$1" | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "median:"
for name in png mp4 mapnik; do
  [[ -n "${times[$name]:-}" ]] || continue
  m=$(median "${times[$name]}")
  printf '  %-8s %6.2f s  %6.1f frames/s\n' "$name" "$m" "$(awk -v s="$m" 'BEGIN { printf "%.1f", 365 / s }')"
done
if [[ -n "${times[mapnik]:-}" ]]; then
  m=$(median "${times[mapnik]}")
  p=$(median "${times[png]}")
  printf '  PNG export is %.1fx as fast as mapnik on this machine\n' "$(awk -v a="$m" -v b="$p" 'BEGIN { print a / b }')"
fi
du -sh "$work/frames" "$work/bench.mp4" | sed 's/^/  output: /'

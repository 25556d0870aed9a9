#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ and runs each for SECONDS
# (default 15) from its seed corpus (tests/fuzz/corpus/<name>/, copied to build-fuzz/corpus/).
# A crash leaves its input in build-fuzz/artifacts/ and makes the script fail; turn it into a test.
#   tools/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${FRONTLINE_FUZZ_DIR:-$here/build-fuzz}"
seconds="${1:-15}"
shift || true
targets=("$@")
((${#targets[@]})) || targets=(ingest dataset table_ogr csv manifest story actors geonames aliases date options)
if ! command -v clang++ >/dev/null || ! [[ -d /usr/lib/llvm-14/lib/clang ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >/dev/null
  else
    echo "frontline fuzz: needs clang and libclang-rt-14-dev: sudo apt-get install clang libclang-rt-14-dev" >&2
    exit 1
  fi
fi
launcher=()
if command -v ccache >/dev/null; then  # paths relative to the checkout: clones share the cache
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$here}"
fi
if [[ ! -f "$build_dir/build.ninja" ]]; then
  CC=clang CXX=clang++ cmake -S "$here" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFRONTLINE_FUZZ=ON \
    -DFRONTLINE_TESTS=OFF -DFRONTLINE_VIEWER=OFF "${launcher[@]}" >/dev/null
fi
cmake --build "$build_dir" --target "${targets[@]/#/fuzz_}"
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
mkdir -p "$build_dir/artifacts"
# One target per core at a time; each prints its line when it ends.
fuzz_one() {
  local t=$1 corpus="$build_dir/corpus/$1" log="$build_dir/fuzz_$1.log"
  mkdir -p "$corpus"
  [[ -d "$here/tests/fuzz/corpus/$t" ]] && cp -n "$here/tests/fuzz/corpus/$t"/* "$corpus"/ 2>/dev/null || true
  if "$build_dir/tests/fuzz/fuzz_$t" "$corpus" -max_total_time="$seconds" -max_len=65536 -timeout=20 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build_dir/artifacts/${t}-" >"$log" 2>&1; then
    echo "fuzz_$t: ${seconds}s, $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs, no crash"
  else
    echo "fuzz_$t: FAILED (see $log; input in $build_dir/artifacts/)"
    grep -E 'ERROR|SUMMARY|runtime error' "$log" | head -5
    return 1
  fi
}
status=0
pids=()
for t in "${targets[@]}"; do
  if ((${#pids[@]} >= $(nproc))); then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
  fuzz_one "$t" &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status

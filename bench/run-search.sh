#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-search.sh — the search benchmark: fills a data folder with a large caseload once, keeps it
# for the next runs, and times the full-text search over it.
#
# Usage: run-search.sh BENCH_DATA BENCH_SEARCH CACHE_DIR
# BENCH_SEARCH_CANDIDATES (500), BENCH_SEARCH_SHEETS (100000, in all) and BENCH_SEARCH_WORDS
# (400 a sheet) change the caseload; BENCH_CACHE_DIR puts the kept folders elsewhere than
# CACHE_DIR. A folder is kept per set of parameters: its name holds them, and a stamp file,
# written last, says the folder is complete.
set -eu

if [ $# -ne 3 ]; then
  echo "usage: $0 BENCH_DATA BENCH_SEARCH CACHE_DIR" >&2
  exit 2
fi
bench_data=$1
bench_search=$2
cache_root=${BENCH_CACHE_DIR:-$3}
candidates=${BENCH_SEARCH_CANDIDATES:-500}
sheets=${BENCH_SEARCH_SHEETS:-100000}
words=${BENCH_SEARCH_WORDS:-400}
seed=1
# Bump when bench-data or bench-text write other data for the same parameters.
data_version=1

per_candidate=$(( (sheets + candidates - 1) / candidates ))
dir=$cache_root/search-c$candidates-s$per_candidate-w$words-seed$seed-v$data_version
stamp=$dir/stamp

if [ ! -f "$stamp" ]; then
  rm -rf "$dir" "$dir.partial"
  mkdir -p "$cache_root"
  echo "# generating $candidates candidates, $per_candidate sheets each, in $dir" >&2
  start=$(date +%s.%N)
  "$bench_data" --candidates "$candidates" --sheets "$per_candidate" --words "$words" \
    --seed "$seed" "$dir.partial"
  end=$(date +%s.%N)
  mv "$dir.partial" "$dir"
  seconds=$(awk "BEGIN { print $end - $start }")
  echo "$seconds" >"$stamp"
  printf 'search_generation: %.1f s\n' "$seconds"
else
  printf '# data kept in %s, generated in %.1f s\n' "$dir" "$(cat "$stamp")" >&2
fi
printf 'search_data_size: %d MB\n' "$(( $(du -sk "$dir" | cut -f1) / 1024 ))"

exec "$bench_search" "$dir"

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-startup-instructions.sh — the startup benchmark counted in instructions rather than in
# milliseconds: callgrind counts what each program executes from exec to the end of the first
# frame GTK renders (the first return of gsk_renderer_render), for the bare window and for
# Acquis on 500 candidates, with the role unset and as a coach. On a shared machine the time
# to the first frame scatters by ±15 %; the count of instructions by well under 1 %, so a
# change of a few milliseconds shows. Prints the least count of three rounds and the ratios to
# the bare window.
#
# Usage: run-startup-instructions.sh BENCH_DATA BARE_WINDOW ACQUIS SCHEMA_DIR
# BENCH_CANDIDATES (500) changes the caseload. Exits 77 (skipped) without valgrind.
set -eu

skip () {
  echo "startup-instructions benchmark skipped: $*" >&2
  exit 77
}

if [ "${1:-}" = --inner ]; then
  # inside run-in-x.sh: count each program in turn
  shift
  out=$1 bare=$2 acquis=$3 data=$4 coach_config=$5

  # count NAME PROGRAM [ARGS…]: its instructions up to its first frame, then it is stopped
  count () {
    name=$1
    shift
    rm -f "$out/$name".*
    valgrind --tool=callgrind --callgrind-out-file="$out/$name.%p" \
      --dump-after=gsk_renderer_render --collect-systime=no "$@" >"$out/$name.log" 2>&1 &
    pid=$!
    tries=0
    until ls "$out/$name".*.1 >/dev/null 2>&1; do
      if ! kill -0 "$pid" 2>/dev/null || [ "$tries" -ge 1200 ]; then
        cat "$out/$name.log" >&2
        echo "$name: no frame drawn" >&2
        exit 1
      fi
      tries=$((tries + 1))
      sleep 0.1
    done
    sleep 0.5 # the dump is written
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    sed -n 's/^summary: //p' "$out/$name".*.1 | head -n 1 > "$out/$name.count"
  }

  # three rounds, the least count of each kept: a program's first start in a session may pay
  # once for what a cache keeps (Mesa probing the GL drivers, say), by some 60 M instructions
  for round in 1 2 3; do
    count bare "$bare"
    count unset "$acquis" --data-dir "$data"
    XDG_CONFIG_HOME=$coach_config GSETTINGS_BACKEND=keyfile count coach "$acquis" \
      --data-dir "$data"
    for name in bare unset coach; do
      cat "$out/$name.count" >> "$out/$name.counts"
    done
  done
  for name in bare unset coach; do
    sort -n "$out/$name.counts" | head -n 1 > "$out/$name.count"
  done
  exit 0
fi

if [ $# -ne 4 ]; then
  echo "usage: $0 BENCH_DATA BARE_WINDOW ACQUIS SCHEMA_DIR" >&2
  exit 2
fi
bench_data=$1
bare_window=$2
acquis=$3
schema_dir=$4
candidates=${BENCH_CANDIDATES:-500}

command -v valgrind >/dev/null 2>&1 || skip "no valgrind (package valgrind)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/acquis-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

"$bench_data" --candidates "$candidates" --daily-backup "$tmp/data" >/dev/null
# the coach's settings, as bench-startup's coach pass has them
schema=$(basename "$(ls "$schema_dir"/*.gschema.xml | head -n 1)" .gschema.xml)
mkdir -p "$tmp/coach/glib-2.0/settings"
printf "[%s]\nuser-role='coach'\n" "$(echo "$schema" | tr . /)" \
  > "$tmp/coach/glib-2.0/settings/keyfile"

"$(dirname "$0")/run-in-x.sh" "$schema_dir" "$0" --inner "$tmp" "$bare_window" "$acquis" \
  "$tmp/data" "$tmp/coach"

bare=$(cat "$tmp/bare.count")
for pass in unset coach; do
  n=$(cat "$tmp/$pass.count")
  prefix=startup_instructions
  [ "$pass" = coach ] && prefix=startup_instructions_coach
  echo "${prefix}_bare: $bare count"
  echo "${prefix}_acquis_$candidates: $n count"
  awk -v n="$n" -v b="$bare" -v p="$prefix" -v c="$candidates" \
    'BEGIN { printf "%s_ratio_%s: %.3f ratio\n", p, c, n / b }'
done

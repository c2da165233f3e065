#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-startup.sh — the startup benchmark: fills two data folders, starts a private X server and
# a private D-Bus session, and runs bench-startup in them: the bare window, Acquis on the
# candidates alone, Acquis on the candidates and their experience sheets, in turn.
#
# Usage: run-startup.sh BENCH_DATA BENCH_STARTUP BARE_WINDOW ACQUIS
# BENCH_RUNS (7), BENCH_CANDIDATES (500), BENCH_SHEETS (20 a candidate; 0: no second folder),
# BENCH_FIRST_START (set: no backup of the day yet) and BENCH_VERBOSE (set: log every map and
# damage) change the run. Exits 77 (skipped) when a
# tool it needs is missing.
set -eu

skip () {
  echo "startup benchmark skipped: $*" >&2
  exit 77
}

if [ $# -ne 4 ]; then
  echo "usage: $0 BENCH_DATA BENCH_STARTUP BARE_WINDOW ACQUIS" >&2
  exit 2
fi
bench_data=$1
bench_startup=$2
bare_window=$3
acquis=$4
runs=${BENCH_RUNS:-7}
candidates=${BENCH_CANDIDATES:-500}
sheets=${BENCH_SHEETS:-20}

[ -n "$bench_startup" ] || skip "built without libx11-dev and libxdamage-dev"
command -v Xvfb >/dev/null 2>&1 || skip "no Xvfb (package xvfb)"
command -v dbus-run-session >/dev/null 2>&1 || skip "no dbus-run-session (package dbus-daemon)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/acquis-bench.XXXXXX")
xvfb_pid=
cleanup () {
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# Today's backup is written with the data, as after the day's first start: that start backs up
# on a thread, which the bench would otherwise pay for in every run (it ends the app before the
# backup of a large file is done). BENCH_FIRST_START=1 measures without it.
backup=--daily-backup
[ -z "${BENCH_FIRST_START:-}" ] || backup=
"$bench_data" --candidates "$candidates" $backup "$tmp/data"
# The same people (the same seed), each with their sheets of about 400 words.
set -- --data-dir "$candidates:$tmp/data"
if [ "$sheets" -gt 0 ]; then
  "$bench_data" --candidates "$candidates" --sheets "$sheets" $backup "$tmp/data-sheets"
  set -- "$@" --data-dir "${candidates}c_$((candidates * sheets))s:$tmp/data-sheets"
fi

# Xvfb picks a free display and writes its number on fd 3 once it accepts clients.
Xvfb -displayfd 3 -nolisten tcp -screen 0 1280x1024x24 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
tries=0
while [ ! -s "$tmp/display" ]; do
  if ! kill -0 "$xvfb_pid" 2>/dev/null || [ "$tries" -ge 200 ]; then
    cat "$tmp/xvfb.log" >&2
    echo "Xvfb did not start" >&2
    exit 1
  fi
  tries=$((tries + 1))
  sleep 0.1
done
DISPLAY=:$(cat "$tmp/display")
export DISPLAY

# Both programs start without the configuration of whoever runs the bench.
mkdir -p "$tmp/config" "$tmp/share" "$tmp/state"
XDG_CONFIG_HOME=$tmp/config
XDG_DATA_HOME=$tmp/share
XDG_STATE_HOME=$tmp/state
export XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME

dbus-run-session -- "$bench_startup" --runs "$runs" "$@" \
  --baseline "$bare_window" ${BENCH_VERBOSE:+--verbose} -- "$acquis"

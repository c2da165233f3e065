#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-startup.sh — the startup benchmark: fills two data folders, then runs bench-startup in a
# private X server and D-Bus session (run-in-x.sh): the bare window, Acquis on the candidates
# alone, Acquis on the candidates and their experience sheets, in turn; first with the user's
# role not chosen yet, then as a coach.
#
# Usage: run-startup.sh BENCH_DATA BENCH_STARTUP BARE_WINDOW ACQUIS SCHEMA_DIR
# BENCH_RUNS (7), BENCH_CANDIDATES (500), BENCH_SHEETS (20 a candidate; 0: no second folder),
# BENCH_FIRST_START (set: no backup of the day yet) and BENCH_VERBOSE (set: log every map and
# damage) change the run. Exits 77 (skipped) when a
# tool it needs is missing.
set -eu

skip () {
  echo "startup benchmark skipped: $*" >&2
  exit 77
}

if [ $# -ne 5 ]; then
  echo "usage: $0 BENCH_DATA BENCH_STARTUP BARE_WINDOW ACQUIS SCHEMA_DIR" >&2
  exit 2
fi
bench_data=$1
bench_startup=$2
bare_window=$3
acquis=$4
schema_dir=$5
runs=${BENCH_RUNS:-7}
candidates=${BENCH_CANDIDATES:-500}
sheets=${BENCH_SHEETS:-20}

[ -n "$bench_startup" ] || skip "built without libx11-dev and libxdamage-dev"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/acquis-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
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

# Twice: as at the very first start, nobody has said who uses this copy yet (startup_*); then
# as every later start of a coach's copy, the role chosen (startup_coach_*). Each pass has its
# own bare window to compare with.
"$(dirname "$0")/run-in-x.sh" "$schema_dir" "$bench_startup" --runs "$runs" "$@" \
  --baseline "$bare_window" ${BENCH_VERBOSE:+--verbose} -- "$acquis"

schema=$(basename "$(ls "$schema_dir"/*.gschema.xml | head -n 1)" .gschema.xml)
mkdir -p "$tmp/coach/glib-2.0/settings"
printf "[%s]\nuser-role='coach'\n" "$(echo "$schema" | tr . /)" \
  > "$tmp/coach/glib-2.0/settings/keyfile"
"$(dirname "$0")/run-in-x.sh" "$schema_dir" "$bench_startup" --runs "$runs" "$@" \
  --prefix startup_coach --settings "$tmp/coach" \
  --baseline "$bare_window" ${BENCH_VERBOSE:+--verbose} -- "$acquis"

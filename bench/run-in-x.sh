#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-in-x.sh — runs a benchmark that shows windows (typing, dossier preview, map frames) in a
# private X server and a private D-Bus session, with a new temporary folder as TMPDIR; an
# argument "{data}" becomes a new data folder inside it.
#
# Usage: run-in-x.sh SCHEMA_DIR PROGRAM [ARGS…]
# Exits 77 (skipped) when a tool it needs is missing.
set -eu

skip () {
  echo "$(basename "$2") benchmark skipped: $1" >&2
  exit 77
}

if [ $# -lt 2 ]; then
  echo "usage: $0 SCHEMA_DIR PROGRAM [ARGS…]" >&2
  exit 2
fi
schema_dir=$1
shift

command -v Xvfb >/dev/null 2>&1 || skip "no Xvfb (package xvfb)" "$1"
command -v dbus-run-session >/dev/null 2>&1 || skip "no dbus-run-session (package dbus-daemon)" "$1"

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

# As bench-startup runs the app too: X11, the cairo renderer, no accessibility bus, settings in
# memory (the schema of this build, should a widget ask for it), nobody's configuration.
mkdir -p "$tmp/config" "$tmp/share" "$tmp/state"
XDG_CONFIG_HOME=$tmp/config
XDG_DATA_HOME=$tmp/share
XDG_STATE_HOME=$tmp/state
GDK_BACKEND=x11
GSK_RENDERER=cairo
NO_AT_BRIDGE=1
GSETTINGS_BACKEND=memory
GSETTINGS_SCHEMA_DIR=$schema_dir
export XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME GDK_BACKEND GSK_RENDERER NO_AT_BRIDGE
export GSETTINGS_BACKEND GSETTINGS_SCHEMA_DIR
unset WAYLAND_DISPLAY MALLOC_PERTURB_

program=$1
shift
for arg in "$@"; do
  shift
  if [ "$arg" = "{data}" ]; then
    set -- "$@" "$tmp/data"
  else
    set -- "$@" "$arg"
  fi
done
TMPDIR=$tmp dbus-run-session -- "$program" "$@"

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-keyring.sh TEST — runs the keyring test against a real Secret Service: a private D-Bus
# session with gnome-keyring-daemon, its login keyring in a temporary folder, unlocked.
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing (apt-get install dbus gnome-keyring)"; exit 0; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
# the keyrings live under XDG_DATA_HOME; the daemon's sockets under XDG_RUNTIME_DIR
mkdir -m 0700 "$tmp/data" "$tmp/runtime"
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/runtime" HOME="$tmp"
exec dbus-run-session -- sh -c '
  # --unlock reads the login keyring'"'"'s password on stdin, creating the keyring if needed;
  # the daemon then serves org.freedesktop.secrets on this session bus
  printf "test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  gnome-keyring-daemon --start --components=secrets >/dev/null
  exec "$@"' _ "$@"

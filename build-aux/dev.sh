#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# build-aux/dev.sh run               install what is missing, build, open Acquis on the demo
# build-aux/dev.sh test [--sanitize] install what is missing, build, run the whole test suite
#                                    headless (--sanitize: in an ASan+UBSan build of its own)
#
# For a fresh Debian 12, as root or as a user with sudo. Packages are installed only if missing.
set -eu

cd "$(dirname "$0")/.."

packages="meson ninja-build pkg-config gcc
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev libxml2-dev
  libsecret-1-dev gnome-keyring xdg-utils libsodium-dev clang libclang-rt-14-dev
  gettext itstool yelp-tools desktop-file-utils appstream
  adwaita-icon-theme gsettings-desktop-schemas fonts-cantarell fonts-dejavu-core fonts-opendyslexic
  locales
  xvfb xauth xdotool x11-utils dbus at-spi2-core python3 python3-pyatspi
  libx11-dev libxdamage-dev libpoppler-glib-dev qpdf poppler-utils libical-dev libxml2-utils
  libarchive-dev libjson-glib-dev libenchant-2-dev hunspell-fr"

as_root () {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing () {
  missing=
  for p in $packages; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
      missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    echo "Installing:$missing"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  fi
  # The French interface is tested under a French locale.
  if ! locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
    as_root sed -i 's/^# *\(fr_FR\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    as_root locale-gen
  fi
}

build () { # build DIR [meson options…]
  dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@"
  fi
  ninja -C "$dir"
}

summary () { # one closing line, 'N passed, N failed', from meson's log
  /usr/bin/python3 - "$1/meson-logs/testlog.json" <<'PY'
import json, sys
counts = {"passed": 0, "failed": 0, "skipped": 0}
for line in open(sys.argv[1], encoding="utf-8"):
    result = json.loads(line)["result"]
    key = {"OK": "passed", "EXPECTEDFAIL": "passed", "SKIP": "skipped"}.get(result, "failed")
    counts[key] += 1
print("%(passed)d passed, %(failed)d failed, %(skipped)d skipped" % counts)
PY
}

run_tests () { # run_tests DIR [meson test options…]
  dir=$1
  shift
  status=0
  meson test -C "$dir" --print-errorlogs "$@" || status=$?
  summary "$dir"
  return $status
}

command=${1:-}
case $command in
  run)
    install_missing
    build build
    data="${XDG_DATA_HOME:-$HOME/.local/share}/acquis-demo"
    exec build/src/acquis --data-dir "$data" --demo
    ;;
  test)
    install_missing
    if [ "${2:-}" = --sanitize ]; then
      build build-sanitize -Db_sanitize=address,undefined -Dbuildtype=debug
      ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
      UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        run_tests build-sanitize --timeout-multiplier 4
    else
      build build
      run_tests build
    fi
    ;;
  *)
    echo "usage: $0 run | test [--sanitize]" >&2
    exit 2
    ;;
esac

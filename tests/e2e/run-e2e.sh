#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-e2e.sh APP SCRIPT [ARGS…] — runs one end-to-end journey as a person would: the real app
# in a private X server, with a private D-Bus session and the accessibility bus, driven by a
# Python script through AT-SPI (the interface a screen reader uses).
set -eu
app=$1 script=$2
shift 2
for tool in Xvfb xdotool dbus-run-session /usr/libexec/at-spi-bus-launcher; do
  command -v "$tool" >/dev/null 2>&1 || { echo "1..0 # SKIP $tool is missing (apt-get install xvfb xdotool dbus at-spi2-core)"; exit 0; }
done
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null || { echo "1..0 # SKIP python3-pyatspi is missing"; exit 0; }

tmp=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
# -displayfd: the server picks a free display and tells us which.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" >/dev/null 2>&1 &
xvfb=$!
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.05; done
DISPLAY=:$(cat "$tmp/display")
export DISPLAY GDK_BACKEND=x11 GSK_RENDERER=cairo ACQUIS_APP="$app" ACQUIS_E2E_TMP="$tmp"
# a private settings store, and the accessibility bridge on (meson's test env turns it off)
export GSETTINGS_BACKEND=memory GTK_A11Y=atspi
# no daily notification unless a journey asks for one (ACQUIS_NOTIFY=1 in the app's env)
export ACQUIS_NOTIFY=0
unset NO_AT_BRIDGE
# A session bus like the desktop's, less the keyring: where gnome-keyring is installed, the
# first use of the Secret Service would start a locked keyring and a prompt nobody answers.
# The journeys are those of a machine without a keyring; tests/keyring checks a real one.
mkdir "$tmp/services"
for service in /usr/share/dbus-1/services/*.service; do
  [ -e "$service" ] || continue
  case $(basename "$service") in
    org.freedesktop.secrets.service|org.freedesktop.impl.portal.Secret.service|org.gnome.keyring*) ;;
    *) cp "$service" "$tmp/services/" ;;
  esac
done
cat >"$tmp/session.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <keep_umask/>
  <listen>unix:tmpdir=$tmp</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$tmp/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
CONF
# The TAP lines go to the test's stdout through descriptor 3; the bus and the services it
# starts (the accessibility registry says hello on stdout) write to stderr, not into the TAP.
exec 3>&1
dbus-run-session --config-file="$tmp/session.conf" -- sh -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
  # an app started before the accessibility bus answers never joins it: wait for the bus
  for _ in $(seq 100); do
    dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
      org.a11y.Bus.GetAddress >/dev/null 2>&1 && break
    sleep 0.1
  done
  exec /usr/bin/python3 "$@" >&3' _ "$script" "$@" >&2

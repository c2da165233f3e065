#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# test-cli.sh ACQUIS — the command line, without a display.
set -u
app=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
export LC_ALL=C.UTF-8 LANGUAGE=en
n=0 failed=0
check () { # check DESCRIPTION COMMAND…
  n=$((n + 1))
  desc=$1
  shift
  if "$@" >"$tmp/out" 2>&1; then echo "ok $n $desc"; else
    echo "not ok $n $desc"; sed 's/^/# /' "$tmp/out"; failed=1; fi
}

check "--version names the program and its version" \
  sh -c "'$app' --version | grep -qx 'acquis [0-9][0-9.]*'"

check "--list-candidates on a new folder prints nothing and makes a private store" \
  sh -c "out=\$('$app' --data-dir '$tmp/new' --list-candidates) && [ -z \"\$out\" ] &&
         [ \$(stat -c %a '$tmp/new') = 700 ] && [ \$(stat -c %a '$tmp/new/acquis.db') = 600 ]"

check "--demo --list-candidates adds the demo and lists it, one tab-separated line each" \
  sh -c "'$app' --data-dir '$tmp/demo' --demo --list-candidates > '$tmp/list' &&
         [ \$(wc -l < '$tmp/list') -ge 5 ] &&
         awk -F '\t' 'NF != 3 { exit 1 }' '$tmp/list' &&
         grep -q '	Hélène Dubois	Validation dossier\$' '$tmp/list'"

check "--demo twice adds nobody twice" \
  sh -c "'$app' --data-dir '$tmp/demo' --demo --list-candidates > '$tmp/list2' &&
         cmp -s '$tmp/list' '$tmp/list2'"

check "the id printed is the candidate's uuid" \
  sh -c "cut -f1 '$tmp/list' | grep -Eqv '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\$' && exit 1 || exit 0"

check "--agenda on the demo: the overdue answer, the start due, the inactive, the jury, sorted" \
  sh -c "'$app' --data-dir '$tmp/demo' --agenda > '$tmp/agenda' &&
         awk -F '\t' 'NF != 4 || \$1 !~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\$/ { exit 1 }' '$tmp/agenda' &&
         cut -f1 '$tmp/agenda' | sort -c &&
         grep -q '	Jean-Marc Rivière	admissibility-answer	' '$tmp/agenda' &&
         grep -q '	Karim Benali	start	' '$tmp/agenda' &&
         grep -q '	Élodie Moreau	inactivity	' '$tmp/agenda' &&
         grep -q '	Sophie Lefèvre	jury	' '$tmp/agenda' &&
         ! grep -q 'Marc Petit\|Aïcha Traoré' '$tmp/agenda'"

check "--agenda: overdue before today, the rest within the 7 days from today" \
  sh -c "today=\$(date +%F) && end=\$(date -d '+6 days' +%F) &&
         grep -q \"	admissibility-answer	\" '$tmp/agenda' &&
         awk -F '\t' -v t=\$today '\$3 == \"admissibility-answer\" && \$1 >= t { exit 1 }' '$tmp/agenda' &&
         awk -F '\t' -v e=\$end '\$1 > e { exit 1 }' '$tmp/agenda'"

check "--agenda --days 0 prints the overdue ones only; --days 60 prints more" \
  sh -c "today=\$(date +%F) &&
         '$app' --data-dir '$tmp/demo' --agenda --days 0 > '$tmp/agenda0' &&
         [ -s '$tmp/agenda0' ] && awk -F '\t' -v t=\$today '\$1 >= t { exit 1 }' '$tmp/agenda0' &&
         '$app' --data-dir '$tmp/demo' --agenda --days 60 > '$tmp/agenda60' &&
         [ \$(wc -l < '$tmp/agenda60') -gt \$(wc -l < '$tmp/agenda') ] &&
         grep -q '	Hélène Dubois	dossier-deposited	' '$tmp/agenda60'"

check "--agenda --days -1 is refused with a sentence" \
  sh -c "! '$app' --data-dir '$tmp/demo' --agenda --days -1 2> '$tmp/err' && grep -q 'days' '$tmp/err'"

mkdir -p "$tmp/damaged"
head -c 8192 /dev/urandom > "$tmp/damaged/acquis.db"
cp "$tmp/damaged/acquis.db" "$tmp/damaged.orig"
check "a damaged store: a sentence, a failure status, the file untouched" \
  sh -c "! '$app' --data-dir '$tmp/damaged' --list-candidates 2> '$tmp/err' &&
         grep -q 'damaged' '$tmp/err' && cmp -s '$tmp/damaged/acquis.db' '$tmp/damaged.orig'"

check "an unknown option is refused" sh -c "! '$app' --no-such-option"

check "--export-dossier writes a PDF of the demo candidate, found by name without accents" \
  sh -c "'$app' --data-dir '$tmp/demo' --export-dossier 'helene dubois' --output '$tmp/d.pdf' &&
         head -c 5 '$tmp/d.pdf' | grep -q '%PDF-' && [ \$(stat -c %a '$tmp/d.pdf') = 600 ]"

mkdir "$tmp/maps"
touch "$tmp/maps/m.svg"
chmod 644 "$tmp/maps/m.svg"
check "--export-map replaces a map with a private one and leaves nothing beside it" \
  sh -c "'$app' --data-dir '$tmp/demo' --export-map 'Hélène Dubois' --output '$tmp/maps/m.svg' &&
         grep -q '<svg' '$tmp/maps/m.svg' && [ \$(stat -c %a '$tmp/maps/m.svg') = 600 ] &&
         [ \"\$(ls -A '$tmp/maps')\" = m.svg ]"

check "--export-dossier --final refuses while sheets are not validated, and says which" \
  sh -c "! '$app' --data-dir '$tmp/demo' --export-dossier 'Hélène Dubois' --final \
           --output '$tmp/final.pdf' 2> '$tmp/err' && [ ! -e '$tmp/final.pdf' ] &&
         grep -q 'Bloc 3' '$tmp/err'"
check "--export-package refuses a passphrase shorter than the dialog allows, and says so" \
  sh -c "! ACQUIS_PASSPHRASE=court '$app' --data-dir '$tmp/demo' --role candidate \
           --export-package 'Hélène Dubois' --output '$tmp/short.acquis' 2> '$tmp/err' &&
         [ ! -e '$tmp/short.acquis' ] && grep -q 'at least 8 characters' '$tmp/err'"
export ACQUIS_PASSPHRASE="cheval correct pile agrafe"
check "--export-package writes an encrypted .acquis file, private, with no name in clear" \
  sh -c "'$app' --data-dir '$tmp/demo' --role candidate --export-package 'Hélène Dubois' \
           --output '$tmp/h.acquis' && [ \$(stat -c %a '$tmp/h.acquis') = 600 ] &&
         head -c 6 '$tmp/h.acquis' | grep -q '^ACQUIS' && ! grep -q 'Dubois' '$tmp/h.acquis'"

check "--import creates the candidate on the coach's side and lists what came in" \
  sh -c "'$app' --data-dir '$tmp/coach' --role coach --import '$tmp/h.acquis' > '$tmp/report' &&
         [ -z \"\$(ls -A '$tmp/coach/tmp')\" ] &&
         grep -qx 'New candidate: Hélène Dubois.' '$tmp/report' &&
         grep -q '^New sheet “' '$tmp/report' &&
         '$app' --data-dir '$tmp/coach' --list-candidates | grep -q '	Hélène Dubois	'"

check "--import of the same file again brings nothing" \
  sh -c "'$app' --data-dir '$tmp/coach' --role coach --import '$tmp/h.acquis' > '$tmp/report' &&
         grep -qx 'Nothing new in this file.' '$tmp/report'"

check "--import with a wrong passphrase: a sentence, a failure status, nothing imported" \
  sh -c "! ACQUIS_PASSPHRASE=faux '$app' --data-dir '$tmp/other' --role coach \
           --import '$tmp/h.acquis' 2> '$tmp/err' && grep -q 'passphrase' '$tmp/err' &&
         [ -z \"\$('$app' --data-dir '$tmp/other' --list-candidates)\" ]"

# No passphrase anywhere: no variable, no keyring (no session bus), no terminal.
nokeys="env -u ACQUIS_PASSPHRASE DBUS_SESSION_BUS_ADDRESS=unix:path=$tmp/no-bus"
check "--import with no passphrase source and no terminal says how to give one" \
  sh -c "! $nokeys '$app' --data-dir '$tmp/other' --role coach --import '$tmp/h.acquis' \
           < /dev/null 2> '$tmp/err' && grep -q 'ACQUIS_PASSPHRASE' '$tmp/err' &&
         [ -z \"\$('$app' --data-dir '$tmp/other' --list-candidates)\" ]"

# A core dump would hold keys and clear content: a running acquis (here waiting for a
# passphrase on a pipe) allows none, even when the shell that started it would.
check "a running acquis allows no core dump" \
  sh -c "ulimit -S -c \$(ulimit -H -c) 2>/dev/null; mkfifo '$tmp/fifo' && exec 3<> '$tmp/fifo' &&
         { $nokeys '$app' --data-dir '$tmp/other' --import '$tmp/h.acquis' < '$tmp/fifo' \
             > /dev/null 2>&1 & } && pid=\$! && found=1 && for i in \$(seq 100); do
           if grep -Eq '^Max core file size +0 +0 ' /proc/\$pid/limits; then found=0; break; fi
           sleep 0.1; done; kill \$pid; exit \$found"

head -c 4096 /dev/urandom > "$tmp/random.acquis"
check "--import of a file that is not an exchange file says so" \
  sh -c "! '$app' --data-dir '$tmp/other' --import '$tmp/random.acquis' 2> '$tmp/err' &&
         grep -q 'not an Acquis exchange file' '$tmp/err'"
mkfifo "$tmp/pipe.acquis"
check "--import of a named pipe is refused at once, with a sentence" \
  sh -c "timeout 10 '$app' --data-dir '$tmp/other' --import '$tmp/pipe.acquis' 2> '$tmp/err';
         rc=\$?; [ \$rc -ne 0 ] && [ \$rc -ne 124 ] &&
         grep -q '“pipe.acquis” is not a regular file' '$tmp/err'"
mkdir "$tmp/cal"
check "--export-calendar all writes the demo's sessions as a private .ics, CRLF, Paris time" \
  sh -c "'$app' --data-dir '$tmp/demo' --export-calendar all --output '$tmp/cal/all.ics' &&
         [ \$(stat -c %a '$tmp/cal/all.ics') = 600 ] && [ \"\$(ls -A '$tmp/cal')\" = all.ics ] &&
         head -n 1 '$tmp/cal/all.ics' | grep -qx 'BEGIN:VCALENDAR.' &&
         [ \$(grep -c '\$' '$tmp/cal/all.ics') = \$(grep -c \"\$(printf '\\r')\\\$\" '$tmp/cal/all.ics') ] &&
         grep -q '^TZID:Europe/Paris' '$tmp/cal/all.ics' &&
         [ \$(grep -c '^BEGIN:VEVENT' '$tmp/cal/all.ics') -ge 10 ] &&
         grep -q '^DTSTART;TZID=Europe/Paris:' '$tmp/cal/all.ics' &&
         awk '{ if (length(\$0) > 76) exit 1 }' '$tmp/cal/all.ics'"

check "--export-calendar of one candidate: only theirs, with the same UIDs as in all" \
  sh -c "'$app' --data-dir '$tmp/demo' --export-calendar 'helene dubois' \
           --output '$tmp/cal/h.ics' && [ \$(grep -c '^BEGIN:VEVENT' '$tmp/cal/h.ics') -ge 3 ] &&
         ! grep -q 'Sophie' '$tmp/cal/h.ics' &&
         grep '^UID:' '$tmp/cal/h.ics' > '$tmp/cal/uids' &&
         grep -qFf '$tmp/cal/uids' '$tmp/cal/all.ics' &&
         [ \$(grep -cFf '$tmp/cal/uids' '$tmp/cal/all.ics') = \$(wc -l < '$tmp/cal/uids') ]"

check "--export-calendar needs --output, and names an unknown candidate" \
  sh -c "'$app' --data-dir '$tmp/demo' --export-calendar all 2> '$tmp/err'; [ \$? = 2 ] &&
         grep -q 'output' '$tmp/err' &&
         ! '$app' --data-dir '$tmp/demo' --export-calendar 'Personne Inconnue' \
           --output '$tmp/cal/x.ics' && [ ! -e '$tmp/cal/x.ics' ]"

mkdir "$tmp/livret"
check "--export-livret writes a private French PDF of one candidate's livret" \
  sh -c "'$app' --data-dir '$tmp/demo' --export-livret 'helene dubois' \
           --output '$tmp/livret/l.pdf' && [ \$(stat -c %a '$tmp/livret/l.pdf') = 600 ] &&
         [ \"\$(ls -A '$tmp/livret')\" = l.pdf ] && [ \"\$(head -c 5 '$tmp/livret/l.pdf')\" = %PDF- ] &&
         { ! command -v pdftotext > /dev/null ||
           { pdftotext '$tmp/livret/l.pdf' - > '$tmp/livret/text' &&
             grep -q 'Livret de suivi' '$tmp/livret/text' &&
             grep -q 'Séances réalisées' '$tmp/livret/text'; }; }"

check "--export-livret needs --output, and names an unknown candidate" \
  sh -c "'$app' --data-dir '$tmp/demo' --export-livret 'helene dubois' 2> '$tmp/err'
         [ \$? = 2 ] && grep -q 'output' '$tmp/err' &&
         ! '$app' --data-dir '$tmp/demo' --export-livret 'Personne Inconnue' \
           --output '$tmp/livret/x.pdf' 2> /dev/null && [ ! -e '$tmp/livret/x.pdf' ]"

# the plan comes last: each check counts itself, so adding one needs no count here
echo "1..$n"
exit $failed

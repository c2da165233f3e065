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

check "--export-dossier leaves the declaration's date to the signer unless --date-declaration" \
  sh -c "'$app' --data-dir '$tmp/demo' --export-dossier 'Hélène Dubois' --output '$tmp/u.pdf' &&
         '$app' --data-dir '$tmp/demo' --export-dossier 'Hélène Dubois' --date-declaration \
           --output '$tmp/dd.pdf' &&
         { ! command -v pdftotext > /dev/null ||
           { pdftotext '$tmp/u.pdf' - | grep -q 'Fait à Cahors, le …' &&
             pdftotext '$tmp/dd.pdf' - | grep -q 'Fait à Cahors, le [0-9]'; }; }"

mkdir "$tmp/maps"
touch "$tmp/maps/m.svg"
chmod 644 "$tmp/maps/m.svg"
check "--export-map replaces a map with a private one and leaves nothing beside it" \
  sh -c "'$app' --data-dir '$tmp/demo' --export-map 'Hélène Dubois' --output '$tmp/maps/m.svg' &&
         grep -q '<svg' '$tmp/maps/m.svg' && [ \$(stat -c %a '$tmp/maps/m.svg') = 600 ] &&
         [ \"\$(ls -A '$tmp/maps')\" = m.svg ]"

check "--export-dossier --reading-copy sets the draft in the candidate's larger print" \
  sh -c "'$app' --data-dir '$tmp/demo' --export-dossier 'Sophie Lefèvre' --output '$tmp/s.pdf' &&
         '$app' --data-dir '$tmp/demo' --export-dossier 'Sophie Lefèvre' --reading-copy \
           --output '$tmp/s-reading.pdf' &&
         [ \$(stat -c %a '$tmp/s-reading.pdf') = 600 ] &&
         { ! command -v pdftotext > /dev/null ||
           { pdftotext '$tmp/s-reading.pdf' - | grep -q 'Copie de lecture' &&
             high () { pdftotext -bbox \"\$1\" - | awk -F'\\\"' \\
                         '/<word/ { h += \$8 - \$4; n++ } END { print int (h * 10 / n) }'; } &&
             [ \$(high '$tmp/s-reading.pdf') -gt \$((\$(high '$tmp/s.pdf') * 12 / 10)) ]; }; } &&
         ! '$app' --data-dir '$tmp/demo' --export-dossier 'Sophie Lefèvre' --reading-copy \
           --final --output '$tmp/s-final.pdf' 2> /dev/null && [ ! -e '$tmp/s-final.pdf' ]"

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

# a France Compétences export, made up: two fiches, one inactive, lists typed inline
cat > "$tmp/export.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<FICHES>
<FICHE><NUMERO_FICHE>RNCP90001</NUMERO_FICHE><INTITULE>Médiateur social accès aux droits</INTITULE>
<ACTIF>Oui</ACTIF><BLOCS_COMPETENCES>
<BLOC_COMPETENCES><CODE>RNCP90001BC01</CODE><LIBELLE>Accueillir</LIBELLE>
<LISTE_COMPETENCES>C1.1 – Accueillir le public reçu C1.2 – Orienter vers les partenaires</LISTE_COMPETENCES>
<MODALITES_EVALUATION>Mise en situation</MODALITES_EVALUATION></BLOC_COMPETENCES>
<BLOC_COMPETENCES><CODE>RNCP90001BC02</CODE><LIBELLE>Médier</LIBELLE>
<LISTE_COMPETENCES>1 - Prévenir les conflits 2 - Animer une médiation 3 - Rendre compte</LISTE_COMPETENCES>
<MODALITES_EVALUATION>Entretien</MODALITES_EVALUATION></BLOC_COMPETENCES>
</BLOCS_COMPETENCES></FICHE>
<FICHE><NUMERO_FICHE>RNCP90002</NUMERO_FICHE><INTITULE>Ancien titre de médiation</INTITULE>
<ACTIF>Non</ACTIF><BLOCS_COMPETENCES>
<BLOC_COMPETENCES><CODE>RNCP90002BC01</CODE><LIBELLE>Tout</LIBELLE>
<LISTE_COMPETENCES>- Médier</LISTE_COMPETENCES>
<MODALITES_EVALUATION>Entretien</MODALITES_EVALUATION></BLOC_COMPETENCES>
</BLOCS_COMPETENCES></FICHE>
</FICHES>
XML

check "--list-certifications prints each fiche: number, active or not, blocs, title" \
  sh -c "'$app' --list-certifications '$tmp/export.xml' > '$tmp/fiches' &&
         [ \$(wc -l < '$tmp/fiches') = 2 ] &&
         grep -qx 'RNCP90001	active	2	Médiateur social accès aux droits' '$tmp/fiches' &&
         grep -qx 'RNCP90002	inactive	1	Ancien titre de médiation' '$tmp/fiches'"

check "--list-certifications --search keeps the fiches with every word, accents aside" \
  sh -c "'$app' --list-certifications '$tmp/export.xml' --search 'mediateur droits' > '$tmp/f' &&
         [ \$(wc -l < '$tmp/f') = 1 ] && grep -q '^RNCP90001	' '$tmp/f'"

check "--import-certification stores the fiche, split, after a backup, and counts it" \
  sh -c "'$app' --data-dir '$tmp/cert' --import-certification '$tmp/export.xml' \
           --fiche RNCP90001 > '$tmp/imported' &&
         grep -qx 'RNCP90001	2	5' '$tmp/imported' &&
         ls '$tmp/cert/backups' | grep -q '^before-import-'"

check "--certification prints one line per competence: bloc, index, text" \
  sh -c "'$app' --data-dir '$tmp/cert' --certification RNCP90001 > '$tmp/comp' &&
         [ \$(wc -l < '$tmp/comp') = 5 ] &&
         grep -qx 'RNCP90001BC01	2	Orienter vers les partenaires' '$tmp/comp' &&
         grep -qx 'RNCP90001BC02	3	Rendre compte' '$tmp/comp'"

check "--import-certification of a fiche not in the file, or of no export: a sentence, exit 1" \
  sh -c "cp '$tmp/cert/acquis.db' '$tmp/before.db';
         '$app' --data-dir '$tmp/cert' --import-certification '$tmp/export.xml' \
           --fiche RNCP1 2> '$tmp/err1'; [ \$? = 1 ] &&
         grep -q 'RNCP1 is not in' '$tmp/err1' &&
         echo 'pas du XML' > '$tmp/bad.xml' &&
         '$app' --data-dir '$tmp/cert' --import-certification '$tmp/bad.xml' \
           --fiche RNCP90001 2> '$tmp/err2'; [ \$? = 1 ] &&
         grep -q 'not valid XML' '$tmp/err2' &&
         '$app' --data-dir '$tmp/cert' --certification RNCP90001 | cmp -s - '$tmp/comp'"

check "--import-certification of a newer version lists what it no longer words, unmatched" \
  sh -c "sed -e 's|<ACTIF>Oui</ACTIF>|<ACTIF>Oui</ACTIF><DATE_DE_PUBLICATION>01/09/2025</DATE_DE_PUBLICATION>|' \
             -e 's|3 - Rendre compte|3 - Rédiger le compte rendu|' '$tmp/export.xml' > '$tmp/v2.xml' &&
         '$app' --data-dir '$tmp/cert' --import-certification '$tmp/v2.xml' \
           --fiche RNCP90001 > '$tmp/v2' &&
         grep -qx 'RNCP90001	2	5' '$tmp/v2' &&
         grep -qx 'unmatched	RNCP90001BC02	Rendre compte' '$tmp/v2' &&
         '$app' --data-dir '$tmp/cert' --certification RNCP90001 |
           grep -qx 'RNCP90001BC02	3	Rédiger le compte rendu'"

check "--list-certifications reads the export inside the zip France Compétences ships" \
  sh -c "python3 -c \"import zipfile; z = zipfile.ZipFile('$tmp/export.zip', 'w',
           zipfile.ZIP_DEFLATED); z.writestr('LISEZMOI.txt', 'x');
z.write('$tmp/export.xml', 'export.xml'); z.close()\" &&
         '$app' --list-certifications '$tmp/export.zip' | cmp -s - '$tmp/fiches'"

check "--certification of a fiche not stored says so, exit 1" \
  sh -c "'$app' --data-dir '$tmp/cert' --certification RNCP9 2> '$tmp/err3'; [ \$? = 1 ] &&
         grep -q 'RNCP9 is not in the Acquis data' '$tmp/err3'"

check "--jury on the demo: one STATE<TAB>ITEM per item, then the session; Sophie's coming jury" \
  sh -c "'$app' --data-dir '$tmp/demo' --jury 'Sophie Lefèvre' > '$tmp/jury' &&
         awk -F '\t' '\$1 == \"session\" { s = NR; next }
                      !s && (NF != 2 || \$1 !~ /^(done|todo|info)\$/) { exit 1 }
                      s && \$1 != \"result\" { exit 1 }
                      END { if (!s) exit 1 }' '$tmp/jury' &&
         grep -q '^done	Convocation received\$' '$tmp/jury' &&
         grep -q '^todo	RNCP37274BC03: one to three validated examples\$' '$tmp/jury' &&
         grep -Eq '^session	[0-9]{4}-[0-9]{2}-[0-9]{2}	09:30\$' '$tmp/jury' &&
         [ \$(grep -c '^done	' '$tmp/jury') -ge 4 ] && [ \$(grep -c '^todo	' '$tmp/jury') -ge 4 ] &&
         ! grep -q '^result	' '$tmp/jury'"

check "--jury: Aïcha's partial result, one line per bloc after the session" \
  sh -c "'$app' --data-dir '$tmp/demo' --jury 'aicha traore' > '$tmp/jury-a' &&
         [ \$(grep -c '^result	' '$tmp/jury-a') = 3 ] &&
         grep -q '^result	RNCP37274BC01	obtenu\$' '$tmp/jury-a' &&
         grep -q '^result	RNCP37274BC03	non-obtenu\$' '$tmp/jury-a' &&
         tail -n 1 '$tmp/jury-a' | grep -q '^result	'"

check "--jury: a candidate without a jury has no session; an unknown one is an error" \
  sh -c "'$app' --data-dir '$tmp/demo' --jury 'Karim Benali' > '$tmp/jury-k' &&
         grep -qx 'session	none' '$tmp/jury-k' &&
         ! '$app' --data-dir '$tmp/demo' --jury 'Personne Inconnue' > /dev/null 2>&1"

check "--export-jury-prep writes the fiche de préparation, larger with --large-print" \
  sh -c "'$app' --data-dir '$tmp/demo' --export-jury-prep 'Hélène Dubois' \
           --output '$tmp/prep.pdf' &&
         '$app' --data-dir '$tmp/demo' --export-jury-prep 'Hélène Dubois' --large-print \
           --output '$tmp/prep-large.pdf' &&
         [ \$(stat -c %a '$tmp/prep.pdf') = 600 ] && head -c 5 '$tmp/prep.pdf' | grep -q '%PDF-' &&
         [ \$(stat -c %s '$tmp/prep-large.pdf') -gt \$(stat -c %s '$tmp/prep.pdf') ] &&
         '$app' --data-dir '$tmp/demo' --export-jury-prep 'Sophie Lefèvre' 2> '$tmp/err';
         [ \$? = 2 ] && grep -q 'output' '$tmp/err'"
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

check "--export-person writes a private ZIP of everything about one candidate" \
  sh -c "mkdir -p '$tmp/person' && '$app' --data-dir '$tmp/demo' --export-person 'helene dubois' \
           --output '$tmp/person/p.zip' && [ \$(stat -c %a '$tmp/person/p.zip') = 600 ] &&
         [ \"\$(ls -A '$tmp/person')\" = p.zip ] && [ \"\$(head -c 2 '$tmp/person/p.zip')\" = PK ]"

check "--export-person needs --output, and names an unknown candidate" \
  sh -c "'$app' --data-dir '$tmp/demo' --export-person 'helene dubois' 2> '$tmp/err'
         [ \$? = 2 ] && grep -q 'output' '$tmp/err' &&
         ! '$app' --data-dir '$tmp/demo' --export-person 'Personne Inconnue' \
           --output '$tmp/person/x.zip' 2> /dev/null && [ ! -e '$tmp/person/x.zip' ]"

check "--export-document prints the convocation and an attendance sheet in French" \
  sh -c "mkdir -p '$tmp/documents' && '$app' --data-dir '$tmp/demo' --export-document convocation \
           'helene dubois' --output '$tmp/documents/c.pdf' &&
         [ \"\$(head -c 5 '$tmp/documents/c.pdf')\" = %PDF- ] &&
         day=\$(python3 -c \"import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(
           'SELECT s.date FROM session s JOIN candidate c ON c.uuid = s.candidate_uuid'
           ' WHERE c.last_name = \\\"Dubois\\\" AND s.held = 1').fetchone()[0])\" \\
           '$tmp/demo/acquis.db') &&
         '$app' --data-dir '$tmp/demo' --export-document presence 'helene dubois' \
           --session \"\$day\" --output '$tmp/documents/p.pdf' &&
         { ! command -v pdftotext > /dev/null ||
           { pdftotext '$tmp/documents/c.pdf' - | grep -q 'Madame, Monsieur' &&
             pdftotext '$tmp/documents/p.pdf' - | grep -q 'Feuille de présence'; }; }"

check "--export-document prints the devis, the convention and the certificat in French" \
  sh -c "'$app' --data-dir '$tmp/demo' --export-document devis 'sophie lefevre' \
           --output '$tmp/documents/d.pdf' &&
         '$app' --data-dir '$tmp/demo' --export-document convention 'sophie lefevre' \
           --output '$tmp/documents/cf.pdf' &&
         '$app' --data-dir '$tmp/demo' --export-document certificat 'sophie lefevre' \
           --output '$tmp/documents/cr.pdf' &&
         [ \"\$(head -c 5 '$tmp/documents/cr.pdf')\" = %PDF- ] &&
         { ! command -v pdftotext > /dev/null ||
           { pdftotext '$tmp/documents/d.pdf' - | grep -q 'Devis n° D-20[0-9][0-9]-000[12]' &&
             pdftotext '$tmp/documents/d.pdf' - | grep -q '293 B du CGI' &&
             pdftotext '$tmp/documents/cf.pdf' - | grep -q 'Convention de formation' &&
             pdftotext '$tmp/documents/cr.pdf' - | grep -q 'Total des heures réalisées'; }; } &&
         { ! command -v qpdf > /dev/null ||
           for f in d cf cr; do qpdf --check '$tmp/documents/'\$f.pdf > /dev/null || exit 1; done; }"

check "--export-document refuses the certificat while a held session has no attendance" \
  sh -c "! '$app' --data-dir '$tmp/demo' --export-document certificat 'helene dubois' \
           --output '$tmp/documents/x.pdf' 2> '$tmp/err' &&
         grep -q 'has no attendance record' '$tmp/err' &&
         grep -Eq 'held on [0-9]{2}/[0-9]{2}/[0-9]{4} \(09:30–11:30\)' '$tmp/err' &&
         ! LANGUAGE=fr LC_ALL=fr_FR.UTF-8 '$app' --data-dir '$tmp/demo' --export-document \
           certificat 'helene dubois' --output '$tmp/documents/x.pdf' 2> '$tmp/err-fr' &&
         [ ! -e '$tmp/documents/x.pdf' ]"

check "--export-document refuses an unknown kind, a missing session and a day without one" \
  sh -c "! '$app' --data-dir '$tmp/demo' --export-document facture 'helene dubois' \
           --output '$tmp/documents/x.pdf' 2> /dev/null &&
         ! '$app' --data-dir '$tmp/demo' --export-document presence 'helene dubois' \
           --output '$tmp/documents/x.pdf' 2> /dev/null &&
         ! '$app' --data-dir '$tmp/demo' --export-document presence 'helene dubois' \
           --session 2001-01-01 --output '$tmp/documents/x.pdf' 2> /dev/null &&
         [ ! -e '$tmp/documents/x.pdf' ]"

check "--yearly-review writes the year's Qualiopi review as a French PDF and as CSV" \
  sh -c "mkdir -p '$tmp/review' && year=\$(date +%Y) &&
         '$app' --data-dir '$tmp/demo' --yearly-review \$year --output '$tmp/review/b.pdf' &&
         [ \$(stat -c %a '$tmp/review/b.pdf') = 600 ] &&
         [ \"\$(head -c 5 '$tmp/review/b.pdf')\" = %PDF- ] &&
         { ! command -v pdftotext > /dev/null ||
           { pdftotext '$tmp/review/b.pdf' - > '$tmp/review/text' &&
             grep -q \"Bilan annuel \$year\" '$tmp/review/text' &&
             grep -q 'Réclamations' '$tmp/review/text'; }; } &&
         '$app' --data-dir '$tmp/demo' --yearly-review \$year --output '$tmp/review/b.CSV' &&
         grep -q '^activité;candidats accompagnés;[0-9]*;' '$tmp/review/b.CSV' &&
         grep -q '^réclamations;réclamations reçues;[0-9]*;' '$tmp/review/b.CSV' &&
         [ \"\$(ls -A '$tmp/review' | grep -v text | tr '\n' ' ')\" = 'b.CSV b.pdf ' ]"

check "--yearly-review refuses a year that is none, a missing --output and another format" \
  sh -c "'$app' --data-dir '$tmp/demo' --yearly-review deux --output '$tmp/review/x.pdf' \
           2> '$tmp/err'; [ \$? = 2 ] && grep -q 'four digits' '$tmp/err' &&
         '$app' --data-dir '$tmp/demo' --yearly-review 2026 2> '$tmp/err'; [ \$? = 2 ] &&
         grep -q 'output' '$tmp/err' &&
         ! '$app' --data-dir '$tmp/demo' --yearly-review 2026 --output '$tmp/review/x.txt' \
           2> '$tmp/err' && grep -q '.pdf or .csv' '$tmp/err' && [ ! -e '$tmp/review/x.txt' ] &&
         [ ! -e '$tmp/review/x.pdf' ]"

# the plan comes last: each check counts itself, so adding one needs no count here
echo "1..$n"
exit $failed

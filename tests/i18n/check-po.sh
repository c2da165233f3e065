#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-po.sh SOURCE_ROOT LANG — the translation covers every string of the sources, as they
# are now: a fresh template from po/POTFILES.in, then every msgid translated, none fuzzy.
set -eu
root=$1 lang=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "1..3"

grep -v '^#' "$root/po/POTFILES.in" | grep . > "$tmp/files"
xgettext --directory="$root" --files-from="$tmp/files" --output="$tmp/acquis.pot" \
  --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --package-name=acquis 2>"$tmp/xgettext.log"
echo "ok 1 the template is made from po/POTFILES.in"

if msgcmp "$root/po/$lang.po" "$tmp/acquis.pot" >"$tmp/msgcmp.log" 2>&1; then
  echo "ok 2 every string of the sources is in po/$lang.po"
else
  echo "not ok 2 po/$lang.po lacks strings of the sources"
  sed 's/^/# /' "$tmp/msgcmp.log"
fi

stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$root/po/$lang.po" 2>&1)
case $stats in
  *untranslated*|*fuzzy*) echo "not ok 3 po/$lang.po is complete: $stats" ;;
  *) echo "ok 3 po/$lang.po is complete: $stats" ;;
esac

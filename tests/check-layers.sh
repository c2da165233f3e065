#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-layers.sh SOURCE_ROOT — the core's feature folders stack with no arrow back up: a file
# includes headers of its own folder and of the folders below it only. spell (the
# referential's wording and the candidates' names are its known words) stands beside sheets.
# dossier, map, exchange and practice stand side by side on sheets and know nothing of each other; jury (the
# dossier's rules, the parcours) and paperwork (the printed documents of the practice) stand
# on them, side by side; privacy and quality (the yearly review) stand on those; the core's top
# (the demo) may use them all. acq-types.h, names and no code, is under them all.
set -eu
core=$1/src/core
echo "1..1"

# where each header lives, then each include as "FILE HEADER": one awk pass over them (a
# process per include took half a minute on a busy machine)
cd "$core"
{
  find . -name 'acq-*.h' | sed 's|^\./|H |'
  find . -name 'acq-*.[ch]' | sed 's|^\./||' | while read -r file; do
    sed -n "s|^#include \"\(acq-[a-z0-9-]*\.h\)\".*|I $file \1|p" "$file"
  done
} | awk '
  function level(folder) {
    if (folder == "store") return 0
    if (folder == "referential") return 1
    if (folder == "candidates") return 2
    if (folder ~ /^(sheets|spell)$/) return 3
    if (folder ~ /^(dossier|map|exchange|practice)$/) return 4
    if (folder ~ /^(jury|paperwork)$/) return 5
    if (folder ~ /^(privacy|quality)$/) return 6
    if (folder == ".") return 7
    return "unknown"
  }
  function dir(path) { return path ~ /\// ? substr(path, 1, match(path, /\/[^\/]*$/) - 1) : "." }
  function base(path) { sub(/.*\//, "", path); return path }
  $1 == "H" { if (!(base($2) in where)) where[base($2)] = $2; next }
  {
    file = $2; header = $3
    if (!(header in where)) next
    folder = dir(file); to_folder = dir(where[header])
    if (to_folder == folder || where[header] == "acq-types.h") next
    from = file == "acq-types.h" ? -1 : level(folder); to = level(to_folder)
    if (from == "unknown" || to == "unknown" || to >= from)
      bad = bad "\n# src/core/" file " includes " to_folder "/" header
  }
  END {
    if (bad == "") print "ok 1 every include of the core points down its layers"
    else print "not ok 1 every include of the core points down its layers" bad
  }'

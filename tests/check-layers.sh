#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-layers.sh SOURCE_ROOT — the core's feature folders stack with no arrow back up: a file
# includes headers of its own folder and of the folders below it only. spell (the
# referential's wording and the candidates' names are its known words) stands beside sheets.
# dossier, map, exchange and practice stand side by side on sheets and know nothing of each
# other; jury (the dossier's rules, the parcours) and paperwork (the printed documents of the
# practice) stand on them, side by side; the core's top (the demo) may use them all. acq-types.h, names and no code, is under them all.
set -eu
core=$1/src/core
echo "1..1"

level () { # level FOLDER: the floor a folder stands on
  case $1 in
    store) echo 0 ;; referential) echo 1 ;; candidates) echo 2 ;; sheets|spell) echo 3 ;;
    dossier|map|exchange|practice) echo 4 ;; jury|paperwork) echo 5 ;; privacy) echo 6 ;;
    .) echo 7 ;; *) echo unknown ;;
  esac
}

# where each header lives
headers=$(cd "$core" && find . -name 'acq-*.h' | sed 's|^\./||')
bad=
for file in $(cd "$core" && find . -name 'acq-*.[ch]' | sed 's|^\./||'); do
  folder=$(dirname "$file")
  from=$(level "$folder")
  [ "$file" = acq-types.h ] && from=-1
  for header in $(sed -n 's/^#include "\(acq-[a-z0-9-]*\.h\)".*/\1/p' "$core/$file"); do
    where=$(echo "$headers" | grep "\(^\|/\)$header\$" | head -n 1)
    [ -n "$where" ] || continue
    to_folder=$(dirname "$where")
    [ "$to_folder" = "$folder" ] && continue
    [ "$where" = acq-types.h ] && continue
    to=$(level "$to_folder")
    if [ "$from" = unknown ] || [ "$to" = unknown ] || [ "$to" -ge "$from" ]; then
      bad="$bad
# src/core/$file includes $to_folder/$header"
    fi
  done
done
if [ -z "$bad" ]; then
  echo "ok 1 every include of the core points down its layers"
else
  echo "not ok 1 every include of the core points down its layers$bad"
fi

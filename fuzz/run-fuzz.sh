#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-fuzz.sh SOURCE_ROOT BUILD_ROOT LIBACQUIS_CORE TARGET CORPUS SECONDS [SOURCE…] — a short
# libFuzzer run of fuzz/TARGET.c from the seeds in fuzz/CORPUS, as a TAP test. The target and
# the core SOURCEs it fuzzes (paths from the source root) are compiled with clang's fuzzer and
# sanitizers; the rest of the core library is linked as built.
# FUZZ_SECONDS, if set, overrides SECONDS. Skipped where clang or libFuzzer is missing.
set -u
src=$1 build=$2 lib=$3 target=$4 corpus=$5
seconds=${FUZZ_SECONDS:-$6}
shift 6
cc=$(command -v clang || command -v clang-14 || true)
if [ -z "$cc" ]; then
  echo "1..0 # SKIP clang is not installed"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# libFuzzer lives in clang's runtime (libclang-rt-14-dev on Debian 12).
if ! echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long s){return 0;}' |
     "$cc" -x c -fsanitize=fuzzer -o "$tmp/probe" - >/dev/null 2>&1; then
  echo "1..0 # SKIP clang's libFuzzer is not installed (libclang-rt-14-dev)"
  exit 0
fi
echo "1..2"
sources=
for s in "$@"; do
  sources="$sources $src/$s"
done
flags=$(pkg-config --cflags glib-2.0 gio-2.0 gio-unix-2.0 sqlite3 libsodium libxml-2.0 cairo \
        pangocairo poppler-glib libarchive enchant-2)
libs=$(pkg-config --libs glib-2.0 gio-2.0 gio-unix-2.0 gobject-2.0 sqlite3 libsodium \
       libxml-2.0 cairo pangocairo poppler-glib libarchive enchant-2)
# the core's headers, one folder per feature
includes=-I"$src/src/core"
for dir in "$src"/src/core/*/; do includes="$includes -I$dir"; done
# shellcheck disable=SC2086 # the lists are meant to be split
if "$cc" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
     -I"$build" $includes $flags -o "$tmp/$target" \
     "$src/fuzz/$target.c" $sources "$lib" $libs -lm \
     > "$tmp/build.log" 2>&1; then
  echo "ok 1 $target and what it fuzzes build with clang's libFuzzer"
else
  echo "not ok 1 $target and what it fuzzes build with clang's libFuzzer"
  sed 's/^/# /' "$tmp/build.log"
  exit 1
fi
mkdir "$tmp/corpus"
cp "$src/fuzz/$corpus/"* "$tmp/corpus/"
# Leaks are looked for, but not fontconfig's caches, kept until exit (poppler matches fonts).
if ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions="$src/tests/lsan.supp" "$tmp/$target" -max_total_time="$seconds" \
     -timeout=10 -rss_limit_mb=2048 -max_len=300000 -artifact_prefix="$tmp/" "$tmp/corpus" \
     > "$tmp/fuzz.log" 2>&1; then
  runs=$(grep -Eo 'Done [0-9]+ runs' "$tmp/fuzz.log" | grep -Eo '[0-9]+')
  echo "ok 2 $seconds s of fuzzing $target found nothing ($runs runs)"
else
  echo "not ok 2 the fuzzer found a crash, a leak or a hang in $target"
  tail -40 "$tmp/fuzz.log" | sed 's/^/# /'
  for a in "$tmp"/crash-* "$tmp"/leak-* "$tmp"/timeout-* "$tmp"/oom-*; do
    [ -e "$a" ] && cp "$a" "$build/$target-$(basename "$a")" &&
      echo "# kept $build/$target-$(basename "$a")"
  done
  exit 1
fi

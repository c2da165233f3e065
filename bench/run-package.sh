#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# run-package.sh BENCH_PACKAGE — the exchange file benchmark in a temporary folder, removed
# after. BENCH_PACKAGE_SHEETS (1000), BENCH_PACKAGE_MB (50, of attachments) and
# BENCH_PACKAGE_RUNS (3) change the case.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$1" "$work" "${BENCH_PACKAGE_SHEETS:-1000}" "${BENCH_PACKAGE_MB:-50}" "${BENCH_PACKAGE_RUNS:-3}"

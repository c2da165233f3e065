/* bench-stats.h — the figures every benchmark prints: medians and percentiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

double bench_median     (GArray *values);
double bench_percentile (GArray *values,
                         double  percent);

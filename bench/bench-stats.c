/* bench-stats.c — the figures every benchmark prints: medians and percentiles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-stats.h"

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median of doubles: the mean of the two middle values when their count is even. */
double
bench_median (GArray *values)
{
  g_autoptr (GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  if (n == 0)
    return 0;
  g_array_sort (sorted, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);
  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2;
}

/* The nearest-rank percentile: the smallest value that @percent % of the values do not
 * exceed (100 gives the maximum). */
double
bench_percentile (GArray *values, double percent)
{
  g_autoptr (GArray) sorted = g_array_copy (values);
  guint rank;

  if (sorted->len == 0)
    return 0;
  g_array_sort (sorted, compare_doubles);
  rank = (guint) MAX (1.0, percent / 100.0 * sorted->len + 0.999999);
  return g_array_index (sorted, double, MIN (rank, sorted->len) - 1);
}

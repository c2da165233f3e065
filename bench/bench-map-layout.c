/* bench-map-layout.c — the competence map's layout for 16 competences and 200 or 2,000 sheets,
 * and the export of the 2,000-sheet map to PDF, PNG, SVG and OPML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-map-layout"

#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "acq-map-export.h"
#include "bench-map-data.h"
#include "bench-stats.h"

#define RUNS_LAYOUT 9
#define RUNS_EXPORT 3

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The map of the demo candidate with @n_sheets sheets, from a store of its own. */
static AcqMap *
load_map (guint n_sheets, char **dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqSheetList) sheets = NULL;
  AcqMap *map;

  *dir = g_dir_make_tmp ("acquis-bench-map-XXXXXX", &error);
  if (*dir == NULL || !(store = acq_store_open (*dir, &error)) ||
      !(sheets = bench_map_data_fill (store, n_sheets, &error)) ||
      !(map = acq_map_load (store, BENCH_MAP_CANDIDATE, &error)))
    g_error ("%s", error->message);
  acq_map_set_title (map, "Hélène Dubois");
  return map;
}

static double
time_layout (AcqMap *map)
{
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < RUNS_LAYOUT; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (AcqMapLayout) layout = acq_map_layout_compute (map);
      double ms = ms_since (start);

      g_array_append_val (times, ms);
    }
  return bench_median (times);
}

static double
time_export (AcqMapLayout *layout, const char *dir, const char *extension, goffset *size)
{
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *path = g_strdup_printf ("%s/map.%s", dir, extension);

  for (guint run = 0; run < RUNS_EXPORT; run++)
    {
      g_autoptr (GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;
      GStatBuf st;

      if (!acq_map_export (layout, path, &error))
        g_error ("%s", error->message);
      ms = ms_since (start);
      g_array_append_val (times, ms);
      *size = g_stat (path, &st) == 0 ? st.st_size : 0;
    }
  return bench_median (times);
}

int
main (int argc, char *argv[])
{
  static const guint counts[] = { 6, 200, 2000 };
  static const char *const formats[] = { "pdf", "png", "svg", "opml" };
  double layout_ms[G_N_ELEMENTS (counts)];
  g_autoptr (AcqMapLayout) big = NULL;
  g_autofree char *big_dir = NULL;
  cairo_rectangle_t bounds;

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *dir = NULL;
      g_autoptr (AcqMap) map = load_map (counts[i], &dir);
      guint n = 0;

      for (guint k = 0; k < acq_map_get_n_nodes (map); k++)
        n += acq_map_get_node (map, k)->kind == ACQ_MAP_NODE_SHEET;
      layout_ms[i] = time_layout (map);
      printf ("map_layout_%u_sheets_median: %.2f ms\n", n, layout_ms[i]);
      if (i + 1 == G_N_ELEMENTS (counts))
        {
          big = acq_map_layout_compute (map);
          big_dir = g_steal_pointer (&dir);
        }
      else
        bench_map_data_remove (dir);
    }
  printf ("map_layout_2000_over_200_ratio: %.1f x\n", layout_ms[2] / layout_ms[1]);
  acq_map_layout_get_bounds (big, &bounds);
  printf ("map_2000_sheets_size: %.0f x %.0f units\n", bounds.width, bounds.height);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      goffset size = 0;
      double ms = time_export (big, big_dir, formats[f], &size);

      printf ("map_export_2000_sheets_%s_median: %.0f ms\n", formats[f], ms);
      printf ("map_export_2000_sheets_%s_size: %.1f MB\n", formats[f], size / 1e6);
    }
  bench_map_data_remove (big_dir);
  return 0;
}

/* bench-map-data.c — a candidate with many sheets for the map's benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-map-data"

#include "config.h"

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "acq-coverage.h"
#include "acq-demo.h"
#include "bench-map-data.h"
#include "bench-text.h"

/* The demo data, then sheets added to its first candidate until they number @n_sheets, each
 * demonstrating one competence of the 16, one in six two or three, one in twenty none, in all
 * review states: the same every run (a fixed seed). Returns the candidate's sheets. */
AcqSheetList *
bench_map_data_fill (AcqStore *store, guint n_sheets, GError **error)
{
  g_autoptr (AcqCandidateList) candidates = acq_candidate_list_new (store, error);
  g_autoptr (AcqSheetList) sheets = NULL;
  g_autoptr (AcqCoverage) coverage = NULL;
  g_autoptr (GPtrArray) competences = g_ptr_array_new ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  AcqCandidate *candidate;

  if (candidates == NULL || !acq_demo_populate (candidates, error))
    return NULL;
  candidate = acq_candidate_list_find (candidates, BENCH_MAP_CANDIDATE);
  if (candidate == NULL || !(sheets = acq_sheet_list_new (store, candidate, error)) ||
      !(coverage = acq_coverage_compute (store, BENCH_MAP_CANDIDATE, error)))
    return NULL;
  for (guint b = 0; b < coverage->blocs->len; b++)
    {
      AcqCoverageBloc *bloc = g_ptr_array_index (coverage->blocs, b);

      for (guint c = 0; c < bloc->competences->len; c++)
        g_ptr_array_add (competences, ((AcqCoverageCompetence *)
                                       g_ptr_array_index (bloc->competences, c))->competence_uuid);
    }
  while (g_list_model_get_n_items (G_LIST_MODEL (sheets)) < n_sheets)
    {
      g_autofree char *title = bench_text_title (rand);
      AcqSheet *sheet = acq_sheet_list_create (sheets, NULL, title, error);
      guint n_links = g_rand_int_range (rand, 0, 20) == 0 ? 0 : 1;

      if (sheet == NULL)
        return NULL;
      if (g_rand_int_range (rand, 0, 6) == 0)
        n_links += g_rand_int_range (rand, 1, 3);
      for (guint l = 0; l < n_links; l++)
        acq_sheet_add_competence (sheet, g_ptr_array_index (competences,
                                                            g_rand_int_range (rand, 0,
                                                                              competences->len)));
      if (!acq_sheet_list_save (sheets, sheet, error))
        return NULL;
    }
  /* the review states a caseload has, without going through each review */
  if (n_sheets > 0)
    sqlite3_exec (acq_store_get_db (store),
                  "UPDATE sheet SET review_state = abs(random()) % 4 WHERE review_state = 0",
                  NULL, NULL, NULL);
  return g_steal_pointer (&sheets);
}

/* Removes a data folder the benchmark made, and what it holds. */
void
bench_map_data_remove (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        bench_map_data_remove (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

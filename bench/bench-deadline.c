/* bench-deadline.c — the deadlines of a caseload of 5,000 candidates with 20 events each,
 * against reading those events from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three figures, each the median of several runs in the same process: reading every event
 * (acq_parcours_list_all(), the baseline: what any view of the caseload pays), the rules alone
 * (acq_deadline_compute() over the events already read: the target is under 30 ms), and the
 * whole acq_deadline_list_caseload() (read, rules, sort), which the Today view will call.
 */
#define G_LOG_DOMAIN "bench-deadline"

#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "acq-deadline.h"
#include "acq-parcours.h"
#include "bench-caseload.h"
#include "bench-stats.h"

#define N_CANDIDATES 5000
#define N_EVENTS     20
#define RUNS         9

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
check (gboolean ok, GError *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

/* The inputs of the rules, one per candidate, over @events (grouped by candidate). */
static GArray *
inputs_of (GPtrArray *events, GPtrArray *groups)
{
  GArray *inputs = g_array_new (FALSE, TRUE, sizeof (AcqDeadlineInput));

  for (guint i = 0; i < events->len;)
    {
      AcqParcoursEvent *first = g_ptr_array_index (events, i);
      GPtrArray *group = g_ptr_array_new ();
      AcqDeadlineInput input = { 0 };

      while (i < events->len &&
             g_strcmp0 (((AcqParcoursEvent *) g_ptr_array_index (events, i))->candidate_uuid,
                        first->candidate_uuid) == 0)
        g_ptr_array_add (group, g_ptr_array_index (events, i++));
      input.candidate_uuid = first->candidate_uuid;
      input.events = group;
      g_date_clear (&input.last_activity, 1);
      g_array_append_val (inputs, input);
      g_ptr_array_add (groups, group);
    }
  return inputs;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("acquis-bench-deadline-XXXXXX", &error);
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (GArray) read_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) compute_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) caseload_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GArray) inputs = NULL;
  guint n_deadlines = 0, n_overdue = 0;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 7, 12, 2026);
  check (dir != NULL && (store = acq_store_open (dir, &error)) != NULL, error);
  bench_caseload_fill (store, &today, N_CANDIDATES, N_EVENTS, 0);

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GPtrArray) read = acq_parcours_list_all (store, &error);
      double ms = ms_since (start);

      check (read != NULL, error);
      g_array_append_val (read_ms, ms);
      if (run == 0)
        events = g_ptr_array_ref (read);
    }
  g_assert (events->len == N_CANDIDATES * N_EVENTS);
  inputs = inputs_of (events, groups);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr (GPtrArray) out = g_ptr_array_new_full (4 * N_CANDIDATES,
                                                        (GDestroyNotify) acq_deadline_free);
      gint64 start = g_get_monotonic_time ();
      double ms;

      for (guint i = 0; i < inputs->len; i++)
        acq_deadline_compute (&g_array_index (inputs, AcqDeadlineInput, i), &today, out);
      ms = ms_since (start);
      g_array_append_val (compute_ms, ms);
      n_deadlines = out->len;
      n_overdue = 0;
      for (guint i = 0; i < out->len; i++)
        n_overdue += ((AcqDeadline *) out->pdata[i])->severity == ACQ_DEADLINE_OVERDUE;
    }

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GPtrArray) all = acq_deadline_list_caseload (store, &today, &error);
      double ms = ms_since (start);

      check (all != NULL, error);
      g_assert (all->len == n_deadlines);
      g_array_append_val (caseload_ms, ms);
    }

  printf ("deadline_caseload: %u candidates\n", N_CANDIDATES);
  printf ("deadline_events: %u events\n", events->len);
  printf ("deadline_count: %u deadlines\n", n_deadlines);
  printf ("deadline_overdue: %u deadlines\n", n_overdue);
  printf ("deadline_read_events_median: %.1f ms\n", bench_median (read_ms));
  printf ("deadline_compute_median: %.1f ms\n", bench_median (compute_ms));
  printf ("deadline_compute_max: %.1f ms\n", bench_percentile (compute_ms, 100));
  printf ("deadline_list_caseload_median: %.1f ms\n", bench_median (caseload_ms));
  printf ("deadline_compute_over_read_ratio: %.2f x\n",
          bench_median (compute_ms) / bench_median (read_ms));

  g_clear_object (&store);
  for (const char *const *name = (const char *const[]) { "acquis.db", "acquis.db-wal",
                                                         "acquis.db-shm", NULL };
       *name != NULL; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
  return bench_median (compute_ms) < 30 ? 0 : 1;
}

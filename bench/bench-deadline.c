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

static void
exec (AcqStore *store, const char *sql)
{
  GError *error = NULL;
  check (acq_store_exec (store, sql, &error), error);
}

/* A parcours of 20 events from a start within the last two years: its kinds in a parcours's
 * order (with sessions of the accompaniment recorded as more events of the same kinds), the
 * last few planned; so every rule finds something to do. */
static void
fill (AcqStore *store, GDate *today)
{
  GRand *rand = g_rand_new_with_seed (14);
  sqlite3 *db = acq_store_get_db (store);
  sqlite3_stmt *candidate = NULL, *event = NULL;

  exec (store, "BEGIN");
  g_assert (sqlite3_prepare_v2 (db, "INSERT INTO candidate (uuid, created_at, updated_at,"
                                " last_activity_at) VALUES (?1, 'x', 'x', ?2)", -1, &candidate,
                                NULL) == SQLITE_OK);
  g_assert (sqlite3_prepare_v2 (db, "INSERT INTO parcours_event (uuid, candidate_uuid, kind,"
                                " date, planned, decision, note, created_at, updated_at) VALUES"
                                " (?1, ?2, ?3, ?4, ?5, ?6, '', 'x', 'x')", -1, &event,
                                NULL) == SQLITE_OK);
  for (guint c = 0; c < N_CANDIDATES; c++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      GDate date = *today;
      char iso[32];

      GDate dates[N_EVENTS];
      int kinds[N_EVENTS];

      g_date_subtract_days (&date, g_rand_int_range (rand, 30, 730));
      for (guint e = 0; e < N_EVENTS; e++)
        {
          g_date_add_days (&date, g_rand_int_range (rand, 1, 30));
          dates[e] = date;
          kinds[e] = MIN ((int) (e * ACQ_N_PARCOURS_KINDS / N_EVENTS) +
                          g_rand_int_range (rand, 0, 2), ACQ_N_PARCOURS_KINDS - 1);
        }
      /* the last activity: the last event done */
      g_date_strftime (iso, sizeof iso, "%Y-%m-%dT09:00:00Z", &dates[N_EVENTS - 4]);
      sqlite3_bind_text (candidate, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (candidate, 2, iso, -1, SQLITE_TRANSIENT);
      g_assert (sqlite3_step (candidate) == SQLITE_DONE);
      sqlite3_reset (candidate);
      for (guint e = 0; e < N_EVENTS; e++)
        {
          g_autofree char *event_uuid = g_uuid_string_random ();

          g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &dates[e]);
          sqlite3_bind_text (event, 1, event_uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (event, 2, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (event, 3, kinds[e]);
          sqlite3_bind_text (event, 4, iso, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (event, 5, e >= N_EVENTS - 3);
          sqlite3_bind_int (event, 6, kinds[e] == ACQ_PARCOURS_ADMISSIBILITY_DECIDED
                                        ? g_rand_int_range (rand, 1, 3) : 0);
          g_assert (sqlite3_step (event) == SQLITE_DONE);
          sqlite3_reset (event);
        }
    }
  sqlite3_finalize (candidate);
  sqlite3_finalize (event);
  exec (store, "COMMIT");
  g_rand_free (rand);
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
  fill (store, &today);

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

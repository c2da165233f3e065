/* bench-jury.c — the jury's checklist of a caseload of 500 candidates with 20 sheets each,
 * against the count of sheets to review that the sidebar reads at start
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two figures, each the median of several runs in the same process:
 * acq_review_waiting_by_candidate() (the baseline: what the sidebar already reads at start
 * for its count of sheets to review), and acq_jury_checklist_count_all(), which gives the
 * sidebar its "Ready for the jury: 7 of 9" (the target is under 20 ms, of processor time as
 * well as wall-clock time, which a machine shared with other work lengthens). The sheets carry a
 * page of text each, as real ones do, so that a statement that read them would show.
 */
#define G_LOG_DOMAIN "bench-jury"

#include "config.h"

#include <stdio.h>
#include <time.h>
#include <glib/gstdio.h>

#include "acq-jury-checklist.h"
#include "acq-referential.h"
#include "acq-review.h"
#include "bench-stats.h"

#define N_CANDIDATES 500
#define N_SHEETS     20
#define RUNS         15

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The processor time of this thread, in ms: on a machine shared with other work the wall
 * clock counts their time too. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
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

static sqlite3_stmt *
prepare (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
step (sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s", sqlite3_sql (stmt));
  sqlite3_reset (stmt);
}

/* Every candidate aims at the three blocs; their 20 sheets back two competences each, in
 * every review state; half have a jury session, a third held a soutenance blanche, a quarter
 * rehearsed, a fifth exported their final dossier; all have the four usual hand items. */
static void
fill (AcqStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqFiche) fiche = acq_referential_load (store, ACQ_REFERENTIAL_DEFAULT_FICHE, &error);
  g_autoptr (GString) page = g_string_new (NULL);
  g_autoptr (GPtrArray) competences = g_ptr_array_new ();
  GRand *rand = g_rand_new_with_seed (13);
  sqlite3 *db = acq_store_get_db (store);
  sqlite3_stmt *candidate, *target, *sheet, *link, *session, *mock, *rehearsal, *hand, *export;

  check (fiche != NULL, error);
  for (guint b = 0; b < fiche->blocs->len; b++)
    {
      AcqBlocDef *bloc = g_ptr_array_index (fiche->blocs, b);
      for (guint c = 0; c < bloc->competence_uuids->len; c++)
        g_ptr_array_add (competences, bloc->competence_uuids->pdata[c]);
    }
  while (page->len < 3000)
    g_string_append (page, "J'ai accueilli la personne, repris son parcours et construit avec "
                           "elle un plan d'action que nous avons suivi pendant trois mois. ");

  exec (store, "BEGIN");
  candidate = prepare (db, "INSERT INTO candidate (uuid, certification_uuid, accommodations,"
                           " created_at, updated_at, last_activity_at) VALUES (?1, ?2, ?3,"
                           " '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z',"
                           " '2026-11-01T00:00:00.000Z')");
  target = prepare (db, "INSERT INTO candidate_bloc (candidate_uuid, bloc_uuid) VALUES (?1, ?2)");
  sheet = prepare (db, "INSERT INTO sheet (uuid, candidate_uuid, bloc_uuid, title, tasks,"
                       " review_state, created_at, updated_at) VALUES (?1, ?2, ?3, 'Exemple', ?4,"
                       " ?5, '2026-02-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z')");
  link = prepare (db, "INSERT OR IGNORE INTO sheet_competence (sheet_uuid, competence_uuid)"
                      " VALUES (?1, ?2)");
  session = prepare (db, "INSERT INTO jury_session (uuid, candidate_uuid, date,"
                         " convocation_date, deposited_date, accommodations_asked, created_at,"
                         " updated_at) VALUES (?1, ?1, '2026-12-21', ?2, '2026-10-15', ?3,"
                         " 'x', 'x')");
  mock = prepare (db, "INSERT INTO session (uuid, candidate_uuid, date, start_time, end_time,"
                      " kind, held, created_at, updated_at) VALUES (?1, ?2, '2026-11-20',"
                      " '14:00', '16:00', 2, 1, 'x', 'x')");
  rehearsal = prepare (db, "INSERT INTO jury_rehearsal (uuid, candidate_uuid, date, parts,"
                           " created_at, updated_at) VALUES (?1, ?2, '2026-11-25', '', 'x', 'x')");
  hand = prepare (db, "INSERT INTO jury_hand_item (uuid, candidate_uuid, position, label, done,"
                      " created_at, updated_at) VALUES (?1, ?2, ?3, 'Pièce', ?4, 'x', 'x')");
  export = prepare (db, "INSERT INTO dossier_export (uuid, candidate_uuid, final, exported_at)"
                        " VALUES (?1, ?2, 1, '2026-11-15T00:00:00.000Z')");
  for (guint k = 0; k < N_CANDIDATES; k++)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      sqlite3_bind_text (candidate, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (candidate, 2, fiche->uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (candidate, 3, k % 7 == 0 ? "Tiers temps" : "", -1, SQLITE_STATIC);
      step (candidate);
      for (guint b = 0; b < fiche->blocs->len; b++)
        {
          sqlite3_bind_text (target, 1, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (target, 2, ((AcqBlocDef *) fiche->blocs->pdata[b])->uuid, -1,
                             SQLITE_TRANSIENT);
          step (target);
        }
      for (guint s = 0; s < N_SHEETS; s++)
        {
          g_autofree char *sheet_uuid = g_uuid_string_random ();
          AcqBlocDef *bloc = fiche->blocs->pdata[s % fiche->blocs->len];

          sqlite3_bind_text (sheet, 1, sheet_uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (sheet, 2, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (sheet, 3, bloc->uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (sheet, 4, page->str, -1, SQLITE_STATIC);
          sqlite3_bind_int (sheet, 5, g_rand_int_range (rand, 0, 4));
          step (sheet);
          for (guint c = 0; c < 2; c++)
            {
              sqlite3_bind_text (link, 1, sheet_uuid, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (link, 2, bloc->competence_uuids->pdata[g_rand_int_range (
                                   rand, 0, bloc->competence_uuids->len)], -1, SQLITE_TRANSIENT);
              step (link);
            }
        }
      if (k % 2 == 0)
        {
          sqlite3_bind_text (session, 1, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (session, 2, k % 4 == 0 ? "2026-11-10" : NULL, -1, SQLITE_STATIC);
          sqlite3_bind_text (session, 3, k % 14 == 0 ? "Tiers temps" : "", -1, SQLITE_STATIC);
          step (session);
        }
      if (k % 3 == 0)
        {
          g_autofree char *session_uuid = g_uuid_string_random ();
          sqlite3_bind_text (mock, 1, session_uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (mock, 2, uuid, -1, SQLITE_TRANSIENT);
          step (mock);
        }
      if (k % 4 == 1)
        {
          g_autofree char *run_uuid = g_uuid_string_random ();
          sqlite3_bind_text (rehearsal, 1, run_uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (rehearsal, 2, uuid, -1, SQLITE_TRANSIENT);
          step (rehearsal);
        }
      if (k % 5 == 0)
        {
          g_autofree char *export_uuid = g_uuid_string_random ();
          sqlite3_bind_text (export, 1, export_uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (export, 2, uuid, -1, SQLITE_TRANSIENT);
          step (export);
        }
      for (guint h = 0; h < 4; h++)
        {
          g_autofree char *item_uuid = g_uuid_string_random ();
          sqlite3_bind_text (hand, 1, item_uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (hand, 2, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (hand, 3, h);
          sqlite3_bind_int (hand, 4, (k + h) % 3 == 0);
          step (hand);
        }
    }
  for (sqlite3_stmt **s = (sqlite3_stmt *[]) { candidate, target, sheet, link, session, mock,
                                               rehearsal, hand, export, NULL };
       *s != NULL; s++)
    sqlite3_finalize (*s);
  exec (store, "COMMIT");
  exec (store, "ANALYZE");
  g_rand_free (rand);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("acquis-bench-jury-XXXXXX", &error);
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (GArray) baseline_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) checklist_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) checklist_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_done = 0, n_items = 0, n_candidates = 0;

  check (dir != NULL && (store = acq_store_open (dir, &error)) != NULL, error);
  check (acq_referential_ensure_default (store, &error), error);
  fill (store);

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GHashTable) waiting = acq_review_waiting_by_candidate (store, &error);
      double ms = ms_since (start);

      check (waiting != NULL, error);
      g_assert (g_hash_table_size (waiting) > 0);
      g_array_append_val (baseline_ms, ms);
    }

  for (guint run = 0; run < RUNS; run++)
    {
      double cpu_start = cpu_ms ();
      gint64 start = g_get_monotonic_time ();
      g_autoptr (GHashTable) counts = acq_jury_checklist_count_all (store, &error);
      double ms = ms_since (start);
      double cpu = cpu_ms () - cpu_start;
      GHashTableIter iter;
      gpointer value;

      check (counts != NULL, error);
      g_array_append_val (checklist_ms, ms);
      g_array_append_val (checklist_cpu_ms, cpu);
      n_done = n_items = 0;
      n_candidates = g_hash_table_size (counts);
      g_hash_table_iter_init (&iter, counts);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          n_done += ((AcqJuryReadyCount *) value)->n_done;
          n_items += ((AcqJuryReadyCount *) value)->n_items;
        }
    }
  g_assert (n_candidates == N_CANDIDATES);

  printf ("jury_caseload: %u candidates\n", n_candidates);
  printf ("jury_sheets: %u sheets\n", N_CANDIDATES * N_SHEETS);
  printf ("jury_items: %u items\n", n_items);
  printf ("jury_items_done: %u items\n", n_done);
  printf ("jury_review_waiting_median: %.1f ms\n", bench_median (baseline_ms));
  printf ("jury_checklist_all_median: %.1f ms\n", bench_median (checklist_ms));
  printf ("jury_checklist_all_max: %.1f ms\n", bench_percentile (checklist_ms, 100));
  printf ("jury_checklist_all_cpu_median: %.1f ms\n", bench_median (checklist_cpu_ms));
  printf ("jury_checklist_over_review_waiting_ratio: %.2f x\n",
          bench_median (checklist_ms) / bench_median (baseline_ms));

  g_clear_object (&store);
  for (const char *const *name = (const char *const[]) { "acquis.db", "acquis.db-wal",
                                                         "acquis.db-shm", NULL };
       *name != NULL; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
  /* the target on the processor time: the wall clock of a loaded machine says little */
  return bench_median (checklist_cpu_ms) < 20 ? 0 : 1;
}

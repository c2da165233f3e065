/* bench-caseload.c — a coach's caseload for the practice benchmarks: candidates, the events of
 * their parcours and the sessions of their livret, dated around a given day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written with plain INSERTs in one transaction: the models would take minutes for 100,000
 * sessions, and what the benchmarks measure is the reading. The same seed gives the same
 * caseload, so that two runs read the same data.
 */
#define G_LOG_DOMAIN "bench-caseload"

#include "config.h"

#include "acq-parcours.h"
#include "bench-caseload.h"

static void
exec (AcqStore *store, const char *sql)
{
  g_autoptr (GError) error = NULL;

  if (!acq_store_exec (store, sql, &error))
    g_error ("%s", error->message);
}

static sqlite3_stmt *
prepare (AcqStore *store, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (acq_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (acq_store_get_db (store)));
  return stmt;
}

static void
step (sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (sqlite3_db_handle (stmt)));
  sqlite3_reset (stmt);
}

/**
 * bench_caseload_fill:
 * @store: an empty store
 * @today: the day the caseload is read on
 * @n_candidates: how many candidates
 * @n_events: events of each one's parcours, from a start within the last two years: the kinds
 *   in a parcours's order, the last three planned, so that every rule finds something to do
 * @n_sessions: sessions of each one's livret, every ten days or so around @today: those
 *   before it held but one in five (not marked held: overdue), those after it planned
 */
void
bench_caseload_fill (AcqStore *store, const GDate *today, guint n_candidates, guint n_events,
                     guint n_sessions)
{
  GRand *rand = g_rand_new_with_seed (14);
  sqlite3_stmt *candidate, *event, *session;
  g_autofree GDate *dates = g_new0 (GDate, MAX (n_events, 1));
  g_autofree int *kinds = g_new0 (int, MAX (n_events, 1));

  exec (store, "BEGIN");
  candidate = prepare (store, "INSERT INTO candidate (uuid, first_name, last_name, created_at,"
                              " updated_at, last_activity_at) VALUES (?1, ?3, ?4, 'x', 'x', ?2)");
  event = prepare (store, "INSERT INTO parcours_event (uuid, candidate_uuid, kind, date,"
                          " planned, decision, note, created_at, updated_at) VALUES"
                          " (?1, ?2, ?3, ?4, ?5, ?6, '', 'x', 'x')");
  session = prepare (store, "INSERT INTO session (uuid, candidate_uuid, date, start_time,"
                            " end_time, kind, held, created_at, updated_at) VALUES"
                            " (?1, ?2, ?3, ?4, ?5, 1, ?6, 'x', 'x')");
  for (guint c = 0; c < n_candidates; c++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *first = g_strdup_printf ("Prénom%u", c);
      g_autofree char *last = g_strdup_printf ("Nom%u", c);
      GDate date = *today;
      char iso[32];

      g_date_subtract_days (&date, g_rand_int_range (rand, 30, 730));
      for (guint e = 0; e < n_events; e++)
        {
          g_date_add_days (&date, g_rand_int_range (rand, 1, 30));
          dates[e] = date;
          kinds[e] = MIN ((int) (e * ACQ_N_PARCOURS_KINDS / n_events) +
                          g_rand_int_range (rand, 0, 2), ACQ_N_PARCOURS_KINDS - 1);
        }
      /* the last activity: the last event done */
      if (n_events >= 4)
        g_date_strftime (iso, sizeof iso, "%Y-%m-%dT09:00:00Z", &dates[n_events - 4]);
      else
        g_date_strftime (iso, sizeof iso, "%Y-%m-%dT09:00:00Z", today);
      sqlite3_bind_text (candidate, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (candidate, 2, iso, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (candidate, 3, first, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (candidate, 4, last, -1, SQLITE_TRANSIENT);
      step (candidate);
      for (guint e = 0; e < n_events; e++)
        {
          g_autofree char *event_uuid = g_uuid_string_random ();

          g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &dates[e]);
          sqlite3_bind_text (event, 1, event_uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (event, 2, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (event, 3, kinds[e]);
          sqlite3_bind_text (event, 4, iso, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (event, 5, e >= n_events - 3);
          sqlite3_bind_int (event, 6, kinds[e] == ACQ_PARCOURS_ADMISSIBILITY_DECIDED
                                        ? g_rand_int_range (rand, 1, 3) : 0);
          step (event);
        }
      if (n_sessions == 0)
        continue;
      date = *today;
      g_date_subtract_days (&date, 10 * (n_sessions * 3 / 4) + g_rand_int_range (rand, 0, 10));
      for (guint s = 0; s < n_sessions; s++)
        {
          g_autofree char *session_uuid = g_uuid_string_random ();
          int hour = g_rand_int_range (rand, 8, 17);
          char start[8], end[8];
          gboolean past = g_date_compare (&date, today) < 0;

          g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
          g_snprintf (start, sizeof start, "%02d:00", hour);
          g_snprintf (end, sizeof end, "%02d:00", hour + g_rand_int_range (rand, 1, 4));
          sqlite3_bind_text (session, 1, session_uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (session, 2, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (session, 3, iso, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (session, 4, start, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (session, 5, end, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (session, 6, past && g_rand_int_range (rand, 0, 5) != 0);
          step (session);
          g_date_add_days (&date, g_rand_int_range (rand, 7, 14));
        }
    }
  sqlite3_finalize (candidate);
  sqlite3_finalize (event);
  sqlite3_finalize (session);
  exec (store, "COMMIT");
  g_rand_free (rand);
}

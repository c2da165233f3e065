/* acq-session-hours.c — the livret's hours: held, planned ahead, against the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hours are computed by a pure function over the sessions (acq_session_hours_compute()),
 * which the deadlines and the Today view may call on sessions they already hold, and for a
 * whole caseload in one pass over a covering index (acq_session_hours_get_all()). The planned
 * hours are a row of session_plan, not a column of the candidate: the plan is the
 * accompagnatrice's (from her quote), and a table of the livret is protected as a whole by the
 * merge's role rules, where a column of the candidate would be one more exception in the
 * candidate's profile, which the candidate may change; its uuid is the candidate's, so that
 * both sides of an exchange name it alike.
 */
#define G_LOG_DOMAIN "acq-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-session-private.h"
#include "acq-sql-private.h"

static const char sql_plan[] =
  "SELECT planned_minutes FROM session_plan WHERE candidate_uuid = ?1";
static const char sql_all_hours[] =
  "SELECT candidate_uuid, date, start_time, end_time, held FROM session INDEXED BY"
  " session_by_candidate WHERE deleted_at IS NULL ORDER BY candidate_uuid";
static const char sql_all_plans[] =
  "SELECT candidate_uuid, planned_minutes FROM session_plan";
static const char sql_plan_set[] =
  "INSERT INTO session_plan (uuid, candidate_uuid, planned_minutes, created_at, updated_at)"
  " VALUES (?1, ?1, ?2, ?3, ?3) ON CONFLICT (uuid) DO UPDATE SET planned_minutes ="
  " excluded.planned_minutes, updated_at = excluded.updated_at"
  " WHERE planned_minutes <> excluded.planned_minutes";

/* Hours ----------------------------------------------------------------------------------- */

/**
 * acq_session_hours_compute:
 * @sessions: (element-type AcqSession): one candidate's sessions
 * @planned_minutes: the plan
 * @has_plan: whether the accompagnatrice set it (else it is the advised 24 h)
 * @now: the time that tells "ahead" from past
 * @out: (out caller-allocates): the hours
 *
 * The hours held (sessions marked held, whatever their date) and planned ahead (not held,
 * starting at @now or later). A planned session whose time has passed and that was not marked
 * held counts in neither: the coach has yet to say whether it took place.
 */
void
acq_session_hours_compute (GPtrArray *sessions, guint planned_minutes, gboolean has_plan,
                           GDateTime *now, AcqSessionHours *out)
{
  g_return_if_fail (sessions != NULL && now != NULL && out != NULL);

  out->planned_minutes = planned_minutes;
  out->has_plan = has_plan;
  out->held_minutes = 0;
  out->ahead_minutes = 0;
  for (guint i = 0; i < sessions->len; i++)
    {
      const AcqSession *session = g_ptr_array_index (sessions, i);
      g_autoptr (GDateTime) start = NULL;

      if (session->held)
        out->held_minutes += acq_session_get_minutes (session);
      else if ((start = acq_session_dup_start (session)) != NULL &&
               g_date_time_compare (start, now) >= 0)
        out->ahead_minutes += acq_session_get_minutes (session);
    }
}

/**
 * acq_session_hours_get:
 * @store: the store
 * @candidate_uuid: whose hours
 * @now: (nullable): the time that tells "ahead" from past; %NULL for now
 * @out: (out caller-allocates): the hours
 * @error: where to put an error
 *
 * The hours bar's figures: acq_session_hours_compute() over the candidate's stored sessions
 * and plan.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_session_hours_get (AcqStore *store, const char *candidate_uuid, GDateTime *now,
                       AcqSessionHours *out, GError **error)
{
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GDateTime) current = now ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  sqlite3_stmt *stmt;
  guint planned = ACQ_SESSION_PLAN_ADVISED_MINUTES;
  gboolean has_plan = FALSE;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate_uuid != NULL && out != NULL, FALSE);
  if ((stmt = acq_store_prepare (store, sql_plan, error)) == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      planned = sqlite3_column_int (stmt, 0);
      has_plan = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                            "reading the planned hours");
  if ((sessions = acq_session_list (store, candidate_uuid, error)) == NULL)
    return FALSE;
  acq_session_hours_compute (sessions, planned, has_plan, current, out);
  return TRUE;
}

static AcqSessionHours *
hours_lookup (GHashTable *all, const char *candidate_uuid)
{
  AcqSessionHours *hours = g_hash_table_lookup (all, candidate_uuid);

  if (hours == NULL)
    {
      hours = g_new0 (AcqSessionHours, 1);
      hours->planned_minutes = ACQ_SESSION_PLAN_ADVISED_MINUTES;
      g_hash_table_insert (all, g_strdup (candidate_uuid), hours);
    }
  return hours;
}

/**
 * acq_session_hours_get_all:
 * @store: the store
 * @now: (nullable): the time that tells "ahead" from past; %NULL for now
 * @error: where to put an error
 *
 * The hours of every candidate who has a session or a plan, in two statements: what the
 * deadlines, the Today view and the sidebar need for a whole caseload, without a query per
 * candidate. The same figures as acq_session_hours_get(); a candidate with neither session nor
 * plan is absent (their hours are all zero against the advised 24 h).
 *
 * Returns: (transfer full) (element-type utf8 AcqSessionHours): candidate uuid → hours, or
 *   %NULL on error
 */
GHashTable *
acq_session_hours_get_all (AcqStore *store, GDateTime *now, GError **error)
{
  g_autoptr (GHashTable) all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GDateTime) current = now ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  g_autoptr (GDateTime) local = g_date_time_to_timezone (current, acq_session_get_time_zone ());
  g_autofree char *today = g_date_time_format (local, "%Y-%m-%d");
  g_autofree char *clock = g_date_time_format (local, "%H:%M");
  g_autofree char *last = NULL;
  AcqSessionHours *hours = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  if ((stmt = acq_store_prepare (store, sql_all_hours, error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *candidate = _acq_sql_column_text (stmt, 0);
      const char *date = _acq_sql_column_text (stmt, 1);
      const char *start = _acq_sql_column_text (stmt, 2);
      int from, to, c;

      /* in candidate order (the covering index): one look-up per candidate */
      if (hours == NULL || g_strcmp0 (candidate, last) != 0)
        {
          hours = hours_lookup (all, candidate);
          g_free (last);
          last = g_strdup (candidate);
        }
      if (!_acq_session_parse_time (start, &from) || !_acq_session_parse_time (_acq_sql_column_text (stmt, 3), &to) ||
          to <= from)
        continue;
      /* the wall clocks compare as text: YYYY-MM-DD, then HH:MM */
      c = g_strcmp0 (date, today);
      if (sqlite3_column_int (stmt, 4) != 0)
        hours->held_minutes += to - from;
      else if (c > 0 || (c == 0 && g_strcmp0 (start, clock) >= 0))
        hours->ahead_minutes += to - from;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, "reading hours");
      return NULL;
    }
  if ((stmt = acq_store_prepare (store, sql_all_plans, error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      hours = hours_lookup (all, _acq_sql_column_text (stmt, 0));
      hours->planned_minutes = sqlite3_column_int (stmt, 1);
      hours->has_plan = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, "reading plans");
      return NULL;
    }
  return g_steal_pointer (&all);
}

/* Whether the hours held already pass the plan: the deadlines' "over plan". */
gboolean
acq_session_hours_is_over_plan (const AcqSessionHours *hours)
{
  g_return_val_if_fail (hours != NULL, FALSE);
  return hours->held_minutes > hours->planned_minutes;
}

/* Whether the hours held and those planned ahead will pass the plan: a warning before. */
gboolean
acq_session_hours_will_be_over_plan (const AcqSessionHours *hours)
{
  g_return_val_if_fail (hours != NULL, FALSE);
  return hours->held_minutes + hours->ahead_minutes > hours->planned_minutes;
}

/**
 * acq_session_set_planned_minutes:
 * @store: the store
 * @candidate_uuid: whose plan
 * @minutes: the hours of the quote, in minutes: 12 to 30 hours
 * @error: where to put an error
 *
 * Returns: %TRUE on success
 */
gboolean
acq_session_set_planned_minutes (AcqStore *store, const char *candidate_uuid, guint minutes,
                                 GError **error)
{
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate_uuid != NULL, FALSE);
  if (minutes < ACQ_SESSION_PLAN_MIN_MINUTES || minutes > ACQ_SESSION_PLAN_MAX_MINUTES)
    return _acq_session_invalid (error, _("The accompaniment lasts 12 to 30 hours (24 advised). Enter a "
                             "number of hours in that range."));
  if (!_acq_session_candidate_exists (store, candidate_uuid, error) ||
      (stmt = acq_store_prepare (store, sql_plan_set, error)) == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  sqlite3_bind_int (stmt, 2, minutes);
  _acq_sql_bind_text (stmt, 3, now);
  return acq_store_step_done (store, stmt, error);
}

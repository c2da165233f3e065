/* acq-deadline-caseload.c — the whole caseload's deadlines: the input read from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept apart from acq-deadline.c, which stays pure: here the store is read once (every
 * candidate's events in one query, their last activity in another, the livret's sessions not
 * held yet in a third, the hours of the whole caseload in one pass), then the rules run on each
 * candidate without I/O.
 */
#define G_LOG_DOMAIN "acq-deadline"

#include "config.h"

#include <string.h>

#include "acq-deadline.h"
#include "acq-parcours-private.h"
#include "acq-session.h"
#include "acq-sql-private.h"

/* Candidates in the caseload: not deleted, not archived. */
static const char sql_candidates[] =
  "SELECT uuid, substr (last_activity_at, 1, 10) FROM candidate"
  " WHERE deleted_at IS NULL AND archived = 0 ORDER BY uuid";

/* The livret's sessions not held yet, past ones included (held, or moved: the coach says which),
 * in the candidates' order. */
static const char sql_sessions_ahead[] =
  "SELECT candidate_uuid, date FROM session WHERE deleted_at IS NULL AND held = 0"
  " ORDER BY candidate_uuid, date, start_time";

static int
compare_indirect (gconstpointer a, gconstpointer b)
{
  return acq_deadline_compare (*(AcqDeadline *const *) a, *(AcqDeadline *const *) b);
}

/**
 * acq_deadline_list_caseload:
 * @store: the store
 * @today: the day it is
 * @error: where to put an error
 *
 * The deadlines of every candidate not archived, from their parcours, their last activity and
 * their livret de suivi (sessions planned, hours held over the plan).
 *
 * Returns: (transfer container) (element-type AcqDeadline): the deadlines, sorted by
 *   acq_deadline_compare(), or %NULL on error
 */
GPtrArray *
acq_deadline_list_caseload (AcqStore *store, const GDate *today, GError **error)
{
  g_autoptr (GPtrArray) deadlines = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) mine = g_ptr_array_new ();
  g_autoptr (GArray) sessions = g_array_new (FALSE, FALSE, sizeof (GDate));
  g_autoptr (GHashTable) hours = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  sqlite3_stmt *stmt, *ahead;
  gboolean ahead_row;
  guint next = 0;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  /* both sorted by candidate uuid (sqlite's BINARY order is strcmp's): one walk down */
  if ((events = acq_parcours_list_all (store, error)) == NULL)
    return NULL;
  if ((hours = acq_session_hours_get_all (store, now, error)) == NULL)
    return NULL;
  if (!(ahead = acq_store_prepare (store, sql_sessions_ahead, error)))
    return NULL;
  ahead_row = sqlite3_step (ahead) == SQLITE_ROW;
  if (!(stmt = acq_store_prepare (store, sql_candidates, error)))
    {
      sqlite3_reset (ahead);
      return NULL;
    }
  deadlines = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_deadline_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqDeadlineInput input = { 0 };

      input.candidate_uuid = _acq_sql_column_text (stmt, 0);
      _acq_parcours_parse_date (_acq_sql_column_text (stmt, 1), &input.last_activity);
      g_ptr_array_set_size (mine, 0);
      while (next < events->len)
        {
          AcqParcoursEvent *event = g_ptr_array_index (events, next);
          int order = strcmp (event->candidate_uuid, input.candidate_uuid);

          if (order > 0)
            break;
          if (order == 0)
            g_ptr_array_add (mine, event);
          next++;
        }
      input.events = mine;
      g_array_set_size (sessions, 0);
      for (; ahead_row; ahead_row = sqlite3_step (ahead) == SQLITE_ROW)
        {
          int order = strcmp (_acq_sql_column_text (ahead, 0), input.candidate_uuid);
          GDate date;

          if (order > 0)
            break;
          if (order == 0 && _acq_parcours_parse_date (_acq_sql_column_text (ahead, 1), &date))
            g_array_append_val (sessions, date);
        }
      input.planned_sessions = sessions;
      {
        const AcqSessionHours *mine_hours = g_hash_table_lookup (hours, input.candidate_uuid);

        if (mine_hours != NULL && mine_hours->has_plan)
          {
            input.planned_hours = mine_hours->planned_minutes / 60.0;
            input.held_hours = mine_hours->held_minutes / 60.0;
          }
      }
      acq_deadline_compute (&input, today, deadlines);
    }
  sqlite3_reset (stmt);
  sqlite3_reset (ahead);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, sql_candidates);
      return NULL;
    }
  g_ptr_array_sort (deadlines, compare_indirect);
  return g_steal_pointer (&deadlines);
}

/* acq-deadline-caseload.c — the whole caseload's deadlines: the input read from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept apart from acq-deadline.c, which stays pure: here the store is read once (every
 * candidate's events in one query, their last activity in another), then the rules run on
 * each candidate without I/O.
 */
#define G_LOG_DOMAIN "acq-deadline"

#include "config.h"

#include <string.h>

#include "acq-deadline.h"
#include "acq-parcours-private.h"
#include "acq-sql-private.h"

/* Candidates in the caseload: not deleted, not archived. */
static const char sql_candidates[] =
  "SELECT uuid, substr (last_activity_at, 1, 10) FROM candidate"
  " WHERE deleted_at IS NULL AND archived = 0 ORDER BY uuid";

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
 * The deadlines of every candidate not archived, from their parcours and last activity.
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
  sqlite3_stmt *stmt;
  guint next = 0;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  /* both sorted by candidate uuid (sqlite's BINARY order is strcmp's): one walk down */
  if ((events = acq_parcours_list_all (store, error)) == NULL)
    return NULL;
  if (!(stmt = acq_store_prepare (store, sql_candidates, error)))
    return NULL;
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
      acq_deadline_compute (&input, today, deadlines);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, sql_candidates);
      return NULL;
    }
  g_ptr_array_sort (deadlines, compare_indirect);
  return g_steal_pointer (&deadlines);
}

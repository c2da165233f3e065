/* acq-candidate-dispense.c — the blocs a candidate is dispensed of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dispense says that a candidate need not show a bloc: which bloc, why, and the
 * certification held that gives it. It is kept apart from the targeted blocs (candidate_bloc)
 * because a bloc can be left for later without a dispense; the page takes a dispensed bloc out
 * of the target, so that the coverage, the checklist and the dossier's rules, which count the
 * targeted blocs, leave it out too. Both tables are the candidate's link tables: they travel in
 * the exchange with the candidate.
 */
#define G_LOG_DOMAIN "acq-candidate"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-candidate-dispense.h"
#include "acq-sql-private.h"
#include "acq-text.h"

/* As long as a candidate's other free fields, well short of what a page could hold. */
#define DISPENSE_MAX_CHARS 500

void
acq_dispense_free (AcqDispense *dispense)
{
  if (dispense == NULL)
    return;
  g_free (dispense->bloc_uuid);
  g_free (dispense->reason);
  g_free (dispense->held_certification);
  g_free (dispense);
}

/**
 * acq_candidate_list_dispenses:
 * @store: the store
 * @candidate_uuid: the candidate
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type AcqDispense) (nullable): the candidate's dispenses in
 *   the order of the blocs, or %NULL with @error set
 */
GPtrArray *
acq_candidate_list_dispenses (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) dispenses =
    g_ptr_array_new_with_free_func ((GDestroyNotify) acq_dispense_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);

  stmt = acq_store_prepare (store, "SELECT d.bloc_uuid, d.reason, d.held_certification FROM "
                            "candidate_dispense d JOIN bloc b ON b.uuid = d.bloc_uuid WHERE "
                            "d.candidate_uuid = ?1 ORDER BY b.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, candidate_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqDispense *dispense = g_new0 (AcqDispense, 1);

      dispense->bloc_uuid = _acq_sql_column_dup (stmt, 0);
      dispense->reason = _acq_sql_column_dup (stmt, 1);
      dispense->held_certification = _acq_sql_column_dup (stmt, 2);
      g_ptr_array_add (dispenses, dispense);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                       "reading the dispenses");
      return NULL;
    }
  return g_steal_pointer (&dispenses);
}

/**
 * acq_candidate_set_dispense:
 * @store: the store
 * @candidate_uuid: the candidate
 * @bloc_uuid: the bloc dispensed
 * @reason: why
 * @held_certification: the certification held that gives it
 * @error: where to put an error (%ACQ_TEXT_ERROR for a text too long)
 *
 * Records or changes a dispense, and takes the bloc out of the candidate's target, in one
 * transaction.
 *
 * Returns: %TRUE if stored
 */
gboolean
acq_candidate_set_dispense (AcqStore *store, const char *candidate_uuid, const char *bloc_uuid,
                            const char *reason, const char *held_certification, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate_uuid != NULL && bloc_uuid != NULL, FALSE);

  reason = reason != NULL ? reason : "";
  held_certification = held_certification != NULL ? held_certification : "";
  if (!acq_text_validate (reason, DISPENSE_MAX_CHARS, _("The reason of the dispense"), error) ||
      !acq_text_validate (held_certification, DISPENSE_MAX_CHARS,
                          _("The certification held"), error) ||
      !acq_store_begin (store, error))
    return FALSE;
  stmt = acq_store_prepare (store, "INSERT INTO candidate_dispense (candidate_uuid, bloc_uuid, "
                            "reason, held_certification) VALUES (?1, ?2, ?3, ?4) ON CONFLICT "
                            "DO UPDATE SET reason = excluded.reason, held_certification = "
                            "excluded.held_certification", error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, candidate_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, bloc_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, reason, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, held_certification, -1, SQLITE_STATIC);
    }
  if (stmt == NULL || !acq_store_step_done (store, stmt, error) ||
      (stmt = acq_store_prepare (store, "DELETE FROM candidate_bloc WHERE candidate_uuid = ?1 "
                                 "AND bloc_uuid = ?2", error)) == NULL)
    {
      acq_store_rollback (store);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, candidate_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, bloc_uuid, -1, SQLITE_STATIC);
  if (!acq_store_step_done (store, stmt, error) || !acq_store_commit (store, error))
    {
      acq_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/**
 * acq_candidate_clear_dispense:
 * @store: the store
 * @candidate_uuid: the candidate
 * @bloc_uuid: the bloc no longer dispensed
 * @error: where to put an error
 *
 * Removes a dispense; the bloc stays out of the target until the user targets it again.
 *
 * Returns: %TRUE if removed or there was none
 */
gboolean
acq_candidate_clear_dispense (AcqStore *store, const char *candidate_uuid, const char *bloc_uuid,
                              GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate_uuid != NULL && bloc_uuid != NULL, FALSE);

  stmt = acq_store_prepare (store, "DELETE FROM candidate_dispense WHERE candidate_uuid = ?1 "
                            "AND bloc_uuid = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, candidate_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, bloc_uuid, -1, SQLITE_STATIC);
  return acq_store_step_done (store, stmt, error);
}

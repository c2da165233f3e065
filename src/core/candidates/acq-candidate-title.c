/* acq-candidate-title.c — the titles, diplomas and CQP a candidate holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Dossier Professionnel has a page "Titres, diplômes, CQP, attestations de formation" that
 * the candidate fills: each line an intitulé, the organisme that awarded it and its date. They
 * are her rows (candidate_title carries candidate_uuid, so they travel in the exchange, and
 * only she changes them there). A proof, when she attaches one, is one of her candidate
 * documents, named by its uuid: the file is imported as the others are, content-addressed, so
 * nothing here knows a path. One save writes the whole row, and only when something differs,
 * so that saving as she types leaves no change for the exchange to carry when nothing did.
 */
#define G_LOG_DOMAIN "acq-candidate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "acq-candidate-title.h"
#include "acq-sql-private.h"
#include "acq-text.h"

/**
 * acq_candidate_title_new:
 * @candidate_uuid: the candidate who holds it
 *
 * Returns: (transfer full): an empty title with a new uuid, not stored yet
 */
AcqCandidateTitle *
acq_candidate_title_new (const char *candidate_uuid)
{
  AcqCandidateTitle *title = g_new0 (AcqCandidateTitle, 1);

  g_return_val_if_fail (candidate_uuid != NULL, NULL);

  title->uuid = acq_store_new_uuid ();
  title->candidate_uuid = g_strdup (candidate_uuid);
  title->title = g_strdup ("");
  title->organisation = g_strdup ("");
  title->date = g_strdup ("");
  return title;
}

/**
 * acq_candidate_title_copy:
 * @title: a title
 *
 * Returns: (transfer full): a copy of @title
 */
AcqCandidateTitle *
acq_candidate_title_copy (const AcqCandidateTitle *title)
{
  AcqCandidateTitle *copy = g_new0 (AcqCandidateTitle, 1);

  g_return_val_if_fail (title != NULL, NULL);

  copy->uuid = g_strdup (title->uuid);
  copy->candidate_uuid = g_strdup (title->candidate_uuid);
  copy->position = title->position;
  copy->title = g_strdup (title->title);
  copy->organisation = g_strdup (title->organisation);
  copy->date = g_strdup (title->date);
  copy->document_uuid = g_strdup (title->document_uuid);
  return copy;
}

void
acq_candidate_title_free (AcqCandidateTitle *title)
{
  if (title == NULL)
    return;
  g_free (title->uuid);
  g_free (title->candidate_uuid);
  g_free (title->title);
  g_free (title->organisation);
  g_free (title->date);
  g_free (title->document_uuid);
  g_free (title);
}

/**
 * acq_candidate_title_list:
 * @store: the store
 * @candidate_uuid: the candidate
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type AcqCandidateTitle) (nullable): her titles in the
 *   order she listed them, or %NULL with @error set
 */
GPtrArray *
acq_candidate_title_list (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) titles =
    g_ptr_array_new_with_free_func ((GDestroyNotify) acq_candidate_title_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);

  stmt = acq_store_prepare (store, "SELECT uuid, position, title, organisation, date, "
                            "document_uuid FROM candidate_title WHERE candidate_uuid = ?1 "
                            "ORDER BY position, created_at, uuid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, candidate_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AcqCandidateTitle *title = g_new0 (AcqCandidateTitle, 1);

      title->uuid = _acq_sql_column_dup (stmt, 0);
      title->candidate_uuid = g_strdup (candidate_uuid);
      title->position = sqlite3_column_int (stmt, 1);
      title->title = _acq_sql_column_dup (stmt, 2);
      title->organisation = _acq_sql_column_dup (stmt, 3);
      title->date = _acq_sql_column_dup (stmt, 4);
      title->document_uuid = _acq_sql_column_dup (stmt, 5);
      g_ptr_array_add (titles, title);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                       "reading the titles and diplomas");
      return NULL;
    }
  return g_steal_pointer (&titles);
}

static gboolean
check_date (const char *date, GError **error)
{
  int y, m, d;

  if (*date == '\0')
    return TRUE;
  if (strlen (date) == 10 && sscanf (date, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
      g_date_valid_dmy (d, m, y))
    return TRUE;
  g_set_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID,
               _("The date of a title or diploma is not a date. Pick it in the calendar or type "
                 "it as 25/03/2026."));
  return FALSE;
}

static gboolean
check_title (const AcqCandidateTitle *title, GError **error)
{
  return acq_text_validate (title->title, ACQ_CANDIDATE_TITLE_MAX_CHARS,
                            _("The title or diploma"), error) &&
         acq_text_validate (title->organisation, ACQ_CANDIDATE_TITLE_MAX_CHARS,
                            _("The awarding body"), error) &&
         check_date (title->date, error);
}

/* The next place at the end of her list. */
static int
next_position (AcqStore *store, const char *candidate_uuid, GError **error)
{
  sqlite3_stmt *stmt = acq_store_prepare (store, "SELECT coalesce (max (position), 0) + 1 FROM "
                                          "candidate_title WHERE candidate_uuid = ?1", error);
  int position = 0;
  int rc;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, candidate_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                     "placing a title or diploma");
  return position;
}

/**
 * acq_candidate_title_save:
 * @store: the store
 * @title: a title, new (from acq_candidate_title_new()), changed, or deleted and brought back
 * @error: where to put an error (%ACQ_TEXT_ERROR for a text too long or a date that is none)
 *
 * Writes @title, whose uuid says which row: a new one goes at the end of her list (its
 * position is set), an existing one is changed only where it differs.
 *
 * Returns: %TRUE if stored
 */
gboolean
acq_candidate_title_save (AcqStore *store, AcqCandidateTitle *title, GError **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (title != NULL && title->uuid != NULL && title->candidate_uuid != NULL,
                        FALSE);

  if (title->title == NULL)
    title->title = g_strdup ("");
  if (title->organisation == NULL)
    title->organisation = g_strdup ("");
  if (title->date == NULL)
    title->date = g_strdup ("");
  if (!check_title (title, error))
    return FALSE;
  if (title->position <= 0 &&
      (title->position = next_position (store, title->candidate_uuid, error)) == 0)
    return FALSE;
  now = acq_store_now ();
  stmt = acq_store_prepare (store, "INSERT INTO candidate_title (uuid, candidate_uuid, position, "
                            "title, organisation, date, document_uuid, created_at, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8) ON CONFLICT (uuid) DO "
                            "UPDATE SET position = excluded.position, title = excluded.title, "
                            "organisation = excluded.organisation, date = excluded.date, "
                            "document_uuid = excluded.document_uuid, updated_at = "
                            "excluded.updated_at WHERE position IS NOT excluded.position OR "
                            "title IS NOT excluded.title OR organisation IS NOT "
                            "excluded.organisation OR date IS NOT excluded.date OR "
                            "document_uuid IS NOT excluded.document_uuid", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, title->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, title->candidate_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, title->position);
  sqlite3_bind_text (stmt, 4, title->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, title->organisation, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, title->date, -1, SQLITE_STATIC);
  _acq_sql_bind_text (stmt, 7, title->document_uuid);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  return acq_store_step_done (store, stmt, error);
}

/**
 * acq_candidate_title_add:
 * @store: the store
 * @candidate_uuid: the candidate
 * @title: (nullable): its intitulé
 * @organisation: (nullable): who awarded it
 * @date: (nullable): "YYYY-MM-DD", or %NULL or "" for none
 * @error: where to put an error
 *
 * Returns: (transfer full) (nullable): the title stored at the end of her list, or %NULL with
 *   @error set
 */
AcqCandidateTitle *
acq_candidate_title_add (AcqStore *store, const char *candidate_uuid, const char *title,
                         const char *organisation, const char *date, GError **error)
{
  g_autoptr (AcqCandidateTitle) added = NULL;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);

  added = acq_candidate_title_new (candidate_uuid);
  g_free (added->title);
  added->title = g_strdup (title != NULL ? title : "");
  g_free (added->organisation);
  added->organisation = g_strdup (organisation != NULL ? organisation : "");
  g_free (added->date);
  added->date = g_strdup (date != NULL ? date : "");
  if (!acq_candidate_title_save (store, added, error))
    return NULL;
  return g_steal_pointer (&added);
}

/**
 * acq_candidate_title_delete:
 * @store: the store
 * @uuid: the title
 * @error: where to put an error
 *
 * Deletes a title; its document, if any, stays among her documents. A copy kept before (see
 * acq_candidate_title_copy()) brings it back with acq_candidate_title_save().
 *
 * Returns: %TRUE if deleted or there was none
 */
gboolean
acq_candidate_title_delete (AcqStore *store, const char *uuid, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  stmt = acq_store_prepare (store, "DELETE FROM candidate_title WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  return acq_store_step_done (store, stmt, error);
}

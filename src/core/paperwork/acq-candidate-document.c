/* acq-candidate-document.c — a candidate's documents that are not evidence for a sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is checked and copied as a sheet's documents are (acq_attachment_import(): opened
 * with acq_user_file_open(), the same limits of size and type, a content-addressed copy
 * under attachments/), on a worker thread; the row is written afterwards on the store's
 * thread. Each row says who added it (author_role): the exchange lets each side's file
 * change or remove only its own, so a candidate may send her CV but never remove the
 * recevabilité notice her accompagnatrice filed. Removing marks the row, for the undo toast;
 * acq_candidate_document_purge_stale() erases it at the next start, and the copy goes with
 * the next clean-up of orphans.
 */
#define G_LOG_DOMAIN "acq-candidate-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-attachment.h"
#include "acq-candidate-document.h"
#include "acq-sql-private.h"

G_DEFINE_BOXED_TYPE (AcqCandidateDocument, acq_candidate_document, acq_candidate_document_copy,
                     acq_candidate_document_free)

#define DOCUMENT_COLUMNS \
  "uuid, candidate_uuid, parcours_event_uuid, kind, title, author_role, file_name, mime_type," \
  " size, sha256, added_at"
static const char sql_select[] =
  "SELECT " DOCUMENT_COLUMNS " FROM candidate_document"
  " WHERE candidate_uuid = ?1 AND deleted_at IS NULL ORDER BY added_at, uuid";
static const char sql_insert[] =
  "INSERT INTO candidate_document (" DOCUMENT_COLUMNS ", updated_at) VALUES (?1, ?2, ?3, ?4,"
  " ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)";
static const char sql_set_event[] =
  "UPDATE candidate_document SET parcours_event_uuid = ?2, updated_at = ?3 WHERE uuid = ?1";
static const char sql_mark_deleted[] =
  "UPDATE candidate_document SET deleted_at = ?2 WHERE uuid = ?1 AND deleted_at IS NULL";
static const char sql_unmark_deleted[] =
  "UPDATE candidate_document SET deleted_at = NULL WHERE uuid = ?1";
static const char sql_purge_stale[] =
  "DELETE FROM candidate_document WHERE deleted_at IS NOT NULL AND deleted_at < ?1";

/**
 * acq_candidate_document_kind_label:
 * @kind: a kind of document
 *
 * Returns: its name, translated, for the interface
 */
const char *
acq_candidate_document_kind_label (AcqCandidateDocumentKind kind)
{
  switch (kind)
    {
    case ACQ_CANDIDATE_DOCUMENT_CV: return _("CV");
    case ACQ_CANDIDATE_DOCUMENT_ADMISSIBILITY_NOTICE: return _("Recevabilité Notice");
    case ACQ_CANDIDATE_DOCUMENT_QUOTE: return _("Quote");
    case ACQ_CANDIDATE_DOCUMENT_CONVOCATION: return _("Convocation");
    case ACQ_CANDIDATE_DOCUMENT_JURY_REPORT: return _("Jury Report");
    case ACQ_CANDIDATE_DOCUMENT_OTHER: return _("Other Document");
    case ACQ_N_CANDIDATE_DOCUMENT_KINDS: break;
    }
  g_return_val_if_reached ("");
}

/**
 * acq_candidate_document_kind_french:
 * @kind: a kind of document
 *
 * Returns: its name in French, whatever the locale, for printed paperwork
 */
const char *
acq_candidate_document_kind_french (AcqCandidateDocumentKind kind)
{
  switch (kind)
    {
    case ACQ_CANDIDATE_DOCUMENT_CV: return "CV";
    case ACQ_CANDIDATE_DOCUMENT_ADMISSIBILITY_NOTICE: return "Notification de recevabilité";
    case ACQ_CANDIDATE_DOCUMENT_QUOTE: return "Devis";
    case ACQ_CANDIDATE_DOCUMENT_CONVOCATION: return "Convocation";
    case ACQ_CANDIDATE_DOCUMENT_JURY_REPORT: return "Procès-verbal du jury";
    case ACQ_CANDIDATE_DOCUMENT_OTHER: return "Autre document";
    case ACQ_N_CANDIDATE_DOCUMENT_KINDS: break;
    }
  g_return_val_if_reached ("");
}

AcqCandidateDocument *
acq_candidate_document_copy (const AcqCandidateDocument *self)
{
  AcqCandidateDocument *copy = g_new0 (AcqCandidateDocument, 1);

  copy->uuid = g_strdup (self->uuid);
  copy->candidate_uuid = g_strdup (self->candidate_uuid);
  copy->parcours_event_uuid = g_strdup (self->parcours_event_uuid);
  copy->kind = self->kind;
  copy->title = g_strdup (self->title);
  copy->author_role = self->author_role;
  copy->file_name = g_strdup (self->file_name);
  copy->mime_type = g_strdup (self->mime_type);
  copy->size = self->size;
  copy->sha256 = g_strdup (self->sha256);
  copy->added_at = g_strdup (self->added_at);
  return copy;
}

void
acq_candidate_document_free (AcqCandidateDocument *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->candidate_uuid);
  g_free (self->parcours_event_uuid);
  g_free (self->title);
  g_free (self->file_name);
  g_free (self->mime_type);
  g_free (self->sha256);
  g_free (self->added_at);
  g_free (self);
}

/**
 * acq_candidate_document_get_display_title:
 * @self: a document
 *
 * Returns: its title, or the name of its file if it has none
 */
const char *
acq_candidate_document_get_display_title (const AcqCandidateDocument *self)
{
  g_return_val_if_fail (self != NULL, "");
  return self->title != NULL && *self->title != '\0' ? self->title : self->file_name;
}

static AcqCandidateDocument *
document_from_row (sqlite3_stmt *stmt)
{
  AcqCandidateDocument *self = g_new0 (AcqCandidateDocument, 1);

  self->uuid = _acq_sql_column_dup (stmt, 0);
  self->candidate_uuid = _acq_sql_column_dup (stmt, 1);
  self->parcours_event_uuid = _acq_sql_column_dup (stmt, 2);
  self->kind = CLAMP (sqlite3_column_int (stmt, 3), 0, ACQ_N_CANDIDATE_DOCUMENT_KINDS - 1);
  self->title = _acq_sql_column_dup (stmt, 4);
  self->author_role = sqlite3_column_int (stmt, 5) == ACQ_ROLE_COACH ? ACQ_ROLE_COACH
                                                                      : ACQ_ROLE_CANDIDATE;
  self->file_name = _acq_sql_column_dup (stmt, 6);
  self->mime_type = _acq_sql_column_dup (stmt, 7);
  self->size = sqlite3_column_int64 (stmt, 8);
  self->sha256 = _acq_sql_column_dup (stmt, 9);
  self->added_at = _acq_sql_column_dup (stmt, 10);
  return self;
}

/* Writes the row of a document copied by acq_attachment_import(), then unpins the copy. */
static AcqCandidateDocument *
insert_row (AcqStore *store, const char *candidate_uuid, AcqCandidateDocumentKind kind,
            AcqRole author_role, AcqAttachment *imported, GError **error)
{
  g_autoptr (AcqCandidateDocument) self = g_new0 (AcqCandidateDocument, 1);
  sqlite3_stmt *stmt;
  gboolean ok;

  self->uuid = acq_store_new_uuid ();
  self->candidate_uuid = g_strdup (candidate_uuid);
  self->kind = kind;
  self->title = g_strdup ("");
  self->author_role = author_role;
  self->file_name = g_strdup (imported->file_name);
  self->mime_type = g_strdup (imported->mime_type);
  self->size = imported->size;
  self->sha256 = g_strdup (imported->sha256);
  self->added_at = acq_store_now ();
  if ((stmt = acq_store_prepare (store, sql_insert, error)) == NULL)
    {
      acq_attachment_import_release (imported);
      return NULL;
    }
  _acq_sql_bind_text (stmt, 1, self->uuid);
  _acq_sql_bind_text (stmt, 2, self->candidate_uuid);
  _acq_sql_bind_text (stmt, 3, NULL);
  sqlite3_bind_int (stmt, 4, kind);
  _acq_sql_bind_text (stmt, 5, self->title);
  sqlite3_bind_int (stmt, 6, author_role);
  _acq_sql_bind_text (stmt, 7, self->file_name);
  _acq_sql_bind_text (stmt, 8, self->mime_type);
  sqlite3_bind_int64 (stmt, 9, self->size);
  _acq_sql_bind_text (stmt, 10, self->sha256);
  _acq_sql_bind_text (stmt, 11, self->added_at);
  ok = acq_store_step_done (store, stmt, error);
  acq_attachment_import_release (imported);
  return ok ? g_steal_pointer (&self) : NULL;
}

/**
 * acq_candidate_document_add:
 * @store: the store
 * @candidate_uuid: whose document
 * @kind: what it is
 * @author_role: who adds it
 * @file: the document the user chose; only read
 * @cancellable: (nullable): to stop the copy
 * @error: where to put an error: the #AcqAttachmentError of a file too large, of another
 *   type than PDF, PNG or JPEG, or not a regular file (a folder, a pipe), or a store error
 *
 * Copies the document into the data folder and files it with the candidate. This blocks
 * while the file is read: the UI calls acq_candidate_document_add_async().
 *
 * Returns: (transfer full): the document, or %NULL
 */
AcqCandidateDocument *
acq_candidate_document_add (AcqStore *store, const char *candidate_uuid,
                            AcqCandidateDocumentKind kind, AcqRole author_role, GFile *file,
                            GCancellable *cancellable, GError **error)
{
  g_autoptr (AcqAttachment) imported = NULL;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);
  g_return_val_if_fail (kind < ACQ_N_CANDIDATE_DOCUMENT_KINDS, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  imported = acq_attachment_import (acq_store_get_data_dir (store), file, cancellable, error);
  if (imported == NULL)
    return NULL;
  return insert_row (store, candidate_uuid, kind, author_role, imported, error);
}

typedef struct
{
  char                    *data_dir;
  char                    *candidate_uuid;
  AcqCandidateDocumentKind kind;
  AcqRole                  author_role;
  GFile                   *file;
} AddData;

static void
add_data_free (AddData *data)
{
  g_free (data->data_dir);
  g_free (data->candidate_uuid);
  g_clear_object (&data->file);
  g_free (data);
}

static void
add_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AddData *data = task_data;
  GError *error = NULL;
  AcqAttachment *imported = acq_attachment_import (data->data_dir, data->file, cancellable,
                                                   &error);

  if (imported == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, imported, (GDestroyNotify) acq_attachment_free);
}

/**
 * acq_candidate_document_add_async:
 * @store: the store
 * @candidate_uuid: whose document
 * @kind: what it is
 * @author_role: who adds it
 * @file: the document the user chose; only read
 * @cancellable: (nullable): to stop the copy
 * @callback: called on the caller's main context when done
 * @user_data: for @callback
 *
 * acq_candidate_document_add() with the reading and copying on a worker thread; the row is
 * written by acq_candidate_document_add_finish(), on the store's thread.
 */
void
acq_candidate_document_add_async (AcqStore *store, const char *candidate_uuid,
                                  AcqCandidateDocumentKind kind, AcqRole author_role,
                                  GFile *file, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  AddData *data;

  g_return_if_fail (ACQ_IS_STORE (store));
  g_return_if_fail (candidate_uuid != NULL);
  g_return_if_fail (kind < ACQ_N_CANDIDATE_DOCUMENT_KINDS);
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (AddData, 1);
  data->data_dir = g_strdup (acq_store_get_data_dir (store));
  data->candidate_uuid = g_strdup (candidate_uuid);
  data->kind = kind;
  data->author_role = author_role;
  data->file = g_object_ref (file);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, acq_candidate_document_add_async);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);
  g_task_run_in_thread (task, add_in_thread);
}

/**
 * acq_candidate_document_add_finish:
 * @store: the store
 * @result: the result given to the callback
 * @error: where to put an error, as for acq_candidate_document_add()
 *
 * Returns: (transfer full): the document, or %NULL
 */
AcqCandidateDocument *
acq_candidate_document_add_finish (AcqStore *store, GAsyncResult *result, GError **error)
{
  g_autoptr (AcqAttachment) imported = NULL;
  AddData *data;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (!(imported = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;
  return insert_row (store, data->candidate_uuid, data->kind, data->author_role, imported,
                     error);
}

/**
 * acq_candidate_document_list:
 * @store: the store
 * @candidate_uuid: a candidate
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type AcqCandidateDocument): the candidate's documents,
 *   oldest first, or %NULL
 */
GPtrArray *
acq_candidate_document_list (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) acq_candidate_document_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (candidate_uuid != NULL, NULL);
  if ((stmt = acq_store_prepare (store, sql_select, error)) == NULL)
    return NULL;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, document_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                       "listing a candidate's documents");
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * acq_candidate_document_set_event:
 * @store: the store
 * @uuid: a document
 * @parcours_event_uuid: (nullable): the event of the parcours it goes with, or %NULL
 * @error: where to put an error
 *
 * Returns: %TRUE on success
 */
gboolean
acq_candidate_document_set_event (AcqStore *store, const char *uuid,
                                  const char *parcours_event_uuid, GError **error)
{
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  if ((stmt = acq_store_prepare (store, sql_set_event, error)) == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, uuid);
  _acq_sql_bind_text (stmt, 2, parcours_event_uuid);
  _acq_sql_bind_text (stmt, 3, now);
  return acq_store_step_done (store, stmt, error);
}

/**
 * acq_candidate_document_get_path:
 * @store: the store
 * @self: a document
 * @error: where to put an error, as acq_attachment_resolve()
 *
 * Returns: (transfer full): the stored copy, found by its SHA-256 only; it is the user's
 *   only (0600): hand out a copy to be edited. %NULL if it is missing or damaged
 */
char *
acq_candidate_document_get_path (AcqStore *store, const AcqCandidateDocument *self,
                                 GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (self != NULL, NULL);
  return acq_attachment_resolve (acq_store_get_data_dir (store), self->sha256, error);
}

static gboolean
mark (AcqStore *store, const char *sql, const char *uuid, GError **error)
{
  g_autofree char *now = acq_store_now ();
  sqlite3_stmt *stmt;

  if ((stmt = acq_store_prepare (store, sql, error)) == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, uuid);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    _acq_sql_bind_text (stmt, 2, now);
  return acq_store_step_done (store, stmt, error);
}

/**
 * acq_candidate_document_delete:
 * @store: the store
 * @uuid: a document
 * @error: where to put an error
 *
 * Removes the document from the candidate's, until acq_candidate_document_undelete() or the
 * next start.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_candidate_document_delete (AcqStore *store, const char *uuid, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  return mark (store, sql_mark_deleted, uuid, error);
}

/**
 * acq_candidate_document_undelete:
 * @store: the store
 * @uuid: a document removed by acq_candidate_document_delete()
 * @error: where to put an error
 *
 * Returns: %TRUE on success
 */
gboolean
acq_candidate_document_undelete (AcqStore *store, const char *uuid, GError **error)
{
  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  return mark (store, sql_unmark_deleted, uuid, error);
}

/**
 * acq_candidate_document_purge_stale:
 * @store: the store
 * @error: where to put an error
 *
 * Erases for good the documents removed longer ago than their undo could be offered; their
 * copies go with the next acq_attachment_remove_orphans().
 *
 * Returns: %TRUE on success
 */
gboolean
acq_candidate_document_purge_stale (AcqStore *store, GError **error)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) limit =
    g_date_time_add_seconds (now, -ACQ_CANDIDATE_DOCUMENT_UNDO_SECONDS);
  g_autofree char *cutoff = g_date_time_format (limit, "%Y-%m-%dT%H:%M:%S.%fZ");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  if ((stmt = acq_store_prepare (store, sql_purge_stale, error)) == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, cutoff);
  return acq_store_step_done (store, stmt, error);
}

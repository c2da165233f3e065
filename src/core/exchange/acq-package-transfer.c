/* acq-package-transfer.c — exporting a candidate into an .acquis file and importing one, on
 * the caller's thread or a worker's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-package"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <unistd.h>

#include "acq-attachment.h"
#include "acq-package-private.h"
#include "acq-sql-private.h"
#include "acq-store-private.h"

/* Passphrases ------------------------------------------------------------------------------ */

/**
 * acq_passphrase_new:
 * @text: (nullable): a passphrase
 *
 * Returns: (transfer full) (nullable): a copy of @text in locked memory (never written to the
 *   swap, nor in a core dump once excluded from it), wiped by acq_passphrase_free()
 */
AcqPassphrase *
acq_passphrase_new (const char *text)
{
  gsize len;
  char *copy;

  if (text == NULL)
    return NULL;
  if (sodium_init () < 0)
    g_error ("libsodium cannot start");
  len = strlen (text);
  if (!(copy = sodium_malloc (len + 1)))
    g_error ("%s: out of memory", G_STRFUNC);
  memcpy (copy, text, len + 1);
  return copy;
}

/**
 * acq_passphrase_free:
 * @passphrase: (nullable): from acq_passphrase_new()
 *
 * Wipes and frees the passphrase.
 */
void
acq_passphrase_free (AcqPassphrase *passphrase)
{
  if (passphrase != NULL)
    sodium_free (passphrase); /* wipes it first */
}

/**
 * acq_passphrase_take_from_env:
 *
 * Reads ACQUIS_PASSPHRASE, the scripts' way to give a passphrase, and removes it from the
 * environment at once: its bytes are wiped where they were (so that /proc/PID/environ no
 * longer shows them) and the variable is unset, so that no program started later inherits it.
 *
 * Returns: (transfer full) (nullable): the passphrase, or %NULL if the variable is not set or
 *   empty; free it with acq_passphrase_free()
 */
AcqPassphrase *
acq_passphrase_take_from_env (void)
{
  char *value = (char *) g_getenv ("ACQUIS_PASSPHRASE");
  AcqPassphrase *passphrase = NULL;

  if (value == NULL)
    return NULL;
  if (*value != '\0')
    passphrase = acq_passphrase_new (value);
  sodium_memzero (value, strlen (value));
  g_unsetenv ("ACQUIS_PASSPHRASE");
  return passphrase;
}

/* Shared helpers -------------------------------------------------------------------------- */

static gboolean
wrap_error (GError **error, GError *cause)
{
  if (cause->domain == ACQ_PACKAGE_ERROR || cause->domain == G_IO_ERROR)
    g_propagate_error (error, cause);
  else
    {
      g_set_error_literal (error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_FAILED, cause->message);
      g_error_free (cause);
    }
  return FALSE;
}

/* Export ---------------------------------------------------------------------------------- */

typedef struct
{
  char *name;
  gboolean has_uuid, has_candidate, has_sheet, has_deleted;
} TableShape;

static void
table_shape_free (TableShape *shape)
{
  g_free (shape->name);
  g_free (shape);
}

static TableShape *
table_shape (sqlite3 *db, const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info ('%s')", name);
  TableShape *shape = g_new0 (TableShape, 1);
  sqlite3_stmt *stmt = NULL;

  shape->name = g_strdup (name);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *column = _acq_sql_column_text (stmt, 0);
        shape->has_uuid |= g_strcmp0 (column, "uuid") == 0;
        shape->has_candidate |= g_strcmp0 (column, "candidate_uuid") == 0;
        shape->has_sheet |= g_strcmp0 (column, "sheet_uuid") == 0;
        shape->has_deleted |= g_strcmp0 (column, "deleted_at") == 0;
      }
  sqlite3_finalize (stmt);
  return shape;
}

/* Copies the candidate's rows of every table of the store, whatever tables a later version
 * adds: a table is the candidate's if it names the candidate or one of their sheets, and
 * shared (the referential, the same uuids on every machine) if it names neither. */
static gboolean
copy_tables (sqlite3 *db, const char *candidate_uuid, GError **error)
{
  g_autoptr (GPtrArray) shapes = g_ptr_array_new_with_free_func ((GDestroyNotify) table_shape_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT name FROM main.sqlite_master WHERE type = 'table' AND "
                           "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE "
                           "'CREATE VIRTUAL%' ORDER BY name", -1, &stmt, NULL);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    if (!_acq_package_table_is_local (_acq_sql_column_text (stmt, 0)))
      g_ptr_array_add (shapes, table_shape (db, _acq_sql_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return acq_store_set_error_from_sqlite (error, db, rc, "listing the tables");

  for (guint i = 0; i < shapes->len; i++)
    {
      TableShape *shape = g_ptr_array_index (shapes, i);
      const char *filter;
      g_autofree char *sql = NULL;

      if (g_strcmp0 (shape->name, "candidate") == 0)
        filter = "uuid = ?1";
      else if (shape->has_candidate)
        filter = "candidate_uuid = ?1";
      else if (shape->has_sheet)
        filter = "sheet_uuid IN (SELECT uuid FROM main.sheet WHERE candidate_uuid = ?1"
                 " AND deleted_at IS NULL)";
      else
        filter = "?1 IS NOT NULL";
      sql = g_strdup_printf ("CREATE TABLE pkg.\"%s\" AS SELECT * FROM main.\"%s\" WHERE %s%s",
                             shape->name, shape->name, filter,
                             shape->has_deleted ? " AND deleted_at IS NULL" : "");
      if (!_acq_store_run_db (db, sql, candidate_uuid, NULL, error))
        return FALSE;
    }
  /* The accompagnatrice's private notes and her archive stay on her machine. */
  return _acq_store_run_db (db, "UPDATE pkg.candidate SET notes = '', archived = 0", NULL, NULL,
                            error);
}

/* The attachments' bytes travel inside the file, once per content. */
static gboolean
copy_blobs (AcqStore *store, GError **error)
{
  sqlite3 *db = acq_store_get_db (store);
  sqlite3_stmt *select = NULL, *insert = NULL;
  int rc;

  if (!_acq_store_run_db (db, "CREATE TABLE pkg." ACQ_PACKAGE_BLOB_TABLE " (sha256 TEXT PRIMARY "
                          "KEY NOT NULL, data BLOB NOT NULL)", NULL, NULL, error))
    return FALSE;
  /* The copy is found by its SHA-256, never by a stored path (see acq_attachment_resolve()). */
  rc = sqlite3_prepare_v2 (db, "SELECT sha256 FROM pkg.attachment UNION SELECT sha256 FROM "
                           "pkg.candidate_document", -1, &select, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "INSERT INTO pkg." ACQ_PACKAGE_BLOB_TABLE " VALUES (?1, ?2)", -1,
                             &insert, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      g_autoptr (GError) local_error = NULL;
      g_autofree char *path = acq_attachment_resolve (acq_store_get_data_dir (store),
                                                      _acq_sql_column_text (select, 0),
                                                      &local_error);
      g_autoptr (GMappedFile) file = NULL;

      if (path != NULL)
        file = g_mapped_file_new (path, FALSE, &local_error);
      if (file == NULL)
        {
          sqlite3_finalize (select);
          sqlite3_finalize (insert);
          g_set_error (error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_FAILED,
                       _("An attached document is missing from the data folder (%s). Remove "
                         "it from its sheet, or restore it, then export again."),
                       local_error->message);
          return FALSE;
        }
      sqlite3_reset (insert);
      sqlite3_bind_text (insert, 1, _acq_sql_column_text (select, 0), -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob64 (insert, 2, g_mapped_file_get_contents (file) ?
                           (const void *) g_mapped_file_get_contents (file) : "",
                           g_mapped_file_get_length (file), SQLITE_STATIC);
      rc = sqlite3_step (insert);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (select);
  sqlite3_finalize (insert);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, db, rc, "copying attachments");
  return TRUE;
}

static gboolean
write_manifest (AcqStore *store, const char *candidate_uuid, AcqRole role, GError **error)
{
  sqlite3 *db = acq_store_get_db (store);
  g_autofree char *now = acq_store_now ();
  g_autofree char *digest = NULL;
  g_autofree char *format = g_strdup_printf ("%d", ACQ_PACKAGE_FORMAT_VERSION);
  g_autofree char *schema = g_strdup_printf ("%d", acq_store_get_schema_version (store));
  const char *pairs[][2] = {
    { "format_version", format },
    { "schema_version", schema },
    { "app_version", PACKAGE_VERSION },
    { "candidate_uuid", candidate_uuid },
    { "exporter_role", role == ACQ_ROLE_COACH ? "coach" : "candidate" },
    { "exported_at", now },
  };
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!(digest = _acq_package_content_digest (db, "pkg", error)) ||
      !_acq_store_run_db (db, "CREATE TABLE pkg." ACQ_PACKAGE_MANIFEST_TABLE " (key TEXT PRIMARY "
                          "KEY NOT NULL, value TEXT NOT NULL)", NULL, NULL, error))
    return FALSE;
  rc = sqlite3_prepare_v2 (db, "INSERT INTO pkg." ACQ_PACKAGE_MANIFEST_TABLE " VALUES (?1, ?2)",
                           -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i <= G_N_ELEMENTS (pairs); i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, i < G_N_ELEMENTS (pairs) ? pairs[i][0] : "content_sha256", -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, i < G_N_ELEMENTS (pairs) ? pairs[i][1] : digest, -1,
                         SQLITE_STATIC);
      rc = sqlite3_step (stmt) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode (db);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return acq_store_set_error_from_sqlite (error, db, rc, "writing the manifest");
  return TRUE;
}

static gboolean
candidate_exists (AcqStore *store, const char *candidate_uuid, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  sqlite3_prepare_v2 (acq_store_get_db (store), "SELECT 1 FROM candidate WHERE uuid = ?1 AND "
                      "deleted_at IS NULL", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, candidate_uuid, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (!found)
    g_set_error_literal (error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_FAILED,
                         _("This candidate no longer exists in Acquis. Nothing was exported."));
  return found;
}

/* Fills the attached "pkg" database; the histories are committed with it, so that what was
 * sent is remembered even if the file is not written in the end (remembering a value of our
 * own that the other side never got is harmless: it can only make a later change of theirs a
 * conflict, never lose ours). */
static gboolean
fill_content (AcqStore *store, const char *candidate_uuid, AcqRole role, GError **error)
{
  sqlite3 *db = acq_store_get_db (store);
  g_autofree char *pragmas =
    g_strdup_printf ("PRAGMA pkg.application_id = %d; PRAGMA pkg.user_version = %d;"
                     "PRAGMA pkg.journal_mode = OFF; PRAGMA pkg.synchronous = OFF;",
                     ACQ_PACKAGE_APPLICATION_ID, acq_store_get_schema_version (store));

  if (!_acq_store_exec_db (db, pragmas, error) || !acq_store_begin (store, error))
    return FALSE;
  if (!_acq_package_record_units (store, candidate_uuid, "pkg", error) ||
      !copy_tables (db, candidate_uuid, error) || !copy_blobs (store, error) ||
      !write_manifest (store, candidate_uuid, role, error) || !acq_store_commit (store, error))
    {
      acq_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/**
 * acq_package_export:
 * @store: the store
 * @candidate_uuid: whose dossier
 * @role: who exports
 * @passphrase: what the other side will type to open it
 * @path: the .acquis file to write; it appears only once complete
 * @cancellable: (nullable): to stop
 * @error: where to put an #AcqPackageError
 *
 * Writes everything of the candidate — profile, sheets and their links, review states,
 * comments, versions, attachments — and remembers what was sent, for the next merge. Slow
 * on purpose (Argon2id): call acq_package_export_async() from the UI.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_package_export (AcqStore *store, const char *candidate_uuid, AcqRole role,
                    const char *passphrase, const char *path, GCancellable *cancellable,
                    GError **error)
{
  g_autofree char *content = NULL;
  GError *local_error = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate_uuid != NULL && path != NULL, FALSE);
  g_return_val_if_fail (role < ACQ_N_ROLES, FALSE);

  if (passphrase == NULL || *passphrase == '\0')
    {
      g_set_error_literal (error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_FAILED,
                           _("Choose a passphrase to protect the exchange file. Nothing was "
                             "exported."));
      return FALSE;
    }
  if (!g_uuid_string_is_valid (candidate_uuid) ||
      !candidate_exists (store, candidate_uuid, error))
    return FALSE;
  /* The clear content is personal data: it stays in the private data folder. */
  content = acq_store_make_temp (acq_store_get_data_dir (store), "export", FALSE, &local_error);
  if (content == NULL)
    return wrap_error (error, local_error);
  db = acq_store_get_db (store);
  ok = _acq_store_run_db (db, "ATTACH ?1 AS pkg", content, NULL, &local_error);
  if (ok)
    {
      ok = fill_content (store, candidate_uuid, role, &local_error);
      sqlite3_exec (db, "DETACH pkg", NULL, NULL, NULL);
    }
  if (ok)
    ok = _acq_package_encrypt (content, candidate_uuid, ACQ_PACKAGE_FORMAT_VERSION, passphrase,
                               path, cancellable, &local_error);
  g_unlink (content);
  if (!ok)
    return wrap_error (error, local_error);
  return TRUE;
}

/* Import ---------------------------------------------------------------------------------- */

/* Every attachment row of the file (a sheet's or a candidate's document) names its copy by a
 * valid SHA-256 whose bytes the file carries: the copy's path is made from it here
 * (acq_attachment_path_for_sha256()), never taken from the file, whose stored_path could name
 * any file of the data folder or beyond. */
static gboolean
check_attachments (sqlite3 *db, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  /* a file from before the candidates' documents has no such table: it names none */
  gboolean has_documents = sqlite3_table_column_metadata (db, "pkg", "candidate_document",
                                                          "sha256", NULL, NULL, NULL, NULL,
                                                          NULL) == SQLITE_OK;
  g_autofree char *sql = g_strdup_printf ("SELECT a.sha256, EXISTS (SELECT 1 FROM pkg."
                                          ACQ_PACKAGE_BLOB_TABLE " b WHERE b.sha256 = a.sha256)"
                                          " FROM (SELECT sha256 FROM pkg.attachment%s) a",
                                          has_documents ? " UNION ALL SELECT sha256 FROM "
                                                          "pkg.candidate_document" : "");
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  gboolean ok = TRUE;

  while (ok && rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ok = sqlite3_column_type (stmt, 0) == SQLITE_TEXT &&
           acq_attachment_sha256_is_valid (_acq_sql_column_text (stmt, 0)) &&
           sqlite3_column_int (stmt, 1) == 1;
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (ok && rc == SQLITE_DONE)
    return TRUE;
  g_set_error_literal (error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_DAMAGED,
                       _("An attached document in this file is damaged or missing. Nothing was "
                         "imported: ask the sender to export the file again."));
  return FALSE;
}

/* Writes the attachments that the data folder lacks, content-addressed like acq-attachment.c
 * does, before the transaction: a file that ends up unused is removed by the next clean-up of
 * orphans, and a failed import removes the ones it wrote. */
static gboolean
place_blobs (AcqStore *store, GPtrArray *written, GError **error)
{
  sqlite3 *db = acq_store_get_db (store);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT sha256, data FROM pkg." ACQ_PACKAGE_BLOB_TABLE, -1,
                               &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* verify_blobs() checked that the bytes have this SHA-256: it is a valid one */
      g_autofree char *relative = acq_attachment_path_for_sha256 (_acq_sql_column_text (stmt, 0));
      g_autofree char *path = NULL;
      g_autofree char *dir = NULL;
      g_autoptr (GError) local_error = NULL;

      rc = SQLITE_OK;
      if (relative == NULL)
        continue;
      path = g_build_filename (acq_store_get_data_dir (store), relative, NULL);
      dir = g_path_get_dirname (path);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      /* a link planted in attachments/ would have the copy written elsewhere */
      if (g_file_test (dir, G_FILE_TEST_IS_SYMLINK))
        g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                             g_strerror (ELOOP));
      if (local_error != NULL || !_acq_store_ensure_private_dir (dir, &local_error) ||
          !g_file_set_contents_full (path, sqlite3_column_blob (stmt, 1),
                                     sqlite3_column_bytes (stmt, 1),
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
        {
          sqlite3_finalize (stmt);
          g_set_error (error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_FAILED,
                       _("Acquis cannot store an attached document: %s. Nothing was "
                         "imported."), local_error->message);
          return FALSE;
        }
      g_ptr_array_add (written, g_steal_pointer (&path));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, db, rc, "storing attachments");
  return TRUE;
}

static gboolean
merge_attached (AcqStore *store, const char *candidate_uuid, AcqRole role,
                AcqImportReport *report, GPtrArray *written, GError **error)
{
  AcqRole author = role == ACQ_ROLE_COACH ? ACQ_ROLE_CANDIDATE : ACQ_ROLE_COACH;
  g_autofree char *backup = NULL;

  if (!check_attachments (acq_store_get_db (store), error) ||
      !place_blobs (store, written, error) ||
      !acq_store_backup_before_import (acq_store_get_data_dir (store), &backup, error) ||
      !acq_store_begin (store, error))
    return FALSE;
  g_debug ("Backup before import: %s", backup);
  /* The rows come in table by table; the links between them are checked at the commit. */
  if (!acq_store_exec (store, "PRAGMA defer_foreign_keys = ON", error) ||
      !_acq_package_merge (store, candidate_uuid, author, report, error) ||
      !acq_attachment_repair_paths (acq_store_get_db (store), error) ||
      !acq_store_commit (store, error))
    {
      acq_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/**
 * acq_package_import:
 * @store: the store
 * @path: an .acquis file
 * @passphrase: its passphrase
 * @role: the importer's role; the file's author is the other one, whatever the file says
 * @cancellable: (nullable): to stop before the merge
 * @error: where to put an #AcqPackageError
 *
 * Decrypts and verifies the whole file first, then backs the store up, then merges in one
 * transaction. On error nothing in the store has changed.
 *
 * Returns: (transfer full): what came in, or %NULL
 */
AcqImportReport *
acq_package_import (AcqStore *store, const char *path, const char *passphrase, AcqRole role,
                    GCancellable *cancellable, GError **error)
{
  g_autoptr (AcqImportReport) report = NULL;
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *content = NULL;
  g_autofree char *candidate_uuid = NULL;
  GError *local_error = NULL;
  AcqRole declared;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (role < ACQ_N_ROLES, NULL);

  content = _acq_package_open (path, passphrase, acq_store_get_data_dir (store),
                               &candidate_uuid, &declared, cancellable, error);
  if (content == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (content);
      return NULL;
    }
  g_debug ("Importing a file exported by the %s", declared == ACQ_ROLE_COACH ? "coach" : "candidate");
  report = _acq_import_report_new (candidate_uuid);
  db = acq_store_get_db (store);
  ok = _acq_store_run_db (db, "ATTACH ?1 AS pkg", content, NULL, &local_error);
  if (ok)
    {
      ok = merge_attached (store, candidate_uuid, role, report, written, &local_error);
      sqlite3_exec (db, "DETACH pkg", NULL, NULL, NULL);
    }
  g_unlink (content);
  if (!ok)
    {
      for (guint i = 0; i < written->len; i++)
        g_unlink (g_ptr_array_index (written, i));
      wrap_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&report);
}

/* On a worker thread ---------------------------------------------------------------------- */

typedef struct
{
  char   *data_dir;
  char   *candidate_uuid;
  char   *passphrase;
  char   *path;
  AcqRole role;
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_free (data->data_dir);
  g_free (data->candidate_uuid);
  acq_passphrase_free (data->passphrase);
  g_free (data->path);
  g_free (data);
}

static TaskData *
task_data_new (AcqStore *store, const char *candidate_uuid, AcqRole role,
               const char *passphrase, const char *path)
{
  TaskData *data = g_new0 (TaskData, 1);

  data->data_dir = g_strdup (acq_store_get_data_dir (store));
  data->candidate_uuid = g_strdup (candidate_uuid);
  data->passphrase = acq_passphrase_new (passphrase);
  data->path = g_strdup (path);
  data->role = role;
  return data;
}

/* The worker has a connection of its own: the store's belongs to the main thread. */
static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (data->data_dir, &error);

  if (store == NULL || !acq_package_export (store, data->candidate_uuid, data->role,
                                            data->passphrase, data->path, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
acq_package_export_async (AcqStore *store, const char *candidate_uuid, AcqRole role,
                          const char *passphrase, const char *path, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (ACQ_IS_STORE (store));
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, acq_package_export_async);
  g_task_set_task_data (task, task_data_new (store, candidate_uuid, role, passphrase, path),
                        (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
acq_package_export_finish (AcqStore *store, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
import_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  TaskData *data = task_data;
  GError *error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (data->data_dir, &error);
  AcqImportReport *report = NULL;

  if (store != NULL)
    report = acq_package_import (store, data->path, data->passphrase, data->role, cancellable,
                                 &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, g_object_unref);
}

/**
 * acq_package_import_async:
 *
 * Like acq_package_import(), on a worker thread with its own connection: the caller's lists
 * (sheets, candidates) do not see the changes, and must be loaded again once it is finished.
 */
void
acq_package_import_async (AcqStore *store, const char *path, const char *passphrase,
                          AcqRole role, GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (ACQ_IS_STORE (store));
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, acq_package_import_async);
  g_task_set_task_data (task, task_data_new (store, NULL, role, passphrase, path),
                        (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * acq_package_import_finish:
 *
 * Returns: (transfer full): the report, or %NULL
 */
AcqImportReport *
acq_package_import_finish (AcqStore *store, GAsyncResult *result, GError **error)
{
  AcqImportReport *report;

  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  report = g_task_propagate_pointer (G_TASK (result), error);
  /* the worker's connection committed: tell those who watch this one (the dossier preview) */
  if (report != NULL)
    _acq_store_notify_changed (store);
  return report;
}

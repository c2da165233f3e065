/* acq-attachment.c — documents that illustrate a sheet's practice (PDF, images), copied into
 * the data folder under their SHA-256
 *
 * The copy is content-addressed: <data dir>/attachments/<2 first hex digits>/<sha256>, so the
 * same document attached to two sheets is stored once, and a copy is never overwritten with
 * different bytes. The file system part (checking, hashing, copying) touches no database, so
 * that it can run on a worker thread; the row is written afterwards on the store's thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-attachment"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "acq-attachment.h"
#include "acq-document.h"
#include "acq-sql-private.h"
#include "acq-store-private.h"
#include "acq-user-file.h"

#define CHUNK_SIZE (64 * 1024)
/* A leftover of an import that crashed is removed once it is surely not in progress. */
#define INCOMING_PREFIX ".incoming-"
#define INCOMING_MAX_AGE_SECONDS (24 * 60 * 60)

G_DEFINE_QUARK (acq-attachment-error-quark, acq_attachment_error)

G_DEFINE_BOXED_TYPE (AcqAttachment, acq_attachment, acq_attachment_copy, acq_attachment_free)

typedef struct
{
  const char *extensions[3]; /* lower case, NULL-terminated */
  const char *mime_type;
  const char *name;          /* as the user knows the format; not translated */
  const guint8 *magic;
  gsize       magic_len;
} FileType;

static const guint8 pdf_magic[] = { '%', 'P', 'D', 'F', '-' };
static const guint8 png_magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
static const guint8 jpeg_magic[] = { 0xff, 0xd8, 0xff };

static const FileType file_types[] = {
  { { "pdf", NULL }, "application/pdf", "PDF", pdf_magic, sizeof pdf_magic },
  { { "png", NULL }, "image/png", "PNG", png_magic, sizeof png_magic },
  { { "jpg", "jpeg", NULL }, "image/jpeg", "JPEG", jpeg_magic, sizeof jpeg_magic },
};

/* What the file system part found, before the row is written. */
typedef struct
{
  char   *file_name;
  const FileType *type;
  goffset size;
  char   *sha256;
  char   *stored_path;
  gboolean pinned;
} Blob;

/* The copies placed by an import whose row is not written yet (sha256 → count): the removal
 * of orphans leaves them alone. The lock also makes "place a copy" and "remove an orphan" one
 * step each, so that neither sees the other half done. */
static GMutex pinned_lock;
static GHashTable *pinned;

/* Called with pinned_lock held. */
static void
pin (Blob *blob)
{
  guint count;

  if (pinned == NULL)
    pinned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (pinned, blob->sha256));
  g_hash_table_insert (pinned, g_strdup (blob->sha256), GUINT_TO_POINTER (count + 1));
  blob->pinned = TRUE;
}

static void
unpin (Blob *blob)
{
  guint count;

  g_mutex_lock (&pinned_lock);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (pinned, blob->sha256));
  if (count > 1)
    g_hash_table_insert (pinned, g_strdup (blob->sha256), GUINT_TO_POINTER (count - 1));
  else
    g_hash_table_remove (pinned, blob->sha256);
  g_mutex_unlock (&pinned_lock);
  blob->pinned = FALSE;
}

/* Removes a stored copy that no row uses, unless an import is placing it. */
static void
remove_unused_copy (const char *sha256, const char *path)
{
  g_mutex_lock (&pinned_lock);
  if (pinned == NULL || !g_hash_table_contains (pinned, sha256))
    g_remove (path);
  g_mutex_unlock (&pinned_lock);
}

static void
blob_free (Blob *blob)
{
  if (blob->pinned)
    unpin (blob);
  g_free (blob->file_name);
  g_free (blob->sha256);
  g_free (blob->stored_path);
  g_free (blob);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Blob, blob_free)

/**
 * acq_attachment_sha256_is_valid:
 * @sha256: (nullable): a text
 *
 * Returns: %TRUE if @sha256 is 64 lower-case hexadecimal digits, as Acquis writes a SHA-256
 */
gboolean
acq_attachment_sha256_is_valid (const char *sha256)
{
  if (sha256 == NULL)
    return FALSE;
  for (guint i = 0; i < 64; i++)
    if (!g_ascii_isdigit (sha256[i]) && (sha256[i] < 'a' || sha256[i] > 'f'))
      return FALSE;
  return sha256[64] == '\0';
}

/**
 * acq_attachment_path_for_sha256:
 * @sha256: (nullable): the SHA-256 of a document's content
 *
 * The only place a stored copy's path comes from: a path is never read from a row or a file.
 *
 * Returns: (transfer full) (nullable): "attachments/<2 first digits>/<sha256>", relative to
 *   the data folder, or %NULL if @sha256 is not a valid SHA-256
 */
char *
acq_attachment_path_for_sha256 (const char *sha256)
{
  g_autofree char *prefix = NULL;

  if (!acq_attachment_sha256_is_valid (sha256))
    return NULL;
  prefix = g_strndup (sha256, 2);
  return g_build_path ("/", ACQ_ATTACHMENT_DIR, prefix, sha256, NULL);
}

static gpointer
set_damaged_record (GError **error)
{
  g_set_error_literal (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_DAMAGED,
                       _("The record of this document is damaged (its fingerprint is not "
                         "valid), so Acquis does not use it. Remove the document from its "
                         "sheet and attach it again."));
  return NULL;
}

/**
 * acq_attachment_resolve:
 * @data_dir: the data folder
 * @sha256: (nullable): the SHA-256 of a document's content
 * @error: where to put an error: %ACQ_ATTACHMENT_ERROR_DAMAGED (an invalid SHA-256, or a copy
 *   that leads outside the data folder's attachments/ through a symbolic link), or
 *   %G_IO_ERROR_NOT_FOUND
 *
 * Every access to a stored copy goes through here: the path is made from the SHA-256, and the
 * file it leads to, once every symbolic link is followed, must be inside
 * <data dir>/attachments/.
 *
 * Returns: (transfer full): the absolute path of the stored copy, or %NULL
 */
char *
acq_attachment_resolve (const char *data_dir, const char *sha256, GError **error)
{
  g_autofree char *relative = acq_attachment_path_for_sha256 (sha256);
  g_autofree char *root = NULL;
  g_autofree char *path = NULL;
  g_autofree char *real_root = NULL;
  g_autofree char *real_path = NULL;
  int saved;

  g_return_val_if_fail (data_dir != NULL, NULL);

  if (relative == NULL)
    {
      return set_damaged_record (error);
    }
  root = g_build_filename (data_dir, ACQ_ATTACHMENT_DIR, NULL);
  path = g_build_filename (data_dir, relative, NULL);
  real_root = realpath (root, NULL);
  real_path = real_root != NULL ? realpath (path, NULL) : NULL;
  saved = errno;
  if (real_path == NULL)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The stored copy of this document cannot be read (%s). Remove the "
                     "document from its sheet and attach it again."), g_strerror (saved));
      return NULL;
    }
  if (!g_str_has_prefix (real_path, real_root) || real_path[strlen (real_root)] != '/')
    {
      g_set_error_literal (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_DAMAGED,
                           _("The stored copy of this document leads outside the data folder, "
                             "so Acquis does not use it. Remove the document from its sheet "
                             "and attach it again."));
      return NULL;
    }
  return g_steal_pointer (&path);
}

/**
 * acq_attachment_repair_paths:
 * @db: a store's connection
 * @error: where to put an error
 *
 * Writes again the stored path of every row that does not have the one its SHA-256 gives
 * (a store written before this check, or an import by an older Acquis trusted the other
 * side's). A row with an invalid SHA-256 keeps its path: acq_attachment_resolve() refuses it.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_attachment_repair_paths (sqlite3 *db, GError **error)
{
  g_autoptr (GPtrArray) wrong = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "SELECT sha256, stored_path FROM main.attachment", -1, &stmt,
                               NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sha256 = _acq_sql_column_text (stmt, 0);
      g_autofree char *expected = acq_attachment_path_for_sha256 (sha256);

      rc = SQLITE_OK;
      if (expected != NULL && g_strcmp0 (expected, _acq_sql_column_text (stmt, 1)) != 0)
        g_ptr_array_add (wrong, g_strdup (sha256));
    }
  sqlite3_finalize (stmt);
  stmt = NULL;
  if (rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, db, rc, "checking the documents' paths");
  /* Only when there is something to repair: a read-only store is read without a write. */
  if (wrong->len == 0)
    return TRUE;
  rc = sqlite3_prepare_v2 (db, "UPDATE main.attachment SET stored_path = ?2 WHERE sha256 = ?1",
                           -1, &stmt, NULL);
  for (guint i = 0; rc == SQLITE_OK && i < wrong->len; i++)
    {
      g_autofree char *expected = acq_attachment_path_for_sha256 (g_ptr_array_index (wrong, i));

      sqlite3_reset (stmt);
      _acq_sql_bind_text (stmt, 1, g_ptr_array_index (wrong, i));
      _acq_sql_bind_text (stmt, 2, expected);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    return acq_store_set_error_from_sqlite (error, db, rc, "repairing the documents' paths");
  return TRUE;
}

AcqAttachment *
acq_attachment_copy (const AcqAttachment *attachment)
{
  AcqAttachment *copy = g_new0 (AcqAttachment, 1);

  copy->uuid = g_strdup (attachment->uuid);
  copy->sheet_uuid = g_strdup (attachment->sheet_uuid);
  copy->file_name = g_strdup (attachment->file_name);
  copy->mime_type = g_strdup (attachment->mime_type);
  copy->size = attachment->size;
  copy->sha256 = g_strdup (attachment->sha256);
  copy->stored_path = g_strdup (attachment->stored_path);
  copy->created_at = g_strdup (attachment->created_at);
  copy->annex = attachment->annex;
  return copy;
}

void
acq_attachment_free (AcqAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_free (attachment->uuid);
  g_free (attachment->sheet_uuid);
  g_free (attachment->file_name);
  g_free (attachment->mime_type);
  g_free (attachment->sha256);
  g_free (attachment->stored_path);
  g_free (attachment->created_at);
  g_free (attachment);
}

static const FileType *
type_from_name (const char *file_name)
{
  const char *dot = strrchr (file_name, '.');
  g_autofree char *extension = NULL;

  if (dot == NULL)
    return NULL;
  extension = g_ascii_strdown (dot + 1, -1);
  for (guint i = 0; i < G_N_ELEMENTS (file_types); i++)
    if (g_strv_contains (file_types[i].extensions, extension))
      return &file_types[i];
  return NULL;
}

static gboolean
check_file (GFile *file, Blob *blob, GCancellable *cancellable, GError **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;
  blob->file_name = g_strdup (g_file_info_get_display_name (info));
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_NOT_A_FILE,
                   _("“%s” is not a document that can be attached. Choose a PDF document or "
                     "an image."), blob->file_name);
      return FALSE;
    }
  if (!(blob->type = type_from_name (blob->file_name)))
    {
      g_set_error (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_UNSUPPORTED_TYPE,
                   _("“%s” cannot be attached: only PDF documents and PNG or JPEG images are "
                     "accepted. Save it as a PDF and try again."), blob->file_name);
      return FALSE;
    }
  if (g_file_info_get_size (info) <= ACQ_ATTACHMENT_MAX_SIZE)
    return TRUE;
  size_text = g_format_size (g_file_info_get_size (info));
  limit_text = g_format_size (ACQ_ATTACHMENT_MAX_SIZE);
  g_set_error (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_TOO_LARGE,
               _("“%s” is too large to attach (%s, the limit is %s). Scan it at a lower "
                 "resolution or keep only the useful pages, and try again."),
               blob->file_name, size_text, limit_text);
  return FALSE;
}

static gboolean
check_magic (const Blob *blob, const guint8 *head, gsize len, GError **error)
{
  const FileType *type = blob->type;

  if (len >= type->magic_len && memcmp (head, type->magic, type->magic_len) == 0)
    return TRUE;
  g_set_error (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_WRONG_TYPE,
               /* TRANSLATORS: the second and third %s are a file format: PDF, PNG or JPEG */
               _("“%s” is named as a %s file, but its content is not %s. It may be damaged or "
                 "renamed: open it and save it again as %s, then try again."),
               blob->file_name, type->name, type->name, type->name);
  return FALSE;
}

static gboolean
too_large_while_reading (const Blob *blob, GError **error)
{
  g_autofree char *limit_text = g_format_size (ACQ_ATTACHMENT_MAX_SIZE);

  g_set_error (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_TOO_LARGE,
               _("“%s” grew beyond %s while it was being attached. Wait until it is complete, "
                 "and try again."), blob->file_name, limit_text);
  return FALSE;
}

/* Reads @file once, in chunks: each is hashed and written to @out, never the whole file in
 * memory. The first chunk must begin as the format the name says. */
static gboolean
copy_and_hash (GFile *file, GOutputStream *out, Blob *blob, GCancellable *cancellable,
               GError **error)
{
  g_autoptr (GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GInputStream) in = NULL;
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  gboolean first = TRUE;
  gsize n;

  /* A local file may have become a pipe since it was checked: never wait on one. */
  if (path != NULL)
    in = acq_user_file_read (path, error);
  else
    in = G_INPUT_STREAM (g_file_read (file, cancellable, error));
  if (in == NULL)
    return FALSE;
  blob->size = 0;
  do
    {
      if (!g_input_stream_read_all (G_INPUT_STREAM (in), buffer, CHUNK_SIZE, &n, cancellable,
                                    error))
        return FALSE;
      if (first && !check_magic (blob, buffer, n, error))
        return FALSE;
      first = FALSE;
      blob->size += n;
      if (blob->size > ACQ_ATTACHMENT_MAX_SIZE)
        return too_large_while_reading (blob, error);
      g_checksum_update (checksum, buffer, n);
      if (n > 0 && !g_output_stream_write_all (out, buffer, n, NULL, cancellable, error))
        return FALSE;
    }
  while (n == CHUNK_SIZE);
  blob->sha256 = g_strdup (g_checksum_get_string (checksum));
  return g_input_stream_close (G_INPUT_STREAM (in), cancellable, error);
}

/* The copy is on the disk before a row points to it. */
static gboolean
sync_file (GFile *file, GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  int saved = 0;

  if (fd < 0 || g_fsync (fd) != 0)
    saved = errno;
  if (fd >= 0)
    close (fd);
  if (saved == 0)
    return TRUE;
  g_set_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_IO,
               _("Acquis cannot write the copy of the document: %s. Check that the disk is not "
                 "full."), g_strerror (saved));
  return FALSE;
}

/* Moves the finished copy to its place; if that place is taken, it holds the same bytes. */
static gboolean
place_copy (GFile *incoming, GFile *target, GCancellable *cancellable, GError **error)
{
  g_autoptr (GError) local_error = NULL;

  if (g_file_query_exists (target, cancellable))
    return g_file_delete (incoming, cancellable, error);
  if (g_file_move (incoming, target, G_FILE_COPY_NONE, cancellable, NULL, NULL, &local_error))
    return TRUE;
  /* another import of the same document got there first */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return g_file_delete (incoming, cancellable, error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Puts the finished copy under its hash, pinned until its row is written (see blob_free()). */
static gboolean
settle_copy (const char *data_dir, GFile *incoming, Blob *blob, GCancellable *cancellable,
             GError **error)
{
  g_autofree char *prefix = g_strndup (blob->sha256, 2);
  g_autofree char *dir = g_build_filename (data_dir, ACQ_ATTACHMENT_DIR, prefix, NULL);
  g_autofree char *path = g_build_filename (dir, blob->sha256, NULL);
  g_autoptr (GFile) target = g_file_new_for_path (path);
  gboolean ok;

  blob->stored_path = acq_attachment_path_for_sha256 (blob->sha256);
  if (!_acq_store_ensure_private_dir (dir, error) || !sync_file (incoming, error))
    return FALSE;
  g_mutex_lock (&pinned_lock);
  pin (blob);
  ok = place_copy (incoming, target, cancellable, error);
  g_mutex_unlock (&pinned_lock);
  return ok;
}

static Blob *
import_blob (const char *data_dir, GFile *file, GCancellable *cancellable, GError **error)
{
  g_autoptr (Blob) blob = g_new0 (Blob, 1);
  g_autofree char *root = g_build_filename (data_dir, ACQ_ATTACHMENT_DIR, NULL);
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *name = g_strconcat (INCOMING_PREFIX, uuid, NULL);
  g_autofree char *incoming_path = g_build_filename (root, name, NULL);
  g_autoptr (GFile) incoming = g_file_new_for_path (incoming_path);
  g_autoptr (GFileOutputStream) out = NULL;
  gboolean ok;

  if (!check_file (file, blob, cancellable, error) ||
      !_acq_store_ensure_private_dir (root, error))
    goto fail;
  if (!(out = g_file_create (incoming, G_FILE_CREATE_PRIVATE, cancellable, error)))
    goto fail;
  ok = copy_and_hash (file, G_OUTPUT_STREAM (out), blob, cancellable, error);
  ok = g_output_stream_close (G_OUTPUT_STREAM (out), NULL, ok ? error : NULL) && ok;
  /* the copy is checked, not the original that may still change */
  ok = ok && acq_document_check (incoming_path, blob->type->mime_type, blob->file_name, error);
  if (ok && settle_copy (data_dir, incoming, blob, cancellable, error))
    return g_steal_pointer (&blob);
  g_file_delete (incoming, NULL, NULL);

fail:
  if (error != NULL && *error != NULL && (*error)->domain == G_IO_ERROR &&
      (*error)->code != G_IO_ERROR_CANCELLED)
    g_prefix_error (error, _("The document could not be attached. "));
  return NULL;
}

static AcqAttachment *
attachment_from_row (sqlite3_stmt *stmt)
{
  AcqAttachment *attachment = g_new0 (AcqAttachment, 1);

  attachment->uuid = _acq_sql_column_dup (stmt, 0);
  attachment->sheet_uuid = _acq_sql_column_dup (stmt, 1);
  attachment->file_name = _acq_sql_column_dup (stmt, 2);
  attachment->mime_type = _acq_sql_column_dup (stmt, 3);
  attachment->size = sqlite3_column_int64 (stmt, 4);
  attachment->sha256 = _acq_sql_column_dup (stmt, 5);
  attachment->stored_path = _acq_sql_column_dup (stmt, 6);
  attachment->created_at = _acq_sql_column_dup (stmt, 7);
  attachment->annex = sqlite3_column_int (stmt, 8) != 0;
  return attachment;
}

#define ATTACHMENT_COLUMNS \
  "uuid, sheet_uuid, file_name, mime_type, size, sha256, stored_path, created_at, annex"

static AcqAttachment *
find_on_sheet (AcqStore *store, const char *sheet_uuid, const char *sha256, GError **error)
{
  static const char sql[] =
    "SELECT " ATTACHMENT_COLUMNS " FROM attachment WHERE sheet_uuid = ?1 AND sha256 = ?2";
  sqlite3_stmt *stmt = acq_store_prepare (store, sql, error);
  AcqAttachment *found = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  _acq_sql_bind_text (stmt, 1, sheet_uuid);
  _acq_sql_bind_text (stmt, 2, sha256);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    found = attachment_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, "finding a document");
  return found;
}

/* Writes the row of a copied document; the same document twice on a sheet is one row. */
static AcqAttachment *
insert_row (AcqStore *store, const char *sheet_uuid, const Blob *blob, GError **error)
{
  static const char sql[] =
    "INSERT INTO attachment (" ATTACHMENT_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0)";
  g_autoptr (AcqAttachment) attachment = NULL;
  GError *local_error = NULL;
  sqlite3_stmt *stmt;

  if ((attachment = find_on_sheet (store, sheet_uuid, blob->sha256, &local_error)) ||
      local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return g_steal_pointer (&attachment);
    }
  attachment = g_new0 (AcqAttachment, 1);
  attachment->uuid = acq_store_new_uuid ();
  attachment->sheet_uuid = g_strdup (sheet_uuid);
  attachment->file_name = g_strdup (blob->file_name);
  attachment->mime_type = g_strdup (blob->type->mime_type);
  attachment->size = blob->size;
  attachment->sha256 = g_strdup (blob->sha256);
  attachment->stored_path = g_strdup (blob->stored_path);
  attachment->created_at = acq_store_now ();

  if (!(stmt = acq_store_prepare (store, sql, error)))
    return NULL;
  _acq_sql_bind_text (stmt, 1, attachment->uuid);
  _acq_sql_bind_text (stmt, 2, attachment->sheet_uuid);
  _acq_sql_bind_text (stmt, 3, attachment->file_name);
  _acq_sql_bind_text (stmt, 4, attachment->mime_type);
  sqlite3_bind_int64 (stmt, 5, attachment->size);
  _acq_sql_bind_text (stmt, 6, attachment->sha256);
  _acq_sql_bind_text (stmt, 7, attachment->stored_path);
  _acq_sql_bind_text (stmt, 8, attachment->created_at);
  if (!acq_store_step_done (store, stmt, error))
    return NULL;
  return g_steal_pointer (&attachment);
}

/**
 * acq_attachment_import:
 * @data_dir: the data folder
 * @file: the document the user chose; it is only read, never changed
 * @cancellable: (nullable): to stop the copy
 * @error: where to put an error, as for acq_attachment_add()
 *
 * The checks and the content-addressed copy of acq_attachment_add(), for a row of another
 * table (a candidate's document, the coach's signature): touches no database, so it may run
 * on a worker thread. The copy stays pinned (the removal of orphans leaves it alone) until
 * acq_attachment_import_release(), to call once the row that names it is written.
 *
 * Returns: (transfer full): the document's name, type, size and SHA-256 (uuid and
 *   sheet_uuid are %NULL), or %NULL
 */
AcqAttachment *
acq_attachment_import (const char *data_dir, GFile *file, GCancellable *cancellable,
                       GError **error)
{
  g_autoptr (Blob) blob = NULL;
  AcqAttachment *attachment;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!(blob = import_blob (data_dir, file, cancellable, error)))
    return NULL;
  attachment = g_new0 (AcqAttachment, 1);
  attachment->file_name = g_strdup (blob->file_name);
  attachment->mime_type = g_strdup (blob->type->mime_type);
  attachment->size = blob->size;
  attachment->sha256 = g_strdup (blob->sha256);
  attachment->stored_path = g_strdup (blob->stored_path);
  /* the pin passes to the caller */
  blob->pinned = FALSE;
  return attachment;
}

/**
 * acq_attachment_import_release:
 * @attachment: from acq_attachment_import()
 *
 * Unpins the copy: from now on it is kept only while a row names it.
 */
void
acq_attachment_import_release (const AcqAttachment *attachment)
{
  Blob blob = { .sha256 = attachment->sha256, .pinned = TRUE };

  g_return_if_fail (attachment != NULL && attachment->sha256 != NULL);
  unpin (&blob);
}

/**
 * acq_attachment_add:
 * @store: the store
 * @sheet_uuid: the sheet the document illustrates
 * @file: the document; it is only read, never changed
 * @cancellable: (nullable): to stop the copy
 * @error: where to put an error: %ACQ_ATTACHMENT_ERROR_TOO_LARGE,
 *   %ACQ_ATTACHMENT_ERROR_UNSUPPORTED_TYPE, %ACQ_ATTACHMENT_ERROR_WRONG_TYPE (the content is not
 *   what the name says), or a #GIOError or #AcqStoreError
 *
 * Copies a PDF, PNG or JPEG document into the data folder and attaches it to the sheet. A
 * document already attached to this sheet (the same bytes) is not stored twice: its
 * attachment is returned. This blocks while the file is read: the UI calls
 * acq_attachment_add_async().
 *
 * Returns: (transfer full): the attachment, or %NULL
 */
AcqAttachment *
acq_attachment_add (AcqStore *store, const char *sheet_uuid, GFile *file,
                    GCancellable *cancellable, GError **error)
{
  g_autoptr (Blob) blob = NULL;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (sheet_uuid != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  blob = import_blob (acq_store_get_data_dir (store), file, cancellable, error);
  if (blob == NULL)
    return NULL;
  return insert_row (store, sheet_uuid, blob, error);
}

typedef struct
{
  char  *data_dir;
  char  *sheet_uuid;
  GFile *file;
} AddData;

static void
add_data_free (AddData *data)
{
  g_free (data->data_dir);
  g_free (data->sheet_uuid);
  g_clear_object (&data->file);
  g_free (data);
}

static void
add_in_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AddData *data = task_data;
  GError *error = NULL;
  Blob *blob = import_blob (data->data_dir, data->file, cancellable, &error);

  if (blob == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, blob, (GDestroyNotify) blob_free);
}

/**
 * acq_attachment_add_async:
 * @store: the store
 * @sheet_uuid: the sheet the document illustrates
 * @file: the document; it is only read, never changed
 * @cancellable: (nullable): to stop the copy
 * @callback: called on the thread of the caller's main context when done
 * @user_data: for @callback
 *
 * acq_attachment_add() with the reading and copying on a worker thread; the row is written
 * by acq_attachment_add_finish(), on the store's thread.
 */
void
acq_attachment_add_async (AcqStore *store, const char *sheet_uuid, GFile *file,
                          GCancellable *cancellable, GAsyncReadyCallback callback,
                          gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  AddData *data;

  g_return_if_fail (ACQ_IS_STORE (store));
  g_return_if_fail (sheet_uuid != NULL);
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (AddData, 1);
  data->data_dir = g_strdup (acq_store_get_data_dir (store));
  data->sheet_uuid = g_strdup (sheet_uuid);
  data->file = g_object_ref (file);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, acq_attachment_add_async);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);
  g_task_run_in_thread (task, add_in_thread);
}

/**
 * acq_attachment_add_finish:
 * @store: the store
 * @result: the result given to the callback
 * @error: where to put an error, as for acq_attachment_add()
 *
 * Returns: (transfer full): the attachment, or %NULL
 */
AcqAttachment *
acq_attachment_add_finish (AcqStore *store, GAsyncResult *result, GError **error)
{
  g_autoptr (Blob) blob = NULL;
  AddData *data;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (!(blob = g_task_propagate_pointer (G_TASK (result), error)))
    return NULL;
  return insert_row (store, data->sheet_uuid, blob, error);
}

/**
 * acq_attachment_list:
 * @store: the store
 * @sheet_uuid: a sheet
 * @error: where to put an error
 *
 * Returns: (transfer full) (element-type AcqAttachment): the sheet's attachments, oldest
 *   first, or %NULL
 */
GPtrArray *
acq_attachment_list (AcqStore *store, const char *sheet_uuid, GError **error)
{
  static const char sql[] = "SELECT " ATTACHMENT_COLUMNS " FROM attachment"
                            " WHERE sheet_uuid = ?1 ORDER BY created_at, file_name";
  g_autoptr (GPtrArray) list =
    g_ptr_array_new_with_free_func ((GDestroyNotify) acq_attachment_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (sheet_uuid != NULL, NULL);

  if (!(stmt = acq_store_prepare (store, sql, error)))
    return NULL;
  _acq_sql_bind_text (stmt, 1, sheet_uuid);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, attachment_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc, "listing documents");
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * acq_attachment_get_file:
 * @store: the store
 * @attachment: an attachment
 * @error: where to put an error, as for acq_attachment_resolve()
 *
 * Returns: (transfer full): the stored copy, to open or to put in the dossier; it is the
 *   user's only (0600): hand out a copy of it, never the file itself, to be edited. %NULL if
 *   the copy is missing, or if the row's SHA-256 or stored path does not lead to a copy inside
 *   the data folder's attachments/
 */
GFile *
acq_attachment_get_file (AcqStore *store, const AcqAttachment *attachment, GError **error)
{
  g_autofree char *expected = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (ACQ_IS_STORE (store), NULL);
  g_return_val_if_fail (attachment != NULL, NULL);

  /* A row whose path is not the one its SHA-256 gives was written by someone else. */
  expected = acq_attachment_path_for_sha256 (attachment->sha256);
  if (expected != NULL && g_strcmp0 (expected, attachment->stored_path) != 0)
    g_clear_pointer (&expected, g_free);
  if (expected == NULL)
    {
      return set_damaged_record (error);
    }
  path = acq_attachment_resolve (acq_store_get_data_dir (store), attachment->sha256, error);
  return path != NULL ? g_file_new_for_path (path) : NULL;
}

static gboolean
sha256_in_use (AcqStore *store, const char *sha256, gboolean *in_use, GError **error)
{
  /* Every table that names a stored copy: the sheets' documents, the candidates' (named by
   * table: paperwork/ stands above this folder) and the coach's signature. */
  sqlite3_stmt *stmt = acq_store_prepare (store,
                                          "SELECT 1 FROM attachment WHERE sha256 = ?1"
                                          " UNION ALL SELECT 1 FROM candidate_document"
                                          " WHERE sha256 = ?1"
                                          " UNION ALL SELECT 1 FROM coach_profile"
                                          " WHERE signature_sha256 = ?1 LIMIT 1",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, sha256);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  *in_use = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                            "looking for a document");
  return TRUE;
}

/**
 * acq_attachment_set_annex:
 * @store: the store
 * @uuid: the attachment
 * @annex: %TRUE for an annex the referential asks for, %FALSE for a document that illustrates
 *   the practice
 * @error: where to put an error
 *
 * The Dossier Professionnel lists and appends the two apart, as the ministry's model has them.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_attachment_set_annex (AcqStore *store, const char *uuid, gboolean annex, GError **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  stmt = acq_store_prepare (store, "UPDATE attachment SET annex = ?2 WHERE uuid = ?1"
                            " AND annex IS NOT ?2", error);
  if (stmt == NULL)
    return FALSE;
  _acq_sql_bind_text (stmt, 1, uuid);
  sqlite3_bind_int (stmt, 2, annex ? 1 : 0);
  return acq_store_step_done (store, stmt, error);
}

/**
 * acq_attachment_remove:
 * @store: the store
 * @attachment: an attachment
 * @error: where to put an error
 *
 * Detaches the document from its sheet, and erases the stored copy unless another sheet uses
 * it. There is no undo: the UI asks for a confirmation first.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_attachment_remove (AcqStore *store, const AcqAttachment *attachment, GError **error)
{
  sqlite3_stmt *stmt;
  gboolean in_use = TRUE;
  g_autofree char *path = NULL;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (attachment != NULL, FALSE);

  if (!(stmt = acq_store_prepare (store, "DELETE FROM attachment WHERE uuid = ?1", error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, attachment->uuid);
  if (!acq_store_step_done (store, stmt, error) ||
      !sha256_in_use (store, attachment->sha256, &in_use, error))
    return FALSE;
  /* Only a copy inside attachments/, named by its SHA-256, is ever erased. */
  if (!in_use &&
      (path = acq_attachment_resolve (acq_store_get_data_dir (store), attachment->sha256, NULL)))
    remove_unused_copy (attachment->sha256, path);
  return TRUE;
}

static gboolean
remove_orphans_in (AcqStore *store, const char *dir, GCancellable *cancellable, GError **error)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gboolean in_use = TRUE;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (strlen (name) != 64)
        continue;
      if (!sha256_in_use (store, name, &in_use, error))
        return FALSE;
      if (!in_use)
        remove_unused_copy (name, path);
    }
  return TRUE;
}

static void
remove_stale_incoming (const char *root, const char *name)
{
  g_autofree char *path = g_build_filename (root, name, NULL);
  GStatBuf st;

  if (g_stat (path, &st) == 0 &&
      g_get_real_time () / G_USEC_PER_SEC - st.st_mtime > INCOMING_MAX_AGE_SECONDS)
    g_remove (path);
}

/**
 * acq_attachment_remove_orphans:
 * @store: the store
 * @cancellable: (nullable): to stop early
 * @error: where to put an error
 *
 * Erases the stored copies that no attachment uses any more (their sheet or candidate was
 * erased), and what an import that crashed left behind; repairs the rows' stored paths (see
 * acq_attachment_repair_paths()). The running app calls it at start.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_attachment_remove_orphans (AcqStore *store, GCancellable *cancellable, GError **error)
{
  g_autofree char *root = NULL;
  g_autoptr (GDir) listing = NULL;
  const char *name;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);

  if (!acq_attachment_repair_paths (acq_store_get_db (store), error))
    return FALSE;
  root = g_build_filename (acq_store_get_data_dir (store), ACQ_ATTACHMENT_DIR, NULL);
  listing = g_dir_open (root, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *dir = g_build_filename (root, name, NULL);

      if (g_str_has_prefix (name, INCOMING_PREFIX))
        remove_stale_incoming (root, name);
      else if (strlen (name) == 2 && !g_file_test (dir, G_FILE_TEST_IS_SYMLINK) &&
               !remove_orphans_in (store, dir, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

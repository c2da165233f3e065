/* acq-referential-export.c — the France Compétences export as the user has it: the XML file,
 * or the zip that France Compétences ships it in, read as one stream either way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The zip is never unpacked to disk: libarchive reads it from the file as it comes and the
 * first XML entry is handed to the parser as a stream, so that a 100 MB export in a 10 MB zip
 * costs the same constant memory as the plain file. Only that entry is read (no path is made
 * from the archive's names, nothing is written); an archive without an XML file, encrypted or
 * damaged gives a sentence.
 */
#define G_LOG_DOMAIN "acq-referential"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "acq-referential.h"
#include "acq-user-file.h"

#define READ_CHUNK 65536

#define ACQ_TYPE_ZIP_ENTRY_STREAM (acq_zip_entry_stream_get_type ())
G_DECLARE_FINAL_TYPE (AcqZipEntryStream, acq_zip_entry_stream, ACQ, ZIP_ENTRY_STREAM, GInputStream)

struct _AcqZipEntryStream
{
  GInputStream    parent_instance;

  struct archive *archive;
  GInputStream   *source;   /* the zip file */
  guint8         *chunk;    /* what libarchive last read of it */
  GError         *source_error;
};

G_DEFINE_FINAL_TYPE (AcqZipEntryStream, acq_zip_entry_stream, G_TYPE_INPUT_STREAM)

static la_ssize_t
on_archive_read (struct archive *archive, void *data, const void **buffer)
{
  AcqZipEntryStream *self = data;
  gssize n;

  g_clear_error (&self->source_error);
  n = g_input_stream_read (self->source, self->chunk, READ_CHUNK, NULL, &self->source_error);
  if (n < 0)
    {
      archive_set_error (archive, EIO, "%s", self->source_error->message);
      return -1;
    }
  *buffer = self->chunk;
  return n;
}

static void
set_damaged (GError **error, struct archive *archive)
{
  const char *why = archive_error_string (archive);

  g_set_error (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_MALFORMED,
               _("The export archive cannot be read (%s): it is damaged, encrypted or not a zip. "
                 "Download it again."), why != NULL ? why : _("unknown error"));
}

static gssize
acq_zip_entry_stream_read (GInputStream *stream, void *buffer, gsize count,
                           GCancellable *cancellable, GError **error)
{
  AcqZipEntryStream *self = ACQ_ZIP_ENTRY_STREAM (stream);
  la_ssize_t n;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  n = archive_read_data (self->archive, buffer, MIN (count, G_MAXSSIZE));
  if (n < 0)
    {
      set_damaged (error, self->archive);
      return -1;
    }
  return n;
}

static gboolean
acq_zip_entry_stream_close (GInputStream *stream, GCancellable *cancellable, GError **error)
{
  AcqZipEntryStream *self = ACQ_ZIP_ENTRY_STREAM (stream);

  g_clear_pointer (&self->archive, archive_read_free);
  return g_input_stream_close (self->source, cancellable, error);
}

static void
acq_zip_entry_stream_finalize (GObject *object)
{
  AcqZipEntryStream *self = ACQ_ZIP_ENTRY_STREAM (object);

  g_clear_pointer (&self->archive, archive_read_free);
  g_clear_object (&self->source);
  g_clear_error (&self->source_error);
  g_free (self->chunk);
  G_OBJECT_CLASS (acq_zip_entry_stream_parent_class)->finalize (object);
}

static void
acq_zip_entry_stream_class_init (AcqZipEntryStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = acq_zip_entry_stream_finalize;
  stream_class->read_fn = acq_zip_entry_stream_read;
  stream_class->close_fn = acq_zip_entry_stream_close;
}

static void
acq_zip_entry_stream_init (AcqZipEntryStream *self)
{
  self->chunk = g_malloc (READ_CHUNK);
}

/* The zip's first regular file named *.xml, ready to be read; %NULL with a sentence. */
static GInputStream *
open_zip_entry (GInputStream *source, GError **error)
{
  g_autoptr (AcqZipEntryStream) self = g_object_new (ACQ_TYPE_ZIP_ENTRY_STREAM, NULL);
  struct archive_entry *entry;
  int rc;

  self->source = g_object_ref (source);
  self->archive = archive_read_new ();
  archive_read_support_format_zip (self->archive);
  if (archive_read_open (self->archive, self, NULL, on_archive_read, NULL) != ARCHIVE_OK)
    {
      set_damaged (error, self->archive);
      return NULL;
    }
  while ((rc = archive_read_next_header (self->archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (entry);
      g_autofree char *lower = NULL;

      if (name == NULL)
        name = archive_entry_pathname (entry);
      lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;
      if (archive_entry_filetype (entry) == AE_IFREG && lower != NULL &&
          g_str_has_suffix (lower, ".xml"))
        return G_INPUT_STREAM (g_steal_pointer (&self));
      archive_read_data_skip (self->archive);
    }
  if (rc != ARCHIVE_EOF)
    set_damaged (error, self->archive);
  else
    g_set_error_literal (error, ACQ_REFERENTIAL_ERROR, ACQ_REFERENTIAL_ERROR_MALFORMED,
                         _("The archive holds no XML file: it is not an export of France "
                           "Compétences."));
  return NULL;
}

/**
 * acq_referential_open_export:
 * @path: an export of France Compétences as the user chose it: XML, or the zip holding it
 * @error: where to put an error
 *
 * Opens the file the user chose (acq_user_file_read(): never blocks on a pipe) and, when it is
 * a zip, the XML file inside it, as a stream for acq_referential_parse() and
 * acq_referential_list().
 *
 * Returns: (transfer full) (nullable): the XML as a stream, or %NULL with @error set
 */
GInputStream *
acq_referential_open_export (const char *path, GError **error)
{
  static const guint8 zip_magic[] = { 'P', 'K', 3, 4 };
  g_autoptr (GInputStream) file = NULL;
  g_autoptr (GInputStream) buffered = NULL;
  gsize peeked = 0;
  const void *head;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((file = acq_user_file_read (path, error)) == NULL)
    return NULL;
  buffered = g_buffered_input_stream_new (file);
  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), sizeof zip_magic, NULL,
                                    error) < 0)
    return NULL;
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &peeked);
  if (peeked >= sizeof zip_magic && memcmp (head, zip_magic, sizeof zip_magic) == 0)
    return open_zip_entry (buffered, error);
  return g_steal_pointer (&buffered);
}

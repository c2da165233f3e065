/* acq-document.c — what an attached document may cost: the size of an image, the pages of a
 * PDF, read from their headers before anything is decoded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A 48 KB PNG may declare 20,000 × 20,000 pixels (1.6 GB once decoded), and a small PDF
 * 20,000 pages. Both are refused when attached, and not drawn in the dossier if they are in
 * the store all the same (attached before these checks, or imported). The headers are read
 * here rather than by a decoder: core has no image library but cairo, which decodes the
 * whole image before it says how large it is.
 */
#define G_LOG_DOMAIN "acq-document"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>
#include <unistd.h>

#include "acq-attachment.h"
#include "acq-document.h"
#include "acq-user-file.h"

static const guint8 png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The IHDR chunk must come first: signature, length 13, "IHDR", width, height. */
static gboolean
png_size (const guint8 *data, gsize length, guint *width, guint *height)
{
  if (length < 24 || memcmp (data, png_signature, sizeof png_signature) != 0 ||
      read_be32 (data + 8) != 13 || memcmp (data + 12, "IHDR", 4) != 0)
    return FALSE;
  *width = read_be32 (data + 16);
  *height = read_be32 (data + 20);
  return *width > 0 && *height > 0;
}

/* The size of a JPEG image, from its first start-of-frame segment. Every index is checked
 * against @length before it is read. */
static gboolean
jpeg_size (const guint8 *data, gsize length, guint *width, guint *height)
{
  gsize i = 2;

  if (length < 4 || data[0] != 0xFF || data[1] != 0xD8)
    return FALSE;
  while (i + 9 < length)
    {
      guint8 marker;
      gsize segment;

      if (data[i] != 0xFF)
        return FALSE;
      marker = data[i + 1];
      if (marker == 0xFF)
        {
          /* fill bytes */
          i++;
          continue;
        }
      segment = ((gsize) data[i + 2] << 8) | data[i + 3];
      /* SOF0 to SOF15, but DHT (C4), JPG (C8) and DAC (CC) are not frames */
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
          marker != 0xCC)
        {
          *height = ((guint) data[i + 5] << 8) | data[i + 6];
          *width = ((guint) data[i + 7] << 8) | data[i + 8];
          return *width > 0 && *height > 0;
        }
      if (segment < 2)
        return FALSE;
      i += 2 + segment;
    }
  return FALSE;
}

/**
 * acq_document_image_size:
 * @data: the beginning of a PNG or JPEG file (a PNG needs 24 bytes, a JPEG up to its frame
 *   header)
 * @length: the length of @data
 * @width: (out): the width it declares, in pixels
 * @height: (out): the height it declares
 *
 * Reads the size an image declares, without decoding it.
 *
 * Returns: %FALSE if @data is not the beginning of a PNG or JPEG image whose size can be read
 */
gboolean
acq_document_image_size (const guint8 *data, gsize length, guint *width, guint *height)
{
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  *width = *height = 0;
  if (length >= sizeof png_signature && data[0] == png_signature[0])
    return png_size (data, length, width, height);
  return jpeg_size (data, length, width, height);
}

/**
 * acq_document_image_fits:
 * @width: in pixels
 * @height: in pixels
 *
 * Returns: whether an image of this size may be drawn: %ACQ_DOCUMENT_MAX_MEGAPIXELS at most,
 *   and %ACQ_DOCUMENT_MAX_SIDE pixels on a side
 */
gboolean
acq_document_image_fits (guint width, guint height)
{
  return width > 0 && height > 0 && width <= ACQ_DOCUMENT_MAX_SIDE &&
         height <= ACQ_DOCUMENT_MAX_SIDE &&
         (guint64) width * height <= (guint64) ACQ_DOCUMENT_MAX_MEGAPIXELS * 1000 * 1000;
}

/**
 * acq_document_pages_fit:
 * @n_pages: the pages of a PDF
 *
 * Returns: whether they are %ACQ_DOCUMENT_MAX_PAGES at most
 */
gboolean
acq_document_pages_fit (int n_pages)
{
  return n_pages <= ACQ_DOCUMENT_MAX_PAGES;
}

/**
 * acq_document_load:
 * @path: a document
 * @max_size: the most bytes it may hold
 * @error: where to put a #GIOError; %G_IO_ERROR_NO_SPACE if it is longer than @max_size
 *
 * Reads a whole document, opened with acq_user_file_open(): a pipe or a device is refused.
 *
 * Returns: (transfer full): its bytes, or %NULL
 */
GBytes *
acq_document_load (const char *path, gsize max_size, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[64 * 1024];
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  fd = acq_user_file_open (path, error);
  if (fd < 0)
    return NULL;
  for (;;)
    {
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_autofree char *name = g_filename_display_name (path);

          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Acquis cannot read “%s”: %s."), name, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      if (bytes->len + (gsize) n > max_size)
        {
          close (fd);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "Longer than %" G_GSIZE_FORMAT
                       " bytes", max_size);
          return NULL;
        }
      g_byte_array_append (bytes, buffer, n);
    }
  close (fd);
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

static gboolean
refuse_image (const char *name, guint width, guint height, GError **error)
{
  g_set_error (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_TOO_LARGE,
               /* TRANSLATORS: “photo.png” is too large an image to attach (20000 × 20000
                * pixels; the limit is 50 megapixels and 32767 pixels on a side)… */
               _("“%s” is too large an image to attach (%u × %u pixels; the limit is %u "
                 "megapixels and %u pixels on a side). Save it at a lower resolution, and try "
                 "again."),
               name, width, height, ACQ_DOCUMENT_MAX_MEGAPIXELS, ACQ_DOCUMENT_MAX_SIDE);
  return FALSE;
}

static gboolean
refuse_pages (const char *name, int n_pages, GError **error)
{
  g_set_error (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_TOO_LARGE,
               _("“%s” has too many pages to attach (%d pages; the limit is %d). Keep only the "
                 "useful pages, and try again."),
               name, n_pages, ACQ_DOCUMENT_MAX_PAGES);
  return FALSE;
}

/**
 * acq_document_check:
 * @path: a copy of a document being attached
 * @mime_type: its type: application/pdf, image/png or image/jpeg
 * @display_name: its name, for the message
 * @error: where to put %ACQ_ATTACHMENT_ERROR_TOO_LARGE, or a #GIOError
 *
 * Refuses an image larger than %ACQ_DOCUMENT_MAX_MEGAPIXELS or %ACQ_DOCUMENT_MAX_SIDE, and a
 * PDF of more than %ACQ_DOCUMENT_MAX_PAGES pages, with a sentence that states the limit. A
 * document whose size cannot be read is let through: the dossier says it could not be read.
 *
 * Returns: %TRUE if the document may be attached
 */
gboolean
acq_document_check (const char *path, const char *mime_type, const char *display_name,
                    GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  gsize length;
  const guint8 *data;
  guint width, height;

  g_return_val_if_fail (path != NULL && mime_type != NULL && display_name != NULL, FALSE);

  bytes = acq_document_load (path, ACQ_ATTACHMENT_MAX_SIZE, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  if (g_str_equal (mime_type, "application/pdf"))
    {
      /* poppler-glib 22.12 declares no autoptr for its types */
      PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, NULL);
      int n_pages;

      if (document == NULL)
        return TRUE;
      n_pages = poppler_document_get_n_pages (document);
      g_object_unref (document);
      return acq_document_pages_fit (n_pages) || refuse_pages (display_name, n_pages, error);
    }
  if (!acq_document_image_size (data, length, &width, &height))
    return TRUE;
  return acq_document_image_fits (width, height) ||
         refuse_image (display_name, width, height, error);
}

/* acq-document.h — what an attached document may cost: the size of an image, the pages of a
 * PDF, read from their headers before anything is decoded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A document is drawn into every dossier and preview. A PNG is decoded whole, at 4 bytes a
 * pixel: 50 megapixels is 200 MB, already a lot for the small laptops the users have, and it
 * is more than a 50-megapixel phone photo or an A4 page scanned at 600 dpi (35 megapixels).
 * cairo cannot make an image longer than 32,767 pixels on a side. */
#define ACQ_DOCUMENT_MAX_MEGAPIXELS 50
#define ACQ_DOCUMENT_MAX_SIDE 32767
/* A document illustrates one example: a certificate, a report, a few pages of a guide.
 * Every page is drawn in the dossier (about a millisecond each, 20,000 pages took 23 s), and
 * the jury reads what is sent: 200 pages is a book already. */
#define ACQ_DOCUMENT_MAX_PAGES 200

gboolean acq_document_image_size  (const guint8  *data,
                                   gsize          length,
                                   guint         *width,
                                   guint         *height);
gboolean acq_document_image_fits  (guint          width,
                                   guint          height);
gboolean acq_document_pages_fit   (int            n_pages);
GBytes  *acq_document_load        (const char    *path,
                                   gsize          max_size,
                                   GError       **error);
gboolean acq_document_check       (const char    *path,
                                   const char    *mime_type,
                                   const char    *display_name,
                                   GError       **error);

G_END_DECLS

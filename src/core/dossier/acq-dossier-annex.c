/* acq-dossier-annex.c — the documents attached to the sheets, appended to the dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A PDF is drawn page by page with poppler onto the dossier's own cairo context: its text
 * stays text and its drawings stay vectors. A PNG is decoded by cairo; a JPEG is not decoded
 * at all: its bytes go into the PDF as they are (cairo's JPEG mime data), which keeps the
 * quality and the size of a scan. Every page of an annex is scaled to fit the content area
 * of an A4 page, under a caption that names it.
 */
#define G_LOG_DOMAIN "acq-dossier"

#include "config.h"

#include <string.h>

#include "acq-document.h"
#include "acq-dossier-private.h"
#include "acq-user-file.h"

static char *
too_many_pages (int n_pages)
{
  return g_strdup_printf ("Ce document n’a pas été inclus dans le dossier : il compte %d pages, "
                          "et un document en annexe en compte au plus %d.",
                          n_pages, ACQ_DOCUMENT_MAX_PAGES);
}

static char *
too_large_image (guint width, guint height)
{
  return g_strdup_printf ("Cette image n’a pas été incluse dans le dossier : elle mesure %u × %u "
                          "pixels, et une image en annexe a au plus %u mégapixels et %u pixels "
                          "de côté.",
                          width, height, ACQ_DOCUMENT_MAX_MEGAPIXELS, ACQ_DOCUMENT_MAX_SIDE);
}

static void
open_pdf (AcqDossierAnnex *annex)
{
  g_autoptr (GError) error = NULL;
  int fd, n_pages;

  /* the stored copy is opened as a file the user chose: a pipe in its place never blocks */
  fd = acq_user_file_open (annex->path, &error);
  if (fd >= 0)
    annex->document = poppler_document_new_from_fd (fd, NULL, &error);
  if (annex->document == NULL)
    {
      g_debug ("Annex “%s” cannot be read: %s", annex->attachment->file_name, error->message);
      return;
    }
  n_pages = poppler_document_get_n_pages (annex->document);
  /* a PDF without pages has nothing to draw: its page says it could not be read */
  if (n_pages < 1)
    {
      g_clear_object (&annex->document);
      return;
    }
  if (!acq_document_pages_fit (n_pages))
    {
      annex->refusal = too_many_pages (n_pages);
      g_clear_object (&annex->document);
      return;
    }
  annex->n_pages = n_pages;
}

/**
 * _acq_dossier_annex_open:
 * @annex: an annex
 *
 * Opens a PDF annex to count its pages, and reads the size an image declares: a document over
 * the limits of acq-document.h is not drawn, its page says so. A document that cannot be read
 * takes one page that says so too; neither stops the dossier.
 */
void
_acq_dossier_annex_open (AcqDossierAnnex *annex)
{
  const char *type = annex->attachment->mime_type;
  g_autoptr (GBytes) contents = NULL;
  const guint8 *data;
  guint width, height;
  gsize length;

  annex->n_pages = 1;
  if (annex->path == NULL)
    return;
  if (g_strcmp0 (type, "application/pdf") == 0)
    {
      open_pdf (annex);
      return;
    }
  contents = acq_document_load (annex->path, ACQ_ATTACHMENT_MAX_SIZE, NULL);
  if (contents == NULL)
    return;
  /* only the header is read: the image is decoded when drawn */
  data = g_bytes_get_data (contents, &length);
  if (acq_document_image_size (data, length, &width, &height) &&
      !acq_document_image_fits (width, height))
    annex->refusal = too_large_image (width, height);
}

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         offset;
} Reader;

static cairo_status_t
read_png_cb (void *closure, unsigned char *buffer, unsigned int length)
{
  Reader *reader = closure;

  if (length > reader->length - reader->offset)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (buffer, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/**
 * acq_dossier_load_image:
 * @mime_type: image/png or image/jpeg
 * @contents: the bytes of the image
 * @refusal: (out) (optional): set to a note for the dossier if the image is larger than the
 *   limits of acq-document.h
 *
 * Makes the surface an annex is drawn from. A PNG is decoded; a JPEG is not: the surface
 * carries its bytes as mime data. The size the header declares is checked first, so that a
 * small file that declares a huge image costs nothing.
 *
 * Returns: (transfer full) (nullable): the image, or %NULL if it is too large or cannot be
 *   read
 */
cairo_surface_t *
acq_dossier_load_image (const char *mime_type, GBytes *contents, char **refusal)
{
  cairo_surface_t *surface = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (contents, &length);
  guint width, height;

  if (!acq_document_image_size (data, length, &width, &height))
    return NULL;
  if (!acq_document_image_fits (width, height))
    {
      if (refusal != NULL)
        *refusal = too_large_image (width, height);
      return NULL;
    }
  if (g_strcmp0 (mime_type, "image/png") == 0 && data[0] == 0x89)
    {
      Reader reader = { data, length, 0 };

      surface = cairo_image_surface_create_from_png_stream (read_png_cb, &reader);
    }
  else if (g_strcmp0 (mime_type, "image/jpeg") == 0 && data[0] == 0xFF)
    {
      /* The pixels are never drawn: the PDF gets the JPEG itself. Pages of zeroes that nobody
       * touches cost no memory. */
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      if (cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, data, length,
                                       (cairo_destroy_func_t) g_bytes_unref,
                                       g_bytes_ref (contents)) != CAIRO_STATUS_SUCCESS)
        {
          g_bytes_unref (contents);
          g_clear_pointer (&surface, cairo_surface_destroy);
        }
    }
  if (surface != NULL && cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_clear_pointer (&surface, cairo_surface_destroy);
  return surface;
}

static cairo_surface_t *
load_image (const AcqDossierAnnex *annex)
{
  g_autoptr (GBytes) contents = NULL;

  if (annex->path == NULL)
    return NULL;
  contents = acq_document_load (annex->path, ACQ_ATTACHMENT_MAX_SIZE, NULL);
  if (contents == NULL)
    return NULL;
  return acq_dossier_load_image (annex->attachment->mime_type, contents, NULL);
}

/* Fits a @width × @height page or image into the area under the caption, centred across and
 * at the top; sets @cr's matrix so that the item is drawn in its own units. */
static void
fit (AcqDossierWriter *w, double width, double height, double max_scale)
{
  double top = w->y + 6;
  double room_width = ACQ_DP_CONTENT_WIDTH;
  double room_height = MAX (ACQ_DP_CONTENT_HEIGHT - top, 1);
  double scale = MIN (MIN (room_width / width, room_height / height), max_scale);

  cairo_translate (w->cr, ACQ_DP_CONTENT_X + (room_width - width * scale) / 2,
                   ACQ_DP_CONTENT_Y + top);
  cairo_scale (w->cr, scale, scale);
}

static void
frame (AcqDossierWriter *w, double width, double height)
{
  double line = 0.6, x = line, y = line;

  cairo_device_to_user_distance (w->cr, &x, &y);
  cairo_rectangle (w->cr, 0, 0, width, height);
  cairo_set_source_rgb (w->cr, 0.70, 0.74, 0.80);
  cairo_set_line_width (w->cr, MAX (ABS (x), ABS (y)));
  cairo_stroke (w->cr);
}

static void
draw_pdf_page (AcqDossierWriter *w, PopplerPage *page)
{
  double width = 0, height = 0;

  poppler_page_get_size (page, &width, &height);
  if (width < 1 || height < 1)
    return;
  cairo_save (w->cr);
  fit (w, width, height, 10);
  cairo_rectangle (w->cr, 0, 0, width, height);
  cairo_clip (w->cr);
  poppler_page_render (page, w->cr);
  cairo_reset_clip (w->cr);
  frame (w, width, height);
  cairo_restore (w->cr);
}

static gboolean
draw_image (AcqDossierWriter *w, const AcqDossierAnnex *annex)
{
  cairo_surface_t *image = load_image (annex);
  int width, height;

  if (image == NULL)
    return FALSE;
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  cairo_save (w->cr);
  /* a small image is not blown up: one pixel is at most one point */
  fit (w, width, height, 1.0);
  cairo_set_source_surface (w->cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (w->cr), CAIRO_FILTER_GOOD);
  cairo_rectangle (w->cr, 0, 0, width, height);
  cairo_fill (w->cr);
  frame (w, width, height);
  cairo_restore (w->cr);
  cairo_surface_destroy (image);
  return TRUE;
}

static void
caption (AcqDossierWriter *w, const AcqDossierAnnex *annex, guint page)
{
  g_autofree char *name = acq_dp_layout_typeset (annex->attachment->file_name);
  g_autofree char *pages = annex->n_pages > 1
                           ? g_strdup_printf (" — page %u / %u", page + 1, annex->n_pages)
                           : g_strdup ("");
  g_autofree char *text = NULL;

  g_strdelimit (g_strstrip (name), "\n", ' ');
  text = g_strdup_printf ("Annexe n°\u00A0%u\u00A0: %s%s — exemple n°\u00A0%u du bloc %d",
                          annex->number, name, pages, annex->example->example.number,
                          annex->example->bloc->bloc->position);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, text, 0, 0);
}

static void
start_annex_page (AcqDossierWriter *w, const AcqDossierAnnex *annex, guint page)
{
  acq_dossier_writer_new_page (w);
  if (page == 0)
    _acq_dossier_mark (w, annex->dest);
  caption (w, annex, page);
}

/**
 * _acq_dossier_annex:
 * @w: the writer
 * @annex: an annex, opened with _acq_dossier_annex_open()
 *
 * Appends the pages of @annex: one per page of a PDF, one for an image, one that says the
 * document could not be read.
 */
void
_acq_dossier_annex (AcqDossierWriter *w, AcqDossierAnnex *annex)
{
  g_autofree char *section = g_strdup_printf ("Annexe n°\u00A0%u", annex->number);
  gboolean drawn = FALSE;

  acq_dossier_writer_set_section (w, section);
  for (guint page = 0; page < annex->n_pages; page++)
    {
      if (g_cancellable_is_cancelled (w->cancellable))
        return;
      start_annex_page (w, annex, page);
      if (w->cr != NULL && annex->refusal != NULL)
        {
          acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, annex->refusal, 0, 0);
          drawn = TRUE;
        }
      else if (w->cr != NULL && annex->document != NULL)
        {
          /* poppler-glib 22.12 declares no autoptr for its types */
          PopplerPage *pdf_page = poppler_document_get_page (annex->document, page);

          drawn = pdf_page != NULL;
          if (pdf_page != NULL)
            {
              draw_pdf_page (w, pdf_page);
              g_object_unref (pdf_page);
            }
        }
      else if (w->cr != NULL)
        drawn = draw_image (w, annex);
      if (w->cr != NULL && !drawn)
        acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY,
                                 "Ce document n’a pas pu être lu : il n’a pas été inclus "
                                 "dans le dossier.", 0, 0);
      _acq_dossier_step (w);
    }
}

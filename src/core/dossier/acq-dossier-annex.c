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

#include "acq-dossier-private.h"

/* Beyond this many pixels an image is not drawn (its decoded copy would not fit in memory);
 * a 50-megapixel photo is well below. */
#define MAX_IMAGE_PIXELS (80 * 1000 * 1000)

/**
 * _acq_dossier_annex_open:
 * @annex: an annex
 *
 * Opens a PDF annex to count its pages. A document that cannot be read takes one page that
 * says so; it does not stop the dossier.
 */
void
_acq_dossier_annex_open (AcqDossierAnnex *annex)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = NULL;

  annex->n_pages = 1;
  if (g_strcmp0 (annex->attachment->mime_type, "application/pdf") != 0 || annex->path == NULL)
    return;
  uri = g_filename_to_uri (annex->path, NULL, &error);
  if (uri != NULL)
    annex->document = poppler_document_new_from_file (uri, NULL, &error);
  if (annex->document == NULL)
    {
      g_debug ("Annex “%s” cannot be read: %s", annex->attachment->file_name,
                 error->message);
      return;
    }
  annex->n_pages = MAX (1, poppler_document_get_n_pages (annex->document));
}

/* The size of a JPEG image, from its start-of-frame segment. */
static gboolean
jpeg_size (const guchar *data, gsize length, int *width, int *height)
{
  gsize i = 2;

  if (length < 4 || data[0] != 0xFF || data[1] != 0xD8)
    return FALSE;
  while (i + 9 < length)
    {
      guchar marker;
      gsize segment;

      if (data[i] != 0xFF)
        return FALSE;
      marker = data[i + 1];
      if (marker == 0xFF)
        {
          i++;
          continue;
        }
      segment = ((gsize) data[i + 2] << 8) | data[i + 3];
      /* SOF0 to SOF15, but DHT (C4), JPG (C8) and DAC (CC) are not frames */
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
          marker != 0xCC)
        {
          *height = (data[i + 5] << 8) | data[i + 6];
          *width = (data[i + 7] << 8) | data[i + 8];
          return *width > 0 && *height > 0;
        }
      if (segment < 2)
        return FALSE;
      i += 2 + segment;
    }
  return FALSE;
}

static cairo_surface_t *
load_jpeg (const char *path)
{
  char *contents = NULL;
  gsize length;
  int width, height;
  cairo_surface_t *surface;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  if (!jpeg_size ((const guchar *) contents, length, &width, &height) ||
      (guint64) width * height > MAX_IMAGE_PIXELS)
    {
      g_free (contents);
      return NULL;
    }
  /* The pixels are never drawn: the PDF gets the JPEG itself. Pages of zeroes that nobody
   * touches cost no memory. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  if (cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG, (guchar *) contents, length,
                                   g_free, contents) != CAIRO_STATUS_SUCCESS)
    {
      g_free (contents);
      g_clear_pointer (&surface, cairo_surface_destroy);
    }
  return surface;
}

static cairo_surface_t *
load_image (const AcqDossierAnnex *annex)
{
  const char *type = annex->attachment->mime_type;
  cairo_surface_t *surface = NULL;

  if (annex->path == NULL)
    return NULL;
  if (g_strcmp0 (type, "image/png") == 0)
    surface = cairo_image_surface_create_from_png (annex->path);
  else if (g_strcmp0 (type, "image/jpeg") == 0)
    surface = load_jpeg (annex->path);
  if (surface != NULL && cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_clear_pointer (&surface, cairo_surface_destroy);
  return surface;
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
  _acq_dossier_flow (w, ACQ_DOSSIER_TEXT_NOTE, text, 0, 0);
}

static void
start_annex_page (AcqDossierWriter *w, const AcqDossierAnnex *annex, guint page)
{
  _acq_dossier_new_page (w);
  if (page == 0 && annex->number == 1)
    _acq_dossier_mark (w, "annexes");
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

  _acq_dossier_set_section (w, section);
  for (guint page = 0; page < annex->n_pages; page++)
    {
      if (g_cancellable_is_cancelled (w->cancellable))
        return;
      start_annex_page (w, annex, page);
      if (w->cr != NULL && annex->document != NULL)
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
        _acq_dossier_flow (w, ACQ_DOSSIER_TEXT_BODY,
                           "Ce document n’a pas pu être lu : il n’a pas été inclus "
                           "dans le dossier.", 0, 0);
      _acq_dossier_step (w);
    }
}

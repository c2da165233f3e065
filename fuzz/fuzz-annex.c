/* fuzz-annex.c — libFuzzer target for the loader of the documents drawn in the dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte chooses the type the attachment row claims (PDF, PNG, JPEG), the rest is the
 * stored copy. It goes through what happens to an annex: the check made when it is attached,
 * the opening that counts its pages or reads the size its header declares, and the loading of
 * the image or the drawing of the first page of the PDF onto a small surface.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>

#include "acq-document.h"
#include "acq-dossier-private.h"
#include "acq-dossier-writer.h"

static char *work_dir;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  work_dir = g_dir_make_tmp ("acquis-fuzz-XXXXXX", NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
  return 0;
}

static void
draw (AcqDossierAnnex *annex, GBytes *contents)
{
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 64);
  cairo_t *cr = cairo_create (target);
  cairo_surface_t *image = NULL;
  g_autofree char *refusal = NULL;

  if (annex->document != NULL)
    {
      PopplerPage *page = poppler_document_get_page (annex->document, 0);

      if (page != NULL)
        {
          poppler_page_render (page, cr);
          g_object_unref (page);
        }
    }
  else if ((image = acq_dossier_load_image (annex->attachment->mime_type, contents,
                                            &refusal)) != NULL)
    {
      /* a refused image is never decoded */
      g_assert_null (annex->refusal);
      g_assert_null (refusal);
      g_assert_true (acq_document_image_fits (cairo_image_surface_get_width (image),
                                              cairo_image_surface_get_height (image)));
      cairo_scale (cr, 0.01, 0.01);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_surface_destroy (image);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (target);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char *const types[] = { "application/pdf", "image/png", "image/jpeg" };
  g_autofree char *path = g_build_filename (work_dir, "annex", NULL);
  g_autoptr (GBytes) contents = NULL;
  g_autoptr (GError) error = NULL;
  AcqAttachment attachment = { 0 };
  AcqDossierAnnex annex = { 0 };

  if (size < 1)
    return 0;
  if (!g_file_set_contents (path, (const char *) data + 1, size - 1, NULL))
    return 0;
  attachment.file_name = (char *) "annexe";
  attachment.mime_type = (char *) types[data[0] % G_N_ELEMENTS (types)];
  annex.attachment = &attachment;
  annex.path = path;

  if (!acq_document_check (path, attachment.mime_type, attachment.file_name, &error))
    g_assert_nonnull (error);
  _acq_dossier_annex_open (&annex);
  g_assert_cmpuint (annex.n_pages, >=, 1);
  g_assert_cmpuint (annex.n_pages, <=, ACQ_DOCUMENT_MAX_PAGES);
  g_assert_true (annex.refusal == NULL || annex.document == NULL);
  contents = g_bytes_new_static (data + 1, size - 1);
  draw (&annex, contents);
  g_clear_object (&annex.document);
  g_free (annex.refusal);
  g_unlink (path);
  return 0;
}

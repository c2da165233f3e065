/* acq-dossier-print.c — printing a PDF as poppler draws it for paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "acq-dossier-print"

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "acq-dossier-print.h"

/* The print dialog remembers the printer and its settings for the next time. */
static GtkPrintSettings *last_settings;

static void
on_draw_page_cb (GtkPrintOperation *operation, GtkPrintContext *context, int page_nr,
                 PopplerDocument *document)
{
  PopplerPage *page = poppler_document_get_page (document, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, scale;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &width, &height);
  /* the whole page on the paper, as large as it goes; an A4 dossier on A4 paper is 1:1 */
  scale = MIN (gtk_print_context_get_width (context) / width,
               gtk_print_context_get_height (context) / height);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
  g_object_unref (page);
}

static void
unref_document (gpointer document, GClosure *closure)
{
  g_object_unref (document);
}

static void
on_done_cb (GtkPrintOperation *operation, GtkPrintOperationResult result, gpointer user_data)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
}

/**
 * acq_dossier_print:
 * @parent: the window the print dialog belongs to
 * @path: a PDF file
 * @job_name: the name the printer queue shows
 * @error: where to put an error
 *
 * Opens the print dialog and prints the PDF's pages (in the background, once the dialog is
 * answered), each scaled to the paper keeping its proportions.
 *
 * Returns: %FALSE if the file cannot be read or printing cannot start
 */
gboolean
acq_dossier_print (GtkWindow *parent, const char *path, const char *job_name, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr (GtkPrintOperation) operation = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, error);

  if (document == NULL)
    return FALSE;
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_n_pages (operation, poppler_document_get_n_pages (document));
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  /* the document goes with the operation */
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page_cb), document,
                         unref_document, 0);
  g_signal_connect (operation, "done", G_CALLBACK (on_done_cb), NULL);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

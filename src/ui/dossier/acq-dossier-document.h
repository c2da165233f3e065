/* acq-dossier-document.h — a PDF read by poppler on worker threads, one job at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* 100 % shows a page at a screen's 96 dpi; PDF sizes are in points (1/72 in). */
#define ACQ_DOSSIER_POINTS_TO_PIXELS (96.0 / 72.0)

/**
 * AcqDossierPriority:
 * @ACQ_DOSSIER_PRIORITY_VISIBLE: a page on screen: before anything else
 * @ACQ_DOSSIER_PRIORITY_NEAR: a page just off screen, or a thumbnail
 * @ACQ_DOSSIER_PRIORITY_BACKGROUND: searching the text
 */
typedef enum
{
  ACQ_DOSSIER_PRIORITY_VISIBLE,
  ACQ_DOSSIER_PRIORITY_NEAR,
  ACQ_DOSSIER_PRIORITY_BACKGROUND,
  ACQ_DOSSIER_N_PRIORITIES
} AcqDossierPriority;

#define ACQ_TYPE_DOSSIER_DOCUMENT (acq_dossier_document_get_type ())
G_DECLARE_FINAL_TYPE (AcqDossierDocument, acq_dossier_document, ACQ, DOSSIER_DOCUMENT, GObject)

void                acq_dossier_document_load_async     (const char          *path,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
AcqDossierDocument *acq_dossier_document_load_finish    (GAsyncResult        *result,
                                                         GError             **error);

const char         *acq_dossier_document_get_path       (AcqDossierDocument  *self);
guint               acq_dossier_document_get_n_pages    (AcqDossierDocument  *self);
void                acq_dossier_document_get_page_size  (AcqDossierDocument  *self,
                                                         guint                page,
                                                         double              *width,
                                                         double              *height);

void                acq_dossier_document_render_async   (AcqDossierDocument  *self,
                                                         guint                page,
                                                         double               scale,
                                                         AcqDossierPriority   priority,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GdkTexture         *acq_dossier_document_render_finish  (AcqDossierDocument  *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

void                acq_dossier_document_find_async     (AcqDossierDocument  *self,
                                                         guint                page,
                                                         const char          *text,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GArray             *acq_dossier_document_find_finish    (AcqDossierDocument  *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

G_END_DECLS

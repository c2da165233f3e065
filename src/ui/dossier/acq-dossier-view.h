/* acq-dossier-view.h — the pages of a PDF one under the other, drawn as they come into view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "acq-dossier-document.h"

G_BEGIN_DECLS

/**
 * AcqDossierFit:
 * @ACQ_DOSSIER_FIT_NONE: the zoom stays as set
 * @ACQ_DOSSIER_FIT_WIDTH: the widest page fills the width
 * @ACQ_DOSSIER_FIT_PAGE: a whole page is seen at once
 */
typedef enum
{
  ACQ_DOSSIER_FIT_NONE,
  ACQ_DOSSIER_FIT_WIDTH,
  ACQ_DOSSIER_FIT_PAGE,
} AcqDossierFit;

#define ACQ_DOSSIER_ZOOM_MIN 0.25
#define ACQ_DOSSIER_ZOOM_MAX 4.0

#define ACQ_TYPE_DOSSIER_VIEW (acq_dossier_view_get_type ())
G_DECLARE_FINAL_TYPE (AcqDossierView, acq_dossier_view, ACQ, DOSSIER_VIEW, GtkWidget)

GtkWidget          *acq_dossier_view_new              (void);
void                acq_dossier_view_set_document     (AcqDossierView     *self,
                                                       AcqDossierDocument *document);
AcqDossierDocument *acq_dossier_view_get_document     (AcqDossierView     *self);
guint               acq_dossier_view_get_n_pages      (AcqDossierView     *self);
guint               acq_dossier_view_get_current_page (AcqDossierView     *self);
void                acq_dossier_view_go_to_page       (AcqDossierView     *self,
                                                       guint               page);
double              acq_dossier_view_get_zoom         (AcqDossierView     *self);
void                acq_dossier_view_set_zoom         (AcqDossierView     *self,
                                                       double              zoom);
AcqDossierFit       acq_dossier_view_get_fit          (AcqDossierView     *self);
void                acq_dossier_view_set_fit          (AcqDossierView     *self,
                                                       AcqDossierFit       fit);
void                acq_dossier_view_set_matches      (AcqDossierView     *self,
                                                       guint               page,
                                                       GArray             *matches);
void                acq_dossier_view_clear_matches    (AcqDossierView     *self);
void                acq_dossier_view_show_match       (AcqDossierView     *self,
                                                       guint               page,
                                                       guint               index);

G_END_DECLS

/* acq-dossier-thumb.h — a small picture of one page, drawn the first time it is seen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The width of a thumbnail, in pixels. */
#define ACQ_DOSSIER_THUMB_WIDTH 96

#define ACQ_TYPE_DOSSIER_THUMB (acq_dossier_thumb_get_type ())
G_DECLARE_FINAL_TYPE (AcqDossierThumb, acq_dossier_thumb, ACQ, DOSSIER_THUMB, GObject)

AcqDossierThumb *acq_dossier_thumb_new         (guint            page,
                                                double           width,
                                                double           height);
guint            acq_dossier_thumb_get_page    (AcqDossierThumb *self);
double           acq_dossier_thumb_get_scale   (AcqDossierThumb *self);
gboolean         acq_dossier_thumb_has_texture (AcqDossierThumb *self);
void             acq_dossier_thumb_set_texture (AcqDossierThumb *self,
                                                GdkTexture      *texture);

G_END_DECLS

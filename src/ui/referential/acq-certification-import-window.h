/* acq-certification-import-window.h — find a certification in France Compétences' export,
 * check and correct how its competences were split, store it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ACQ_TYPE_CERTIFICATION_IMPORT_WINDOW (acq_certification_import_window_get_type ())
G_DECLARE_FINAL_TYPE (AcqCertificationImportWindow, acq_certification_import_window, ACQ,
                      CERTIFICATION_IMPORT_WINDOW, AdwWindow)

AcqCertificationImportWindow *acq_certification_import_window_new (GtkWindow  *parent,
                                                                   const char *data_dir);
void acq_certification_import_window_open (AcqCertificationImportWindow *self,
                                           GFile                        *file);

G_END_DECLS

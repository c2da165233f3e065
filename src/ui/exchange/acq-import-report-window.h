/* acq-import-report-window.h — what an imported .acquis file brought in, with a link to each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-package.h"

G_BEGIN_DECLS

#define ACQ_TYPE_IMPORT_REPORT_WINDOW (acq_import_report_window_get_type ())
G_DECLARE_FINAL_TYPE (AcqImportReportWindow, acq_import_report_window, ACQ, IMPORT_REPORT_WINDOW,
                      AdwWindow)

AcqImportReportWindow *acq_import_report_window_new (GtkWindow       *parent,
                                                     AcqImportReport *report,
                                                     const char      *candidate_name,
                                                     GPtrArray       *to_review);
void                   acq_import_report_window_set_n_conflicts (AcqImportReportWindow *self,
                                                                 guint                  n_conflicts);

G_END_DECLS

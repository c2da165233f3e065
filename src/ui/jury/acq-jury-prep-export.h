/* acq-jury-prep-export.h — the fiche de préparation au jury, to a PDF the user chooses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "acq-store.h"

G_BEGIN_DECLS

void acq_jury_prep_export_choose (GtkWindow  *parent,
                                  GtkWidget  *toast_widget,
                                  AcqStore   *store,
                                  const char *candidate_uuid,
                                  const char *candidate_name,
                                  gboolean    large_print);

G_END_DECLS

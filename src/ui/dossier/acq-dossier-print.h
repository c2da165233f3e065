/* acq-dossier-print.h — printing a PDF as poppler draws it for paper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean acq_dossier_print (GtkWindow   *parent,
                            const char  *path,
                            const char  *job_name,
                            GError     **error);

G_END_DECLS

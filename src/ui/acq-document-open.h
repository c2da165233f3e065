/* acq-document-open.h — showing a stored document, choosing one to add
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-store.h"

G_BEGIN_DECLS

void                  acq_document_open_copy    (GtkWidget  *widget,
                                                 AcqStore   *store,
                                                 const char *stored_path,
                                                 const char *file_name,
                                                 const char *candidate_uuid);
GtkFileChooserNative *acq_document_chooser_new  (GtkWidget  *widget,
                                                 const char *title,
                                                 gboolean    images_only);

GtkWidget            *acq_document_row_new      (const char *title,
                                                 const char *subtitle,
                                                 GtkWidget  *open_button,
                                                 GtkWidget  *remove_button);
GtkWidget            *acq_document_button_new   (const char *icon,
                                                 const char *format,
                                                 const char *title,
                                                 GCallback   callback,
                                                 gpointer    owner,
                                                 gpointer    document,
                                                 GDestroyNotify free_func);

G_END_DECLS

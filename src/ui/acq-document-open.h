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

G_END_DECLS

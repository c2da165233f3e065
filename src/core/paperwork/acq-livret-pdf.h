/* acq-livret-pdf.h — the livret de suivi of one candidate, printed as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-store.h"

G_BEGIN_DECLS

gboolean acq_livret_pdf_write        (AcqStore            *store,
                                      const char          *candidate_uuid,
                                      const char          *output_path,
                                      GCancellable        *cancellable,
                                      GError             **error);

G_END_DECLS

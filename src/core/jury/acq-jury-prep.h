/* acq-jury-prep.h — the fiche de préparation au jury, as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-store.h"

G_BEGIN_DECLS

gboolean acq_jury_prep_write (AcqStore   *store,
                              const char *candidate_uuid,
                              const char *path,
                              gboolean    large_print,
                              GError    **error);

G_END_DECLS

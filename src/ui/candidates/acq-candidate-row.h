/* acq-candidate-row.h — one candidate in the sidebar: name, stage, marks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "acq-candidate.h"

G_BEGIN_DECLS

#define ACQ_TYPE_CANDIDATE_ROW (acq_candidate_row_get_type ())
G_DECLARE_FINAL_TYPE (AcqCandidateRow, acq_candidate_row, ACQ, CANDIDATE_ROW, GtkWidget)

GtkListItemFactory *acq_candidate_row_factory_new           (void);
void                acq_candidate_row_factory_set_caseload  (GtkListItemFactory *factory,
                                                             GHashTable         *deadlines,
                                                             GHashTable         *jury_ready,
                                                             const GDate        *today);

G_END_DECLS

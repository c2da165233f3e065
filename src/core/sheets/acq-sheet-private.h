/* acq-sheet-private.h — what the sheet list and the review set on a sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sheet is a model and knows nothing of the store; what the list and the review share
 * about writing a sheet is in acq-sheet-list-private.h.
 */
#pragma once

#include "acq-sheet.h"

G_BEGIN_DECLS

void      _acq_sheet_set_stored          (AcqSheet       *self,
                                          AcqReviewState  review_state,
                                          gboolean        returned_to_draft,
                                          gint64          revision,
                                          const char     *created_at,
                                          const char     *updated_at);
gboolean  _acq_sheet_same_content        (AcqSheet       *a,
                                          AcqSheet       *b);
gboolean  _acq_sheet_same_competences    (AcqSheet       *a,
                                          AcqSheet       *b);
AcqSheet *_acq_sheet_copy                (AcqSheet       *self);
gboolean  _acq_sheet_merge               (AcqSheet       *self,
                                          AcqSheet       *base,
                                          AcqSheet       *stored,
                                          gboolean        conflicts[ACQ_N_RUBRICS]);

G_END_DECLS

/* acq-sheet-private.h — what the sheet list and the review set on a sheet, and share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-sheet-list.h"

G_BEGIN_DECLS

/* acq-sheet.c */
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

/* acq-sheet-list.c */
gboolean  _acq_sheet_list_write          (AcqSheetList   *self,
                                          AcqSheet       *sheet,
                                          gboolean       *out_changed,
                                          GError        **error);
void      _acq_sheet_list_reload         (AcqSheetList   *self,
                                          AcqSheet       *sheet);
void      _acq_sheet_list_stored         (AcqSheetList   *self,
                                          AcqSheet       *sheet);

G_END_DECLS

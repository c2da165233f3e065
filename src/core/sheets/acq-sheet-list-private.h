/* acq-sheet-list-private.h — what the sheet list and the review share about writing a sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-sheet-list.h"
#include "acq-sheet-private.h"

G_BEGIN_DECLS

gboolean  _acq_sheet_list_write          (AcqSheetList   *self,
                                          AcqSheet       *sheet,
                                          gboolean       *out_changed,
                                          GError        **error);
void      _acq_sheet_list_reload         (AcqSheetList   *self,
                                          AcqSheet       *sheet);
void      _acq_sheet_list_stored         (AcqSheetList   *self,
                                          AcqSheet       *sheet);

G_END_DECLS

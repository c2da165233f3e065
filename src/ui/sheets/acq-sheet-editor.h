/* acq-sheet-editor.h — writing one example of professional practice, and reviewing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-sheet-list.h"

G_BEGIN_DECLS

#define ACQ_TYPE_SHEET_EDITOR (acq_sheet_editor_get_type ())
G_DECLARE_FINAL_TYPE (AcqSheetEditor, acq_sheet_editor, ACQ, SHEET_EDITOR, AdwBin)

void      acq_sheet_editor_set_sheet (AcqSheetEditor *self,
                                      AcqSheetList   *list,
                                      AcqSheet       *sheet);
AcqSheet *acq_sheet_editor_get_sheet (AcqSheetEditor *self);
void      acq_sheet_editor_flush     (AcqSheetEditor *self);

G_END_DECLS

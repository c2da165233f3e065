/* acq-sheet-documents.h — the documents that illustrate an example: added, opened, removed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-sheet-list.h"

G_BEGIN_DECLS

#define ACQ_TYPE_SHEET_DOCUMENTS (acq_sheet_documents_get_type ())
G_DECLARE_FINAL_TYPE (AcqSheetDocuments, acq_sheet_documents, ACQ, SHEET_DOCUMENTS,
                      AdwPreferencesGroup)

void acq_sheet_documents_set_sheet (AcqSheetDocuments *self,
                                    AcqSheetList      *list,
                                    AcqSheet          *sheet);

G_END_DECLS

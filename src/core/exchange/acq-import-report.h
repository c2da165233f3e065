/* acq-import-report.h — what an import brought in, a line each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "acq-store.h"

G_BEGIN_DECLS

/* What an import brought in, one line each. */
typedef enum
{
  ACQ_IMPORT_NEW_CANDIDATE,
  ACQ_IMPORT_NEW_SHEET,
  ACQ_IMPORT_CHANGED_SHEET,
  ACQ_IMPORT_CHANGED_RUBRIC,
  ACQ_IMPORT_NEW_COMMENT,
  ACQ_IMPORT_CONFLICT,
  ACQ_IMPORT_KEPT_DELETED, /* deleted on one side, edited on the other: kept */
  ACQ_IMPORT_IGNORED,      /* refused by the roles (e.g. a candidate's file validating) */
  ACQ_IMPORT_OTHER,
} AcqImportItemKind;

typedef struct
{
  AcqImportItemKind kind;
  char *candidate_uuid;
  char *sheet_uuid;  /* nullable: the sheet to open for this item */
  char *description; /* a sentence to show, translated */
} AcqImportItem;

#define ACQ_TYPE_IMPORT_REPORT (acq_import_report_get_type ())
G_DECLARE_FINAL_TYPE (AcqImportReport, acq_import_report, ACQ, IMPORT_REPORT, GObject)

const char          *acq_import_report_get_candidate_uuid (AcqImportReport *self);
guint                acq_import_report_get_n_items        (AcqImportReport *self);
const AcqImportItem *acq_import_report_get_item           (AcqImportReport *self,
                                                           guint            index);
guint                acq_import_report_get_n_conflicts    (AcqImportReport *self);
GPtrArray           *acq_import_report_dup_to_review      (AcqImportReport *self,
                                                           AcqStore        *store,
                                                           GError         **error);

G_END_DECLS

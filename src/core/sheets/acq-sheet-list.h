/* acq-sheet-list.h — one candidate's experience sheets, as a list model the UI can show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-candidate.h"
#include "acq-sheet.h"
#include "acq-record-list.h"
#include "acq-store.h"

G_BEGIN_DECLS

/* How long a deleted sheet can be brought back (the undo toast), with a margin. */
#define ACQ_SHEET_UNDO_SECONDS 60

#define ACQ_TYPE_SHEET_LIST (acq_sheet_list_get_type ())
G_DECLARE_FINAL_TYPE (AcqSheetList, acq_sheet_list, ACQ, SHEET_LIST, AcqRecordList)

AcqSheetList *acq_sheet_list_new           (AcqStore      *store,
                                            AcqCandidate  *candidate,
                                            GError       **error);
AcqStore     *acq_sheet_list_get_store     (AcqSheetList  *self);
AcqCandidate *acq_sheet_list_get_candidate (AcqSheetList  *self);
AcqSheet     *acq_sheet_list_find          (AcqSheetList  *self,
                                            const char    *uuid);
AcqSheet     *acq_sheet_list_create        (AcqSheetList  *self,
                                            const char    *bloc_uuid,
                                            const char    *title,
                                            GError       **error);
gboolean      acq_sheet_list_add           (AcqSheetList  *self,
                                            AcqSheet      *sheet,
                                            GError       **error);
gboolean      acq_sheet_list_refresh        (AcqSheetList  *self,
                                            GError       **error);
gboolean      acq_sheet_list_save          (AcqSheetList  *self,
                                            AcqSheet      *sheet,
                                            GError       **error);
gboolean      acq_sheet_list_delete        (AcqSheetList  *self,
                                            AcqSheet      *sheet,
                                            GError       **error);
gboolean      acq_sheet_list_undelete      (AcqSheetList  *self,
                                            AcqSheet      *sheet,
                                            GError       **error);
gboolean      acq_sheet_list_purge         (AcqSheetList  *self,
                                            AcqSheet      *sheet,
                                            GError       **error);
gboolean      acq_sheet_list_purge_stale   (AcqStore      *store,
                                            GError       **error);

G_END_DECLS

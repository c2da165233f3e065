/* acq-record-list.h — a list model of records kept in the store (candidates, sheets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_TYPE_RECORD_LIST (acq_record_list_get_type ())
G_DECLARE_DERIVABLE_TYPE (AcqRecordList, acq_record_list, ACQ, RECORD_LIST, GObject)

struct _AcqRecordListClass
{
  GObjectClass parent_class;
};

GPtrArray *_acq_record_list_items       (AcqRecordList *self);
gboolean   _acq_record_list_run         (AcqStore      *store,
                                         const char    *sql,
                                         const char    *uuid,
                                         GError       **error);
gboolean   _acq_record_list_purge_stale (AcqStore      *store,
                                         const char    *sql,
                                         int            undo_seconds,
                                         GError       **error);

G_END_DECLS

/* acq-retention.h — how long an ended accompaniment is kept, and who is kept longer (RGPD)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "acq-store.h"
#include "acq-today.h"

G_BEGIN_DECLS

/**
 * AcqRetentionItem:
 * @candidate_uuid: whose accompaniment
 * @candidate_name: their name, as the sidebar says it
 * @ended: the day it ended: the last thing done in it
 * @until: the last day it may be kept: @ended plus the retention period
 */
typedef struct
{
  char  *candidate_uuid;
  char  *candidate_name;
  GDate  ended;
  GDate  until;
} AcqRetentionItem;

void       acq_retention_item_free        (AcqRetentionItem *item);

GPtrArray *acq_retention_list_past        (AcqStore         *store,
                                           const GDate      *today,
                                           guint             months,
                                           GError          **error);
gboolean   acq_retention_add_to_today     (AcqToday         *today,
                                           AcqStore         *store,
                                           GError          **error);
char      *acq_retention_format_period    (guint             months);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqRetentionItem, acq_retention_item_free)

G_END_DECLS

/* acq-reading-group.h — a candidate's reading style for the printed outputs, on their page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_TYPE_READING_GROUP (acq_reading_group_get_type ())
G_DECLARE_FINAL_TYPE (AcqReadingGroup, acq_reading_group, ACQ, READING_GROUP, AdwPreferencesGroup)

void acq_reading_group_set_candidate (AcqReadingGroup *self,
                                      AcqStore        *store,
                                      const char      *candidate_uuid);

G_END_DECLS

/* acq-parcours-group.h — a candidate's dated parcours, on their page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_TYPE_PARCOURS_GROUP (acq_parcours_group_get_type ())
G_DECLARE_FINAL_TYPE (AcqParcoursGroup, acq_parcours_group, ACQ, PARCOURS_GROUP,
                      AdwPreferencesGroup)

void acq_parcours_group_set_candidate (AcqParcoursGroup *self,
                                       AcqStore         *store,
                                       const char       *candidate_uuid);
void acq_parcours_group_set_editable  (AcqParcoursGroup *self,
                                       gboolean          editable);

G_END_DECLS

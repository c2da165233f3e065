/* acq-livret-group.h — a candidate's livret de suivi on their page: the hours and the sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-store.h"
#include "acq-types.h"

G_BEGIN_DECLS

#define ACQ_TYPE_LIVRET_GROUP (acq_livret_group_get_type ())
G_DECLARE_FINAL_TYPE (AcqLivretGroup, acq_livret_group, ACQ, LIVRET_GROUP, AdwPreferencesGroup)

void acq_livret_group_set_candidate (AcqLivretGroup *self,
                                     AcqStore       *store,
                                     const char     *candidate_uuid);
void acq_livret_group_set_role      (AcqLivretGroup *self,
                                     AcqRole         role);

G_END_DECLS

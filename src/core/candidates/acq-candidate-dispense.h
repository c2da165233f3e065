/* acq-candidate-dispense.h — the blocs a candidate is dispensed of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *bloc_uuid;
  char *reason;             /* why, as the coach wrote it; may be "" */
  char *held_certification; /* the certification held that gives the dispense; may be "" */
} AcqDispense;

void        acq_dispense_free            (AcqDispense *dispense);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqDispense, acq_dispense_free)

GPtrArray  *acq_candidate_list_dispenses (AcqStore    *store,
                                          const char  *candidate_uuid,
                                          GError     **error);
gboolean    acq_candidate_set_dispense   (AcqStore    *store,
                                          const char  *candidate_uuid,
                                          const char  *bloc_uuid,
                                          const char  *reason,
                                          const char  *held_certification,
                                          GError     **error);
gboolean    acq_candidate_clear_dispense (AcqStore    *store,
                                          const char  *candidate_uuid,
                                          const char  *bloc_uuid,
                                          GError     **error);

G_END_DECLS

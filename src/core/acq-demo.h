/* acq-demo.h — fictional candidates, so that a newcomer sees a living app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-candidate-list.h"

G_BEGIN_DECLS

gboolean acq_demo_populate (AcqCandidateList *list,
                            GError          **error);

/* acq-demo-second.c: the candidate on a second certification, called by acq_demo_populate() */
gboolean _acq_demo_populate_second_certification (AcqCandidateList *list,
                                                  GError          **error);

G_END_DECLS

/* acq-candidate-private.h — what the candidate list sets on a candidate when it stores it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-candidate.h"

G_BEGIN_DECLS

void _acq_candidate_set_timestamps (AcqCandidate *self,
                                    const char   *created_at,
                                    const char   *updated_at,
                                    const char   *last_activity_at);

AcqCandidate *_acq_candidate_copy  (AcqCandidate *self);
gboolean      _acq_candidate_merge (AcqCandidate *self,
                                    AcqCandidate *base,
                                    AcqCandidate *stored);

G_END_DECLS

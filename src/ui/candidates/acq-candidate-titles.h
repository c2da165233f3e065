/* acq-candidate-titles.h — the titles, diplomas and CQP a candidate holds, as her dossier
 * lists them: added, typed in, dated, proved by a document, removed with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-candidate.h"
#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_TYPE_CANDIDATE_TITLES (acq_candidate_titles_get_type ())
G_DECLARE_FINAL_TYPE (AcqCandidateTitles, acq_candidate_titles, ACQ, CANDIDATE_TITLES,
                      AdwPreferencesGroup)

void acq_candidate_titles_set_candidate (AcqCandidateTitles *self,
                                         AcqStore           *store,
                                         AcqCandidate       *candidate);
void acq_candidate_titles_save_now      (AcqCandidateTitles *self);

G_END_DECLS

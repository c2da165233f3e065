/* acq-candidate-documents.h — a candidate's documents (CV, recevabilité notice, quote…):
 * added, opened, removed with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-candidate.h"
#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_TYPE_CANDIDATE_DOCUMENTS (acq_candidate_documents_get_type ())
G_DECLARE_FINAL_TYPE (AcqCandidateDocuments, acq_candidate_documents, ACQ, CANDIDATE_DOCUMENTS,
                      AdwPreferencesGroup)

void acq_candidate_documents_set_candidate (AcqCandidateDocuments *self,
                                            AcqStore              *store,
                                            AcqCandidate          *candidate);

G_END_DECLS

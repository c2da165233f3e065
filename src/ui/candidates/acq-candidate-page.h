/* acq-candidate-page.h — one candidate's file: parcours, identity, contact, accommodations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "acq-candidate-documents.h"
#include "acq-candidate-list.h"
#include "acq-jury-checklist.h"
#include "acq-sheet-list.h"

G_BEGIN_DECLS

#define ACQ_TYPE_CANDIDATE_PAGE (acq_candidate_page_get_type ())
G_DECLARE_FINAL_TYPE (AcqCandidatePage, acq_candidate_page, ACQ, CANDIDATE_PAGE, AdwBin)

void acq_candidate_page_set_list          (AcqCandidatePage *self,
                                           AcqCandidateList *list);
void acq_candidate_page_set_candidate     (AcqCandidatePage *self,
                                           AcqCandidate     *candidate);
void acq_candidate_page_flush             (AcqCandidatePage *self);
void acq_candidate_page_focus_top (AcqCandidatePage *self);
void acq_candidate_page_open_sheet        (AcqCandidatePage *self,
                                           const char       *sheet_uuid);
AcqSheetList *acq_candidate_page_get_sheets (AcqCandidatePage *self);
AcqCandidateDocuments *acq_candidate_page_get_documents (AcqCandidatePage *self);
void acq_candidate_page_set_summary       (AcqCandidatePage *self,
                                           GtkWidget        *summary);
void acq_candidate_page_set_jury_ready    (AcqCandidatePage *self,
                                           const AcqJuryReadyCount *count);

G_END_DECLS

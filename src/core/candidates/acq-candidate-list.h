/* acq-candidate-list.h — every candidate of the store, as a list model the UI can show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-candidate.h"
#include "acq-record-list.h"
#include "acq-store.h"

G_BEGIN_DECLS

/* How long a deleted candidate can be brought back (the undo toast), with a margin. */
#define ACQ_CANDIDATE_UNDO_SECONDS 60

#define ACQ_TYPE_CANDIDATE_LIST (acq_candidate_list_get_type ())
G_DECLARE_FINAL_TYPE (AcqCandidateList, acq_candidate_list, ACQ, CANDIDATE_LIST, AcqRecordList)

AcqCandidateList *acq_candidate_list_new        (AcqStore         *store,
                                                 GError          **error);
AcqStore         *acq_candidate_list_get_store  (AcqCandidateList *self);
AcqCandidate     *acq_candidate_list_find       (AcqCandidateList *self,
                                                 const char       *uuid);
AcqCandidate     *acq_candidate_list_create     (AcqCandidateList *self,
                                                 const char       *first_name,
                                                 const char       *last_name,
                                                 GError          **error);
AcqCandidate     *acq_candidate_list_create_for (AcqCandidateList *self,
                                                 const char       *first_name,
                                                 const char       *last_name,
                                                 const char       *number,
                                                 GError          **error);
gboolean          acq_candidate_list_set_certification (AcqCandidateList *self,
                                                        AcqCandidate     *candidate,
                                                        const char       *number,
                                                        GError          **error);
gboolean          acq_candidate_list_add        (AcqCandidateList *self,
                                                 AcqCandidate     *candidate,
                                                 GError          **error);
gboolean          acq_candidate_list_refresh    (AcqCandidateList *self,
                                                 GError          **error);
gboolean          acq_candidate_list_save       (AcqCandidateList *self,
                                                 AcqCandidate     *candidate,
                                                 GError          **error);
gboolean          acq_candidate_list_delete     (AcqCandidateList *self,
                                                 AcqCandidate     *candidate,
                                                 GError          **error);
gboolean          acq_candidate_list_undelete   (AcqCandidateList *self,
                                                 AcqCandidate     *candidate,
                                                 GError          **error);
gboolean          acq_candidate_list_purge      (AcqCandidateList *self,
                                                 AcqCandidate     *candidate,
                                                 GError          **error);
gboolean          acq_candidate_list_purge_stale (AcqCandidateList *self,
                                                  GError          **error);

G_END_DECLS

/* acq-candidate-title.h — the titles, diplomas and CQP a candidate holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *uuid;
  char *candidate_uuid;
  int   position;      /* from 1, in the order she listed them; 0 before the first save */
  char *title;         /* intitulé, as she typed it; may be "" */
  char *organisation;  /* who awarded it; may be "" */
  char *date;          /* "YYYY-MM-DD", or "" when she gave none */
  char *document_uuid; /* (nullable): a candidate document, the proof */
} AcqCandidateTitle;

#define ACQ_CANDIDATE_TITLE_MAX_CHARS 500

AcqCandidateTitle *acq_candidate_title_new    (const char         *candidate_uuid);
AcqCandidateTitle *acq_candidate_title_copy   (const AcqCandidateTitle *title);
void               acq_candidate_title_free   (AcqCandidateTitle  *title);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqCandidateTitle, acq_candidate_title_free)

GPtrArray         *acq_candidate_title_list   (AcqStore           *store,
                                               const char         *candidate_uuid,
                                               GError            **error);
AcqCandidateTitle *acq_candidate_title_add    (AcqStore           *store,
                                               const char         *candidate_uuid,
                                               const char         *title,
                                               const char         *organisation,
                                               const char         *date,
                                               GError            **error);
gboolean           acq_candidate_title_save   (AcqStore           *store,
                                               AcqCandidateTitle  *title,
                                               GError            **error);
gboolean           acq_candidate_title_delete (AcqStore           *store,
                                               const char         *uuid,
                                               GError            **error);

G_END_DECLS

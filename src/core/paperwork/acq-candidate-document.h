/* acq-candidate-document.h — a candidate's documents that are not evidence for a sheet: CV,
 * recevabilité notice, quote, convocation, the jury's report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-types.h"
#include "acq-store.h"

G_BEGIN_DECLS

/* How long a removed document can be brought back (the undo toast), with a margin. */
#define ACQ_CANDIDATE_DOCUMENT_UNDO_SECONDS 60

/* Stored as integers: never reorder. */
typedef enum
{
  ACQ_CANDIDATE_DOCUMENT_CV,
  ACQ_CANDIDATE_DOCUMENT_ADMISSIBILITY_NOTICE, /* notification de recevabilité */
  ACQ_CANDIDATE_DOCUMENT_QUOTE,                /* devis */
  ACQ_CANDIDATE_DOCUMENT_CONVOCATION,          /* convocation au jury */
  ACQ_CANDIDATE_DOCUMENT_JURY_REPORT,          /* procès-verbal du jury */
  ACQ_CANDIDATE_DOCUMENT_OTHER,
  ACQ_N_CANDIDATE_DOCUMENT_KINDS
} AcqCandidateDocumentKind;

/**
 * AcqCandidateDocument:
 * @uuid: its id
 * @candidate_uuid: whose document
 * @parcours_event_uuid: (nullable): the event of the parcours it goes with (the recevabilité
 *   decision for its notice)
 * @kind: what it is
 * @title: a title, "" for the file's name
 * @author_role: who added it: only that side's exchange file may change or remove it
 * @file_name: the name of the file it was added from
 * @mime_type: application/pdf, image/png or image/jpeg, as read in its content
 * @size: in bytes
 * @sha256: of its content: the stored copy's name
 * @added_at: when it was added
 */
typedef struct
{
  char                    *uuid;
  char                    *candidate_uuid;
  char                    *parcours_event_uuid;
  AcqCandidateDocumentKind kind;
  char                    *title;
  AcqRole                  author_role;
  char                    *file_name;
  char                    *mime_type;
  goffset                  size;
  char                    *sha256;
  char                    *added_at;
} AcqCandidateDocument;

#define ACQ_TYPE_CANDIDATE_DOCUMENT (acq_candidate_document_get_type ())
GType                 acq_candidate_document_get_type   (void) G_GNUC_CONST;
const char           *acq_candidate_document_kind_label (AcqCandidateDocumentKind kind);
const char           *acq_candidate_document_kind_french (AcqCandidateDocumentKind kind);
AcqCandidateDocument *acq_candidate_document_copy       (const AcqCandidateDocument *self);
void                  acq_candidate_document_free       (AcqCandidateDocument *self);
const char           *acq_candidate_document_get_display_title (const AcqCandidateDocument *self);

AcqCandidateDocument *acq_candidate_document_add        (AcqStore            *store,
                                                         const char          *candidate_uuid,
                                                         AcqCandidateDocumentKind kind,
                                                         AcqRole              author_role,
                                                         GFile               *file,
                                                         GCancellable        *cancellable,
                                                         GError             **error);
void                  acq_candidate_document_add_async  (AcqStore            *store,
                                                         const char          *candidate_uuid,
                                                         AcqCandidateDocumentKind kind,
                                                         AcqRole              author_role,
                                                         GFile               *file,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
AcqCandidateDocument *acq_candidate_document_add_finish (AcqStore            *store,
                                                         GAsyncResult        *result,
                                                         GError             **error);
GPtrArray            *acq_candidate_document_list       (AcqStore            *store,
                                                         const char          *candidate_uuid,
                                                         GError             **error);
gboolean              acq_candidate_document_set_event  (AcqStore            *store,
                                                         const char          *uuid,
                                                         const char          *parcours_event_uuid,
                                                         GError             **error);
char                 *acq_candidate_document_get_path   (AcqStore            *store,
                                                         const AcqCandidateDocument *self,
                                                         GError             **error);
gboolean              acq_candidate_document_delete     (AcqStore            *store,
                                                         const char          *uuid,
                                                         GError             **error);
gboolean              acq_candidate_document_undelete   (AcqStore            *store,
                                                         const char          *uuid,
                                                         GError             **error);
gboolean              acq_candidate_document_purge_stale (AcqStore           *store,
                                                          GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqCandidateDocument, acq_candidate_document_free)

G_END_DECLS

/* acq-practice-document.h — the practice's documents for a funder or an auditor: the
 * convocation to the start of the accompaniment, the attendance sheet of a session, the
 * quote, the convention de formation and the certificat de réalisation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_PRACTICE_DOCUMENT_ERROR (acq_practice_document_error_quark ())

typedef enum
{
  ACQ_PRACTICE_DOCUMENT_ERROR_NOT_FOUND, /* no such candidate or session */
  ACQ_PRACTICE_DOCUMENT_ERROR_NOTHING,   /* nothing to print yet: say what to do first */
  ACQ_PRACTICE_DOCUMENT_ERROR_REFUSED,   /* a certificate while an attendance is missing */
} AcqPracticeDocumentError;

typedef enum
{
  ACQ_PRACTICE_DOCUMENT_CONVOCATION, /* to the first session of the accompaniment */
  ACQ_PRACTICE_DOCUMENT_ATTENDANCE,  /* feuille de présence of one session */
  ACQ_PRACTICE_DOCUMENT_QUOTE,       /* devis: the candidate's latest quote */
  ACQ_PRACTICE_DOCUMENT_CONVENTION,  /* convention de formation, from the latest quote */
  ACQ_PRACTICE_DOCUMENT_CERTIFICATE, /* certificat de réalisation: the hours held */
  ACQ_N_PRACTICE_DOCUMENTS
} AcqPracticeDocument;

GQuark              acq_practice_document_error_quark (void);
const char         *acq_practice_document_nick        (AcqPracticeDocument  kind);
gboolean            acq_practice_document_from_nick   (const char          *nick,
                                                       AcqPracticeDocument *out_kind);

gboolean            acq_practice_document_write       (AcqStore            *store,
                                                       AcqPracticeDocument  kind,
                                                       const char          *candidate_uuid,
                                                       const char          *session_date,
                                                       const char          *output_path,
                                                       GError             **error);

gboolean            acq_practice_document_write_convocation (AcqStore     *store,
                                                             const char   *candidate_uuid,
                                                             const char   *output_path,
                                                             GCancellable *cancellable,
                                                             GError      **error);
gboolean            acq_practice_document_write_quote       (AcqStore     *store,
                                                             const char   *candidate_uuid,
                                                             const char   *output_path,
                                                             GCancellable *cancellable,
                                                             GError      **error);
gboolean            acq_practice_document_write_convention  (AcqStore     *store,
                                                             const char   *candidate_uuid,
                                                             const char   *output_path,
                                                             GCancellable *cancellable,
                                                             GError      **error);
gboolean            acq_practice_document_write_certificate (AcqStore     *store,
                                                             const char   *candidate_uuid,
                                                             const char   *output_path,
                                                             GCancellable *cancellable,
                                                             GError      **error);

G_END_DECLS

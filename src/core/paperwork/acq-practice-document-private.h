/* acq-practice-document-private.h — one practice document being printed, shared by the
 * convocation and attendance sheet (acq-practice-document.c) and the quote, convention and
 * certificate (acq-practice-contract.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-paperwork-pdf-private.h"
#include "acq-practice-document.h"
#include "acq-quote.h"

G_BEGIN_DECLS

typedef struct
{
  AcqPracticeDocument kind;
  AcqCandidate       *candidate;
  char               *name;
  char               *certification;
  AcqCoachProfile    *profile;
  cairo_surface_t    *signature;
  AcqSession         *session;   /* the convocation's and the attendance sheet's */
  AcqQuote           *quote;     /* the quote's and the convention's */
  GPtrArray          *sessions;  /* AcqSession: the convention's planned, the certificate's held */
  GHashTable         *attendance; /* the certificate's: session uuid → AcqAttendance */
  GDateTime          *now;
} AcqPracticeDoc;

gboolean _acq_practice_contract_load    (AcqStore        *store,
                                         AcqPracticeDoc  *doc,
                                         GError         **error);
char    *_acq_practice_contract_number  (const AcqPracticeDoc *doc);
void     _acq_practice_contract_title   (AcqDossierWriter *w,
                                         AcqPracticeDoc   *doc,
                                         const char       *title);
void     _acq_practice_contract_heading (AcqDossierWriter *w,
                                         AcqPracticeDoc   *doc,
                                         const char       *title);
void     _acq_practice_quote_page       (AcqDossierWriter *w,
                                         AcqPracticeDoc   *doc);
void     _acq_practice_convention_page  (AcqDossierWriter *w,
                                         AcqPracticeDoc   *doc);
void     _acq_practice_certificate_page (AcqDossierWriter *w,
                                         AcqPracticeDoc   *doc);

G_END_DECLS

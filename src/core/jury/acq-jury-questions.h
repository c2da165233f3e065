/* acq-jury-questions.h — the jury's likely questions, the candidate's notes, and the drill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-store.h"

G_BEGIN_DECLS

typedef struct
{
  char    *key;             /* a coach's question's uuid, or "BLOC_CODE:POSITION:INDEX" */
  char    *competence_uuid; /* %NULL for a question about no competence in particular */
  char    *bloc_code;       /* %NULL with competence_uuid */
  int      position;        /* the competence's, 1-based; 0 without one */
  char    *text;
  gboolean from_coach;      /* the accompagnatrice's own, else shipped with the guidance */
  char    *note;            /* the candidate's notes for her answer, "" when none */
  double   weight;          /* how much the drill favours it (acq_jury_drill()) */
} AcqJuryQuestion;

GPtrArray *acq_jury_questions_list     (AcqStore        *store,
                                        const char      *candidate_uuid,
                                        GError         **error);
char      *acq_jury_question_add       (AcqStore        *store,
                                        const char      *candidate_uuid,
                                        const char      *competence_uuid,
                                        const char      *text,
                                        GError         **error);
gboolean   acq_jury_question_set_note  (AcqStore        *store,
                                        const char      *candidate_uuid,
                                        const char      *key,
                                        const char      *note,
                                        GError         **error);
GPtrArray *acq_jury_drill              (AcqStore        *store,
                                        const char      *candidate_uuid,
                                        guint            n,
                                        guint32          seed,
                                        GError         **error);
GPtrArray *acq_jury_drill_draw         (GPtrArray       *questions,
                                        guint            n,
                                        guint32          seed);
void       acq_jury_question_free      (AcqJuryQuestion *question);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqJuryQuestion, acq_jury_question_free)

G_END_DECLS

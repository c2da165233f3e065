/* acq-satisfaction.h — the satisfaction questionnaire at the end of an accompaniment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "acq-store.h"
#include "acq-types.h"

G_BEGIN_DECLS

#define ACQ_SATISFACTION_ERROR (acq_satisfaction_error_quark ())

typedef enum
{
  ACQ_SATISFACTION_ERROR_INVALID,   /* a score, a day or a text that cannot be kept */
  ACQ_SATISFACTION_ERROR_NOT_YOURS, /* the other role's answers */
} AcqSatisfactionError;

#define ACQ_SATISFACTION_SCORE_MIN 1
#define ACQ_SATISFACTION_SCORE_MAX 5

/* A question as asked: @uuid stays when its text is reworded ("accueil", "clarte"… for the
 * default ones, the same on every copy). */
typedef struct
{
  char  *uuid;
  guint  position;
  char  *text;
} AcqSatisfactionQuestion;

/* One question's answer: @score from 1 to 5, 0 when left blank; the text as it was asked. */
typedef struct
{
  char *question_uuid;
  char *question_text;
  int   score;
} AcqSatisfactionScore;

/**
 * AcqSatisfactionResponse:
 * @uuid: its id, %NULL until stored
 * @candidate_uuid: whose accompaniment
 * @author: who wrote it: the candidate in her copy, or the coach from a paper form
 * @answered_on: the day, YYYY-MM-DD
 * @comment: the free text
 * @scores: (element-type AcqSatisfactionScore): one per question
 */
typedef struct
{
  char      *uuid;
  char      *candidate_uuid;
  AcqRole    author;
  char      *answered_on;
  char      *comment;
  GPtrArray *scores;
} AcqSatisfactionResponse;

/* One question's average over a year: @n_answers scores, @average of them (0 when none). */
typedef struct
{
  char   *question_uuid;
  char   *text;
  guint   n_answers;
  double  average;
} AcqSatisfactionAverage;

GQuark     acq_satisfaction_error_quark        (void);

void       acq_satisfaction_question_free      (AcqSatisfactionQuestion *question);
void       acq_satisfaction_response_free      (AcqSatisfactionResponse *response);
void       acq_satisfaction_average_free       (AcqSatisfactionAverage  *average);

GPtrArray *acq_satisfaction_list_questions     (AcqStore                *store,
                                                GError                 **error);
gboolean   acq_satisfaction_set_question       (AcqStore                *store,
                                                const char              *uuid,
                                                const char              *text,
                                                GError                 **error);
gboolean   acq_satisfaction_retire_question    (AcqStore                *store,
                                                const char              *uuid,
                                                GError                 **error);

AcqSatisfactionResponse *acq_satisfaction_response_new (AcqStore        *store,
                                                        const char      *candidate_uuid,
                                                        AcqRole          author,
                                                        const char      *answered_on,
                                                        GError         **error);
gboolean   acq_satisfaction_response_save      (AcqStore                *store,
                                                AcqSatisfactionResponse *response,
                                                AcqRole                  role,
                                                GError                 **error);
GPtrArray *acq_satisfaction_list_responses     (AcqStore                *store,
                                                const char              *candidate_uuid,
                                                GError                 **error);
GPtrArray *acq_satisfaction_averages           (AcqStore                *store,
                                                int                      year,
                                                guint                   *out_n_responses,
                                                GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqSatisfactionQuestion, acq_satisfaction_question_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqSatisfactionResponse, acq_satisfaction_response_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqSatisfactionAverage, acq_satisfaction_average_free)

G_END_DECLS

/* acq-yearly-review.h — the yearly review of a Qualiopi-certified practice (bilan annuel)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "acq-jury.h"
#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_YEARLY_REVIEW_ERROR (acq_yearly_review_error_quark ())

typedef enum
{
  ACQ_YEARLY_REVIEW_ERROR_INVALID, /* a year out of range, a text too long, an unknown format */
} AcqYearlyReviewError;

#define ACQ_YEARLY_REVIEW_MIN_YEAR 2000
#define ACQ_YEARLY_REVIEW_MAX_YEAR 2100

/* One bloc's results at the juries of the year. */
typedef struct
{
  char  *code;
  char  *title;
  guint  counts[ACQ_N_JURY_BLOC_OUTCOMES];
} AcqYearlyReviewBloc;

/**
 * AcqYearlyReview:
 * @year: the year reviewed
 * @n_candidates: candidates accompanied: a session held, or the accompaniment started, that year
 * @held_minutes: the minutes of the sessions held that year
 * @n_abandons: of those candidates, the ones who gave up: archived without a jury result, or
 *   marked abandoned by France VAE (180 days after being marked inactive) by the year's end
 * @outcomes: the juries of the year (by the jury's day), counted per overall result
 * @n_juries: their number
 * @blocs: (element-type AcqYearlyReviewBloc): per bloc, the results at those juries
 * @satisfaction: (element-type AcqSatisfactionAverage): per question, the average and the
 *   number of answers, over the questionnaires answered that year
 * @n_responses: how many questionnaires were answered that year
 * @complaints: (element-type AcqComplaint): the complaints received that year, by day
 * @improvements: the "actions d'amélioration" written for the year
 */
typedef struct
{
  int        year;
  guint      n_candidates;
  guint      held_minutes;
  guint      n_abandons;
  guint      outcomes[ACQ_N_JURY_OUTCOMES];
  guint      n_juries;
  GPtrArray *blocs;
  GPtrArray *satisfaction;
  guint      n_responses;
  GPtrArray *complaints;
  char      *improvements;
} AcqYearlyReview;

GQuark           acq_yearly_review_error_quark     (void);

AcqYearlyReview *acq_yearly_review_compute         (AcqStore         *store,
                                                    int               year,
                                                    const GDate      *today,
                                                    GError          **error);
void             acq_yearly_review_free            (AcqYearlyReview  *review);
double           acq_yearly_review_abandon_rate    (const AcqYearlyReview *review);

char            *acq_yearly_review_get_improvements (AcqStore        *store,
                                                     int              year,
                                                     GError         **error);
gboolean         acq_yearly_review_set_improvements (AcqStore        *store,
                                                     int              year,
                                                     const char      *text,
                                                     GError         **error);

char            *acq_yearly_review_to_csv          (const AcqYearlyReview *review);
gboolean         acq_yearly_review_write           (AcqStore         *store,
                                                    int               year,
                                                    const char       *output_path,
                                                    GCancellable     *cancellable,
                                                    GError          **error);
gboolean         acq_yearly_review_pdf_write       (AcqStore         *store,
                                                    const AcqYearlyReview *review,
                                                    const char       *output_path,
                                                    GCancellable     *cancellable,
                                                    GError          **error);

void             acq_yearly_review_write_async     (AcqStore         *store,
                                                    int               year,
                                                    const char       *path,
                                                    GCancellable     *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer          user_data);
gboolean         acq_yearly_review_write_finish    (AcqStore         *store,
                                                    GAsyncResult     *result,
                                                    GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqYearlyReview, acq_yearly_review_free)

G_END_DECLS

/* acq-coverage.h — which competences of a candidate's certification their sheets back, and
 * how far along: for the candidate's grid, the mind map and the dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-sheet.h"
#include "acq-store.h"

G_BEGIN_DECLS

/* How well a competence is backed, worst to best, so that levels compare as numbers: the
 * best state of the sheets linked to it. A sheet sent back for changes has been read once
 * and is being reworked: it is further along than a draft nobody read yet. */
typedef enum
{
  ACQ_COVERAGE_NONE,              /* no sheet */
  ACQ_COVERAGE_DRAFT,             /* brouillon */
  ACQ_COVERAGE_CHANGES_REQUESTED, /* à reprendre */
  ACQ_COVERAGE_TO_REVIEW,         /* à relire */
  ACQ_COVERAGE_VALIDATED,         /* validée */
  ACQ_N_COVERAGE_LEVELS
} AcqCoverageLevel;

const char *acq_coverage_level_label (AcqCoverageLevel level);

typedef struct
{
  char          *sheet_uuid;
  char          *title;        /* the title, or a placeholder when it is empty */
  AcqReviewState review_state;
} AcqCoverageSheet;

typedef struct
{
  char            *competence_uuid;
  int              position;   /* 1-based, in its bloc */
  char            *label;
  AcqCoverageLevel level;      /* the best of its sheets */
  GPtrArray       *sheets;     /* (element-type AcqCoverageSheet): best first */
} AcqCoverageCompetence;

typedef struct
{
  char      *bloc_uuid;
  char      *code;             /* e.g. "RNCP37274BC01" */
  int        position;         /* 1-based */
  char      *title;
  gboolean   targeted;         /* the candidate aims at it (else dispensé·e or later) */
  guint      n_sheets;         /* sheets that illustrate this bloc (their bloc is this one) */
  GPtrArray *competences;      /* (element-type AcqCoverageCompetence) in order */
} AcqCoverageBloc;

typedef struct
{
  char      *candidate_uuid;
  char      *certification_uuid; /* NULL if the candidate has none yet: then no blocs */
  GPtrArray *blocs;              /* (element-type AcqCoverageBloc) in order */
} AcqCoverage;

AcqCoverageLevel       acq_coverage_level_from_state (AcqReviewState  state);
AcqCoverage           *acq_coverage_compute          (AcqStore       *store,
                                                      const char     *candidate_uuid,
                                                      GError        **error);
void                   acq_coverage_free             (AcqCoverage    *coverage);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqCoverage, acq_coverage_free)

AcqCoverageCompetence *acq_coverage_find             (const AcqCoverage *coverage,
                                                      const char        *competence_uuid);
guint                  acq_coverage_bloc_count       (const AcqCoverageBloc *bloc,
                                                      AcqCoverageLevel       at_least);
gboolean               acq_coverage_is_complete      (const AcqCoverage *coverage);

G_END_DECLS

/* acq-sheet.h — an experience sheet: one *exemple de pratique professionnelle* of the
 * Dossier Professionnel, with its five rubrics and the competences it demonstrates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "acq-types.h"

G_BEGIN_DECLS

/* The kind of experience the example comes from. Stored as integers: never reorder. */
typedef enum
{
  ACQ_SHEET_KIND_EMPLOYEE,      /* salarié·e */
  ACQ_SHEET_KIND_VOLUNTEER,     /* bénévole */
  ACQ_SHEET_KIND_CARER,         /* proche aidant·e */
  ACQ_SHEET_KIND_INTERNSHIP,    /* stage */
  ACQ_SHEET_KIND_SELF_EMPLOYED, /* indépendant·e */
  ACQ_N_SHEET_KINDS
} AcqSheetKind;

/* Where a sheet stands in the review round-trip (see acq-review.h). Stored as integers: never
 * reorder. */
typedef enum
{
  ACQ_REVIEW_STATE_DRAFT,             /* brouillon */
  ACQ_REVIEW_STATE_TO_REVIEW,         /* à relire: the candidate asked for a review */
  ACQ_REVIEW_STATE_CHANGES_REQUESTED, /* à reprendre: the accompagnatrice asked for changes */
  ACQ_REVIEW_STATE_VALIDATED,         /* validée */
  ACQ_N_REVIEW_STATES
} AcqReviewState;

/* Longest rubric accepted, in characters: an example is at most three DP pages (about 10,000
 * characters), and a draft may be much longer before it is cut down; a 5 MB paste is not. */
#define ACQ_SHEET_RUBRIC_MAX_CHARS 100000
/* Longest title, organisation or department, in characters. */
#define ACQ_SHEET_LINE_MAX_CHARS 300

#define ACQ_TYPE_SHEET (acq_sheet_get_type ())
G_DECLARE_FINAL_TYPE (AcqSheet, acq_sheet, ACQ, SHEET, GObject)

const char   *acq_rubric_label             (AcqRubric       rubric);
const char   *acq_rubric_property          (AcqRubric       rubric);
const char   *acq_sheet_kind_label         (AcqSheetKind    kind);
const char   *acq_review_state_label       (AcqReviewState  state);

AcqSheet     *acq_sheet_new                (const char     *uuid,
                                            const char     *candidate_uuid);
const char   *acq_sheet_get_uuid           (AcqSheet       *self);
const char   *acq_sheet_get_candidate_uuid (AcqSheet       *self);
const char   *acq_sheet_get_bloc_uuid      (AcqSheet       *self);
void          acq_sheet_set_bloc_uuid      (AcqSheet       *self,
                                            const char     *bloc_uuid);
const char   *acq_sheet_get_title          (AcqSheet       *self);
void          acq_sheet_set_title          (AcqSheet       *self,
                                            const char     *title);
char         *acq_sheet_dup_display_title  (AcqSheet       *self);
char         *acq_sheet_format_title       (const char     *title);
AcqSheetKind  acq_sheet_get_kind           (AcqSheet       *self);
void          acq_sheet_set_kind           (AcqSheet       *self,
                                            AcqSheetKind    kind);
const char   *acq_sheet_get_rubric         (AcqSheet       *self,
                                            AcqRubric       rubric);
void          acq_sheet_set_rubric         (AcqSheet       *self,
                                            AcqRubric       rubric,
                                            const char     *text);
const char   *acq_sheet_get_organisation   (AcqSheet       *self);
void          acq_sheet_set_organisation   (AcqSheet       *self,
                                            const char     *organisation);
const char   *acq_sheet_get_department     (AcqSheet       *self);
void          acq_sheet_set_department     (AcqSheet       *self,
                                            const char     *department);
const char   *acq_sheet_get_period_from    (AcqSheet       *self);
void          acq_sheet_set_period_from    (AcqSheet       *self,
                                            const char     *iso_date);
const char   *acq_sheet_get_period_to      (AcqSheet       *self);
void          acq_sheet_set_period_to      (AcqSheet       *self,
                                            const char     *iso_date);
gboolean      acq_sheet_is_ongoing         (AcqSheet       *self);
const char *const *acq_sheet_get_competences (AcqSheet     *self);
void          acq_sheet_set_competences    (AcqSheet       *self,
                                            const char *const *competence_uuids);
gboolean      acq_sheet_has_competence     (AcqSheet       *self,
                                            const char     *competence_uuid);
void          acq_sheet_add_competence     (AcqSheet       *self,
                                            const char     *competence_uuid);
void          acq_sheet_remove_competence  (AcqSheet       *self,
                                            const char     *competence_uuid);
AcqReviewState acq_sheet_get_review_state  (AcqSheet       *self);
gboolean      acq_sheet_get_returned_to_draft (AcqSheet    *self);
gint64        acq_sheet_get_revision       (AcqSheet       *self);
const char   *acq_sheet_get_created_at     (AcqSheet       *self);
const char   *acq_sheet_get_updated_at     (AcqSheet       *self);

gboolean      acq_sheet_validate           (AcqSheet       *self,
                                            GError        **error);

G_END_DECLS

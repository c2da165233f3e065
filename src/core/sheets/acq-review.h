/* acq-review.h — the review round-trip of a sheet between the candidate and the
 * accompagnatrice, and the versions it keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "acq-sheet-list.h"

G_BEGIN_DECLS

#define ACQ_REVIEW_ERROR (acq_review_error_quark ())

/* AcqRole (acq-types.h) as a GType, for the widgets' role properties */
#define ACQ_TYPE_ROLE (acq_role_get_type ())

/**
 * AcqReviewError:
 * @ACQ_REVIEW_ERROR_NOT_ALLOWED: this role may not do this (a candidate validating)
 * @ACQ_REVIEW_ERROR_WRONG_STATE: the sheet is not in a state where this can be done
 * @ACQ_REVIEW_ERROR_INCOMPLETE: the sheet lacks a title, a competence or a rubric to be read
 * @ACQ_REVIEW_ERROR_CHANGED_SINCE: a decision cannot be undone: the sheet changed since
 */
typedef enum
{
  ACQ_REVIEW_ERROR_NOT_ALLOWED,
  ACQ_REVIEW_ERROR_WRONG_STATE,
  ACQ_REVIEW_ERROR_INCOMPLETE,
  ACQ_REVIEW_ERROR_CHANGED_SINCE,
} AcqReviewError;

/* What acq_review_decide_full() did, to undo it while nothing changed since. Opaque. */
typedef struct _AcqReviewDecision AcqReviewDecision;

/* Why a version was kept. Stored as integers: never reorder. */
typedef enum
{
  ACQ_VERSION_REVIEW_REQUESTED, /* the sheet as sent for review */
  ACQ_VERSION_CHANGES_REQUESTED, /* the sheet as the accompagnatrice read it, asking changes */
  ACQ_VERSION_VALIDATED,        /* the sheet as the accompagnatrice validated it */
  ACQ_N_VERSION_KINDS
} AcqVersionKind;

/* A snapshot of a sheet's content, as it was stored when the version was kept. */
typedef struct
{
  char          *uuid;
  char          *sheet_uuid;
  AcqVersionKind kind;
  AcqRole        author_role;
  gint64         revision;          /* the sheet's revision it was taken from */
  char          *title;
  char          *rubrics[ACQ_N_RUBRICS];
  char          *organisation;
  char          *department;
  char          *period_from;       /* nullable */
  char          *period_to;         /* nullable: ongoing */
  char          *created_at;
  char          *remark;            /* the accompagnatrice's remark on the whole sheet, or "" */
} AcqSheetVersion;

/* Longest remark on a whole sheet, in characters. */
#define ACQ_REVIEW_REMARK_MAX 4000

GQuark           acq_review_error_quark        (void);
GType            acq_role_get_type             (void) G_GNUC_CONST;
const char      *acq_role_label                (AcqRole         role);
const char      *acq_version_kind_label        (AcqVersionKind  kind);

gboolean         acq_review_can_request        (AcqSheet       *sheet);
gboolean         acq_review_can_decide         (AcqSheet       *sheet,
                                                AcqRole         role);
gboolean         acq_review_can_validate       (AcqSheet       *sheet,
                                                AcqRole         role);
gboolean         acq_review_check_ready        (AcqSheet       *sheet,
                                                GError        **error);
gboolean         acq_review_request            (AcqSheetList   *list,
                                                AcqSheet       *sheet,
                                                AcqRole         role,
                                                GError        **error);
gboolean         acq_review_decide             (AcqSheetList   *list,
                                                AcqSheet       *sheet,
                                                AcqRole         role,
                                                AcqReviewState  decision,
                                                GError        **error);
gboolean         acq_review_decide_full        (AcqSheetList   *list,
                                                AcqSheet       *sheet,
                                                AcqRole         role,
                                                AcqReviewState  decision,
                                                const char     *remark,
                                                AcqReviewDecision **out_decision,
                                                GError        **error);
gboolean         acq_review_undo_decision      (AcqSheetList   *list,
                                                AcqSheet       *sheet,
                                                const AcqReviewDecision *decision,
                                                GError        **error);
void             acq_review_decision_free      (AcqReviewDecision *decision);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqReviewDecision, acq_review_decision_free)

#define ACQ_TYPE_SHEET_VERSION (acq_sheet_version_get_type ())
GType            acq_sheet_version_get_type    (void);
AcqSheetVersion *acq_sheet_version_copy        (const AcqSheetVersion *version);
void             acq_sheet_version_free        (AcqSheetVersion       *version);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqSheetVersion, acq_sheet_version_free)

GPtrArray       *acq_review_list_versions      (AcqStore       *store,
                                                const char     *sheet_uuid,
                                                GError        **error);
AcqSheetVersion *acq_review_get_last_reviewed  (AcqStore       *store,
                                                const char     *sheet_uuid,
                                                GError        **error);
GHashTable      *acq_review_waiting_by_candidate (AcqStore     *store,
                                                GError        **error);
gboolean         acq_review_edited_since_request (AcqStore     *store,
                                                AcqSheet       *sheet,
                                                gboolean       *out_edited,
                                                GError        **error);

G_END_DECLS

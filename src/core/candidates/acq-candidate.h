/* acq-candidate.h — a person on the way to a certification, and the stages of their parcours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The stages of a parcours, in France VAE's order. Stored as integers: never reorder. */
typedef enum
{
  ACQ_STAGE_REGISTRATION,   /* inscription France VAE */
  ACQ_STAGE_FEASIBILITY,    /* faisabilité */
  ACQ_STAGE_ADMISSIBILITY,  /* recevabilité */
  ACQ_STAGE_DOSSIER,        /* dossier de validation */
  ACQ_STAGE_JURY,           /* jury */
  ACQ_STAGE_POST_JURY,      /* entretien post-jury */
  ACQ_STAGE_CERTIFIED,      /* certifié·e : validation totale */
  ACQ_N_STAGES
} AcqStage;

typedef enum
{
  ACQ_SITUATION_PRIVATE_EMPLOYEE, /* salarié·e du privé */
  ACQ_SITUATION_JOB_SEEKER,       /* demandeur·se d'emploi */
  ACQ_SITUATION_PUBLIC_EMPLOYEE,  /* agent public */
  ACQ_SITUATION_SELF_EMPLOYED,    /* indépendant·e */
  ACQ_SITUATION_VOLUNTEER_CARER,  /* bénévole / proche aidant·e */
  ACQ_N_SITUATIONS
} AcqSituation;

typedef enum
{
  ACQ_FUNDING_CPF,
  ACQ_FUNDING_OPCO,
  ACQ_FUNDING_EMPLOYER,
  ACQ_FUNDING_FRANCE_VAE,
  ACQ_FUNDING_OTHER,
  ACQ_N_FUNDINGS
} AcqFunding;

/* The free-text fields of a candidate, in the order of acq_candidate_field_info(). */
typedef enum
{
  ACQ_CANDIDATE_LAST_NAME,
  ACQ_CANDIDATE_BIRTH_NAME,
  ACQ_CANDIDATE_FIRST_NAME,
  ACQ_CANDIDATE_EMAIL,
  ACQ_CANDIDATE_PHONE,
  ACQ_CANDIDATE_ADDRESS,
  ACQ_CANDIDATE_ACCOMMODATIONS,
  ACQ_CANDIDATE_NOTES,
  ACQ_CANDIDATE_N_TEXT_FIELDS
} AcqCandidateField;

typedef struct
{
  const char *property;  /* GObject property name */
  const char *column;    /* store column */
  gsize       max_chars; /* longest value accepted */
  const char *label;     /* for messages, untranslated (N_), translate with _() */
} AcqCandidateFieldInfo;

typedef enum
{
  ACQ_CANDIDATE_SORT_NAME,
  ACQ_CANDIDATE_SORT_STAGE,
  ACQ_CANDIDATE_SORT_ACTIVITY,
} AcqCandidateSort;

#define ACQ_TYPE_CANDIDATE (acq_candidate_get_type ())
G_DECLARE_FINAL_TYPE (AcqCandidate, acq_candidate, ACQ, CANDIDATE, GObject)

const AcqCandidateFieldInfo *acq_candidate_field_info (AcqCandidateField field);
const char   *acq_stage_label                 (AcqStage      stage);
const char   *acq_situation_label             (AcqSituation  situation);
const char   *acq_funding_label               (AcqFunding    funding);
AcqCandidateSort acq_candidate_sort_from_string (const char   *name);

AcqCandidate *acq_candidate_new               (const char   *uuid);
const char   *acq_candidate_get_uuid          (AcqCandidate *self);
const char   *acq_candidate_get_text          (AcqCandidate *self,
                                               AcqCandidateField field);
void          acq_candidate_set_text          (AcqCandidate *self,
                                               AcqCandidateField field,
                                               const char   *value);
const char   *acq_candidate_get_certification_uuid (AcqCandidate *self);
void          acq_candidate_set_certification_uuid (AcqCandidate *self,
                                                    const char   *uuid);
AcqStage      acq_candidate_get_stage         (AcqCandidate *self);
void          acq_candidate_set_stage         (AcqCandidate *self,
                                               AcqStage      stage);
const char   *acq_candidate_get_stage_date    (AcqCandidate *self);
void          acq_candidate_set_stage_date    (AcqCandidate *self,
                                               const char   *iso_date);
AcqSituation  acq_candidate_get_situation     (AcqCandidate *self);
void          acq_candidate_set_situation     (AcqCandidate *self,
                                               AcqSituation  situation);
AcqFunding    acq_candidate_get_funding       (AcqCandidate *self);
void          acq_candidate_set_funding       (AcqCandidate *self,
                                               AcqFunding    funding);
gboolean      acq_candidate_get_archived      (AcqCandidate *self);
void          acq_candidate_set_archived      (AcqCandidate *self,
                                               gboolean      archived);
const char *const *acq_candidate_get_targeted_blocs (AcqCandidate *self);
void          acq_candidate_set_targeted_blocs (AcqCandidate *self,
                                                const char *const *bloc_uuids);
gboolean      acq_candidate_targets_bloc      (AcqCandidate *self,
                                               const char   *bloc_uuid);
const char   *acq_candidate_get_created_at    (AcqCandidate *self);
const char   *acq_candidate_get_updated_at    (AcqCandidate *self);
const char   *acq_candidate_get_last_activity_at (AcqCandidate *self);

guint         acq_candidate_get_open_comments (AcqCandidate *self);
void          acq_candidate_set_open_comments (AcqCandidate *self,
                                               guint         count);
guint         acq_candidate_get_to_review   (AcqCandidate *self);
void          acq_candidate_set_to_review   (AcqCandidate *self,
                                             guint         count);
char         *acq_candidate_dup_display_name  (AcqCandidate *self);
char         *acq_candidate_format_name       (const char   *first,
                                               const char   *last);
char         *acq_candidate_dup_subtitle      (AcqCandidate *self);

gboolean      acq_candidate_matches           (AcqCandidate *self,
                                               const char   *folded_query);
int           acq_candidate_compare           (AcqCandidate *a,
                                               AcqCandidate *b,
                                               AcqCandidateSort sort);
gboolean      acq_candidate_validate          (AcqCandidate *self,
                                               GError      **error);

G_END_DECLS

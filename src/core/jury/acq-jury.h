/* acq-jury.h — the jury of a candidate: the session, the hand checklist, the épreuve's parts,
 * the rehearsals, the oral's cards, the coach's questions and the candidate's notes, the
 * readiness per competence, the result per bloc and the post-jury plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_JURY_ERROR (acq_jury_error_quark ())

typedef enum
{
  ACQ_JURY_ERROR_INVALID,   /* a date, a time, a duration or a text that cannot be kept */
  ACQ_JURY_ERROR_NOT_FOUND, /* no such candidate, item or question */
  ACQ_JURY_ERROR_WRITE,     /* the fiche de préparation could not be written */
} AcqJuryError;

/* Where the dossier de validation was deposited. Stored: never reorder. */
typedef enum
{
  ACQ_JURY_PLATFORM_NONE,
  ACQ_JURY_PLATFORM_FRANCE_VAE,
  ACQ_JURY_PLATFORM_CERTIFIER,
  ACQ_N_JURY_PLATFORMS
} AcqJuryPlatform;

/* The session of the jury, one per candidate; the accompagnatrice's. Dates are YYYY-MM-DD or
 * %NULL, the time HH:MM (Europe/Paris) or %NULL. */
typedef struct
{
  char           *candidate_uuid;
  gboolean        stored;             /* whether a session was saved */
  char           *date;
  char           *time;
  char           *place;
  char           *visio_link;
  char           *certifier;          /* the certifier or the centre that holds the jury */
  char           *convocation_date;   /* convocation received */
  char           *convocation_sha256; /* the convocation's PDF among the attachments */
  char           *deposited_date;     /* dossier de validation deposited */
  AcqJuryPlatform platform;
  guint           fees_asked_cents;
  guint           fees_received_cents;
  char           *accommodations_asked;   /* asked of the certifier */
  char           *accommodations_granted;
} AcqJurySession;

typedef struct
{
  char    *uuid;
  char    *label;
  gboolean done;
} AcqJuryHandItem;

/* One part of the épreuve. uuid is %NULL for a default part not saved yet. */
typedef struct
{
  char *uuid;
  char *name;
  guint minutes;
} AcqJuryPart;

/* One rehearsal run: its date and, per part, the seconds it took. */
typedef struct
{
  char      *uuid;
  char      *date;     /* YYYY-MM-DD */
  GPtrArray *names;    /* char *, the parts as they were */
  GArray    *seconds;  /* guint, one per name */
} AcqJuryRehearsal;

/* One card of the oral's outline: a bloc's title and its key points, one per line. */
typedef struct
{
  char *uuid;
  char *bloc_uuid;
  char *title;
  char *key_points;
} AcqJuryCard;

/* The accompagnatrice's judgement of a competence after a soutenance blanche. Stored. */
typedef enum
{
  ACQ_JURY_READINESS_UNKNOWN,
  ACQ_JURY_READINESS_READY,   /* prêt */
  ACQ_JURY_READINESS_REWORK,  /* à retravailler */
  ACQ_N_JURY_READINESS
} AcqJuryReadiness;

typedef struct
{
  char            *competence_uuid;
  AcqJuryReadiness state;
  char            *remark;
} AcqJuryReadinessMark;

/* A competence of a targeted bloc, as the readiness marks list them. */
typedef struct
{
  char *uuid;
  char *bloc_code;
  guint position;   /* in its bloc, 1-based */
  char *label;
} AcqJuryCompetence;

/* The overall result. Stored: never reorder. */
typedef enum
{
  ACQ_JURY_OUTCOME_UNKNOWN,  /* not known yet */
  ACQ_JURY_OUTCOME_TOTAL,    /* validation totale */
  ACQ_JURY_OUTCOME_PARTIAL,  /* validation partielle */
  ACQ_JURY_OUTCOME_NONE,     /* aucune validation */
  ACQ_JURY_OUTCOME_ABSENT,   /* absent */
  ACQ_JURY_OUTCOME_EXCUSED,  /* excusé */
  ACQ_N_JURY_OUTCOMES
} AcqJuryOutcome;

/* A bloc's result. Stored: never reorder. */
typedef enum
{
  ACQ_JURY_BLOC_UNKNOWN,
  ACQ_JURY_BLOC_OBTAINED,     /* obtenu */
  ACQ_JURY_BLOC_NOT_OBTAINED, /* non obtenu */
  ACQ_JURY_BLOC_EXEMPT,       /* dispensé */
  ACQ_N_JURY_BLOC_OUTCOMES
} AcqJuryBlocOutcome;

typedef struct
{
  char              *bloc_uuid;
  char              *code;
  AcqJuryBlocOutcome outcome;
} AcqJuryBlocResult;

typedef struct
{
  char          *candidate_uuid;
  AcqJuryOutcome outcome;
  char          *remarks;
  char          *pv_sha256;   /* the procès-verbal among the attachments, or %NULL */
  GPtrArray     *blocs;       /* AcqJuryBlocResult, in the referential's order */
} AcqJuryResult;

/* What the jury asked after a partial result: flags, stored as their sum. */
typedef enum
{
  ACQ_JURY_ASKED_COMPLEMENTARY = 1 << 0, /* contrôle complémentaire */
  ACQ_JURY_ASKED_TRAINING      = 1 << 1, /* une formation */
  ACQ_JURY_ASKED_EXPERIENCE    = 1 << 2, /* une expérience nouvelle */
} AcqJuryAsked;

typedef struct
{
  char *uuid;
  char *bloc_uuid;
  char *code;            /* the bloc's */
  char *title;           /* the bloc's */
  char *competence_uuid; /* %NULL for the whole bloc */
  char *target_date;     /* YYYY-MM-DD or %NULL */
} AcqJuryPlanItem;

typedef struct
{
  char        *candidate_uuid;
  gboolean     stored;
  AcqJuryAsked asked;
  char        *asked_text;
  char        *interview_date;  /* entretien post-jury, YYYY-MM-DD or %NULL */
  GPtrArray   *items;           /* AcqJuryPlanItem: what is still to obtain */
} AcqJuryPlan;

GQuark             acq_jury_error_quark          (void);

const char        *acq_jury_outcome_label        (AcqJuryOutcome      outcome);
const char        *acq_jury_bloc_outcome_label   (AcqJuryBlocOutcome  outcome);
const char        *acq_jury_bloc_outcome_nick    (AcqJuryBlocOutcome  outcome);
const char        *acq_jury_platform_label       (AcqJuryPlatform     platform);
const char        *acq_jury_readiness_label      (AcqJuryReadiness    state);

/* The session */
AcqJurySession    *acq_jury_session_load         (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  GError            **error);
gboolean           acq_jury_session_save         (AcqStore           *store,
                                                  const AcqJurySession *session,
                                                  GError            **error);
void               acq_jury_session_free         (AcqJurySession     *session);
GDateTime         *acq_jury_session_dup_start    (const AcqJurySession *session);

/* The hand checklist */
GPtrArray         *acq_jury_hand_items_list      (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  GError            **error);
gboolean           acq_jury_hand_items_prefill   (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  GError            **error);
char              *acq_jury_hand_item_add        (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  const char         *label,
                                                  GError            **error);
gboolean           acq_jury_hand_item_set_done   (AcqStore           *store,
                                                  const char         *uuid,
                                                  gboolean            done,
                                                  GError            **error);
gboolean           acq_jury_hand_item_set_label  (AcqStore           *store,
                                                  const char         *uuid,
                                                  const char         *label,
                                                  GError            **error);
gboolean           acq_jury_hand_item_delete     (AcqStore           *store,
                                                  const char         *uuid,
                                                  GError            **error);
void               acq_jury_hand_item_free       (AcqJuryHandItem    *item);

/* The épreuve's parts and the rehearsals */
GPtrArray         *acq_jury_parts_list           (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  GError            **error);
gboolean           acq_jury_parts_save           (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  GPtrArray          *parts,
                                                  GError            **error);
AcqJuryPart       *acq_jury_part_new             (const char         *name,
                                                  guint               minutes);
void               acq_jury_part_free            (AcqJuryPart        *part);

AcqJuryRehearsal  *acq_jury_rehearsal_new        (const char         *date);
void               acq_jury_rehearsal_add_part   (AcqJuryRehearsal   *run,
                                                  const char         *name,
                                                  guint               seconds);
gboolean           acq_jury_rehearsal_save       (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  AcqJuryRehearsal   *run,
                                                  GError            **error);
GPtrArray         *acq_jury_rehearsals_list      (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  GError            **error);
void               acq_jury_rehearsal_free       (AcqJuryRehearsal   *run);

/* The oral's outline */
GPtrArray         *acq_jury_cards_list           (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  GError            **error);
gboolean           acq_jury_cards_draft          (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  GError            **error);
gboolean           acq_jury_card_save            (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  AcqJuryCard        *card,
                                                  GError            **error);
void               acq_jury_card_free            (AcqJuryCard        *card);

/* Readiness */
gboolean           acq_jury_readiness_set        (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  const char         *competence_uuid,
                                                  AcqJuryReadiness    state,
                                                  const char         *remark,
                                                  GError            **error);
GHashTable        *acq_jury_readiness_get        (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  GError            **error);
void               acq_jury_readiness_mark_free  (AcqJuryReadinessMark *mark);
GPtrArray         *acq_jury_competences_list     (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  GError            **error);
void               acq_jury_competence_free      (AcqJuryCompetence  *competence);

/* The result and what follows */
AcqJuryResult     *acq_jury_result_load          (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  GError            **error);
gboolean           acq_jury_result_set_bloc      (AcqJuryResult      *result,
                                                  const char         *bloc_uuid,
                                                  AcqJuryBlocOutcome  outcome);
gboolean           acq_jury_result_save          (AcqStore           *store,
                                                  const AcqJuryResult *result,
                                                  GError            **error);
void               acq_jury_result_free          (AcqJuryResult      *result);

AcqJuryPlan       *acq_jury_plan_load            (AcqStore           *store,
                                                  const char         *candidate_uuid,
                                                  GError            **error);
gboolean           acq_jury_plan_save            (AcqStore           *store,
                                                  const AcqJuryPlan  *plan,
                                                  GError            **error);
gboolean           acq_jury_plan_record_interview (AcqStore          *store,
                                                   const char        *candidate_uuid,
                                                   const char        *date,
                                                   GError           **error);
void               acq_jury_plan_free            (AcqJuryPlan        *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqJurySession, acq_jury_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqJuryHandItem, acq_jury_hand_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqJuryPart, acq_jury_part_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqJuryRehearsal, acq_jury_rehearsal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqJuryCard, acq_jury_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqJuryCompetence, acq_jury_competence_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqJuryResult, acq_jury_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqJuryPlan, acq_jury_plan_free)

G_END_DECLS

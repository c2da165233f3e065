/* acq-parcours.h — a candidate's dated parcours: the events of their VAE, done or planned
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "acq-candidate.h"
#include "acq-store.h"

G_BEGIN_DECLS

/* The kinds of event, in the order of a parcours. Stored as integers (parcours_event.kind, and
 * migration 5 names them by number): never reorder. */
typedef enum
{
  ACQ_PARCOURS_FIRST_CONTACT,          /* premier contact, demande d'accompagnement */
  ACQ_PARCOURS_FEASIBILITY_INTERVIEW,  /* entretien de faisabilité */
  ACQ_PARCOURS_ADMISSIBILITY_ASKED,    /* demande de recevabilité déposée */
  ACQ_PARCOURS_ADMISSIBILITY_DECIDED,  /* décision de recevabilité (favorable ou non) */
  ACQ_PARCOURS_QUOTE_SENT,             /* devis envoyé */
  ACQ_PARCOURS_QUOTE_ACCEPTED,         /* devis accepté */
  ACQ_PARCOURS_ACCOMPANIMENT_STARTED,  /* début de l'accompagnement */
  ACQ_PARCOURS_DOSSIER_DEPOSITED,      /* dossier de validation déposé */
  ACQ_PARCOURS_CONVOCATION_RECEIVED,   /* convocation au jury reçue */
  ACQ_PARCOURS_JURY,                   /* jury */
  ACQ_PARCOURS_POST_JURY_INTERVIEW,    /* entretien post-jury */
  ACQ_PARCOURS_CERTIFIED,              /* certification obtenue (validation totale) */
  ACQ_N_PARCOURS_KINDS
} AcqParcoursKind;

/* The certifier's answer, for ACQ_PARCOURS_ADMISSIBILITY_DECIDED only. Stored: never reorder. */
typedef enum
{
  ACQ_PARCOURS_DECISION_NONE,
  ACQ_PARCOURS_DECISION_FAVOURABLE,
  ACQ_PARCOURS_DECISION_UNFAVOURABLE,
  ACQ_N_PARCOURS_DECISIONS
} AcqParcoursDecision;

/* Longest note accepted, in characters. */
#define ACQ_PARCOURS_NOTE_MAX 2000

/**
 * AcqParcoursEvent:
 * @uuid: its id, set when it is added (%NULL before)
 * @candidate_uuid: whose parcours
 * @kind: what happened, or will
 * @date: the day (a valid #GDate)
 * @planned: %TRUE for an event to come, %FALSE for one that took place
 * @decision: for a recevabilité decision, which one
 * @note: free text, never %NULL
 *
 * One event of a parcours, a plain struct: the UI wraps it as it likes.
 */
typedef struct
{
  char               *uuid;
  char               *candidate_uuid;
  AcqParcoursKind     kind;
  GDate               date;
  gboolean            planned;
  AcqParcoursDecision decision;
  char               *note;
} AcqParcoursEvent;

#define ACQ_TYPE_PARCOURS_EVENT (acq_parcours_event_get_type ())
GType             acq_parcours_event_get_type  (void) G_GNUC_CONST;

const char       *acq_parcours_kind_label      (AcqParcoursKind      kind);
const char       *acq_parcours_kind_nick       (AcqParcoursKind      kind);
const char       *acq_parcours_decision_label  (AcqParcoursDecision  decision);
AcqStage          acq_parcours_kind_stage      (AcqParcoursKind      kind);
AcqParcoursKind   acq_parcours_stage_kind      (AcqStage             stage);

AcqParcoursEvent *acq_parcours_event_new       (AcqParcoursKind      kind,
                                                const GDate         *date,
                                                gboolean             planned);
AcqParcoursEvent *acq_parcours_event_copy      (const AcqParcoursEvent *event);
void              acq_parcours_event_free      (AcqParcoursEvent    *event);
int               acq_parcours_event_compare   (const AcqParcoursEvent *a,
                                                const AcqParcoursEvent *b);
gboolean          acq_parcours_derive_stage    (GPtrArray           *events,
                                                AcqStage            *out_stage,
                                                GDate               *out_since);

GPtrArray        *acq_parcours_list            (AcqStore            *store,
                                                const char          *candidate_uuid,
                                                GError             **error);
GPtrArray        *acq_parcours_list_all        (AcqStore            *store,
                                                GError             **error);
gboolean          acq_parcours_add             (AcqStore            *store,
                                                AcqParcoursEvent    *event,
                                                GError             **error);
gboolean          acq_parcours_change          (AcqStore            *store,
                                                const AcqParcoursEvent *event,
                                                GError             **error);
gboolean          acq_parcours_delete          (AcqStore            *store,
                                                const char          *uuid,
                                                GError             **error);
gboolean          acq_parcours_undelete        (AcqStore            *store,
                                                const char          *uuid,
                                                GError             **error);
gboolean          acq_parcours_purge_stale     (AcqStore            *store,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqParcoursEvent, acq_parcours_event_free)

G_END_DECLS

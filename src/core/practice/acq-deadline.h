/* acq-deadline.h — the accompagnatrice's deadlines, computed from a candidate's parcours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "acq-parcours.h"

G_BEGIN_DECLS

/* What a deadline is about. */
typedef enum
{
  ACQ_DEADLINE_ADMISSIBILITY_ANSWER, /* the certifier answers within 2 months of the request */
  ACQ_DEADLINE_FIRST_REPLY,          /* answer a request within 30 days (charte) */
  ACQ_DEADLINE_START,                /* start within 15 days of the accepted quote (charte) */
  ACQ_DEADLINE_INACTIVITY,           /* France VAE marks the candidacy inactive */
  ACQ_DEADLINE_ABANDONMENT,          /* France VAE marks the inactive candidacy abandoned */
  ACQ_DEADLINE_PLANNED_EVENT,        /* a planned event of the parcours (jury, convocation…) */
  ACQ_DEADLINE_SESSION,              /* a planned session of the livret de suivi */
  ACQ_DEADLINE_OVER_PLAN,            /* more hours held than the quote planned */
  ACQ_DEADLINE_COMPLAINT_ANSWER,     /* answer a complaint within 30 days (charte, Qualiopi) */
  ACQ_N_DEADLINE_KINDS
} AcqDeadlineKind;

/* Relative to "today": due before it, within the 7 days from it (today included), or after. */
typedef enum
{
  ACQ_DEADLINE_OVERDUE,
  ACQ_DEADLINE_THIS_WEEK,
  ACQ_DEADLINE_LATER,
} AcqDeadlineSeverity;

/* What clears the deadline: the UI maps each to a button. */
typedef enum
{
  ACQ_DEADLINE_ACTION_RECORD_DECISION,     /* record the recevabilité decision */
  ACQ_DEADLINE_ACTION_RECORD_CONTACT,      /* reply, and record the next event */
  ACQ_DEADLINE_ACTION_START_ACCOMPANIMENT, /* record the start of the accompaniment */
  ACQ_DEADLINE_ACTION_RECORD_ACTIVITY,     /* get in touch, and record what was done */
  ACQ_DEADLINE_ACTION_MARK_DONE,           /* mark the planned event done (or move it) */
  ACQ_DEADLINE_ACTION_OPEN_SESSION,        /* open the planned session */
  ACQ_DEADLINE_ACTION_REVIEW_HOURS,        /* review the planned hours, a new quote */
  ACQ_DEADLINE_ACTION_ANSWER_COMPLAINT,    /* answer the complaint, and log the answer */
} AcqDeadlineAction;

#define ACQ_DEADLINE_ADMISSIBILITY_MONTHS 2
#define ACQ_DEADLINE_FIRST_REPLY_DAYS     30
#define ACQ_DEADLINE_START_DAYS           15
#define ACQ_DEADLINE_INACTIVE_BEFORE_DAYS 60   /* without activity, before recevabilité */
#define ACQ_DEADLINE_INACTIVE_AFTER_DAYS  165  /* without activity, after it */
#define ACQ_DEADLINE_ABANDONED_DAYS       180  /* after being marked inactive */
#define ACQ_DEADLINE_WEEK_DAYS            7

/**
 * AcqDeadlineInput:
 * @candidate_uuid: whose
 * @events: (element-type AcqParcoursEvent): their events, in the order of
 *   acq_parcours_event_compare() (acq_parcours_list() gives them so)
 * @last_activity: the last day something was written for them (a sheet, the profile…), or an
 *   invalid date; the events done count as activity too
 * @planned_sessions: (element-type GDate) (nullable): the days of the sessions planned in the
 *   livret de suivi (practice/acq-session.*, to come), or %NULL
 * @planned_hours: the hours the quote plans, 0 when unknown
 * @held_hours: the hours of the sessions held
 *
 * Everything the rules read about one candidate: the caller gathers it (from the store or
 * elsewhere); acq_deadline_compute() reads nothing else.
 */
typedef struct
{
  const char *candidate_uuid;
  GPtrArray  *events;
  GDate       last_activity;
  GArray     *planned_sessions;
  double      planned_hours;
  double      held_hours;
} AcqDeadlineInput;

/**
 * AcqDeadline:
 * @kind: what it is about
 * @due: the day it falls due
 * @severity: overdue, this week or later, relative to the "today" it was computed for
 * @action: what clears it
 * @candidate_uuid: (nullable): whose; %NULL only for a complaint made by someone else
 * @event_uuid: (nullable): the event of the parcours it comes from, if any; for a
 *   complaint, the complaint's uuid
 * @event_kind: that event's kind (for %ACQ_DEADLINE_PLANNED_EVENT, which event)
 * @text: one sentence, translated, not owned (a static string of the program)
 */
typedef struct
{
  AcqDeadlineKind     kind;
  GDate               due;
  AcqDeadlineSeverity severity;
  AcqDeadlineAction   action;
  char               *candidate_uuid;
  char               *event_uuid;
  AcqParcoursKind     event_kind;
  const char         *text;
} AcqDeadline;

#define ACQ_TYPE_DEADLINE (acq_deadline_get_type ())
GType        acq_deadline_get_type      (void) G_GNUC_CONST;

AcqDeadline *acq_deadline_copy          (const AcqDeadline      *deadline);
void         acq_deadline_free          (AcqDeadline            *deadline);
int          acq_deadline_compare       (const AcqDeadline      *a,
                                         const AcqDeadline      *b);
const char  *acq_deadline_get_nick      (const AcqDeadline      *deadline);
const char  *acq_deadline_kind_nick     (AcqDeadlineKind         kind);

AcqDeadlineSeverity acq_deadline_severity_for (const GDate      *due,
                                               const GDate      *today);
void         acq_deadline_compute       (const AcqDeadlineInput *input,
                                         const GDate            *today,
                                         GPtrArray              *out);
gboolean     acq_deadline_compute_complaint (const char         *complaint_uuid,
                                             const char         *candidate_uuid,
                                             const char         *received_on,
                                             gboolean            open,
                                             const GDate        *today,
                                             GPtrArray          *out);

GPtrArray   *acq_deadline_list_caseload (AcqStore               *store,
                                         const GDate            *today,
                                         GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqDeadline, acq_deadline_free)

G_END_DECLS

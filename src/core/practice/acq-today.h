/* acq-today.h — what the accompagnatrice (or the candidate) has to do today, gathered at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "acq-deadline.h"
#include "acq-store.h"
#include "acq-types.h"

G_BEGIN_DECLS

/* The sections of the Today view, in the order it shows them. The coach's first nine; the
 * candidate's: her next session, her deadlines (overdue, this week, later) and open comments. */
typedef enum
{
  ACQ_TODAY_OVERDUE,
  ACQ_TODAY_THIS_WEEK,
  ACQ_TODAY_SESSIONS,      /* the sessions of the day */
  ACQ_TODAY_TO_REVIEW,     /* sheets waiting for a review, the oldest request first */
  ACQ_TODAY_COMMENTS,      /* sheets with comment threads still open */
  ACQ_TODAY_INACTIVE,      /* candidacies France VAE marks inactive (or abandoned) */
  ACQ_TODAY_OVER_PLAN,     /* more hours held than the quote plans */
  ACQ_TODAY_COMPLAINTS,    /* complaints waiting for their answer, not overdue yet */
  ACQ_TODAY_PAST_RETENTION, /* ended accompaniments kept longer than she said (privacy/) */
  ACQ_TODAY_NEXT_SESSION,  /* the candidate's next session */
  ACQ_TODAY_LATER,         /* the candidate's deadlines after this week */
  ACQ_N_TODAY_SECTIONS
} AcqTodaySection;

/**
 * AcqTodayItem:
 * @section: where it shows
 * @candidate_uuid: whose
 * @candidate_name: their name, as the sidebar says it
 * @title: what, one short translated phrase ("Admissibility answer", "Accompaniment session")
 * @date: when: the day it is due, the session's day, the day the review was asked, the day
 *   the oldest open comment was written
 * @start_time: (nullable): a session's start, HH:MM
 * @end_time: (nullable): a session's end, HH:MM
 * @sheet_uuid: (nullable): the sheet it is about (a review, comments): activating opens it
 * @session_uuid: (nullable): the session it is about
 * @count: how many (open comment threads on the sheet), else 0
 * @deadline: (nullable): the deadline it comes from
 */
typedef struct
{
  AcqTodaySection section;
  char           *candidate_uuid;
  char           *candidate_name;
  char           *title;
  GDate           date;
  char           *start_time;
  char           *end_time;
  char           *sheet_uuid;
  char           *session_uuid;
  guint           count;
  AcqDeadline    *deadline;
} AcqTodayItem;

/**
 * AcqToday:
 * @today: the day it was gathered for
 * @role: for whom
 * @sections: (element-type AcqTodayItem): each section's items, in the order shown
 * @next_deadlines: (element-type utf8 AcqDeadline): candidate uuid → their first deadline
 *   (the sidebar's subtitle, badge and sort); candidates without one are absent
 * @complete: %FALSE for what acq_today_gather_quick() gives: the sections that do not come
 *   from the deadlines, while those are computed
 */
typedef struct
{
  GDate       today;
  AcqRole     role;
  GPtrArray  *sections[ACQ_N_TODAY_SECTIONS];
  GHashTable *next_deadlines;
  gboolean    complete;
} AcqToday;

AcqToday    *acq_today_gather            (AcqStore        *store,
                                          const GDate     *today,
                                          AcqRole          role,
                                          GError         **error);
AcqToday    *acq_today_gather_quick      (AcqStore        *store,
                                          const GDate     *today,
                                          AcqRole          role,
                                          GError         **error);
void         acq_today_free              (AcqToday        *self);
AcqTodayItem *acq_today_add              (AcqToday        *self,
                                          AcqTodaySection  section,
                                          const char      *candidate_uuid,
                                          const char      *candidate_name,
                                          const char      *title,
                                          const GDate     *date);
guint        acq_today_count             (const AcqToday  *self);
GPtrArray   *acq_today_became_due        (const AcqToday  *self,
                                          const GDate     *since);

const char  *acq_today_deadline_title    (const AcqDeadline *deadline);
char        *acq_today_dup_deadline_short (const AcqDeadline *deadline);
char        *acq_today_format_due        (const GDate     *due,
                                          const GDate     *today);
char        *acq_today_format_since      (const GDate     *day,
                                          const GDate     *today);
void         acq_today_get_local_date    (GDate           *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqToday, acq_today_free)

G_END_DECLS

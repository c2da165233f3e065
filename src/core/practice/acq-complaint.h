/* acq-complaint.h — the complaints log (réclamations) of the practice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "acq-deadline.h"
#include "acq-store.h"

G_BEGIN_DECLS

#define ACQ_COMPLAINT_ERROR (acq_complaint_error_quark ())

typedef enum
{
  ACQ_COMPLAINT_ERROR_INVALID,   /* a date or a text that cannot be kept */
  ACQ_COMPLAINT_ERROR_NOT_FOUND, /* no such complaint */
} AcqComplaintError;

/* The charte's 30 days for a reply: an open complaint is due so long after it came in. */
#define ACQ_COMPLAINT_ANSWER_DAYS ACQ_DEADLINE_FIRST_REPLY_DAYS

/* How long a deleted complaint can be brought back (the undo toast), with a margin. */
#define ACQ_COMPLAINT_UNDO_SECONDS 60

/* Stored as integers: never reorder. */
typedef enum
{
  ACQ_COMPLAINT_CHANNEL_EMAIL,  /* courriel */
  ACQ_COMPLAINT_CHANNEL_LETTER, /* courrier */
  ACQ_COMPLAINT_CHANNEL_ORAL,   /* oral */
  ACQ_N_COMPLAINT_CHANNELS
} AcqComplaintChannel;

typedef enum
{
  ACQ_COMPLAINT_OPEN,     /* not answered yet: a deadline */
  ACQ_COMPLAINT_ANSWERED, /* answered, the person may still reply */
  ACQ_COMPLAINT_CLOSED,   /* over */
  ACQ_N_COMPLAINT_STATUSES
} AcqComplaintStatus;

/**
 * AcqComplaint:
 * @uuid: its id, %NULL for one not stored yet
 * @received_on: the day it came in, YYYY-MM-DD
 * @channel: how it came
 * @from_whom: who made it, as the coach writes it
 * @candidate_uuid: (nullable): the candidate who made it, if one did
 * @subject: what it is about
 * @answer: the answer given, "" if none yet
 * @answered_on: (nullable): the day of the answer, YYYY-MM-DD
 * @status: open, answered or closed
 */
typedef struct
{
  char               *uuid;
  char               *received_on;
  AcqComplaintChannel channel;
  char               *from_whom;
  char               *candidate_uuid;
  char               *subject;
  char               *answer;
  char               *answered_on;
  AcqComplaintStatus  status;
} AcqComplaint;

GQuark        acq_complaint_error_quark     (void);

const char   *acq_complaint_channel_label   (AcqComplaintChannel  channel);
const char   *acq_complaint_channel_french  (AcqComplaintChannel  channel);
const char   *acq_complaint_status_label    (AcqComplaintStatus   status);
const char   *acq_complaint_status_french   (AcqComplaintStatus   status);

AcqComplaint *acq_complaint_new             (const char          *received_on);
AcqComplaint *acq_complaint_copy            (const AcqComplaint  *complaint);
void          acq_complaint_free            (AcqComplaint        *complaint);
gboolean      acq_complaint_get_due         (const AcqComplaint  *complaint,
                                             GDate               *out_due);

GPtrArray    *acq_complaint_list            (AcqStore            *store,
                                             int                  year,
                                             GError             **error);
AcqComplaint *acq_complaint_load            (AcqStore            *store,
                                             const char          *uuid,
                                             GError             **error);
gboolean      acq_complaint_save            (AcqStore            *store,
                                             AcqComplaint        *complaint,
                                             GError             **error);
gboolean      acq_complaint_delete          (AcqStore            *store,
                                             const char          *uuid,
                                             GError             **error);
gboolean      acq_complaint_undelete        (AcqStore            *store,
                                             const char          *uuid,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AcqComplaint, acq_complaint_free)

G_END_DECLS

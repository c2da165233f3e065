/* acq-deadline.c — the accompagnatrice's deadlines, computed from a candidate's parcours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure: acq_deadline_compute() reads one candidate's events, their last activity and the day
 * it is, and nothing else (no store, no clock), so that every rule is tested by a table of
 * dates (tests/test-practice.c) and the caseload's deadlines are a loop without I/O
 * (acq-deadline-caseload.c gathers the input). The rules (PRODUCT.md, "The process"):
 *
 * - recevabilité: the certifier answers within 2 months of the latest request, unless a
 *   decision is recorded since (GDate clamps a month end: asked on 31 December, due on the
 *   last day of February);
 * - the charte: answer a request within 30 days of the first contact, unless any other event
 *   (done or planned) is recorded on or after it; start within 15 days of the latest accepted
 *   quote, unless the start is recorded (done) on or after it;
 * - France VAE: a candidacy without activity for 60 days before a favourable recevabilité, 165
 *   after, is marked inactive on that day, and abandoned 180 days later; the abandonment is
 *   shown once the candidacy is inactive. A parcours that is over (jury or post-jury interview
 *   done, or the latest request refused) has none of these;
 * - each planned event, and each planned session of the livret, is due on its day; hours held
 *   over the planned hours are due today;
 * - a complaint still open is due 30 days after it came in (the charte's delay for a reply,
 *   and Qualiopi's "systematic answer"): acq_deadline_compute_complaint().
 *
 * Severity: due before today is overdue; due today or within the 6 days after is this week.
 */
#define G_LOG_DOMAIN "acq-deadline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "acq-deadline.h"
#include "acq-parcours-private.h"

G_DEFINE_BOXED_TYPE (AcqDeadline, acq_deadline, acq_deadline_copy, acq_deadline_free)

AcqDeadline *
acq_deadline_copy (const AcqDeadline *deadline)
{
  AcqDeadline *copy = g_new (AcqDeadline, 1);

  *copy = *deadline;
  copy->candidate_uuid = g_strdup (deadline->candidate_uuid);
  copy->event_uuid = g_strdup (deadline->event_uuid);
  return copy;
}

void
acq_deadline_free (AcqDeadline *deadline)
{
  if (deadline == NULL)
    return;
  g_free (deadline->candidate_uuid);
  g_free (deadline->event_uuid);
  g_free (deadline);
}

/**
 * acq_deadline_compare:
 * @a: a deadline
 * @b: another
 *
 * By due date, then kind, then candidate: the agenda's order.
 *
 * Returns: negative, 0 or positive
 */
int
acq_deadline_compare (const AcqDeadline *a, const AcqDeadline *b)
{
  int result = g_date_compare (&a->due, &b->due);

  if (result == 0)
    result = (int) a->kind - (int) b->kind;
  if (result == 0)
    result = g_strcmp0 (a->candidate_uuid, b->candidate_uuid);
  return result;
}

/**
 * acq_deadline_kind_nick:
 * @kind: a kind of deadline
 *
 * Returns: a stable name for scripts ("admissibility-answer"…), never translated
 */
const char *
acq_deadline_kind_nick (AcqDeadlineKind kind)
{
  switch (kind)
    {
    case ACQ_DEADLINE_ADMISSIBILITY_ANSWER: return "admissibility-answer";
    case ACQ_DEADLINE_FIRST_REPLY: return "first-reply";
    case ACQ_DEADLINE_START: return "start";
    case ACQ_DEADLINE_INACTIVITY: return "inactivity";
    case ACQ_DEADLINE_ABANDONMENT: return "abandonment";
    case ACQ_DEADLINE_PLANNED_EVENT: return "planned";
    case ACQ_DEADLINE_SESSION: return "session";
    case ACQ_DEADLINE_OVER_PLAN: return "over-plan";
    case ACQ_DEADLINE_COMPLAINT_ANSWER: return "complaint";
    case ACQ_N_DEADLINE_KINDS: break;
    default: break;
    }
  g_return_val_if_reached (NULL);
}

/**
 * acq_deadline_get_nick:
 * @deadline: a deadline
 *
 * Returns: the kind's stable name; for a planned event, the event's ("jury"…)
 */
const char *
acq_deadline_get_nick (const AcqDeadline *deadline)
{
  if (deadline->kind == ACQ_DEADLINE_PLANNED_EVENT)
    return acq_parcours_kind_nick (deadline->event_kind);
  return acq_deadline_kind_nick (deadline->kind);
}

/**
 * acq_deadline_severity_for:
 * @due: the day a deadline falls due
 * @today: the day it is
 *
 * Returns: overdue before @today, this week from @today to 6 days after, later after that
 */
AcqDeadlineSeverity
acq_deadline_severity_for (const GDate *due, const GDate *today)
{
  int days = g_date_days_between (today, due);

  if (days < 0)
    return ACQ_DEADLINE_OVERDUE;
  if (days < ACQ_DEADLINE_WEEK_DAYS)
    return ACQ_DEADLINE_THIS_WEEK;
  return ACQ_DEADLINE_LATER;
}

static const char *
planned_text (AcqParcoursKind kind)
{
  switch (kind)
    {
    case ACQ_PARCOURS_FIRST_CONTACT: return _("First contact planned.");
    case ACQ_PARCOURS_FEASIBILITY_INTERVIEW: return _("Feasibility interview planned.");
    case ACQ_PARCOURS_ADMISSIBILITY_ASKED: return _("Recevabilité request planned.");
    case ACQ_PARCOURS_ADMISSIBILITY_DECIDED: return _("Recevabilité decision expected.");
    case ACQ_PARCOURS_QUOTE_SENT: return _("Quote to send.");
    case ACQ_PARCOURS_QUOTE_ACCEPTED: return _("Quote acceptance expected.");
    case ACQ_PARCOURS_ACCOMPANIMENT_STARTED: return _("Accompaniment to start.");
    case ACQ_PARCOURS_DOSSIER_DEPOSITED: return _("Dossier to submit.");
    case ACQ_PARCOURS_CONVOCATION_RECEIVED: return _("Convocation to the jury expected.");
    case ACQ_PARCOURS_JURY: return _("Jury (oral defence).");
    case ACQ_PARCOURS_POST_JURY_INTERVIEW: return _("Post-jury interview planned.");
    case ACQ_PARCOURS_CERTIFIED: return _("Certification expected.");
    case ACQ_N_PARCOURS_KINDS: break;
    default: break;
    }
  g_return_val_if_reached ("");
}

static void
add (GPtrArray *out, const AcqDeadlineInput *input, const GDate *today, AcqDeadlineKind kind,
     const GDate *due, AcqDeadlineAction action, const AcqParcoursEvent *event, const char *text)
{
  AcqDeadline *deadline = g_new (AcqDeadline, 1);

  deadline->kind = kind;
  deadline->due = *due;
  deadline->severity = acq_deadline_severity_for (due, today);
  deadline->action = action;
  deadline->candidate_uuid = g_strdup (input->candidate_uuid);
  deadline->event_uuid = event ? g_strdup (event->uuid) : NULL;
  deadline->event_kind = event ? event->kind : ACQ_N_PARCOURS_KINDS;
  deadline->text = text;
  g_ptr_array_add (out, deadline);
}

/* What one pass over the events finds. */
typedef struct
{
  const AcqParcoursEvent *first_contact;  /* the earliest done */
  const AcqParcoursEvent *asked;          /* the latest request done */
  const AcqParcoursEvent *decided;        /* the latest decision done */
  const AcqParcoursEvent *quote_accepted; /* the latest done */
  const AcqParcoursEvent *started;        /* the latest start done */
  const AcqParcoursEvent *latest_done;
  gboolean                favourable;     /* a favourable decision is done */
  gboolean                over;           /* jury or post-jury interview done */
} Facts;

static void
gather (const AcqDeadlineInput *input, Facts *facts)
{
  memset (facts, 0, sizeof *facts);
  for (guint i = 0; i < input->events->len; i++)
    {
      const AcqParcoursEvent *event = g_ptr_array_index (input->events, i);

      if (event->planned)
        continue;
      facts->latest_done = event;
      switch (event->kind)
        {
        case ACQ_PARCOURS_FIRST_CONTACT:
          if (facts->first_contact == NULL)
            facts->first_contact = event;
          break;
        case ACQ_PARCOURS_ADMISSIBILITY_ASKED:
          facts->asked = event;
          break;
        case ACQ_PARCOURS_ADMISSIBILITY_DECIDED:
          facts->decided = event;
          if (event->decision == ACQ_PARCOURS_DECISION_FAVOURABLE)
            facts->favourable = TRUE;
          break;
        case ACQ_PARCOURS_QUOTE_ACCEPTED:
          facts->quote_accepted = event;
          break;
        case ACQ_PARCOURS_ACCOMPANIMENT_STARTED:
          facts->started = event;
          break;
        case ACQ_PARCOURS_JURY:
        case ACQ_PARCOURS_POST_JURY_INTERVIEW:
        case ACQ_PARCOURS_CERTIFIED:
          facts->over = TRUE;
          break;
        case ACQ_PARCOURS_FEASIBILITY_INTERVIEW:
        case ACQ_PARCOURS_QUOTE_SENT:
        case ACQ_PARCOURS_DOSSIER_DEPOSITED:
        case ACQ_PARCOURS_CONVOCATION_RECEIVED:
        case ACQ_N_PARCOURS_KINDS:
        default:
          break;
        }
    }
}

/* Whether an event other than @contact, done or planned, is dated on or after it. */
static gboolean
answered (const AcqDeadlineInput *input, const AcqParcoursEvent *contact)
{
  for (guint i = 0; i < input->events->len; i++)
    {
      const AcqParcoursEvent *event = g_ptr_array_index (input->events, i);

      if (event->kind != ACQ_PARCOURS_FIRST_CONTACT &&
          g_date_compare (&event->date, &contact->date) >= 0)
        return TRUE;
    }
  return FALSE;
}

static void
inactivity (const AcqDeadlineInput *input, const Facts *facts, const GDate *today,
            GPtrArray *out)
{
  GDate last = input->last_activity;
  GDate inactive, abandoned;
  guint days = facts->favourable ? ACQ_DEADLINE_INACTIVE_AFTER_DAYS
                                 : ACQ_DEADLINE_INACTIVE_BEFORE_DAYS;

  /* over: the jury is past, or the latest request was refused */
  if (facts->over ||
      (facts->decided != NULL && facts->decided->decision == ACQ_PARCOURS_DECISION_UNFAVOURABLE &&
       (facts->asked == NULL || g_date_compare (&facts->decided->date, &facts->asked->date) >= 0)))
    return;
  if (facts->latest_done != NULL &&
      (!g_date_valid (&last) || g_date_compare (&facts->latest_done->date, &last) > 0))
    last = facts->latest_done->date;
  if (!g_date_valid (&last))
    return;
  inactive = last;
  g_date_add_days (&inactive, days);
  add (out, input, today, ACQ_DEADLINE_INACTIVITY, &inactive,
       ACQ_DEADLINE_ACTION_RECORD_ACTIVITY, NULL,
       facts->favourable
         ? _("France VAE marks the candidacy inactive after 165 days without activity.")
         : _("France VAE marks the candidacy inactive after 60 days without activity before "
             "recevabilité."));
  if (g_date_compare (&inactive, today) > 0)
    return;
  abandoned = inactive;
  g_date_add_days (&abandoned, ACQ_DEADLINE_ABANDONED_DAYS);
  add (out, input, today, ACQ_DEADLINE_ABANDONMENT, &abandoned,
       ACQ_DEADLINE_ACTION_RECORD_ACTIVITY, NULL,
       _("France VAE marks an inactive candidacy abandoned 180 days later."));
}

/**
 * acq_deadline_compute:
 * @input: one candidate's parcours and activity
 * @today: the day it is
 * @out: (element-type AcqDeadline): where the deadlines are appended, in no order
 *
 * Applies every rule (see the top of acq-deadline.c) to @input, and nothing else: no store,
 * no clock. The caller sorts with acq_deadline_compare() if it needs to.
 */
void
acq_deadline_compute (const AcqDeadlineInput *input, const GDate *today, GPtrArray *out)
{
  Facts facts;
  GDate due;

  g_return_if_fail (input != NULL && input->events != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (out != NULL);

  gather (input, &facts);

  if (facts.asked != NULL &&
      (facts.decided == NULL || g_date_compare (&facts.decided->date, &facts.asked->date) < 0))
    {
      due = facts.asked->date;
      g_date_add_months (&due, ACQ_DEADLINE_ADMISSIBILITY_MONTHS);
      add (out, input, today, ACQ_DEADLINE_ADMISSIBILITY_ANSWER, &due,
           ACQ_DEADLINE_ACTION_RECORD_DECISION, facts.asked,
           _("The certifier's recevabilité answer is due, two months after the request."));
    }

  if (facts.first_contact != NULL && !answered (input, facts.first_contact))
    {
      due = facts.first_contact->date;
      g_date_add_days (&due, ACQ_DEADLINE_FIRST_REPLY_DAYS);
      add (out, input, today, ACQ_DEADLINE_FIRST_REPLY, &due, ACQ_DEADLINE_ACTION_RECORD_CONTACT,
           facts.first_contact,
           _("Answer the candidate's request within 30 days of the first contact (charte)."));
    }

  if (facts.quote_accepted != NULL &&
      (facts.started == NULL ||
       g_date_compare (&facts.started->date, &facts.quote_accepted->date) < 0))
    {
      due = facts.quote_accepted->date;
      g_date_add_days (&due, ACQ_DEADLINE_START_DAYS);
      add (out, input, today, ACQ_DEADLINE_START, &due, ACQ_DEADLINE_ACTION_START_ACCOMPANIMENT,
           facts.quote_accepted,
           _("Start the accompaniment within 15 days of the accepted quote (charte)."));
    }

  inactivity (input, &facts, today, out);

  for (guint i = 0; i < input->events->len; i++)
    {
      const AcqParcoursEvent *event = g_ptr_array_index (input->events, i);

      if (event->planned)
        add (out, input, today, ACQ_DEADLINE_PLANNED_EVENT, &event->date,
             ACQ_DEADLINE_ACTION_MARK_DONE, event, planned_text (event->kind));
    }

  for (guint i = 0; input->planned_sessions != NULL && i < input->planned_sessions->len; i++)
    add (out, input, today, ACQ_DEADLINE_SESSION,
         &g_array_index (input->planned_sessions, GDate, i), ACQ_DEADLINE_ACTION_OPEN_SESSION,
         NULL, _("Session planned in the livret de suivi."));

  if (input->planned_hours > 0 && input->held_hours > input->planned_hours)
    add (out, input, today, ACQ_DEADLINE_OVER_PLAN, today, ACQ_DEADLINE_ACTION_REVIEW_HOURS, NULL,
         _("More hours held than the quote plans: review the plan with the candidate."));
}

/**
 * acq_deadline_compute_complaint:
 * @complaint_uuid: the complaint's
 * @candidate_uuid: (nullable): the candidate who made it, if one did
 * @received_on: the day it came in, YYYY-MM-DD
 * @open: whether it is still waiting for its answer
 * @today: the day it is
 * @out: (element-type AcqDeadline): where to add the deadline
 *
 * A complaint waiting for its answer is due %ACQ_DEADLINE_FIRST_REPLY_DAYS (30) days after it
 * came in; an answered or closed one, or one without a readable day, has no deadline.
 *
 * Returns: %TRUE if a deadline was added
 */
gboolean
acq_deadline_compute_complaint (const char *complaint_uuid, const char *candidate_uuid,
                                const char *received_on, gboolean open, const GDate *today,
                                GPtrArray *out)
{
  AcqDeadline *deadline;
  GDate due;

  g_return_val_if_fail (complaint_uuid != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!open || !_acq_parcours_parse_date (received_on, &due))
    return FALSE;
  g_date_add_days (&due, ACQ_DEADLINE_FIRST_REPLY_DAYS);
  deadline = g_new (AcqDeadline, 1);
  deadline->kind = ACQ_DEADLINE_COMPLAINT_ANSWER;
  deadline->due = due;
  deadline->severity = acq_deadline_severity_for (&due, today);
  deadline->action = ACQ_DEADLINE_ACTION_ANSWER_COMPLAINT;
  deadline->candidate_uuid = g_strdup (candidate_uuid);
  deadline->event_uuid = g_strdup (complaint_uuid);
  deadline->event_kind = ACQ_N_PARCOURS_KINDS;
  deadline->text = _("A complaint waits for its answer (30 days at most).");
  g_ptr_array_add (out, deadline);
  return TRUE;
}

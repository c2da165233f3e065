/* test-qualiopi.c — the complaints log, the satisfaction answers and the yearly review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "acq-complaint.h"
#include "acq-deadline.h"
#include "acq-today.h"
#include "sheet-fixture.h"

static GDate
day_of (int year, int month, int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

static AcqComplaint *
log_complaint (Fixture *f, const char *received_on, const char *subject, gboolean from_candidate)
{
  g_autoptr (GError) error = NULL;
  AcqComplaint *complaint = acq_complaint_new (received_on);

  complaint->channel = ACQ_COMPLAINT_CHANNEL_LETTER;
  g_free (complaint->subject);
  complaint->subject = g_strdup (subject);
  if (from_candidate)
    complaint->candidate_uuid = g_strdup (acq_candidate_get_uuid (f->candidate));
  else
    {
      g_free (complaint->from_whom);
      complaint->from_whom = g_strdup ("Un employeur");
    }
  g_assert_true (acq_complaint_save (f->store, complaint, &error));
  g_assert_no_error (error);
  g_assert_nonnull (complaint->uuid);
  return complaint;
}

/* Today's complaint rows: how many, and the one of @uuid. */
static const AcqTodayItem *
find_complaint (const AcqToday *today, const char *uuid, guint *out_count)
{
  const AcqTodayItem *found = NULL;

  *out_count = 0;
  for (guint s = 0; s < ACQ_N_TODAY_SECTIONS; s++)
    for (guint i = 0; i < today->sections[s]->len; i++)
      {
        const AcqTodayItem *item = g_ptr_array_index (today->sections[s], i);

        if (item->deadline == NULL || item->deadline->kind != ACQ_DEADLINE_COMPLAINT_ANSWER)
          continue;
        (*out_count)++;
        if (g_strcmp0 (item->deadline->event_uuid, uuid) == 0)
          found = item;
      }
  return found;
}

static void
test_complaint_deadline_rule (void)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_deadline_free);
  GDate today = day_of (2026, 3, 20);
  const AcqDeadline *deadline;

  /* answered: nothing; unreadable day: nothing */
  g_assert_false (acq_deadline_compute_complaint ("c1", NULL, "2026-03-01", FALSE, &today, out));
  g_assert_false (acq_deadline_compute_complaint ("c1", NULL, "1/3/2026", TRUE, &today, out));
  g_assert_cmpuint (out->len, ==, 0);

  /* open: due 30 days after it came in, this week when that is within 7 days */
  g_assert_true (acq_deadline_compute_complaint ("c1", NULL, "2026-02-20", TRUE, &today, out));
  deadline = g_ptr_array_index (out, 0);
  g_assert_cmpint (deadline->kind, ==, ACQ_DEADLINE_COMPLAINT_ANSWER);
  g_assert_cmpint (deadline->action, ==, ACQ_DEADLINE_ACTION_ANSWER_COMPLAINT);
  g_assert_cmpint (g_date_get_day (&deadline->due), ==, 22);
  g_assert_cmpint (g_date_get_month (&deadline->due), ==, 3);
  g_assert_cmpint (deadline->severity, ==, ACQ_DEADLINE_THIS_WEEK);
  g_assert_cmpstr (deadline->event_uuid, ==, "c1");
  g_assert_null (deadline->candidate_uuid);
  g_assert_cmpstr (acq_deadline_get_nick (deadline), ==, "complaint");

  /* 31 days ago: overdue by a day */
  g_assert_true (acq_deadline_compute_complaint ("c2", "k", "2026-02-17", TRUE, &today, out));
  deadline = g_ptr_array_index (out, 1);
  g_assert_cmpint (deadline->severity, ==, ACQ_DEADLINE_OVERDUE);
  g_assert_cmpstr (deadline->candidate_uuid, ==, "k");
}

static void
test_complaint_save_and_list (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqComplaint) first = log_complaint (f, "2026-02-10", "Séance annulée", TRUE);
  g_autoptr (AcqComplaint) second = log_complaint (f, "2025-11-03", "Facture", FALSE);
  g_autoptr (AcqComplaint) loaded = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) year = NULL;
  GDate due;

  all = acq_complaint_list (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  /* the latest first */
  g_assert_cmpstr (((AcqComplaint *) g_ptr_array_index (all, 0))->subject, ==, "Séance annulée");
  year = acq_complaint_list (f->store, 2025, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (year->len, ==, 1);
  g_assert_cmpstr (((AcqComplaint *) g_ptr_array_index (year, 0))->from_whom, ==, "Un employeur");

  /* an answer with its day makes it answered: no deadline any more */
  g_assert_true (acq_complaint_get_due (first, &due));
  g_free (first->answer);
  first->answer = g_strdup ("Une nouvelle séance a été fixée.");
  first->answered_on = g_strdup ("2026-02-14");
  g_assert_true (acq_complaint_save (f->store, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first->status, ==, ACQ_COMPLAINT_ANSWERED);
  g_assert_false (acq_complaint_get_due (first, &due));
  loaded = acq_complaint_load (f->store, first->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->status, ==, ACQ_COMPLAINT_ANSWERED);
  g_assert_cmpstr (loaded->answered_on, ==, "2026-02-14");
  g_assert_cmpstr (loaded->candidate_uuid, ==, acq_candidate_get_uuid (f->candidate));
  g_assert_cmpint (loaded->channel, ==, ACQ_COMPLAINT_CHANNEL_LETTER);

  /* deleted, then back */
  g_assert_true (acq_complaint_delete (f->store, second->uuid, &error));
  g_assert_no_error (error);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = acq_complaint_list (f->store, 0, &error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_true (acq_complaint_undelete (f->store, second->uuid, &error));
  g_assert_no_error (error);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = acq_complaint_list (f->store, 0, &error);
  g_assert_cmpuint (all->len, ==, 2);
}

static void
test_complaint_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqComplaint) complaint = acq_complaint_new ("");
  g_autoptr (GPtrArray) all = NULL;

  g_free (complaint->subject);
  complaint->subject = g_strdup ("Retard");
  g_assert_false (acq_complaint_save (f->store, complaint, &error));
  g_assert_error (error, ACQ_COMPLAINT_ERROR, ACQ_COMPLAINT_ERROR_INVALID);
  g_clear_error (&error);

  g_free (complaint->received_on);
  complaint->received_on = g_strdup ("2026-03-10");
  complaint->answered_on = g_strdup ("2026-03-01");
  g_assert_false (acq_complaint_save (f->store, complaint, &error));
  g_assert_error (error, ACQ_COMPLAINT_ERROR, ACQ_COMPLAINT_ERROR_INVALID);
  g_clear_error (&error);

  /* answered, without an answer */
  g_clear_pointer (&complaint->answered_on, g_free);
  complaint->status = ACQ_COMPLAINT_ANSWERED;
  g_assert_false (acq_complaint_save (f->store, complaint, &error));
  g_assert_error (error, ACQ_COMPLAINT_ERROR, ACQ_COMPLAINT_ERROR_INVALID);
  g_clear_error (&error);

  all = acq_complaint_list (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_complaint_on_today (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqComplaint) late = log_complaint (f, "2026-02-01", "Dossier perdu", TRUE);
  g_autoptr (AcqComplaint) fresh = log_complaint (f, "2026-03-15", "Horaires", FALSE);
  g_autoptr (AcqToday) today = NULL;
  g_autoptr (AcqToday) candidate_today = NULL;
  GDate day = day_of (2026, 3, 20);
  const AcqTodayItem *item;
  guint count;

  today = acq_today_gather (f->store, &day, ACQ_ROLE_COACH, &error);
  g_assert_no_error (error);
  item = find_complaint (today, late->uuid, &count);
  g_assert_cmpuint (count, ==, 2);
  g_assert_nonnull (item);
  g_assert_cmpint (item->section, ==, ACQ_TODAY_OVERDUE);
  g_assert_cmpstr (item->candidate_name, ==, "Complaint from Hélène Dubois");
  item = find_complaint (today, fresh->uuid, &count);
  g_assert_nonnull (item);
  g_assert_cmpint (item->section, ==, ACQ_TODAY_COMPLAINTS);
  g_assert_cmpstr (item->candidate_name, ==, "Complaint from Un employeur");
  g_assert_cmpstr (item->title, ==, "Answer “Horaires”");

  /* the candidate's Today has none of the coach's registers */
  candidate_today = acq_today_gather (f->store, &day, ACQ_ROLE_CANDIDATE, &error);
  g_assert_no_error (error);
  g_assert_null (find_complaint (candidate_today, late->uuid, &count));
  g_assert_cmpuint (count, ==, 0);

  /* closed without an answer (withdrawn): its row goes too */
  late->status = ACQ_COMPLAINT_CLOSED;
  g_assert_true (acq_complaint_save (f->store, late, &error));
  g_assert_no_error (error);
  g_clear_pointer (&today, acq_today_free);
  today = acq_today_gather (f->store, &day, ACQ_ROLE_COACH, &error);
  g_assert_no_error (error);
  g_assert_null (find_complaint (today, late->uuid, &count));
  g_assert_cmpuint (count, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/complaint/deadline/rule", test_complaint_deadline_rule);
  g_test_add ("/complaint/save-and-list", Fixture, NULL, fixture_set_up,
              test_complaint_save_and_list, fixture_tear_down);
  g_test_add ("/complaint/refused", Fixture, NULL, fixture_set_up, test_complaint_refused,
              fixture_tear_down);
  g_test_add ("/complaint/on-today", Fixture, NULL, fixture_set_up, test_complaint_on_today,
              fixture_tear_down);
  return g_test_run ();
}

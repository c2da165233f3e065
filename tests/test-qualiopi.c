/* test-qualiopi.c — the complaints log, the satisfaction answers and the yearly review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "acq-complaint.h"
#include "acq-deadline.h"
#include "acq-jury.h"
#include "acq-parcours.h"
#include "acq-satisfaction.h"
#include "acq-session.h"
#include "acq-today.h"
#include "acq-yearly-review.h"
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

/* --- Satisfaction and the yearly review ------------------------------------------------ */

static AcqSatisfactionResponse *
answer (Fixture *f, const char *candidate_uuid, AcqRole author, const char *day,
        const int scores[5])
{
  g_autoptr (GError) error = NULL;
  AcqSatisfactionResponse *response =
    acq_satisfaction_response_new (f->store, candidate_uuid, author, day, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (response->scores->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    ((AcqSatisfactionScore *) response->scores->pdata[i])->score = scores[i];
  g_assert_true (acq_satisfaction_response_save (f->store, response, author, &error));
  g_assert_no_error (error);
  return response;
}

static const AcqSatisfactionAverage *
average_of (GPtrArray *averages, const char *question_uuid)
{
  for (guint i = 0; i < averages->len; i++)
    {
      const AcqSatisfactionAverage *average = g_ptr_array_index (averages, i);

      if (g_strcmp0 (average->question_uuid, question_uuid) == 0)
        return average;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
add_held_session (Fixture *f, const char *candidate_uuid, const char *date, const char *start,
                  const char *end, gboolean held)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSession) session = acq_session_new (candidate_uuid, date, start, end,
                                                    ACQ_SESSION_KIND_ACCOMPANIMENT);

  session->held = held;
  g_assert_true (acq_session_save (f->store, session, &error));
  g_assert_no_error (error);
}

/* The fixture with known answers: Hélène accompanied in 2025 (two sessions held, 3 h 30 in
 * all; one planned, one held in 2024), a partial result at her jury of June 2025; Karim, whose
 * accompaniment started in 2025, archived without a jury result (an abandon); Léa, only seen
 * in 2024. Questionnaires: Hélène's own and a paper one of Karim's in 2025, one in 2024.
 * Complaints: two in 2025 (one answered), one in 2024. */
static void
seed_year (Fixture *f, char **out_karim)
{
  static const int helene_scores[5] = { 5, 4, 0, 3, 5 };
  static const int karim_scores[5] = { 3, 4, 2, 0, 5 };
  static const int old_scores[5] = { 1, 1, 1, 1, 1 };
  g_autoptr (GError) error = NULL;
  const char *helene = acq_candidate_get_uuid (f->candidate);
  AcqCandidate *karim = acq_candidate_list_create (f->candidates, "Karim", "Benali", &error);
  AcqCandidate *lea = acq_candidate_list_create (f->candidates, "Léa", "Martin", &error);
  g_autoptr (AcqParcoursEvent) started = NULL;
  g_autoptr (AcqJurySession) session = NULL;
  g_autoptr (AcqJuryResult) result = NULL;
  g_autoptr (AcqSatisfactionResponse) r1 = NULL;
  g_autoptr (AcqSatisfactionResponse) r2 = NULL;
  g_autoptr (AcqSatisfactionResponse) r3 = NULL;
  g_autoptr (AcqComplaint) c1 = NULL;
  g_autoptr (AcqComplaint) c2 = NULL;
  g_autoptr (AcqComplaint) c3 = NULL;
  GDate day = day_of (2025, 2, 1);

  g_assert_no_error (error);
  add_held_session (f, helene, "2025-03-01", "14:00", "16:00", TRUE);
  add_held_session (f, helene, "2025-04-01", "09:00", "10:30", TRUE);
  add_held_session (f, helene, "2025-05-01", "09:00", "12:00", FALSE);
  add_held_session (f, helene, "2024-11-01", "09:00", "12:00", TRUE);
  add_held_session (f, acq_candidate_get_uuid (lea), "2024-10-01", "09:00", "11:00", TRUE);

  started = acq_parcours_event_new (ACQ_PARCOURS_ACCOMPANIMENT_STARTED, &day, FALSE);
  started->candidate_uuid = g_strdup (acq_candidate_get_uuid (karim));
  g_assert_true (acq_parcours_add (f->store, started, &error));
  g_assert_no_error (error);
  acq_candidate_set_archived (karim, TRUE);
  g_assert_true (acq_candidate_list_save (f->candidates, karim, &error));
  g_assert_no_error (error);

  session = acq_jury_session_load (f->store, helene, &error);
  g_assert_no_error (error);
  session->date = g_strdup ("2025-06-10");
  g_assert_true (acq_jury_session_save (f->store, session, &error));
  g_assert_no_error (error);
  result = acq_jury_result_load (f->store, helene, &error);
  g_assert_no_error (error);
  result->outcome = ACQ_JURY_OUTCOME_PARTIAL;
  g_assert_true (acq_jury_result_set_bloc (result, bloc (f, 0)->uuid, ACQ_JURY_BLOC_OBTAINED));
  g_assert_true (acq_jury_result_set_bloc (result, bloc (f, 1)->uuid,
                                           ACQ_JURY_BLOC_NOT_OBTAINED));
  g_assert_true (acq_jury_result_save (f->store, result, &error));
  g_assert_no_error (error);

  r1 = answer (f, helene, ACQ_ROLE_CANDIDATE, "2025-07-01", helene_scores);
  r2 = answer (f, acq_candidate_get_uuid (karim), ACQ_ROLE_COACH, "2025-09-15", karim_scores);
  r3 = answer (f, acq_candidate_get_uuid (lea), ACQ_ROLE_CANDIDATE, "2024-12-20", old_scores);

  c1 = log_complaint (f, "2025-02-03", "Retard", TRUE);
  c2 = log_complaint (f, "2025-10-12", "Facture", FALSE);
  c3 = log_complaint (f, "2024-06-01", "Ancienne", FALSE);
  c1->answer = (g_free (c1->answer), g_strdup ("Excuses et séance décalée."));
  c1->answered_on = g_strdup ("2025-02-10");
  g_assert_true (acq_complaint_save (f->store, c1, &error));
  g_assert_no_error (error);

  g_assert_true (acq_yearly_review_set_improvements (f->store, 2025, "Délai d’annulation : 48 h.",
                                                     &error));
  g_assert_no_error (error);
  *out_karim = g_strdup (acq_candidate_get_uuid (karim));
}

static void
test_satisfaction_averages (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *karim = NULL;
  g_autoptr (GPtrArray) averages = NULL;
  g_autoptr (GPtrArray) responses = NULL;
  AcqSatisfactionResponse *mine;
  guint n = 0;

  seed_year (f, &karim);
  averages = acq_satisfaction_averages (f->store, 2025, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (averages->len, ==, 5);
  g_assert_cmpstr (((AcqSatisfactionAverage *) averages->pdata[0])->question_uuid, ==, "accueil");
  g_assert_cmpuint (average_of (averages, "accueil")->n_answers, ==, 2);
  g_assert_cmpfloat_with_epsilon (average_of (averages, "accueil")->average, 4.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (average_of (averages, "clarte")->average, 4.0, 1e-9);
  g_assert_cmpuint (average_of (averages, "disponibilite")->n_answers, ==, 1);
  g_assert_cmpfloat_with_epsilon (average_of (averages, "disponibilite")->average, 2.0, 1e-9);
  g_assert_cmpuint (average_of (averages, "utilite")->n_answers, ==, 1);
  g_assert_cmpfloat_with_epsilon (average_of (averages, "utilite")->average, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (average_of (averages, "recommandation")->average, 5.0, 1e-9);

  /* the coach does not change a candidate's answers; the candidate changes her own */
  responses = acq_satisfaction_list_responses (f->store, acq_candidate_get_uuid (f->candidate),
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, 1);
  mine = g_ptr_array_index (responses, 0);
  g_assert_cmpint (mine->author, ==, ACQ_ROLE_CANDIDATE);
  g_assert_cmpint (((AcqSatisfactionScore *) mine->scores->pdata[0])->score, ==, 5);
  g_assert_cmpint (((AcqSatisfactionScore *) mine->scores->pdata[2])->score, ==, 0);
  ((AcqSatisfactionScore *) mine->scores->pdata[0])->score = 1;
  g_assert_false (acq_satisfaction_response_save (f->store, mine, ACQ_ROLE_COACH, &error));
  g_assert_error (error, ACQ_SATISFACTION_ERROR, ACQ_SATISFACTION_ERROR_NOT_YOURS);
  g_clear_error (&error);
  ((AcqSatisfactionScore *) mine->scores->pdata[0])->score = 6;
  g_assert_false (acq_satisfaction_response_save (f->store, mine, ACQ_ROLE_CANDIDATE, &error));
  g_assert_error (error, ACQ_SATISFACTION_ERROR, ACQ_SATISFACTION_ERROR_INVALID);
  g_clear_error (&error);
  ((AcqSatisfactionScore *) mine->scores->pdata[0])->score = 3;
  g_assert_true (acq_satisfaction_response_save (f->store, mine, ACQ_ROLE_CANDIDATE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&averages, g_ptr_array_unref);
  averages = acq_satisfaction_averages (f->store, 2025, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (average_of (averages, "accueil")->average, 3.0, 1e-9);
}

static void
test_review_figures (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *karim = NULL;
  g_autoptr (AcqYearlyReview) review = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *contents = NULL;
  GDate today = day_of (2026, 3, 1);
  const AcqYearlyReviewBloc *first;

  seed_year (f, &karim);
  review = acq_yearly_review_compute (f->store, 2025, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (review->year, ==, 2025);
  g_assert_cmpuint (review->n_candidates, ==, 2);
  g_assert_cmpuint (review->held_minutes, ==, 210);
  g_assert_cmpuint (review->n_abandons, ==, 1);
  g_assert_cmpfloat_with_epsilon (acq_yearly_review_abandon_rate (review), 0.5, 1e-9);
  g_assert_cmpuint (review->n_juries, ==, 1);
  g_assert_cmpuint (review->outcomes[ACQ_JURY_OUTCOME_PARTIAL], ==, 1);
  g_assert_cmpuint (review->outcomes[ACQ_JURY_OUTCOME_TOTAL], ==, 0);
  g_assert_cmpuint (review->blocs->len, >=, 2);
  first = g_ptr_array_index (review->blocs, 0);
  g_assert_cmpstr (first->code, ==, bloc (f, 0)->code);
  g_assert_cmpuint (first->counts[ACQ_JURY_BLOC_OBTAINED], ==, 1);
  g_assert_cmpuint (((AcqYearlyReviewBloc *) review->blocs->pdata[1])->counts
                      [ACQ_JURY_BLOC_NOT_OBTAINED], ==, 1);
  g_assert_cmpuint (review->n_responses, ==, 2);
  g_assert_cmpuint (review->complaints->len, ==, 2);
  /* oldest first */
  g_assert_cmpstr (((AcqComplaint *) review->complaints->pdata[0])->subject, ==, "Retard");
  g_assert_cmpstr (((AcqComplaint *) review->complaints->pdata[0])->answered_on, ==,
                   "2025-02-10");
  g_assert_cmpstr (review->improvements, ==, "Délai d’annulation : 48 h.");

  csv = acq_yearly_review_to_csv (review);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFrubrique;élément;valeur;détail\r\n"));
  g_assert_nonnull (strstr (csv, "activité;candidats accompagnés;2;\r\n"));
  g_assert_nonnull (strstr (csv, "activité;heures d'accompagnement réalisées;3,50;\r\n"));
  g_assert_nonnull (strstr (csv, "activité;taux d'abandon (%);50,0;\r\n"));
  g_assert_nonnull (strstr (csv, "jury;validation partielle;1;\r\n"));
  g_assert_nonnull (strstr (csv, ";4,00;2 réponses\r\n"));
  g_assert_nonnull (strstr (csv, "réclamation;2025-02-03 (courrier);Retard;réponse du 2025-02-10 : "
                                 "Excuses et séance décalée.\r\n"));
  g_assert_null (strstr (csv, "Ancienne"));

  /* the PDF, through the same entry as the command line */
  pdf = g_build_filename (f->dir, "bilan.pdf", NULL);
  g_assert_true (acq_yearly_review_write (f->store, 2025, pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_false (acq_yearly_review_write (f->store, 2025, "bilan.txt", NULL, &error));
  g_assert_error (error, ACQ_YEARLY_REVIEW_ERROR, ACQ_YEARLY_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (acq_yearly_review_compute (f->store, 1999, &today, &error));
  g_assert_error (error, ACQ_YEARLY_REVIEW_ERROR, ACQ_YEARLY_REVIEW_ERROR_INVALID);
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
  g_test_add ("/satisfaction/averages", Fixture, NULL, fixture_set_up,
              test_satisfaction_averages, fixture_tear_down);
  g_test_add ("/yearly-review/figures", Fixture, NULL, fixture_set_up, test_review_figures,
              fixture_tear_down);
  return g_test_run ();
}

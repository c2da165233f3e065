/* test-today.c — what the Today view shows, gathered from a store without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "acq-comment.h"
#include "acq-parcours.h"
#include "acq-review.h"
#include "acq-session.h"
#include "acq-today.h"
#include "sheet-fixture.h"

static GDate
days_from (const GDate *today, int days)
{
  GDate day = *today;

  if (days >= 0)
    g_date_add_days (&day, days);
  else
    g_date_subtract_days (&day, -days);
  return day;
}

static char *
iso (const GDate *day)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day));
}

static void
add_event (Fixture *f, AcqCandidate *candidate, AcqParcoursKind kind, const GDate *day)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqParcoursEvent) event = acq_parcours_event_new (kind, day, FALSE);

  event->candidate_uuid = g_strdup (acq_candidate_get_uuid (candidate));
  g_assert_true (acq_parcours_add (f->store, event, &error));
  g_assert_no_error (error);
}

static void
add_session (Fixture *f, AcqCandidate *candidate, const GDate *day, const char *start,
             const char *end, gboolean held)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *date = iso (day);
  g_autoptr (AcqSession) session = acq_session_new (acq_candidate_get_uuid (candidate), date,
                                                    start, end, ACQ_SESSION_KIND_ACCOMPANIMENT);

  session->held = held;
  g_assert_true (acq_session_save (f->store, session, &error));
  g_assert_no_error (error);
}

static const AcqTodayItem *
find (const AcqToday *today, AcqTodaySection section, AcqCandidate *candidate, guint *out_count)
{
  const AcqTodayItem *found = NULL;
  guint count = 0;

  for (guint i = 0; i < today->sections[section]->len; i++)
    {
      const AcqTodayItem *item = g_ptr_array_index (today->sections[section], i);

      if (g_strcmp0 (item->candidate_uuid, acq_candidate_get_uuid (candidate)) != 0)
        continue;
      count++;
      if (found == NULL)
        found = item;
    }
  if (out_count != NULL)
    *out_count = count;
  return found;
}

/* Hélène asked for her recevabilité two months less three days ago, has a session today and a
 * sheet waiting for a review with an open comment; Karim is over his planned hours and has a
 * session tomorrow; Lucie has done nothing for a hundred days. */
typedef struct
{
  AcqCandidate *karim;
  AcqCandidate *lucie;
  AcqSheet     *sheet;
  GDate         today;
} Caseload;

static void
make_caseload (Fixture *f, Caseload *c)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqComment) open = NULL;
  g_autoptr (AcqComment) resolved = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *sql = NULL;
  GDate asked, day;

  acq_today_get_local_date (&c->today);
  asked = c->today;
  g_date_subtract_months (&asked, ACQ_DEADLINE_ADMISSIBILITY_MONTHS);
  g_date_add_days (&asked, 3);
  add_event (f, f->candidate, ACQ_PARCOURS_ADMISSIBILITY_ASKED, &asked);
  add_session (f, f->candidate, &c->today, "14:00", "16:00", FALSE);
  c->sheet = make_sheet (f, "Accueil des publics", "J'accueille.");
  g_assert_true (acq_review_request (f->list, c->sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_no_error (error);
  open = acq_comment_new (acq_sheet_get_uuid (c->sheet), ACQ_RUBRIC_TASKS, ACQ_ROLE_COACH,
                          "Qui accueille ?");
  resolved = acq_comment_new (acq_sheet_get_uuid (c->sheet), ACQ_RUBRIC_TASKS, ACQ_ROLE_COACH,
                              "Déjà vu.");
  g_assert_true (acq_comment_insert (f->store, open, &error));
  g_assert_true (acq_comment_insert (f->store, resolved, &error));
  g_assert_true (acq_comment_set_resolved (f->store, resolved, TRUE, &error));
  g_assert_no_error (error);

  c->karim = acq_candidate_list_create (f->candidates, "Karim", "Benali", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 5; i++)
    {
      day = days_from (&c->today, -30 + 5 * i);
      add_session (f, c->karim, &day, "09:00", "12:00", TRUE);
    }
  g_assert_true (acq_session_set_planned_minutes (f->store, acq_candidate_get_uuid (c->karim),
                                                  12 * 60, &error));
  g_assert_no_error (error);
  day = days_from (&c->today, 1);
  add_session (f, c->karim, &day, "10:00", "11:30", FALSE);

  c->lucie = acq_candidate_list_create (f->candidates, "Lucie", "Martin", &error);
  g_assert_no_error (error);
  day = days_from (&c->today, -100);
  day_text = iso (&day);
  sql = g_strdup_printf ("UPDATE candidate SET last_activity_at = '%sT09:00:00.000000Z'"
                         " WHERE uuid = '%s'", day_text, acq_candidate_get_uuid (c->lucie));
  g_assert_true (acq_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
}

static void
test_today_coach (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqToday) today = NULL;
  const AcqTodayItem *item;
  const AcqDeadline *next;
  Caseload c;
  guint count;

  make_caseload (f, &c);
  today = acq_today_gather (f->store, &c.today, ACQ_ROLE_COACH, &error);
  g_assert_no_error (error);

  /* the recevabilité's answer is due this week, in three days (give or take a month's end) */
  item = find (today, ACQ_TODAY_THIS_WEEK, f->candidate, &count);
  g_assert_nonnull (item);
  g_assert_cmpint (item->deadline->kind, ==, ACQ_DEADLINE_ADMISSIBILITY_ANSWER);
  g_assert_cmpstr (item->candidate_name, ==, "Hélène Dubois");
  g_assert_cmpstr (item->title, ==, "Recevabilité answer");
  g_assert_cmpint (g_date_days_between (&c.today, &item->date), >=, 1);
  g_assert_cmpint (g_date_days_between (&c.today, &item->date), <=, 6);

  /* today's session shows with its times, not as a deadline */
  item = find (today, ACQ_TODAY_SESSIONS, f->candidate, &count);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (item->start_time, ==, "14:00");
  g_assert_cmpstr (item->end_time, ==, "16:00");
  g_assert_nonnull (item->session_uuid);
  g_assert_cmpuint (today->sections[ACQ_TODAY_SESSIONS]->len, ==, 1);

  /* the sheet waits for a review, with its one open thread */
  item = find (today, ACQ_TODAY_TO_REVIEW, f->candidate, &count);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (item->sheet_uuid, ==, acq_sheet_get_uuid (c.sheet));
  g_assert_cmpint (g_date_compare (&item->date, &c.today), ==, 0);
  item = find (today, ACQ_TODAY_COMMENTS, f->candidate, &count);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (item->count, ==, 1);

  /* Karim: over his plan, a session tomorrow this week */
  g_assert_nonnull (find (today, ACQ_TODAY_OVER_PLAN, c.karim, NULL));
  item = find (today, ACQ_TODAY_THIS_WEEK, c.karim, NULL);
  g_assert_nonnull (item);
  g_assert_cmpint (item->deadline->kind, ==, ACQ_DEADLINE_SESSION);

  /* Lucie: inactive for France VAE, not in Overdue twice */
  item = find (today, ACQ_TODAY_INACTIVE, c.lucie, NULL);
  g_assert_nonnull (item);
  g_assert_cmpint (item->deadline->kind, ==, ACQ_DEADLINE_INACTIVITY);
  g_assert_null (find (today, ACQ_TODAY_OVERDUE, c.lucie, NULL));

  /* the candidate's sections stay empty for the coach */
  g_assert_cmpuint (today->sections[ACQ_TODAY_NEXT_SESSION]->len, ==, 0);
  g_assert_cmpuint (today->sections[ACQ_TODAY_LATER]->len, ==, 0);

  /* the sidebar: each candidate's first deadline */
  next = g_hash_table_lookup (today->next_deadlines, acq_candidate_get_uuid (c.lucie));
  g_assert_nonnull (next);
  g_assert_cmpint (next->kind, ==, ACQ_DEADLINE_INACTIVITY);
  g_assert_cmpint (next->severity, ==, ACQ_DEADLINE_OVERDUE);
  next = g_hash_table_lookup (today->next_deadlines, acq_candidate_get_uuid (f->candidate));
  g_assert_nonnull (next);
  g_assert_cmpint (g_date_compare (&next->due, &c.today), ==, 0);
}

static void
test_today_candidate (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqToday) today = NULL;
  const AcqTodayItem *item;
  Caseload c;
  guint count;

  make_caseload (f, &c);
  today = acq_today_gather (f->store, &c.today, ACQ_ROLE_CANDIDATE, &error);
  g_assert_no_error (error);

  /* her next session, one per candidate, and her deadlines; the coach's lists stay empty */
  item = find (today, ACQ_TODAY_NEXT_SESSION, f->candidate, &count);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (item->start_time, ==, "14:00");
  item = find (today, ACQ_TODAY_NEXT_SESSION, c.karim, &count);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpint (g_date_days_between (&c.today, &item->date), ==, 1);
  item = find (today, ACQ_TODAY_THIS_WEEK, f->candidate, NULL);
  g_assert_nonnull (item);
  g_assert_cmpint (item->deadline->kind, ==, ACQ_DEADLINE_ADMISSIBILITY_ANSWER);
  g_assert_nonnull (find (today, ACQ_TODAY_COMMENTS, f->candidate, NULL));
  g_assert_nonnull (find (today, ACQ_TODAY_OVERDUE, c.lucie, NULL));
  g_assert_cmpuint (today->sections[ACQ_TODAY_SESSIONS]->len, ==, 0);
  g_assert_cmpuint (today->sections[ACQ_TODAY_TO_REVIEW]->len, ==, 0);
  g_assert_cmpuint (today->sections[ACQ_TODAY_OVER_PLAN]->len, ==, 0);
  g_assert_cmpuint (today->sections[ACQ_TODAY_INACTIVE]->len, ==, 0);
}

static void
test_today_quick (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqToday) quick = NULL;
  g_autoptr (AcqToday) full = NULL;
  Caseload c;

  make_caseload (f, &c);
  quick = acq_today_gather_quick (f->store, &c.today, ACQ_ROLE_COACH, &error);
  g_assert_no_error (error);
  full = acq_today_gather (f->store, &c.today, ACQ_ROLE_COACH, &error);
  g_assert_no_error (error);

  /* the quick part is the full one's sessions, sheets and comments, without the deadlines */
  g_assert_false (quick->complete);
  g_assert_true (full->complete);
  for (AcqTodaySection s = ACQ_TODAY_SESSIONS; s <= ACQ_TODAY_COMMENTS; s++)
    g_assert_cmpuint (quick->sections[s]->len, ==, full->sections[s]->len);
  g_assert_cmpuint (quick->sections[ACQ_TODAY_OVERDUE]->len, ==, 0);
  g_assert_cmpuint (quick->sections[ACQ_TODAY_THIS_WEEK]->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (quick->next_deadlines), ==, 0);
  g_assert_cmpuint (g_hash_table_size (full->next_deadlines), ==, 3);
}

static void
test_today_became_due (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqToday) today = NULL;
  g_autoptr (GPtrArray) never = NULL;
  g_autoptr (GPtrArray) yesterday = NULL;
  g_autoptr (GPtrArray) long_ago = NULL;
  Caseload c;
  GDate since;

  make_caseload (f, &c);
  today = acq_today_gather (f->store, &c.today, ACQ_ROLE_COACH, &error);
  g_assert_no_error (error);

  /* never told: what is due today only (Karim's hours), not the backlog */
  never = acq_today_became_due (today, NULL);
  g_assert_cmpuint (never->len, ==, 1);
  g_assert_cmpint (((AcqTodayItem *) g_ptr_array_index (never, 0))->section, ==,
                   ACQ_TODAY_OVER_PLAN);
  since = days_from (&c.today, -1);
  yesterday = acq_today_became_due (today, &since);
  g_assert_cmpuint (yesterday->len, ==, 1);
  /* told a hundred days ago: Lucie's inactivity fell due since */
  since = days_from (&c.today, -100);
  long_ago = acq_today_became_due (today, &since);
  g_assert_cmpuint (long_ago->len, ==, 2);
  /* nothing due in the future is said */
  for (guint i = 0; i < long_ago->len; i++)
    g_assert_cmpint (g_date_compare (&((AcqTodayItem *) g_ptr_array_index (long_ago, i))->date,
                                     &c.today), <=, 0);
}

static void
test_today_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqToday) today = NULL;
  GDate day;

  acq_today_get_local_date (&day);
  today = acq_today_gather (f->store, &day, ACQ_ROLE_COACH, &error);
  g_assert_no_error (error);
  /* a candidate just added has nothing due this week: the view says so */
  g_assert_cmpuint (acq_today_count (today), ==, 0);
  g_assert_cmpuint (g_hash_table_size (today->next_deadlines), ==, 1);
}

static void
test_today_words (void)
{
  GDate today, day;
  g_autofree char *in3 = NULL, *late2 = NULL, *late1 = NULL, *now = NULL, *tomorrow = NULL;
  g_autofree char *ago5 = NULL, *yesterday = NULL, *same = NULL, *sidebar = NULL;
  AcqDeadline deadline = { 0 };

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 29, G_DATE_FEBRUARY, 2028);
  day = days_from (&today, 3);
  in3 = acq_today_format_due (&day, &today);
  g_assert_cmpstr (in3, ==, "in 3 days");
  day = days_from (&today, -2);
  late2 = acq_today_format_due (&day, &today);
  g_assert_cmpstr (late2, ==, "2 days overdue");
  day = days_from (&today, -1);
  late1 = acq_today_format_due (&day, &today);
  g_assert_cmpstr (late1, ==, "1 day overdue");
  now = acq_today_format_due (&today, &today);
  g_assert_cmpstr (now, ==, "due today");
  day = days_from (&today, 1);
  tomorrow = acq_today_format_due (&day, &today);
  g_assert_cmpstr (tomorrow, ==, "tomorrow");
  day = days_from (&today, -5);
  ago5 = acq_today_format_since (&day, &today);
  g_assert_cmpstr (ago5, ==, "5 days ago");
  day = days_from (&today, -1);
  yesterday = acq_today_format_since (&day, &today);
  g_assert_cmpstr (yesterday, ==, "yesterday");
  same = acq_today_format_since (&today, &today);
  g_assert_cmpstr (same, ==, "today");

  /* the sidebar's words: what, then the day and month (a leap day here) */
  deadline.kind = ACQ_DEADLINE_ADMISSIBILITY_ANSWER;
  deadline.due = today;
  sidebar = acq_today_dup_deadline_short (&deadline);
  g_assert_cmpstr (sidebar, ==, "Recevabilité answer due 29 Feb");
  g_clear_pointer (&sidebar, g_free);
  deadline.kind = ACQ_DEADLINE_PLANNED_EVENT;
  deadline.event_kind = ACQ_PARCOURS_JURY;
  sidebar = acq_today_dup_deadline_short (&deadline);
  g_assert_cmpstr (sidebar, ==, "Jury on 29 Feb");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/today/words-for-days", test_today_words);
  g_test_add ("/today/coach/sees-the-caseload", Fixture, NULL, fixture_set_up, test_today_coach,
              fixture_tear_down);
  g_test_add ("/today/candidate/sees-her-own", Fixture, NULL, fixture_set_up,
              test_today_candidate, fixture_tear_down);
  g_test_add ("/today/quick/comes-without-the-deadlines", Fixture, NULL, fixture_set_up,
              test_today_quick, fixture_tear_down);
  g_test_add ("/today/notification/says-what-became-due", Fixture, NULL, fixture_set_up,
              test_today_became_due, fixture_tear_down);
  g_test_add ("/today/nothing-due-is-empty", Fixture, NULL, fixture_set_up, test_today_empty,
              fixture_tear_down);
  return g_test_run ();
}

/* test-practice.c — the dated parcours (events, the stage that follows them, the migration)
 * and every rule of the deadlines, by tables of dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "acq-deadline.h"
#include "acq-session.h"
#include "acq-parcours.h"
#include "acq-store-private.h"
#include "test-util.h"

/* Parcours ------------------------------------------------------------------------------- */

static GDate
day (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static AcqParcoursEvent *
add_event (AcqStore *store, const char *candidate, AcqParcoursKind kind, GDate date,
           gboolean planned)
{
  g_autoptr (GError) error = NULL;
  AcqParcoursEvent *event = acq_parcours_event_new (kind, &date, planned);

  event->candidate_uuid = g_strdup (candidate);
  g_assert_true (acq_parcours_add (store, event, &error));
  g_assert_no_error (error);
  g_assert_nonnull (event->uuid);
  return event;
}

static void
assert_stage (AcqStore *store, const char *uuid, const char *stage, const char *since)
{
  g_autofree char *sql = g_strdup_printf ("SELECT stage || ' ' || stage_date FROM candidate"
                                          " WHERE uuid = '%s'", uuid);
  g_autofree char *value = test_query_text (store, sql);
  g_autofree char *expected = g_strdup_printf ("%s %s", stage, since);

  g_assert_cmpstr (value, ==, expected);
}

static void
test_parcours_events_set_the_stage (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (AcqStore) store = test_store_open (&dir);
  g_autoptr (AcqCandidateList) list = test_candidate_list_new (store);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqParcoursEvent) contact = NULL;
  g_autoptr (AcqParcoursEvent) asked = NULL;
  g_autoptr (AcqParcoursEvent) jury = NULL;
  g_autoptr (GPtrArray) events = NULL;
  AcqCandidate *candidate = acq_candidate_list_create (list, "Hélène", "Dubois", &error);
  const char *uuid;

  g_assert_no_error (error);
  uuid = acq_candidate_get_uuid (candidate);
  /* a new candidate has no event: the first contact is the coach's to record */
  events = acq_parcours_list (store, uuid, &error);
  g_assert_cmpuint (events->len, ==, 0);
  g_clear_pointer (&events, g_ptr_array_unref);

  contact = add_event (store, uuid, ACQ_PARCOURS_FIRST_CONTACT, day (2026, 1, 5), FALSE);
  assert_stage (store, uuid, "0", "2026-01-05");
  asked = add_event (store, uuid, ACQ_PARCOURS_ADMISSIBILITY_ASKED, day (2026, 2, 10), FALSE);
  assert_stage (store, uuid, "2", "2026-02-10");
  /* a planned jury does not move the stage; the quote does not either */
  jury = add_event (store, uuid, ACQ_PARCOURS_JURY, day (2026, 9, 1), TRUE);
  g_autoptr (AcqParcoursEvent) quote =
    add_event (store, uuid, ACQ_PARCOURS_QUOTE_ACCEPTED, day (2026, 3, 1), FALSE);
  assert_stage (store, uuid, "2", "2026-02-10");

  /* changed: the request was in fact earlier */
  asked->date = day (2026, 2, 1);
  g_free (asked->note);
  asked->note = g_strdup ("Déposée sur France VAE");
  g_assert_true (acq_parcours_change (store, asked, &error));
  g_assert_no_error (error);
  assert_stage (store, uuid, "2", "2026-02-01");

  events = acq_parcours_list (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 4);
  g_assert_cmpint (((AcqParcoursEvent *) events->pdata[0])->kind, ==, ACQ_PARCOURS_FIRST_CONTACT);
  g_assert_cmpstr (((AcqParcoursEvent *) events->pdata[1])->note, ==, "Déposée sur France VAE");
  g_assert_cmpint (((AcqParcoursEvent *) events->pdata[3])->kind, ==, ACQ_PARCOURS_JURY);
  g_assert_true (((AcqParcoursEvent *) events->pdata[3])->planned);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* deleted: the stage goes back; undone: it comes back */
  g_assert_true (acq_parcours_delete (store, asked->uuid, &error));
  g_assert_no_error (error);
  assert_stage (store, uuid, "0", "2026-01-05");
  events = acq_parcours_list (store, uuid, &error);
  g_assert_cmpuint (events->len, ==, 3);
  g_clear_pointer (&events, g_ptr_array_unref);
  g_assert_true (acq_parcours_undelete (store, asked->uuid, &error));
  g_assert_no_error (error);
  assert_stage (store, uuid, "2", "2026-02-01");
  g_assert_false (acq_parcours_undelete (store, asked->uuid, &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a stale deletion is purged */
  g_assert_true (acq_parcours_delete (store, jury->uuid, &error));
  g_assert_true (acq_store_exec (store, "UPDATE parcours_event SET deleted_at ="
                                 " '2000-01-01T00:00:00.000000Z' WHERE deleted_at IS NOT NULL",
                                 &error));
  g_assert_true (acq_parcours_purge_stale (store, &error));
  g_assert_no_error (error);
  g_autofree char *left = test_query_text (store, "SELECT count (*) FROM parcours_event");
  g_assert_cmpstr (left, ==, "3");

  g_clear_object (&list);
  g_clear_object (&store);
  test_remove_tree (dir);
}

static void
test_parcours_refuses_invalid (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (AcqStore) store = test_store_open (&dir);
  g_autoptr (AcqCandidateList) list = test_candidate_list_new (store);
  g_autoptr (GError) error = NULL;
  GDate date = day (2026, 1, 5);
  g_autoptr (AcqParcoursEvent) event = acq_parcours_event_new (ACQ_PARCOURS_QUOTE_SENT, &date,
                                                               FALSE);
  AcqCandidate *candidate = acq_candidate_list_create (list, "Karim", "Benali", &error);

  /* a decision belongs to a recevabilité decision only */
  event->candidate_uuid = g_strdup (acq_candidate_get_uuid (candidate));
  event->decision = ACQ_PARCOURS_DECISION_FAVOURABLE;
  g_assert_false (acq_parcours_add (store, event, &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_INVALID);
  g_assert_null (event->uuid);
  g_clear_error (&error);
  /* a candidate who does not exist */
  event->decision = ACQ_PARCOURS_DECISION_NONE;
  g_free (event->candidate_uuid);
  event->candidate_uuid = g_strdup ("nobody");
  g_assert_false (acq_parcours_add (store, event, &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NOT_FOUND);

  g_clear_object (&list);
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* Setting the stage the old way (the candidate's stage and date, saved) records the event
 * that opens it, once. */
static void
test_parcours_old_way_records_an_event (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (AcqStore) store = test_store_open (&dir);
  g_autoptr (AcqCandidateList) list = test_candidate_list_new (store);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;
  AcqCandidate *candidate = acq_candidate_list_create (list, "Hélène", "Dubois", &error);

  acq_candidate_set_stage (candidate, ACQ_STAGE_DOSSIER);
  acq_candidate_set_stage_date (candidate, "2026-03-02");
  g_assert_true (acq_candidate_list_save (list, candidate, &error));
  g_assert_no_error (error);
  g_assert_true (acq_candidate_list_save (list, candidate, &error));
  events = acq_parcours_list (store, acq_candidate_get_uuid (candidate), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (((AcqParcoursEvent *) events->pdata[0])->kind, ==,
                   ACQ_PARCOURS_ACCOMPANIMENT_STARTED);
  g_assert_false (((AcqParcoursEvent *) events->pdata[0])->planned);
  assert_stage (store, acq_candidate_get_uuid (candidate), "3", "2026-03-02");
  g_clear_pointer (&events, g_ptr_array_unref);

  /* the same stage since another day: a correction, the event moves */
  acq_candidate_set_stage_date (candidate, "2026-03-09");
  g_assert_true (acq_candidate_list_save (list, candidate, &error));
  g_assert_no_error (error);
  events = acq_parcours_list (store, acq_candidate_get_uuid (candidate), &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (g_date_get_day (&((AcqParcoursEvent *) events->pdata[0])->date), ==, 9);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* another stage: a new event */
  acq_candidate_set_stage (candidate, ACQ_STAGE_JURY);
  acq_candidate_set_stage_date (candidate, "2026-06-15");
  g_assert_true (acq_candidate_list_save (list, candidate, &error));
  events = acq_parcours_list (store, acq_candidate_get_uuid (candidate), &error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpint (((AcqParcoursEvent *) events->pdata[1])->kind, ==, ACQ_PARCOURS_JURY);

  g_clear_object (&list);
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* 4 -> 5: each candidate's "since" date becomes the event that opened their stage. */
static void
test_parcours_migrate_from_v4 (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, ACQ_STORE_FILE_NAME, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autofree char *count = NULL;
  sqlite3 *db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (_acq_store_migrate_db (db, 4, &error));
  g_assert_true (_acq_store_exec_db (
    db, "INSERT INTO candidate (uuid, stage, stage_date, created_at, updated_at,"
        " last_activity_at) VALUES"
        " ('k1', 3, '2025-11-03', 'now', 'now', 'now'),"
        " ('k2', 2, '2025-12-31', 'now', 'now', 'now'),"
        " ('k3', 0, NULL, 'now', 'now', 'now')", &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acq_store_get_schema_version (store), >=, 5);
  events = acq_parcours_list (store, "k1", &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (((AcqParcoursEvent *) events->pdata[0])->kind, ==,
                   ACQ_PARCOURS_ACCOMPANIMENT_STARTED);
  g_assert_cmpint (g_date_get_day (&((AcqParcoursEvent *) events->pdata[0])->date), ==, 3);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = acq_parcours_list (store, "k2", &error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (((AcqParcoursEvent *) events->pdata[0])->kind, ==,
                   ACQ_PARCOURS_ADMISSIBILITY_ASKED);
  count = test_query_text (store, "SELECT count (*) FROM parcours_event WHERE candidate_uuid = 'k3'");
  g_assert_cmpstr (count, ==, "0");
  g_assert_cmpint (strlen (((AcqParcoursEvent *) events->pdata[0])->uuid), ==, 36);
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* Deadlines ------------------------------------------------------------------------------ */

typedef struct
{
  AcqParcoursKind     kind;
  const char         *date;
  gboolean            planned;
  AcqParcoursDecision decision;
} Ev;

typedef struct
{
  const char *name;
  const char *today;
  const char *last_activity; /* or NULL */
  Ev          events[6];     /* ended by a NULL date */
  const char *expected;      /* "nick@YYYY-MM-DD:severity" sorted, ';'-separated; "" for none */
} Case;

#define END { 0, NULL, 0, 0 }
#define DONE(k, d) { ACQ_PARCOURS_##k, d, FALSE, ACQ_PARCOURS_DECISION_NONE }
#define PLANNED(k, d) { ACQ_PARCOURS_##k, d, TRUE, ACQ_PARCOURS_DECISION_NONE }
#define DECIDED(d, how) { ACQ_PARCOURS_ADMISSIBILITY_DECIDED, d, FALSE, ACQ_PARCOURS_DECISION_##how }

/* Each case lists every deadline it gives; the inactivity rule shows up wherever there is an
 * activity, so a recent last activity keeps it out of the way when another rule is tested. */
static const Case cases[] = {
  /* recevabilité: 2 months after the request */
  { "admissibility/plain", "2026-03-10", "2026-02-28",
    { DONE (ADMISSIBILITY_ASKED, "2026-01-15"), END },
    "admissibility-answer@2026-03-15:this-week;inactivity@2026-04-29:later" },
  { "admissibility/month-end", "2026-02-20", "2026-02-20",
    { DONE (ADMISSIBILITY_ASKED, "2025-12-31"), END },
    "admissibility-answer@2026-02-28:later;inactivity@2026-04-21:later" },
  { "admissibility/month-end-leap-year", "2028-02-20", "2028-02-20",
    { DONE (ADMISSIBILITY_ASKED, "2027-12-31"), END },
    "admissibility-answer@2028-02-29:later;inactivity@2028-04-20:later" },
  { "admissibility/overdue", "2026-04-01", "2026-03-30",
    { DONE (ADMISSIBILITY_ASKED, "2026-01-15"), END },
    "admissibility-answer@2026-03-15:overdue;inactivity@2026-05-29:later" },
  { "admissibility/decision-in", "2026-04-01", "2026-03-30",
    { DONE (ADMISSIBILITY_ASKED, "2026-01-15"), DECIDED ("2026-03-10", FAVOURABLE), END },
    "inactivity@2026-09-11:later" },
  { "admissibility/decision-on-the-due-day", "2026-03-15", "2026-03-15",
    { DONE (ADMISSIBILITY_ASKED, "2026-01-15"), DECIDED ("2026-03-15", FAVOURABLE), END },
    "inactivity@2026-08-27:later" },
  { "admissibility/decision-before-a-new-request", "2026-03-01", "2026-03-01",
    { DECIDED ("2025-10-01", UNFAVOURABLE), DONE (ADMISSIBILITY_ASKED, "2026-02-01"), END },
    "admissibility-answer@2026-04-01:later;inactivity@2026-04-30:later" },
  { "admissibility/unfavourable-ends-the-parcours", "2026-06-01", NULL,
    { DONE (ADMISSIBILITY_ASKED, "2026-01-15"), DECIDED ("2026-03-10", UNFAVOURABLE), END },
    "" },
  /* the charte: answer within 30 days */
  { "first-reply/plain", "2026-01-10", NULL,
    { DONE (FIRST_CONTACT, "2026-01-05"), END },
    "first-reply@2026-02-04:later;inactivity@2026-03-06:later" },
  { "first-reply/overdue", "2026-02-05", NULL,
    { DONE (FIRST_CONTACT, "2026-01-05"), END },
    "first-reply@2026-02-04:overdue;inactivity@2026-03-06:later" },
  { "first-reply/due-today-is-this-week", "2026-02-04", NULL,
    { DONE (FIRST_CONTACT, "2026-01-05"), END },
    "first-reply@2026-02-04:this-week;inactivity@2026-03-06:later" },
  { "first-reply/answered-on-the-due-day", "2026-02-04", NULL,
    { DONE (FIRST_CONTACT, "2026-01-05"), DONE (FEASIBILITY_INTERVIEW, "2026-02-04"), END },
    "inactivity@2026-04-05:later" },
  { "first-reply/an-interview-planned-answers", "2026-01-10", NULL,
    { DONE (FIRST_CONTACT, "2026-01-05"), PLANNED (FEASIBILITY_INTERVIEW, "2026-02-20"), END },
    "inactivity@2026-03-06:later;feasibility-interview@2026-02-20:later" },
  /* the charte: start within 15 days of the accepted quote */
  { "start/plain", "2026-05-04", "2026-05-01",
    { DECIDED ("2026-04-01", FAVOURABLE), DONE (QUOTE_ACCEPTED, "2026-04-25"), END },
    "start@2026-05-10:this-week;inactivity@2026-10-13:later" },
  { "start/month-end", "2026-01-31", "2026-01-31",
    { DECIDED ("2026-01-02", FAVOURABLE), DONE (QUOTE_ACCEPTED, "2026-01-31"), END },
    "start@2026-02-15:later;inactivity@2026-07-15:later" },
  { "start/started-on-the-due-day", "2026-05-10", "2026-05-10",
    { DECIDED ("2026-04-01", FAVOURABLE), DONE (QUOTE_ACCEPTED, "2026-04-25"),
      DONE (ACCOMPANIMENT_STARTED, "2026-05-10"), END },
    "inactivity@2026-10-22:later" },
  { "start/a-planned-start-does-not-clear", "2026-05-12", "2026-05-01",
    { DECIDED ("2026-04-01", FAVOURABLE), DONE (QUOTE_ACCEPTED, "2026-04-25"),
      PLANNED (ACCOMPANIMENT_STARTED, "2026-05-20"), END },
    "start@2026-05-10:overdue;accompaniment-started@2026-05-20:later;"
    "inactivity@2026-10-13:later" },
  /* France VAE's inactivity: 60 days before recevabilité, 165 after, abandoned 180 later */
  { "inactivity/59-days", "2026-03-01", "2026-01-01",
    { DONE (FEASIBILITY_INTERVIEW, "2025-12-01"), END },
    "inactivity@2026-03-02:this-week" },
  { "inactivity/exactly-60-days", "2026-03-02", "2026-01-01",
    { DONE (FEASIBILITY_INTERVIEW, "2025-12-01"), END },
    "inactivity@2026-03-02:this-week;abandonment@2026-08-29:later" },
  { "inactivity/61-days", "2026-03-03", "2026-01-01",
    { DONE (FEASIBILITY_INTERVIEW, "2025-12-01"), END },
    "inactivity@2026-03-02:overdue;abandonment@2026-08-29:later" },
  { "inactivity/an-event-is-activity", "2026-03-03", "2026-01-01",
    { DONE (FEASIBILITY_INTERVIEW, "2026-02-01"), END },
    "inactivity@2026-04-02:later" },
  { "inactivity/leap-year", "2028-02-01", "2028-01-01",
    { DONE (FEASIBILITY_INTERVIEW, "2027-12-01"), END },
    "inactivity@2028-03-01:later" },
  { "inactivity/after-admissibility-165-days", "2026-06-01", "2026-01-10",
    { DECIDED ("2026-01-10", FAVOURABLE), END },
    "inactivity@2026-06-24:later" },
  { "inactivity/after-admissibility-exactly-165-days", "2026-06-24", "2026-01-10",
    { DECIDED ("2026-01-10", FAVOURABLE), END },
    "inactivity@2026-06-24:this-week;abandonment@2026-12-21:later" },
  { "inactivity/abandonment-overdue", "2027-01-01", "2026-01-10",
    { DECIDED ("2026-01-10", FAVOURABLE), END },
    "inactivity@2026-06-24:overdue;abandonment@2026-12-21:overdue" },
  { "inactivity/none-after-the-jury", "2027-06-01", NULL,
    { DECIDED ("2026-01-10", FAVOURABLE), DONE (JURY, "2026-06-15"), END },
    "" },
  { "inactivity/no-activity-no-deadline", "2026-06-01", NULL, { END }, "" },
  /* planned events: due on their day */
  { "planned/jury-and-convocation", "2026-06-01", "2026-05-30",
    { DECIDED ("2026-01-10", FAVOURABLE), PLANNED (CONVOCATION_RECEIVED, "2026-06-03"),
      PLANNED (JURY, "2026-07-02"), END },
    "convocation-received@2026-06-03:this-week;jury@2026-07-02:later;"
    "inactivity@2026-11-11:later" },
  { "planned/overdue-when-not-marked-done", "2026-06-10", "2026-06-01",
    { DECIDED ("2026-01-10", FAVOURABLE), PLANNED (POST_JURY_INTERVIEW, "2026-06-08"), END },
    "post-jury-interview@2026-06-08:overdue;inactivity@2026-11-13:later" },
  { "planned/severity-edges", "2026-06-01", "2026-06-01",
    { DECIDED ("2026-01-10", FAVOURABLE), PLANNED (FEASIBILITY_INTERVIEW, "2026-06-07"),
      PLANNED (DOSSIER_DEPOSITED, "2026-06-08"), PLANNED (JURY, "2026-05-31"), END },
    "jury@2026-05-31:overdue;feasibility-interview@2026-06-07:this-week;"
    "dossier-deposited@2026-06-08:later;inactivity@2026-11-13:later" },
};

static const char *
severity_nick (AcqDeadlineSeverity severity)
{
  switch (severity)
    {
    case ACQ_DEADLINE_OVERDUE: return "overdue";
    case ACQ_DEADLINE_THIS_WEEK: return "this-week";
    case ACQ_DEADLINE_LATER: return "later";
    default: return "?";
    }
}

static GDate
parse (const char *iso)
{
  int y, m, d;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &y, &m, &d), ==, 3);
  return day (y, m, d);
}

static int
compare_indirect (gconstpointer a, gconstpointer b)
{
  return acq_deadline_compare (*(AcqDeadline *const *) a, *(AcqDeadline *const *) b);
}

static int
compare_events (gconstpointer a, gconstpointer b)
{
  return acq_parcours_event_compare (*(AcqParcoursEvent *const *) a,
                                     *(AcqParcoursEvent *const *) b);
}

static void
test_deadline_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (
    (GDestroyNotify) acq_parcours_event_free);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_deadline_free);
  g_autoptr (GString) got = g_string_new (NULL);
  g_auto (GStrv) expected = NULL;
  g_auto (GStrv) got_items = NULL;
  AcqDeadlineInput input = { 0 };
  GDate today = parse (c->today);

  for (guint i = 0; c->events[i].date != NULL; i++)
    {
      GDate date = parse (c->events[i].date);
      AcqParcoursEvent *event = acq_parcours_event_new (c->events[i].kind, &date,
                                                        c->events[i].planned);
      event->decision = c->events[i].decision;
      event->candidate_uuid = g_strdup ("k1");
      event->uuid = g_strdup_printf ("e%u", i);
      g_ptr_array_add (events, event);
    }
  g_ptr_array_sort (events, compare_events);
  input.candidate_uuid = "k1";
  input.events = events;
  g_date_clear (&input.last_activity, 1);
  if (c->last_activity != NULL)
    input.last_activity = parse (c->last_activity);

  acq_deadline_compute (&input, &today, out);
  for (guint i = 0; i < out->len; i++)
    {
      AcqDeadline *deadline = out->pdata[i];
      char iso[16];

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &deadline->due);
      g_string_append_printf (got, "%s%s@%s:%s", i ? ";" : "", acq_deadline_get_nick (deadline),
                              iso, severity_nick (deadline->severity));
      g_assert_cmpstr (deadline->candidate_uuid, ==, "k1");
      g_assert_nonnull (deadline->text);
      g_assert_cmpuint (strlen (deadline->text), >, 5);
    }
  /* compared as sets: the order of acq_deadline_compute() is not promised */
  expected = g_strsplit (c->expected, ";", -1);
  got_items = g_strsplit (got->str, ";", -1);
  if (*c->expected == '\0')
    g_assert_cmpstr (got->str, ==, "");
  else
    {
      g_assert_cmpuint (g_strv_length (got_items), ==, g_strv_length (expected));
      for (guint i = 0; expected[i] != NULL; i++)
        if (!g_strv_contains ((const char *const *) got_items, expected[i]))
          g_error ("%s: expected %s, got %s", c->name, expected[i], got->str);
    }
  g_ptr_array_sort (out, compare_indirect);
  for (guint i = 1; i < out->len; i++)
    g_assert_cmpint (g_date_compare (&((AcqDeadline *) out->pdata[i - 1])->due,
                                     &((AcqDeadline *) out->pdata[i])->due), <=, 0);
}

/* What the livret de suivi will give: sessions on their day, hours over the plan today. */
static void
test_deadline_sessions_and_hours (void)
{
  g_autoptr (GPtrArray) events = g_ptr_array_new ();
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_deadline_free);
  g_autoptr (GArray) sessions = g_array_new (FALSE, FALSE, sizeof (GDate));
  AcqDeadlineInput input = { 0 };
  GDate today = day (2026, 6, 1);
  GDate session = day (2026, 6, 4);

  g_array_append_val (sessions, session);
  input.candidate_uuid = "k1";
  input.events = events;
  g_date_clear (&input.last_activity, 1);
  input.planned_sessions = sessions;
  input.planned_hours = 24;
  input.held_hours = 24;
  acq_deadline_compute (&input, &today, out);
  g_assert_cmpuint (out->len, ==, 1);
  g_assert_cmpint (((AcqDeadline *) out->pdata[0])->kind, ==, ACQ_DEADLINE_SESSION);
  g_assert_cmpint (((AcqDeadline *) out->pdata[0])->severity, ==, ACQ_DEADLINE_THIS_WEEK);
  g_assert_cmpint (((AcqDeadline *) out->pdata[0])->action, ==, ACQ_DEADLINE_ACTION_OPEN_SESSION);
  input.held_hours = 25.5;
  acq_deadline_compute (&input, &today, out);
  g_assert_cmpuint (out->len, ==, 3);
  g_assert_cmpint (((AcqDeadline *) out->pdata[2])->kind, ==, ACQ_DEADLINE_OVER_PLAN);
  g_assert_cmpint (g_date_compare (&((AcqDeadline *) out->pdata[2])->due, &today), ==, 0);
  g_assert_cmpint (((AcqDeadline *) out->pdata[2])->action, ==, ACQ_DEADLINE_ACTION_REVIEW_HOURS);
}

/* The caseload from the store: archived candidates have none, each deadline names its event. */
static void
test_deadline_caseload (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (AcqStore) store = test_store_open (&dir);
  g_autoptr (AcqCandidateList) list = test_candidate_list_new (store);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) deadlines = NULL;
  g_autoptr (AcqParcoursEvent) a = NULL;
  g_autoptr (AcqParcoursEvent) b = NULL;
  AcqCandidate *one = acq_candidate_list_create (list, "Hélène", "Dubois", &error);
  AcqCandidate *two = acq_candidate_list_create (list, "Karim", "Benali", &error);
  GDate today = day (2026, 3, 20);

  a = add_event (store, acq_candidate_get_uuid (one), ACQ_PARCOURS_ADMISSIBILITY_ASKED,
                 day (2026, 1, 15), FALSE);
  b = add_event (store, acq_candidate_get_uuid (two), ACQ_PARCOURS_JURY, day (2026, 3, 22), TRUE);
  deadlines = acq_deadline_list_caseload (store, &today, &error);
  g_assert_no_error (error);
  /* one: the answer (overdue) and inactivity; two: the jury (this week) and inactivity */
  g_assert_cmpuint (deadlines->len, ==, 4);
  g_assert_cmpint (((AcqDeadline *) deadlines->pdata[0])->kind, ==,
                   ACQ_DEADLINE_ADMISSIBILITY_ANSWER);
  g_assert_cmpstr (((AcqDeadline *) deadlines->pdata[0])->event_uuid, ==, a->uuid);
  g_assert_cmpint (((AcqDeadline *) deadlines->pdata[0])->severity, ==, ACQ_DEADLINE_OVERDUE);
  g_assert_cmpint (((AcqDeadline *) deadlines->pdata[1])->kind, ==, ACQ_DEADLINE_PLANNED_EVENT);
  g_assert_cmpstr (((AcqDeadline *) deadlines->pdata[1])->candidate_uuid, ==,
                   acq_candidate_get_uuid (two));
  g_clear_pointer (&deadlines, g_ptr_array_unref);

  acq_candidate_set_archived (two, TRUE);
  g_assert_true (acq_candidate_list_save (list, two, &error));
  g_assert_no_error (error);
  deadlines = acq_deadline_list_caseload (store, &today, &error);
  g_assert_cmpuint (deadlines->len, ==, 2);

  g_clear_object (&list);
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* The caseload's deadlines come from the livret de suivi too: a session not held yet falls due
 * on its day, and hours held past the plan fall due at once. */
static void
test_deadline_caseload_livret (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (AcqStore) store = test_store_open (&dir);
  g_autoptr (AcqCandidateList) list = test_candidate_list_new (store);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) deadlines = NULL;
  AcqCandidate *one = acq_candidate_list_create (list, "Hélène", "Dubois", &error);
  const char *uuid = acq_candidate_get_uuid (one);
  GDate today = day (2026, 3, 20);
  guint sessions = 0, over_plan = 0;

  /* five held sessions of three hours: 15 h against a plan of 12 */
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-02-%02d", 2 + 5 * i);
      g_autoptr (AcqSession) held = acq_session_new (uuid, date, "09:00", "12:00",
                                                     ACQ_SESSION_KIND_ACCOMPANIMENT);

      held->held = TRUE;
      acq_session_save (store, held, &error);
      g_assert_no_error (error);
    }
  {
    g_autoptr (AcqSession) planned = acq_session_new (uuid, "2026-03-24", "14:00", "16:00",
                                                      ACQ_SESSION_KIND_ACCOMPANIMENT);

    acq_session_save (store, planned, &error);
    g_assert_no_error (error);
  }
  acq_session_set_planned_minutes (store, uuid, 12 * 60, &error);
  g_assert_no_error (error);

  deadlines = acq_deadline_list_caseload (store, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < deadlines->len; i++)
    {
      const AcqDeadline *deadline = g_ptr_array_index (deadlines, i);

      g_assert_cmpstr (deadline->candidate_uuid, ==, uuid);
      if (deadline->kind == ACQ_DEADLINE_SESSION)
        {
          sessions++;
          g_assert_cmpint (g_date_get_day (&deadline->due), ==, 24);
          g_assert_cmpint (deadline->severity, ==, ACQ_DEADLINE_THIS_WEEK);
        }
      else if (deadline->kind == ACQ_DEADLINE_OVER_PLAN)
        {
          over_plan++;
          g_assert_cmpint (g_date_compare (&deadline->due, &today), ==, 0);
        }
    }
  g_assert_cmpuint (sessions, ==, 1);
  g_assert_cmpuint (over_plan, ==, 1);

  g_clear_object (&list);
  g_clear_object (&store);
  test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/practice/parcours/events-set-the-stage", test_parcours_events_set_the_stage);
  g_test_add_func ("/practice/parcours/refuses-invalid", test_parcours_refuses_invalid);
  g_test_add_func ("/practice/parcours/old-way-records-an-event",
                   test_parcours_old_way_records_an_event);
  g_test_add_func ("/practice/parcours/migrate-from-v4", test_parcours_migrate_from_v4);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/practice/deadline/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_deadline_case);
    }
  g_test_add_func ("/practice/deadline/sessions-and-hours", test_deadline_sessions_and_hours);
  g_test_add_func ("/practice/deadline/caseload", test_deadline_caseload);
  g_test_add_func ("/practice/deadline/caseload-livret", test_deadline_caseload_livret);
  return g_test_run ();
}

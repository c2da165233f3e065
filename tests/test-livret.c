/* test-livret.c — the livret de suivi (sessions, objectives, hours) and its calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "acq-calendar.h"
#include "acq-session.h"
#include "acq-store-private.h"
#include "test-util.h"

typedef struct
{
  char             *dir;
  AcqStore         *store;
  AcqCandidateList *candidates;
  char             *uuid; /* Hélène Dupont-Martin */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *candidate;

  f->store = test_store_open (&f->dir);
  f->candidates = test_candidate_list_new (f->store);
  candidate = acq_candidate_list_create (f->candidates, "Hélène", "Dupont-Martin", &error);
  g_assert_no_error (error);
  f->uuid = g_strdup (acq_candidate_get_uuid (candidate));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->candidates);
  test_store_close (&f->store, &f->dir);
  g_free (f->uuid);
}

static AcqSession *
save_session (Fixture *f, const char *date, const char *start, const char *end, gboolean held)
{
  g_autoptr (GError) error = NULL;
  AcqSession *session = acq_session_new (f->uuid, date, start, end,
                                         ACQ_SESSION_KIND_ACCOMPANIMENT);

  session->held = held;
  g_assert_true (acq_session_save (f->store, session, &error));
  g_assert_no_error (error);
  return session;
}

/* Sessions -------------------------------------------------------------------------------- */

static void
test_session_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSession) session = acq_session_new (f->uuid, "2026-03-12", "14:00", "16:30",
                                                    ACQ_SESSION_KIND_MOCK_JURY);
  g_autoptr (GPtrArray) list = NULL;
  const AcqSession *back;
  const AcqSessionObjective *objective;

  session->mode = ACQ_SESSION_MODE_IN_PERSON;
  acq_session_set_text (&session->place, "Maison de l'emploi, Lyon");
  acq_session_set_text (&session->points_worked, "Présentation du parcours");
  acq_session_set_text (&session->difficulties, "Le stress");
  acq_session_set_text (&session->personal_work, "Relire l'exemple 2");
  acq_session_add_objective (session, "Tenir 10 minutes", ACQ_OBJECTIVE_PARTLY);
  acq_session_add_objective (session, "Répondre au jury", ACQ_OBJECTIVE_NOT_ASSESSED);
  g_assert_true (acq_session_save (f->store, session, &error));
  g_assert_no_error (error);
  g_assert_nonnull (session->created_at);

  list = acq_session_list (f->store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  back = g_ptr_array_index (list, 0);
  g_assert_cmpstr (back->uuid, ==, session->uuid);
  g_assert_cmpstr (back->date, ==, "2026-03-12");
  g_assert_cmpstr (back->start_time, ==, "14:00");
  g_assert_cmpstr (back->end_time, ==, "16:30");
  g_assert_cmpint (back->mode, ==, ACQ_SESSION_MODE_IN_PERSON);
  g_assert_cmpint (back->kind, ==, ACQ_SESSION_KIND_MOCK_JURY);
  g_assert_cmpstr (back->place, ==, "Maison de l'emploi, Lyon");
  g_assert_cmpstr (back->difficulties, ==, "Le stress");
  g_assert_cmpstr (back->personal_work, ==, "Relire l'exemple 2");
  g_assert_cmpuint (back->objectives->len, ==, 2);
  objective = g_ptr_array_index (back->objectives, 0);
  g_assert_cmpstr (objective->text, ==, "Tenir 10 minutes");
  g_assert_cmpint (objective->outcome, ==, ACQ_OBJECTIVE_PARTLY);
  g_assert_cmpuint (acq_session_get_minutes (back), ==, 150);

  /* a change: one objective reached, the other removed, one added */
  objective = g_ptr_array_index (session->objectives, 0);
  ((AcqSessionObjective *) objective)->outcome = ACQ_OBJECTIVE_REACHED;
  g_ptr_array_remove_index (session->objectives, 1);
  acq_session_add_objective (session, "Citer deux exemples", ACQ_OBJECTIVE_NOT_REACHED);
  session->held = TRUE;
  g_assert_true (acq_session_save (f->store, session, &error));
  g_assert_no_error (error);
  {
    g_autoptr (AcqSession) again = acq_session_load (f->store, session->uuid, &error);
    g_autofree char *count = test_query_text (f->store, "SELECT count(*) FROM session_objective");

    g_assert_no_error (error);
    g_assert_true (again->held);
    g_assert_cmpuint (again->objectives->len, ==, 2);
    g_assert_cmpint (((AcqSessionObjective *) g_ptr_array_index (again->objectives, 0))->outcome,
                     ==, ACQ_OBJECTIVE_REACHED);
    g_assert_cmpstr (((AcqSessionObjective *) g_ptr_array_index (again->objectives, 1))->text,
                     ==, "Citer deux exemples");
    g_assert_cmpstr (count, ==, "2");
  }
}

static void
test_session_sorted_and_per_candidate (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSession) late = save_session (f, "2026-04-02", "09:00", "11:00", FALSE);
  g_autoptr (AcqSession) early = save_session (f, "2026-03-02", "14:00", "15:00", TRUE);
  g_autoptr (AcqSession) morning = save_session (f, "2026-03-02", "09:00", "10:00", TRUE);
  AcqCandidate *other = acq_candidate_list_create (f->candidates, "Karim", "Benali", &error);
  g_autoptr (AcqSession) theirs = acq_session_new (acq_candidate_get_uuid (other), "2026-01-10",
                                                   "10:00", "11:00",
                                                   ACQ_SESSION_KIND_FEASIBILITY);
  g_autoptr (GPtrArray) mine = NULL;
  g_autoptr (GPtrArray) all = NULL;

  g_assert_true (acq_session_save (f->store, theirs, &error));
  mine = acq_session_list (f->store, f->uuid, &error);
  all = acq_session_list (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 3);
  g_assert_cmpuint (all->len, ==, 4);
  g_assert_cmpstr (((AcqSession *) g_ptr_array_index (mine, 0))->uuid, ==, morning->uuid);
  g_assert_cmpstr (((AcqSession *) g_ptr_array_index (mine, 1))->uuid, ==, early->uuid);
  g_assert_cmpstr (((AcqSession *) g_ptr_array_index (mine, 2))->uuid, ==, late->uuid);
  g_assert_cmpstr (((AcqSession *) g_ptr_array_index (all, 0))->uuid, ==, theirs->uuid);

  /* a session cannot move to another candidate's livret, nor its objectives with it */
  acq_session_set_text (&theirs->candidate_uuid, f->uuid);
  acq_session_set_text (&theirs->date, "2026-05-05");
  g_assert_false (acq_session_save (f->store, theirs, &error));
  g_assert_error (error, ACQ_SESSION_ERROR, ACQ_SESSION_ERROR_INVALID);
  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = acq_session_list (f->store, f->uuid, NULL);
  g_assert_cmpuint (mine->len, ==, 3);
}

static void
test_session_invalid_refused (Fixture *f, gconstpointer data)
{
  static const struct { const char *date, *start, *end; } cases[] = {
    { "2026-02-30", "10:00", "11:00" }, /* no such day */
    { "2025-02-29", "10:00", "11:00" }, /* not a leap year */
    { "12/03/2026", "10:00", "11:00" },
    { "2026-03-12", "11:00", "10:00" }, /* ends before it starts */
    { "2026-03-12", "10:00", "10:00" },
    { "2026-03-12", "25:00", "26:00" },
    { "2026-03-12", "9:00", "10:00" },
  };
  g_autofree char *count = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (AcqSession) session = acq_session_new (f->uuid, cases[i].date, cases[i].start,
                                                        cases[i].end, ACQ_SESSION_KIND_ACCOMPANIMENT);

      g_assert_false (acq_session_save (f->store, session, &error));
      g_assert_error (error, ACQ_SESSION_ERROR, ACQ_SESSION_ERROR_INVALID);
    }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (AcqSession) leap = acq_session_new (f->uuid, "2028-02-29", "10:00", "11:00",
                                                   ACQ_SESSION_KIND_ACCOMPANIMENT);
    g_autoptr (AcqSession) orphan = acq_session_new ("0d6b3c1e-5a4f-4e2d-9c8b-7a6f5e4d3c2b",
                                                     "2026-03-12", "10:00", "11:00",
                                                     ACQ_SESSION_KIND_ACCOMPANIMENT);
    g_assert_true (acq_session_save (f->store, leap, &error));
    g_assert_no_error (error);
    g_assert_false (acq_session_save (f->store, orphan, &error));
    g_assert_error (error, ACQ_SESSION_ERROR, ACQ_SESSION_ERROR_NOT_FOUND);
  }
  count = test_query_text (f->store, "SELECT count(*) FROM session");
  g_assert_cmpstr (count, ==, "1");
}

/* 1 to 3 hours: outside, a warning, and the session is stored all the same. */
static void
test_session_length_warning (Fixture *f, gconstpointer data)
{
  static const struct { const char *start, *end; gboolean warns; } cases[] = {
    { "10:00", "10:59", TRUE },
    { "10:00", "11:00", FALSE },
    { "10:00", "13:00", FALSE },
    { "10:00", "13:01", TRUE },
    { "09:00", "17:00", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (AcqSession) session = save_session (f, "2026-03-12", cases[i].start,
                                                     cases[i].end, FALSE);
      g_autofree char *warning = acq_session_dup_warning (session);

      if (cases[i].warns)
        g_assert_nonnull (warning);
      else
        g_assert_null (warning);
    }
}

static void
test_session_delete_undo_purge (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSession) session = save_session (f, "2026-03-12", "10:00", "12:00", TRUE);
  g_autoptr (GPtrArray) after_delete = NULL;
  g_autoptr (GPtrArray) after_undo = NULL;
  g_autofree char *left = NULL;
  g_autofree char *objectives = NULL;

  acq_session_add_objective (session, "Un objectif", ACQ_OBJECTIVE_REACHED);
  g_assert_true (acq_session_save (f->store, session, &error));
  g_assert_true (acq_session_delete (f->store, session->uuid, &error));
  g_assert_no_error (error);
  after_delete = acq_session_list (f->store, f->uuid, &error);
  g_assert_cmpuint (after_delete->len, ==, 0);
  g_assert_false (acq_session_delete (f->store, session->uuid, &error));
  g_assert_error (error, ACQ_SESSION_ERROR, ACQ_SESSION_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (acq_session_undelete (f->store, session->uuid, &error));
  g_assert_no_error (error);
  after_undo = acq_session_list (f->store, f->uuid, &error);
  g_assert_cmpuint (after_undo->len, ==, 1);
  g_assert_cmpuint (((AcqSession *) g_ptr_array_index (after_undo, 0))->objectives->len, ==, 1);

  /* deleted long ago (a quit cut the undo short): erased at the next start, objectives too */
  g_assert_true (acq_store_exec (f->store, "UPDATE session SET deleted_at = "
                                           "'2020-01-01T00:00:00.000Z'", &error));
  g_assert_true (acq_session_purge_stale (f->store, &error));
  g_assert_no_error (error);
  left = test_query_text (f->store, "SELECT count(*) FROM session");
  objectives = test_query_text (f->store, "SELECT count(*) FROM session_objective");
  g_assert_cmpstr (left, ==, "0");
  g_assert_cmpstr (objectives, ==, "0");
}

/* 4 -> 5 adds the livret: a v4 file keeps its candidates and starts with an empty livret. */
static void
test_migrate_from_v4 (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, ACQ_STORE_FILE_NAME, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autofree char *name = NULL;
  AcqSessionHours hours;
  sqlite3 *db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (_acq_store_migrate_db (db, 4, &error));
  g_assert_true (_acq_store_exec_db (
    db, "INSERT INTO candidate (uuid, first_name, created_at, updated_at, last_activity_at)"
        " VALUES ('k1', 'Awa', 'now', 'now', 'now')", &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acq_store_get_schema_version (store), >=, 5);
  name = test_query_text (store, "SELECT first_name FROM candidate WHERE uuid = 'k1'");
  g_assert_cmpstr (name, ==, "Awa");
  sessions = acq_session_list (store, "k1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 0);
  g_assert_true (acq_session_hours_get (store, "k1", NULL, &hours, &error));
  g_assert_false (hours.has_plan);
  g_assert_cmpuint (hours.planned_minutes, ==, 24 * 60);
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* Hours ----------------------------------------------------------------------------------- */

static void
test_hours_compute (void)
{
  g_autoptr (GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_session_free);
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 3, 15, 12, 0, 0);
  static const struct { const char *date, *start, *end; gboolean held; } rows[] = {
    { "2026-03-01", "09:00", "12:00", TRUE },  /* 180 held */
    { "2026-03-08", "14:00", "16:00", TRUE },  /* 120 held */
    { "2026-03-10", "14:00", "16:00", FALSE }, /* past, not marked held: neither */
    { "2026-03-15", "14:00", "15:30", FALSE }, /* later today (13:00 UTC): 90 ahead */
    { "2026-04-01", "10:00", "12:00", FALSE }, /* 120 ahead */
    { "2026-04-08", "10:00", "13:00", TRUE },  /* held ahead of its date? counted held: 180 */
  };
  AcqSessionHours h;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      AcqSession *s = acq_session_new ("k", rows[i].date, rows[i].start, rows[i].end,
                                       ACQ_SESSION_KIND_ACCOMPANIMENT);
      s->held = rows[i].held;
      g_ptr_array_add (sessions, s);
    }
  acq_session_hours_compute (sessions, 24 * 60, TRUE, now, &h);
  g_assert_cmpuint (h.held_minutes, ==, 480);
  g_assert_cmpuint (h.ahead_minutes, ==, 210);
  g_assert_true (h.has_plan);
  g_assert_false (acq_session_hours_is_over_plan (&h));
  g_assert_false (acq_session_hours_will_be_over_plan (&h));

  /* 480 held and 690 with what is planned, against 10 h */
  acq_session_hours_compute (sessions, 600, TRUE, now, &h);
  g_assert_false (acq_session_hours_is_over_plan (&h));
  g_assert_true (acq_session_hours_will_be_over_plan (&h));
}

static void
test_hours_over_plan_edges (void)
{
  AcqSessionHours h = { .planned_minutes = 720, .has_plan = TRUE };

  h.held_minutes = 720;
  h.ahead_minutes = 0;
  g_assert_false (acq_session_hours_is_over_plan (&h));
  g_assert_false (acq_session_hours_will_be_over_plan (&h));
  h.held_minutes = 721;
  g_assert_true (acq_session_hours_is_over_plan (&h));
  h.held_minutes = 600;
  h.ahead_minutes = 121;
  g_assert_false (acq_session_hours_is_over_plan (&h));
  g_assert_true (acq_session_hours_will_be_over_plan (&h));
}

/* One candidate's hours and the whole caseload's agree, at the edge of a session's start. */
static void
test_hours_all_agrees (Fixture *f, gconstpointer data)
{
  static const struct { int hour, minute; guint ahead; } nows[] = {
    { 12, 0, 210 }, { 13, 0, 210 }, { 13, 1, 120 }, { 23, 30, 120 },
  };
  g_autoptr (AcqSession) a = save_session (f, "2026-03-01", "09:00", "12:00", TRUE);
  g_autoptr (AcqSession) b = save_session (f, "2026-03-10", "14:00", "16:00", FALSE);
  g_autoptr (AcqSession) c = save_session (f, "2026-03-15", "14:00", "15:30", FALSE);
  g_autoptr (AcqSession) d = save_session (f, "2026-04-01", "10:00", "12:00", FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (nows); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 3, 15, nows[i].hour,
                                                       nows[i].minute, 0);
      g_autoptr (GHashTable) all = acq_session_hours_get_all (f->store, now, &error);
      AcqSessionHours one;
      const AcqSessionHours *from_all;

      g_assert_true (acq_session_hours_get (f->store, f->uuid, now, &one, &error));
      g_assert_no_error (error);
      from_all = g_hash_table_lookup (all, f->uuid);
      g_assert_nonnull (from_all);
      g_assert_cmpuint (one.held_minutes, ==, 180);
      g_assert_cmpuint (one.ahead_minutes, ==, nows[i].ahead);
      g_assert_cmpmem (from_all, sizeof *from_all, &one, sizeof one);
    }
}

static void
test_hours_stored (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_utc (2026, 3, 15, 12, 0, 0);
  g_autoptr (AcqSession) a = save_session (f, "2026-03-01", "09:00", "12:00", TRUE);
  g_autoptr (AcqSession) b = save_session (f, "2026-04-01", "09:00", "11:00", FALSE);
  AcqSessionHours h;

  g_assert_true (acq_session_hours_get (f->store, f->uuid, now, &h, &error));
  g_assert_no_error (error);
  g_assert_false (h.has_plan);
  g_assert_cmpuint (h.planned_minutes, ==, ACQ_SESSION_PLAN_ADVISED_MINUTES);
  g_assert_cmpuint (h.held_minutes, ==, 180);
  g_assert_cmpuint (h.ahead_minutes, ==, 120);

  g_assert_false (acq_session_set_planned_minutes (f->store, f->uuid, 11 * 60, &error));
  g_assert_error (error, ACQ_SESSION_ERROR, ACQ_SESSION_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (acq_session_set_planned_minutes (f->store, f->uuid, 30 * 60 + 1, &error));
  g_clear_error (&error);
  g_assert_true (acq_session_set_planned_minutes (f->store, f->uuid, 12 * 60, &error));
  g_assert_true (acq_session_set_planned_minutes (f->store, f->uuid, 30 * 60, &error));
  g_assert_true (acq_session_set_planned_minutes (f->store, f->uuid, 18 * 60, &error));
  g_assert_no_error (error);
  g_assert_true (acq_session_hours_get (f->store, f->uuid, now, &h, &error));
  g_assert_true (h.has_plan);
  g_assert_cmpuint (h.planned_minutes, ==, 18 * 60);

  /* the whole caseload at once: the same figures, a candidate with only a plan included */
  {
    AcqCandidate *other = acq_candidate_list_create (f->candidates, "Karim", "Benali", &error);
    g_autoptr (GHashTable) all = NULL;
    const AcqSessionHours *mine, *theirs;

    g_assert_true (acq_session_set_planned_minutes (f->store, acq_candidate_get_uuid (other),
                                                    20 * 60, &error));
    all = acq_session_hours_get_all (f->store, now, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_hash_table_size (all), ==, 2);
    mine = g_hash_table_lookup (all, f->uuid);
    g_assert_cmpmem (mine, sizeof *mine, &h, sizeof h);
    theirs = g_hash_table_lookup (all, acq_candidate_get_uuid (other));
    g_assert_cmpuint (theirs->planned_minutes, ==, 20 * 60);
    g_assert_cmpuint (theirs->held_minutes + theirs->ahead_minutes, ==, 0);
  }

  /* a deleted session counts no more */
  g_assert_true (acq_session_delete (f->store, a->uuid, &error));
  g_assert_true (acq_session_hours_get (f->store, f->uuid, now, &h, &error));
  g_assert_cmpuint (h.held_minutes, ==, 0);
}

/* The calendar ---------------------------------------------------------------------------- */

static void
test_calendar_escape (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "a,b;c\\d", "a\\,b\\;c\\\\d" },
    { "ligne 1\nligne 2", "ligne 1\\nligne 2" },
    { "ligne 1\r\nligne 2", "ligne 1\\nligne 2" },
    { "bip\007", "bip" },
    { "Hélène", "Hélène" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = acq_calendar_escape_text (cases[i].in);
      g_assert_cmpstr (escaped, ==, cases[i].out);
    }
}

/* Unfolds an iCalendar text as a reader does: each CRLF followed by a space goes. */
static char *
unfold (const char *text)
{
  g_autoptr (GString) out = g_string_new (text);

  g_string_replace (out, "\r\n ", "", 0);
  return g_strdup (out->str);
}

/* Every physical line ends in CRLF, holds no lone CR or LF, at most 75 octets, valid UTF-8. */
static void
assert_well_formed (const char *text)
{
  const char *p = text;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  while (*p != '\0')
    {
      const char *eol = strstr (p, "\r\n");
      g_autofree char *line = NULL;

      g_assert_nonnull (eol);
      line = g_strndup (p, eol - p);
      g_assert_cmpuint (eol - p, <=, 75);
      g_assert_null (strchr (line, '\n'));
      g_assert_null (strchr (line, '\r'));
      g_assert_true (g_utf8_validate (line, -1, NULL));
      p = eol + 2;
    }
}

static void
test_calendar_fold (void)
{
  g_autoptr (GString) long_line = g_string_new ("DESCRIPTION:");
  g_autofree char *folded = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *short_one = acq_calendar_fold_line ("SUMMARY:Séance");

  /* multi-octet characters at every offset: é (2), € (3), 😀 (4) */
  for (guint i = 0; i < 60; i++)
    g_string_append (long_line, i % 3 == 0 ? "é" : i % 3 == 1 ? "€x" : "😀");
  folded = acq_calendar_fold_line (long_line->str);
  assert_well_formed (folded);
  g_assert_nonnull (strstr (folded, "\r\n "));
  unfolded = unfold (folded);
  g_assert_true (g_str_has_suffix (unfolded, "\r\n"));
  unfolded[strlen (unfolded) - 2] = '\0';
  g_assert_cmpstr (unfolded, ==, long_line->str);
  g_assert_cmpstr (short_one, ==, "SUMMARY:Séance\r\n");
}

/* The value of the first property @name in the unfolded @text, or NULL. */
static char *
property (const char *unfolded, const char *name)
{
  g_auto (GStrv) lines = g_strsplit (unfolded, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], name) &&
        (lines[i][strlen (name)] == ':' || lines[i][strlen (name)] == ';'))
      return g_strdup (lines[i] + strlen (name));
  return NULL;
}

static char *
export_text (Fixture *f, const char *candidate_uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCalendar) calendar = acq_calendar_new ();
  g_autoptr (GDateTime) stamp = g_date_time_new_utc (2026, 3, 1, 8, 30, 0);

  g_assert_true (acq_calendar_add_sessions (calendar, f->store, candidate_uuid, &error));
  g_assert_no_error (error);
  return acq_calendar_to_string (calendar, stamp);
}

static void
test_calendar_sessions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSession) session = acq_session_new (f->uuid, "2026-07-02", "14:00", "16:00",
                                                    ACQ_SESSION_KIND_ACCOMPANIMENT);
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *uid_again = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *location = NULL;
  g_autofree char *description = NULL;
  g_autofree char *expected_uid = NULL;

  session->mode = ACQ_SESSION_MODE_IN_PERSON;
  acq_session_set_text (&session->place, "12, rue de la Paix; 2e étage");
  acq_session_add_objective (session, "Rédiger l'exemple « Accueil », en entier",
                             ACQ_OBJECTIVE_REACHED);
  acq_session_set_text (&session->personal_work,
                        "Relire\nla rubrique 3 \\ compléter les dates; puis envoyer le dossier "
                        "à l'accompagnatrice avant la prochaine séance");
  g_assert_true (acq_session_save (f->store, session, &error));
  g_assert_no_error (error);

  text = export_text (f, f->uuid);
  assert_well_formed (text);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"));
  unfolded = unfold (text);
  expected_uid = g_strdup_printf (":session-%s@io.github.acquis", session->uuid);
  uid = property (unfolded, "UID");
  g_assert_cmpstr (uid, ==, expected_uid);
  stamp = property (unfolded, "DTSTAMP");
  g_assert_cmpstr (stamp, ==, ":20260301T083000Z");
  start = property (unfolded, "DTSTART");
  end = property (unfolded, "DTEND");
  /* the VTIMEZONE's DTSTART comes first; the event's has its TZID */
  g_assert_nonnull (strstr (unfolded, "DTSTART;TZID=Europe/Paris:20260702T140000\r\n"));
  g_assert_nonnull (strstr (unfolded, "DTEND;TZID=Europe/Paris:20260702T160000\r\n"));
  g_assert_nonnull (start);
  g_assert_nonnull (end);
  summary = property (unfolded, "SUMMARY");
  g_assert_cmpstr (summary, ==, ":Accompaniment session — Hélène Dupont-Martin");
  location = property (unfolded, "LOCATION");
  g_assert_cmpstr (location, ==, ":12\\, rue de la Paix\\; 2e étage");
  description = property (unfolded, "DESCRIPTION");
  g_assert_nonnull (strstr (description, "Rédiger l'exemple « Accueil »\\, en entier (Reached)"));
  g_assert_nonnull (strstr (description, "Relire\\nla rubrique 3 \\\\ compléter les dates\\; "));

  /* the same session exported again, after a change: the same UID */
  acq_session_set_text (&session->points_worked, "autre chose");
  session->held = TRUE;
  g_assert_true (acq_session_save (f->store, session, &error));
  again = export_text (f, NULL);
  {
    g_autofree char *unfolded_again = unfold (again);
    uid_again = property (unfolded_again, "UID");
  }
  g_assert_cmpstr (uid_again, ==, uid);
}

static void
test_calendar_all_and_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSession) a = save_session (f, "2026-03-01", "09:00", "12:00", TRUE);
  AcqCandidate *other = acq_candidate_list_create (f->candidates, "Karim", "Benali", &error);
  g_autoptr (AcqSession) b = acq_session_new (acq_candidate_get_uuid (other), "2026-12-01",
                                              "10:00", "11:00", ACQ_SESSION_KIND_POST_JURY);
  g_autoptr (AcqCalendar) one = acq_calendar_new ();
  g_autoptr (AcqCalendar) all = acq_calendar_new ();
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out, "agenda.ics", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *winter = NULL;

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  g_assert_true (acq_session_save (f->store, b, &error));
  g_assert_true (acq_calendar_add_sessions (one, f->store, f->uuid, &error));
  g_assert_true (acq_calendar_add_sessions (all, f->store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (acq_calendar_get_n_events (one), ==, 1);
  g_assert_cmpuint (acq_calendar_get_n_events (all), ==, 2);

  g_assert_true (acq_calendar_write (all, path, &error));
  g_assert_no_error (error);
  test_assert_output_alone (path);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  assert_well_formed (contents);
  winter = unfold (contents);
  g_assert_nonnull (strstr (winter, "DTSTART;TZID=Europe/Paris:20261201T100000\r\n"));
  g_assert_nonnull (strstr (winter, "SUMMARY:Post-jury interview — Karim Benali\r\n"));
}

static void
on_exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The window's export: a worker on its own connection writes what the command line would. */
static void
test_calendar_export_async (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSession) a = save_session (f, "2026-03-01", "09:00", "12:00", TRUE);
  g_autoptr (AcqSession) b = save_session (f, "2026-04-01", "09:00", "11:00", FALSE);
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *out = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = g_build_filename (out, "livret.ics", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "folder.ics", NULL);
  g_autofree char *contents = NULL;
  guint n_events = 0;

  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  acq_calendar_export_async (f->store, f->uuid, path, NULL, on_exported_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (acq_calendar_export_finish (f->store, result, &n_events, &error));
  g_assert_no_error (error);
  test_assert_output_alone (path);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  assert_well_formed (contents);
  g_test_message ("%s", contents);
  /* the two sessions, and the deadline the parcours has: the day of its own */
  g_assert_cmpuint (n_events, ==, 3);
  g_assert_nonnull (strstr (contents, "UID:deadline-"));
  g_assert_nonnull (strstr (contents, "CATEGORIES:Deadline\r\n"));
  g_assert_nonnull (strstr (contents, "DTSTART;VALUE=DATE:"));

  g_clear_object (&result);
  acq_calendar_export_async (f->store, NULL, missing, NULL, on_exported_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (acq_calendar_export_finish (f->store, result, NULL, &error));
  g_assert_error (error, ACQ_CALENDAR_ERROR, ACQ_CALENDAR_ERROR_WRITE);
}

static void
test_calendar_event_api (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCalendar) calendar = acq_calendar_new ();
  g_autoptr (GDateTime) day = g_date_time_new (acq_session_get_time_zone (), 2026, 6, 15, 0, 0, 0);
  g_autoptr (GDateTime) stamp = g_date_time_new_utc (2026, 3, 1, 8, 30, 0);
  g_autofree char *text = NULL;
  AcqCalendarEvent jury = { .uid_key = "jury-k1", .start = day, .all_day = TRUE,
                            .summary = "Jury" };
  AcqCalendarEvent bad = { .uid_key = "x", .summary = "No date" };

  g_assert_true (acq_calendar_add_event (calendar, &jury, &error));
  g_assert_false (acq_calendar_add_event (calendar, &bad, &error));
  g_assert_error (error, ACQ_CALENDAR_ERROR, ACQ_CALENDAR_ERROR_INVALID);
  text = acq_calendar_to_string (calendar, stamp);
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20260615\r\nDTEND;VALUE=DATE:20260616\r\n"));
  g_assert_nonnull (strstr (text, "UID:jury-k1@io.github.acquis\r\n"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/practice/session/round-trip", test_session_round_trip);
  ADD ("/practice/session/sorted-and-per-candidate", test_session_sorted_and_per_candidate);
  ADD ("/practice/session/invalid-refused", test_session_invalid_refused);
  ADD ("/practice/session/length-outside-1-3-h-warns", test_session_length_warning);
  ADD ("/practice/session/delete-undo-purge", test_session_delete_undo_purge);
  g_test_add_func ("/practice/session/migrate-from-v4", test_migrate_from_v4);
  g_test_add_func ("/practice/hours/compute", test_hours_compute);
  g_test_add_func ("/practice/hours/over-plan-edges", test_hours_over_plan_edges);
  ADD ("/practice/hours/stored", test_hours_stored);
  ADD ("/practice/hours/caseload-agrees-with-one", test_hours_all_agrees);
  g_test_add_func ("/practice/calendar/escape", test_calendar_escape);
  g_test_add_func ("/practice/calendar/fold", test_calendar_fold);
  g_test_add_func ("/practice/calendar/event-api", test_calendar_event_api);
  ADD ("/practice/calendar/sessions", test_calendar_sessions);
  ADD ("/practice/calendar/all-and-file", test_calendar_all_and_file);
  ADD ("/practice/calendar/export-on-a-worker", test_calendar_export_async);
#undef ADD
  return g_test_run ();
}

/* test-concurrency.c — two connections on one data folder, as the window and the command
 * line (or two windows) are: nothing either one writes is lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-concurrency"

#include "config.h"

#include "acq-package.h"
#include "acq-store-private.h"
#include "sheet-fixture.h"

/* The other connection: another process on the same folder, seen from SQLite. */
typedef struct
{
  AcqStore         *store;
  AcqCandidateList *candidates;
  AcqSheetList     *list;
} Other;

static void
other_open (Fixture *f, Other *o)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *candidate;

  o->store = acq_store_open (f->dir, &error);
  g_assert_no_error (error);
  o->candidates = acq_candidate_list_new (o->store, &error);
  g_assert_no_error (error);
  candidate = acq_candidate_list_find (o->candidates, acq_candidate_get_uuid (f->candidate));
  g_assert_nonnull (candidate);
  o->list = acq_sheet_list_new (o->store, candidate, &error);
  g_assert_no_error (error);
}

static void
other_close (Other *o)
{
  g_clear_object (&o->list);
  g_clear_object (&o->candidates);
  g_clear_object (&o->store);
}

/* Changes one rubric of the sheet through the other connection, and stores it. */
static void
other_write (Other *o, AcqSheet *sheet, AcqRubric rubric, const char *text)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *theirs = acq_sheet_list_find (o->list, acq_sheet_get_uuid (sheet));

  g_assert_nonnull (theirs);
  acq_sheet_set_rubric (theirs, rubric, text);
  g_assert_true (acq_sheet_list_save (o->list, theirs, &error));
  g_assert_no_error (error);
}

static char *
stored_rubric (AcqStore *store, AcqSheet *sheet, AcqRubric rubric)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM sheet WHERE uuid = ?1",
                                          acq_rubric_property (rubric));
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (acq_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_text (stmt, 1, acq_sheet_get_uuid (sheet), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static void
save (Fixture *f, AcqSheet *sheet)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_no_error (error);
}

/* The window had the sheet open; the command line stored another rubric; the window saves
 * what the user typed in hers: both stay, and the window shows the other one too. */
static void
test_save_keeps_other_rubric (Fixture *f, gconstpointer data)
{
  AcqSheet *sheet = make_sheet (f, "Accueil", "Tâches d'avant");
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autofree char *tasks = NULL;
  g_autofree char *means = NULL;
  Other o = { 0 };

  other_open (f, &o);
  other_write (&o, sheet, ACQ_RUBRIC_MEANS, "Moyens importés");
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, "Tâches tapées dans la fenêtre");
  save (f, sheet);

  tasks = stored_rubric (o.store, sheet, ACQ_RUBRIC_TASKS);
  means = stored_rubric (o.store, sheet, ACQ_RUBRIC_MEANS);
  g_assert_cmpstr (tasks, ==, "Tâches tapées dans la fenêtre");
  g_assert_cmpstr (means, ==, "Moyens importés");
  g_assert_cmpstr (acq_sheet_get_rubric (sheet, ACQ_RUBRIC_MEANS), ==, "Moyens importés");
  conflicts = acq_conflict_list (f->store, NULL, NULL);
  g_assert_cmpuint (conflicts->len, ==, 0);
  other_close (&o);
}

/* Both changed the same rubric: the window's text is the sheet's, the other one waits as a
 * conflict with both texts, as after an exchange. */
static void
test_save_same_rubric_conflict (Fixture *f, gconstpointer data)
{
  AcqSheet *sheet = make_sheet (f, "Accueil", "Tâches d'avant");
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autofree char *tasks = NULL;
  g_autofree char *uuid = NULL;
  AcqConflict *conflict;
  Other o = { 0 };

  other_open (f, &o);
  other_write (&o, sheet, ACQ_RUBRIC_TASKS, "Tâches de l'autre fenêtre");
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, "Tâches de cette fenêtre");
  save (f, sheet);

  tasks = stored_rubric (o.store, sheet, ACQ_RUBRIC_TASKS);
  g_assert_cmpstr (tasks, ==, "Tâches de cette fenêtre");
  conflicts = acq_conflict_list (o.store, NULL, NULL);
  g_assert_nonnull (conflicts);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->sheet_uuid, ==, acq_sheet_get_uuid (sheet));
  g_assert_cmpint (conflict->rubric, ==, ACQ_RUBRIC_TASKS);
  g_assert_cmpstr (conflict->mine, ==, "Tâches de cette fenêtre");
  g_assert_cmpstr (conflict->theirs, ==, "Tâches de l'autre fenêtre");
  uuid = g_strdup (conflict->uuid);

  /* saved again, nothing new: no second conflict, the choice is still the user's */
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, "Tâches de cette fenêtre, suite");
  save (f, sheet);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = acq_conflict_list (f->store, NULL, NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);

  /* changed on both sides again before the choice (the other side's save meets a conflict too,
   * with this side's last text): every text waits, none is lost */
  other_write (&o, sheet, ACQ_RUBRIC_TASKS, "Tâches de l'autre fenêtre, encore");
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, "Tâches de cette fenêtre, encore");
  save (f, sheet);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = acq_conflict_list (f->store, NULL, NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->mine, ==, "Tâches de cette fenêtre, encore");
  g_assert_cmpstr (conflict->theirs, ==,
                   "Tâches de l'autre fenêtre\n\nTâches de cette fenêtre, suite\n\n"
                   "Tâches de l'autre fenêtre, encore");
  g_assert_true (acq_conflict_resolve (f->store, uuid, "Les deux", NULL));
  other_close (&o);
}

/* The other side's title and this side's period: a save writes only what changed here. */
static void
test_save_keeps_other_fields (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheetList) again = NULL;
  AcqSheet *sheet = make_sheet (f, "Accueil", "Tâches");
  AcqSheet *theirs, *loaded;
  Other o = { 0 };

  other_open (f, &o);
  theirs = acq_sheet_list_find (o.list, acq_sheet_get_uuid (sheet));
  acq_sheet_set_title (theirs, "Accueil du public");
  g_assert_true (acq_sheet_list_save (o.list, theirs, &error));
  g_assert_no_error (error);
  acq_sheet_set_period_from (sheet, "2020-01-01");
  acq_sheet_add_competence (sheet, competence (f, 0, 1));
  save (f, sheet);

  again = acq_sheet_list_new (f->store, f->candidate, &error);
  g_assert_no_error (error);
  loaded = acq_sheet_list_find (again, acq_sheet_get_uuid (sheet));
  g_assert_cmpstr (acq_sheet_get_title (loaded), ==, "Accueil du public");
  g_assert_cmpstr (acq_sheet_get_period_from (loaded), ==, "2020-01-01");
  g_assert_true (acq_sheet_has_competence (loaded, competence (f, 0, 1)));
  other_close (&o);
}

static void
on_external (AcqStore *store, guint *count)
{
  (*count)++;
}

/* Only commits of another connection are "external"; the poll sees each burst once. */
static void
test_poll_sees_other_connection (Fixture *f, gconstpointer data)
{
  AcqSheet *sheet = make_sheet (f, "Accueil", "Tâches");
  guint external = 0;
  Other o = { 0 };

  g_signal_connect (f->store, "changed::external", G_CALLBACK (on_external), &external);
  other_open (f, &o);
  g_assert_false (acq_store_poll (f->store));
  save (f, sheet);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_CONTEXT, "Ici");
  save (f, sheet);
  g_assert_false (acq_store_poll (f->store));
  g_assert_cmpuint (external, ==, 0);

  other_write (&o, sheet, ACQ_RUBRIC_MEANS, "Ailleurs");
  g_assert_true (acq_store_poll (f->store));
  g_assert_cmpuint (external, ==, 1);
  g_assert_false (acq_store_poll (f->store));
  g_assert_cmpuint (external, ==, 1);
  other_close (&o);
}

/* acq_store_watch() polls from the main loop. */
static void
test_watch_from_main_loop (Fixture *f, gconstpointer data)
{
  AcqSheet *sheet = make_sheet (f, "Accueil", "Tâches");
  guint external = 0;
  gint64 deadline;
  Other o = { 0 };

  g_signal_connect (f->store, "changed::external", G_CALLBACK (on_external), &external);
  acq_store_watch (f->store, 50);
  other_open (f, &o);
  other_write (&o, sheet, ACQ_RUBRIC_MEANS, "Ailleurs");
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (external == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (external, ==, 1);
  g_assert_cmpstr (acq_sheet_get_rubric (sheet, ACQ_RUBRIC_MEANS), ==, "Ailleurs");
  other_close (&o);
}

/* Told of an external change, the list shows it at once where the user did not type, keeps
 * what she typed and did not save yet, and a later save keeps both. */
static void
test_refresh_in_place (Fixture *f, gconstpointer data)
{
  AcqSheet *sheet = make_sheet (f, "Accueil", "Tâches");
  g_autofree char *tasks = NULL;
  g_autofree char *means = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  guint changes;
  Other o = { 0 };

  other_open (f, &o);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, "Tâches pas encore enregistrées");
  other_write (&o, sheet, ACQ_RUBRIC_MEANS, "Moyens importés");
  other_write (&o, sheet, ACQ_RUBRIC_PARTNERS, "Partenaires importés");
  changes = f->changes;
  g_assert_true (acq_store_poll (f->store));
  g_assert_cmpuint (f->changes, ==, changes + 1);
  g_assert_cmpstr (acq_sheet_get_rubric (sheet, ACQ_RUBRIC_TASKS), ==,
                   "Tâches pas encore enregistrées");
  g_assert_cmpstr (acq_sheet_get_rubric (sheet, ACQ_RUBRIC_MEANS), ==, "Moyens importés");

  /* the user now types in a rubric that changed elsewhere after she opened it */
  other_write (&o, sheet, ACQ_RUBRIC_CONTEXT, "Contexte de l'autre côté");
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_CONTEXT, "Contexte d'ici");
  g_assert_true (acq_store_poll (f->store));
  g_assert_cmpstr (acq_sheet_get_rubric (sheet, ACQ_RUBRIC_CONTEXT), ==, "Contexte d'ici");
  save (f, sheet);

  tasks = stored_rubric (o.store, sheet, ACQ_RUBRIC_TASKS);
  means = stored_rubric (o.store, sheet, ACQ_RUBRIC_MEANS);
  g_assert_cmpstr (tasks, ==, "Tâches pas encore enregistrées");
  g_assert_cmpstr (means, ==, "Moyens importés");
  conflicts = acq_conflict_list (f->store, NULL, NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (((AcqConflict *) g_ptr_array_index (conflicts, 0))->theirs, ==,
                   "Contexte de l'autre côté");
  other_close (&o);
}

/* Sheets created or deleted elsewhere come and go in the list. */
static void
test_refresh_adds_and_removes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;
  AcqSheet *created;
  Other o = { 0 };

  make_sheet (f, "Accueil", "Tâches");
  other_open (f, &o);
  created = acq_sheet_list_create (o.list, NULL, "Créée ailleurs", &error);
  g_assert_no_error (error);
  uuid = g_strdup (acq_sheet_get_uuid (created));
  g_assert_true (acq_store_poll (f->store));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 2);
  g_assert_nonnull (acq_sheet_list_find (f->list, uuid));

  g_assert_true (acq_sheet_list_delete (o.list, created, &error));
  g_assert_no_error (error);
  g_assert_true (acq_store_poll (f->store));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 1);
  g_assert_null (acq_sheet_list_find (f->list, uuid));
  other_close (&o);
}

/* The window archives a candidate the command line had just given notes: both stay. */
static void
test_candidate_save_keeps_other_field (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCandidateList) again = NULL;
  AcqCandidate *theirs, *loaded;
  Other o = { 0 };

  other_open (f, &o);
  theirs = acq_candidate_list_find (o.candidates, acq_candidate_get_uuid (f->candidate));
  acq_candidate_set_text (theirs, ACQ_CANDIDATE_NOTES, "Notes écrites ailleurs");
  g_assert_true (acq_candidate_list_save (o.candidates, theirs, &error));
  g_assert_no_error (error);
  acq_candidate_set_archived (f->candidate, TRUE);
  g_assert_true (acq_candidate_list_save (f->candidates, f->candidate, &error));
  g_assert_no_error (error);

  again = acq_candidate_list_new (f->store, &error);
  g_assert_no_error (error);
  loaded = acq_candidate_list_find (again, acq_candidate_get_uuid (f->candidate));
  g_assert_true (acq_candidate_get_archived (loaded));
  g_assert_cmpstr (acq_candidate_get_text (loaded, ACQ_CANDIDATE_NOTES), ==,
                   "Notes écrites ailleurs");
  g_assert_cmpstr (acq_candidate_get_text (f->candidate, ACQ_CANDIDATE_NOTES), ==,
                   "Notes écrites ailleurs");
  other_close (&o);
}

/* A candidate created elsewhere (an import on the command line) shows in the list, and what
 * changed elsewhere shows on the one already listed. */
static void
test_candidate_refresh (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *theirs;
  Other o = { 0 };

  other_open (f, &o);
  acq_candidate_list_create (o.candidates, "Nadia", "Haddad", &error);
  g_assert_no_error (error);
  theirs = acq_candidate_list_find (o.candidates, acq_candidate_get_uuid (f->candidate));
  acq_candidate_set_text (theirs, ACQ_CANDIDATE_PHONE, "06 12 34 56 78");
  g_assert_true (acq_candidate_list_save (o.candidates, theirs, &error));
  g_assert_no_error (error);
  g_assert_true (acq_store_poll (f->store));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->candidates)), ==, 2);
  g_assert_cmpstr (acq_candidate_get_text (f->candidate, ACQ_CANDIDATE_PHONE), ==,
                   "06 12 34 56 78");
  other_close (&o);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sheets/concurrent/save-keeps-other-rubric", test_save_keeps_other_rubric);
  ADD ("/sheets/concurrent/same-rubric-is-a-conflict", test_save_same_rubric_conflict);
  ADD ("/sheets/concurrent/save-keeps-other-fields", test_save_keeps_other_fields);
  ADD ("/sheets/concurrent/refresh-in-place", test_refresh_in_place);
  ADD ("/sheets/concurrent/refresh-adds-and-removes", test_refresh_adds_and_removes);
  ADD ("/candidates/concurrent/save-keeps-other-field", test_candidate_save_keeps_other_field);
  ADD ("/candidates/concurrent/refresh", test_candidate_refresh);
  ADD ("/store/changed/poll-sees-other-connection", test_poll_sees_other_connection);
  ADD ("/store/changed/watch-from-main-loop", test_watch_from_main_loop);
#undef ADD

  return g_test_run ();
}

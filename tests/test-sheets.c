/* test-sheets.c — experience sheets in the store and in the list model, bad input, the
 * migration that brought them, coverage and attachments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-sheets"

#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include "acq-attachment.h"
#include "acq-candidate-list.h"
#include "acq-comment.h"
#include "acq-demo.h"
#include "acq-referential.h"
#include "acq-review.h"
#include "acq-search.h"
#include "acq-sheet-list.h"
#include "acq-store-private.h"
#include "acq-text.h"
#include "sheet-fixture.h"

static AcqSheetList *
reload (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  AcqSheetList *list = acq_sheet_list_new (f->store, f->candidate, &error);

  g_assert_no_error (error);
  return list;
}


static void
test_create_and_reload (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheetList) again = NULL;
  const char *competences[] = { competence (f, 0, 1), competence (f, 0, 3), NULL };
  AcqSheet *sheet, *loaded;

  sheet = acq_sheet_list_create (f->list, bloc (f, 0)->uuid, "Accueil d'un public", &error);
  g_assert_no_error (error);
  g_assert_nonnull (sheet);
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_DRAFT);
  g_assert_cmpint (acq_sheet_get_revision (sheet), ==, 1);
  g_assert_nonnull (acq_sheet_get_created_at (sheet));

  acq_sheet_set_kind (sheet, ACQ_SHEET_KIND_VOLUNTEER);
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    {
      g_autofree char *text = g_strdup_printf ("Rubrique %u : réseau, accueil « ouvert ».", i);
      acq_sheet_set_rubric (sheet, i, text);
    }
  acq_sheet_set_organisation (sheet, "Association Tremplin");
  acq_sheet_set_department (sheet, "Pôle accueil");
  acq_sheet_set_period_from (sheet, "2021-09-01");
  acq_sheet_set_period_to (sheet, "2023-06-30");
  acq_sheet_set_competences (sheet, competences);
  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_no_error (error);
  g_assert_cmpint (acq_sheet_get_revision (sheet), ==, 2);

  again = reload (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  loaded = acq_sheet_list_find (again, acq_sheet_get_uuid (sheet));
  g_assert_nonnull (loaded);
  g_assert_true (loaded != sheet);
  g_assert_cmpstr (acq_sheet_get_title (loaded), ==, "Accueil d'un public");
  g_assert_cmpstr (acq_sheet_get_bloc_uuid (loaded), ==, bloc (f, 0)->uuid);
  g_assert_cmpint (acq_sheet_get_kind (loaded), ==, ACQ_SHEET_KIND_VOLUNTEER);
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    g_assert_cmpstr (acq_sheet_get_rubric (loaded, i), ==, acq_sheet_get_rubric (sheet, i));
  g_assert_cmpstr (acq_sheet_get_organisation (loaded), ==, "Association Tremplin");
  g_assert_cmpstr (acq_sheet_get_department (loaded), ==, "Pôle accueil");
  g_assert_cmpstr (acq_sheet_get_period_from (loaded), ==, "2021-09-01");
  g_assert_cmpstr (acq_sheet_get_period_to (loaded), ==, "2023-06-30");
  g_assert_false (acq_sheet_is_ongoing (loaded));
  g_assert_true (g_strv_equal (acq_sheet_get_competences (loaded), competences));
  g_assert_cmpint (acq_sheet_get_revision (loaded), ==, 2);
  g_assert_cmpstr (acq_sheet_get_updated_at (loaded), ==, acq_sheet_get_updated_at (sheet));
  g_assert_cmpstr (acq_sheet_get_created_at (loaded), ==, acq_sheet_get_created_at (sheet));
}

static void
test_one_items_changed_per_change (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet = acq_sheet_list_create (f->list, NULL, "Atelier CV", &error);
  g_autofree char *updated = NULL;
  gint64 revision;

  g_assert_cmpuint (f->changes, ==, 1);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_MEANS, "Salle, vidéoprojecteur.");
  acq_sheet_add_competence (sheet, competence (f, 1, 4));
  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_cmpuint (f->changes, ==, 2);

  /* autosave with nothing new writes nothing and says nothing */
  updated = g_strdup (acq_sheet_get_updated_at (sheet));
  revision = acq_sheet_get_revision (sheet);
  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_cmpuint (f->changes, ==, 2);
  g_assert_cmpstr (acq_sheet_get_updated_at (sheet), ==, updated);
  g_assert_cmpint (acq_sheet_get_revision (sheet), ==, revision);

  g_assert_true (acq_sheet_list_delete (f->list, sheet, &error));
  g_assert_cmpuint (f->changes, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->list)) == ACQ_TYPE_SHEET);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->list), 0));
}

static void
test_competences_edit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheetList) again = NULL;
  AcqSheet *sheet = make_sheet (f, "Diagnostic", "Entretien.");
  const char *twice[] = { competence (f, 0, 0), competence (f, 0, 0), competence (f, 0, 1), NULL };

  /* a competence given twice is kept once (the store would refuse it) */
  acq_sheet_set_competences (sheet, twice);
  g_assert_cmpuint (g_strv_length ((GStrv) acq_sheet_get_competences (sheet)), ==, 2);
  acq_sheet_remove_competence (sheet, competence (f, 0, 0));
  acq_sheet_add_competence (sheet, competence (f, 0, 4));
  acq_sheet_add_competence (sheet, competence (f, 0, 4));
  g_assert_true (acq_sheet_has_competence (sheet, competence (f, 0, 4)));
  g_assert_false (acq_sheet_has_competence (sheet, competence (f, 0, 0)));
  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_no_error (error);

  again = reload (f);
  sheet = acq_sheet_list_find (again, acq_sheet_get_uuid (sheet));
  g_assert_cmpuint (g_strv_length ((GStrv) acq_sheet_get_competences (sheet)), ==, 2);
  g_assert_cmpstr (acq_sheet_get_competences (sheet)[0], ==, competence (f, 0, 1));
  g_assert_cmpstr (acq_sheet_get_competences (sheet)[1], ==, competence (f, 0, 4));

  /* a competence that does not exist is refused, and nothing changes */
  acq_sheet_add_competence (sheet, "00000000-0000-0000-0000-000000000000");
  acq_sheet_set_title (sheet, "Autre titre");
  g_assert_false (acq_sheet_list_save (again, sheet, &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (acq_sheet_get_title (sheet), ==, "Diagnostic");
  g_assert_cmpuint (g_strv_length ((GStrv) acq_sheet_get_competences (sheet)), ==, 2);
}

static void
on_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static void
test_validated_edit_goes_back_to_draft (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheetList) again = NULL;
  AcqSheet *sheet = make_sheet (f, "Partenariat SIAE", "Je contacte la SIAE.");
  AcqSheet *stored;
  guint state_notes = 0, returned_notes = 0;

  g_assert_true (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_true (acq_review_decide (f->list, sheet, ACQ_ROLE_COACH, ACQ_REVIEW_STATE_VALIDATED,
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_VALIDATED);
  g_assert_false (acq_sheet_get_returned_to_draft (sheet));

  /* saving the same text keeps it validated */
  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_VALIDATED);

  g_signal_connect (sheet, "notify::review-state", G_CALLBACK (on_notify), &state_notes);
  g_signal_connect (sheet, "notify::returned-to-draft", G_CALLBACK (on_notify), &returned_notes);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, "Je contacte la SIAE et j'organise une visite.");
  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_no_error (error);
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_DRAFT);
  g_assert_true (acq_sheet_get_returned_to_draft (sheet));
  g_assert_cmpuint (state_notes, ==, 1);
  g_assert_cmpuint (returned_notes, ==, 1);

  /* the store says so too, after a restart */
  again = reload (f);
  stored = acq_sheet_list_find (again, acq_sheet_get_uuid (sheet));
  g_assert_cmpint (acq_sheet_get_review_state (stored), ==, ACQ_REVIEW_STATE_DRAFT);
  g_assert_true (acq_sheet_get_returned_to_draft (stored));

  /* until a new review is asked for */
  g_assert_true (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_false (acq_sheet_get_returned_to_draft (sheet));
  g_assert_true (acq_review_decide (f->list, sheet, ACQ_ROLE_COACH, ACQ_REVIEW_STATE_VALIDATED,
                                    &error));

  /* linking a validated sheet to one more competence is an edit too: the coverage grid must
   * not show a competence as validated that nobody validated */
  acq_sheet_add_competence (sheet, competence (f, 0, 3));
  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_DRAFT);
}

static void
assert_stored_unchanged (Fixture *f, AcqSheet *sheet, const char *tasks, const char *updated)
{
  g_autoptr (AcqSheetList) again = reload (f);
  AcqSheet *stored = acq_sheet_list_find (again, acq_sheet_get_uuid (sheet));

  g_assert_cmpstr (acq_sheet_get_rubric (stored, ACQ_RUBRIC_TASKS), ==, tasks);
  g_assert_cmpstr (acq_sheet_get_updated_at (stored), ==, updated);
}

static void
test_bad_input_too_large (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet = make_sheet (f, "Suivi administratif", "Texte sûr.");
  g_autofree char *huge = g_strnfill (5 * 1024 * 1024, 'a');
  g_autofree char *updated = g_strdup (acq_sheet_get_updated_at (sheet));
  guint changes = f->changes;

  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_MEANS, huge);
  acq_sheet_set_title (sheet, "Titre changé");
  g_assert_false (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
  /* the message names the rubric */
  g_assert_nonnull (strstr (error->message, "Means used"));
  /* the sheet is put back as stored, and the list said nothing */
  g_assert_cmpstr (acq_sheet_get_rubric (sheet, ACQ_RUBRIC_MEANS), ==, "");
  g_assert_cmpstr (acq_sheet_get_title (sheet), ==, "Suivi administratif");
  g_assert_cmpuint (f->changes, ==, changes);
  assert_stored_unchanged (f, sheet, "Texte sûr.", updated);
}

static void
test_bad_input_invalid_utf8 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet = make_sheet (f, "Veille", "Texte sûr.");
  g_autofree char *updated = g_strdup (acq_sheet_get_updated_at (sheet));

  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, "R\xe9seau \xff\xfe");
  g_assert_false (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Tasks and conditions"));
  g_assert_cmpstr (acq_sheet_get_rubric (sheet, ACQ_RUBRIC_TASKS), ==, "Texte sûr.");
  assert_stored_unchanged (f, sheet, "Texte sûr.", updated);
}

static void
test_bad_input_period_reversed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet = make_sheet (f, "Accueil", "Texte sûr.");
  g_autofree char *updated = NULL;

  acq_sheet_set_period_from (sheet, "2022-01-10");
  acq_sheet_set_period_to (sheet, "2022-01-10");
  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_no_error (error);
  updated = g_strdup (acq_sheet_get_updated_at (sheet));

  /* "du" after "au" */
  acq_sheet_set_period_from (sheet, "2024-05-01");
  acq_sheet_set_period_to (sheet, "2023-01-31");
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, "Autre texte.");
  g_assert_false (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2024"));
  g_clear_error (&error);
  g_assert_cmpstr (acq_sheet_get_period_from (sheet), ==, "2022-01-10");
  g_assert_cmpstr (acq_sheet_get_period_to (sheet), ==, "2022-01-10");
  g_assert_cmpstr (acq_sheet_get_rubric (sheet, ACQ_RUBRIC_TASKS), ==, "Texte sûr.");
  assert_stored_unchanged (f, sheet, "Texte sûr.", updated);

  /* a date that does not exist, from a file */
  acq_sheet_set_period_from (sheet, "2023-02-30");
  g_assert_false (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
  g_clear_error (&error);
  acq_sheet_set_period_to (sheet, "hier");
  g_assert_false (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
  g_clear_error (&error);

  /* the store refuses it too, whoever writes */
  g_assert_false (acq_store_exec (f->store,
                                  "UPDATE sheet SET period_from = '2024-05-01',"
                                  " period_to = '2023-01-31'", &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CONSTRAINT);
}

static void
test_period_ongoing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet = make_sheet (f, "Poste actuel", "Texte.");
  guint notes = 0;

  g_assert_false (acq_sheet_is_ongoing (sheet));
  g_signal_connect (sheet, "notify::ongoing", G_CALLBACK (on_notify), &notes);
  acq_sheet_set_period_from (sheet, "2020-03-02");
  g_assert_true (acq_sheet_is_ongoing (sheet));
  g_assert_cmpuint (notes, ==, 1);
  acq_sheet_set_period_to (sheet, "");
  g_assert_null (acq_sheet_get_period_to (sheet));
  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_no_error (error);
  acq_sheet_set_period_to (sheet, "2024-12-31");
  g_assert_false (acq_sheet_is_ongoing (sheet));
  g_assert_cmpuint (notes, ==, 2);
}

static void
test_delete_undo_and_purge (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheet) first = g_object_ref (make_sheet (f, "Premier", "Un."));
  g_autoptr (AcqSheet) second = g_object_ref (make_sheet (f, "Second", "Deux."));
  g_autoptr (AcqSheetList) again = NULL;
  g_autofree char *count = NULL;

  g_assert_true (acq_sheet_list_delete (f->list, first, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->list)), ==, 1);
  again = reload (f);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  /* the undo puts it back in its place */
  g_assert_true (acq_sheet_list_undelete (f->list, first, &error));
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item (G_LIST_MODEL (f->list), 0) == (gpointer) first);
  g_object_unref (first);

  /* erased for good */
  g_assert_true (acq_sheet_list_delete (f->list, first, &error));
  g_assert_true (acq_sheet_list_purge (f->list, first, &error));
  g_assert_false (acq_sheet_list_undelete (f->list, first, &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* deleted while the app quits: another start erases it after the undo window only */
  g_assert_true (acq_sheet_list_delete (f->list, second, &error));
  g_assert_true (acq_sheet_list_purge_stale (f->store, &error));
  count = test_query_text (f->store, "SELECT count(*) FROM sheet");
  g_assert_cmpstr (count, ==, "1");
  g_free (count);
  g_assert_true (acq_store_exec (f->store,
                                 "UPDATE sheet SET deleted_at = '2020-01-01T00:00:00.000Z'",
                                 &error));
  g_assert_true (acq_sheet_list_purge_stale (f->store, &error));
  g_assert_no_error (error);
  count = test_query_text (f->store, "SELECT count(*) FROM sheet");
  g_assert_cmpstr (count, ==, "0");
}

static void
test_saving_touches_candidate_activity (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCandidateList) candidates = NULL;
  guint notes = 0;
  AcqSheet *sheet;

  g_assert_true (acq_store_exec (
    f->store, "UPDATE candidate SET last_activity_at = '2020-01-01T00:00:00.000Z'", &error));
  g_signal_connect (f->candidate, "notify::last-activity-at", G_CALLBACK (on_notify), &notes);
  sheet = make_sheet (f, "Atelier", "Texte.");
  g_assert_cmpuint (notes, >=, 1);
  g_assert_cmpstr (acq_candidate_get_last_activity_at (f->candidate), ==,
                   acq_sheet_get_updated_at (sheet));

  candidates = acq_candidate_list_new (f->store, &error);
  g_assert_cmpstr (acq_candidate_get_last_activity_at (
                     acq_candidate_list_find (candidates, acq_candidate_get_uuid (f->candidate))),
                   ==, acq_sheet_get_updated_at (sheet));
}

static void
test_candidate_erased_takes_sheets (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autofree char *count = NULL;
  AcqSheet *sheet = make_sheet (f, "Réseau partenaires", "Réunion mensuelle avec la SIAE.");
  AcqComment *comment = acq_comment_new (acq_sheet_get_uuid (sheet), ACQ_RUBRIC_TASKS,
                                         ACQ_ROLE_COACH, "Préciser qui anime.");

  g_assert_true (acq_comment_insert (f->store, comment, &error));
  acq_comment_free (comment);
  g_assert_true (acq_candidate_list_delete (f->candidates, f->candidate, &error));
  g_assert_true (acq_candidate_list_purge (f->candidates, f->candidate, &error));
  g_assert_no_error (error);
  count = test_query_text (f->store, "SELECT (SELECT count(*) FROM sheet) + (SELECT count(*) FROM "
                                "comment) + (SELECT count(*) FROM sheet_competence)");
  g_assert_cmpstr (count, ==, "0");
  results = acq_search_sheets (f->store, "SIAE", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 0);
}

/* A v1 file, as the foundation wrote it, with a candidate in it. */
static void
test_migrate_from_v1 (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, ACQ_STORE_FILE_NAME, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidateList) candidates = NULL;
  g_autoptr (AcqSheetList) sheets = NULL;
  g_autoptr (GPtrArray) results = NULL;
  sqlite3 *db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);
  AcqCandidate *candidate;
  AcqSheet *sheet;

  g_assert_no_error (error);
  g_assert_true (_acq_store_migrate_db (db, 1, &error));
  g_assert_true (_acq_store_exec_db (
    db, "INSERT INTO candidate (uuid, first_name, last_name, notes, created_at, updated_at,"
        " last_activity_at) VALUES ('c1', 'Karim', 'Benali', 'Notes d''avant',"
        " '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')",
    &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acq_store_get_schema_version (store), ==, acq_store_get_latest_version ());
  candidates = acq_candidate_list_new (store, &error);
  candidate = acq_candidate_list_find (candidates, "c1");
  g_assert_nonnull (candidate);
  g_assert_cmpstr (acq_candidate_get_text (candidate, ACQ_CANDIDATE_NOTES), ==, "Notes d'avant");

  sheets = acq_sheet_list_new (store, candidate, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sheets)), ==, 0);
  sheet = acq_sheet_list_create (sheets, NULL, "Mission locale", &error);
  g_assert_no_error (error);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_PARTNERS, "Conseillers du réseau jeunes.");
  g_assert_true (acq_sheet_list_save (sheets, sheet, &error));
  results = acq_search_sheets (store, "reseau", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (acq_candidate_get_last_activity_at (candidate), >, "2025-01-01");

  g_clear_object (&sheets);
  g_clear_object (&candidates);
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* Attachments */

static GFile *
write_document (Fixture *f, const char *name, const char *data, gsize len)
{
  g_autofree char *dir = g_build_filename (f->dir, "originals", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  return g_file_new_for_path (path);
}

/* A PDF of a few chunks, so that the copy streams. */
static char *
make_pdf (gsize len)
{
  char *data = g_malloc (len);

  for (gsize i = 0; i < len; i++)
    data[i] = (char) g_test_rand_int_range (0, 256);
  memcpy (data, "%PDF-1.7\n", 9);
  return data;
}

static guint
count_files (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      n += g_file_test (child, G_FILE_TEST_IS_DIR) ? count_files (child) : 1;
    }
  return n;
}

static guint
count_stored (Fixture *f)
{
  g_autofree char *root = g_build_filename (f->dir, ACQ_ATTACHMENT_DIR, NULL);
  return count_files (root);
}

static guint
count_attachments (Fixture *f, AcqSheet *sheet)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = acq_attachment_list (f->store, acq_sheet_get_uuid (sheet), &error);

  g_assert_no_error (error);
  return list->len;
}

static void
assert_private_copy (Fixture *f, const AcqAttachment *attachment, const char *data, gsize len)
{
  g_autoptr (GFile) copy = acq_attachment_get_file (f->store, attachment, NULL);
  g_autofree char *path = g_file_get_path (copy);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *stored = NULL;
  gsize stored_len;
  struct stat st;

  g_assert_true (g_file_get_contents (path, &stored, &stored_len, NULL));
  g_assert_cmpmem (stored, stored_len, data, len);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_attachment_sha256_and_copy (Fixture *f, gconstpointer data)
{
  const gsize len = 200 * 1024 + 17;
  g_autofree char *pdf = make_pdf (len);
  g_autoptr (GFile) original = write_document (f, "Attestation employeur.pdf", pdf, len);
  g_autofree char *original_path = g_file_get_path (original);
  g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) pdf, len);
  g_autofree char *expected_path = g_strdup_printf ("attachments/%.2s/%s", sha256, sha256);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqAttachment) attachment = NULL;
  g_autoptr (AcqAttachment) again = NULL;
  g_autoptr (AcqAttachment) other = NULL;
  g_autofree char *after = NULL;
  AcqSheet *sheet = make_sheet (f, "Suivi administratif", "Texte.");
  AcqSheet *second = make_sheet (f, "Bilan", "Texte.");
  struct stat before_st, after_st;
  gsize after_len;

  g_assert_cmpint (stat (original_path, &before_st), ==, 0);
  attachment = acq_attachment_add (f->store, acq_sheet_get_uuid (sheet), original, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attachment->sha256, ==, sha256);
  g_assert_cmpstr (attachment->stored_path, ==, expected_path);
  g_assert_cmpstr (attachment->mime_type, ==, "application/pdf");
  g_assert_cmpstr (attachment->file_name, ==, "Attestation employeur.pdf");
  g_assert_cmpint (attachment->size, ==, len);
  assert_private_copy (f, attachment, pdf, len);

  /* the original is untouched */
  g_assert_true (g_file_get_contents (original_path, &after, &after_len, NULL));
  g_assert_cmpmem (after, after_len, pdf, len);
  g_assert_cmpint (stat (original_path, &after_st), ==, 0);
  g_assert_cmpint (after_st.st_mode & 0777, ==, 0644);
  g_assert_cmpint (after_st.st_mtime, ==, before_st.st_mtime);

  /* the same document again on the same sheet: one attachment; on another sheet: one copy */
  again = acq_attachment_add (f->store, acq_sheet_get_uuid (sheet), original, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->uuid, ==, attachment->uuid);
  g_assert_cmpuint (count_attachments (f, sheet), ==, 1);
  other = acq_attachment_add (f->store, acq_sheet_get_uuid (second), original, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (other->uuid, !=, attachment->uuid);
  g_assert_cmpuint (count_stored (f), ==, 1);

  /* the copy goes with the last sheet that uses it */
  g_assert_true (acq_attachment_remove (f->store, attachment, &error));
  g_assert_cmpuint (count_attachments (f, sheet), ==, 0);
  g_assert_cmpuint (count_stored (f), ==, 1);
  g_assert_true (acq_attachment_remove (f->store, other, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_stored (f), ==, 0);
}

static void
test_attachment_images (Fixture *f, gconstpointer data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char jpeg[] = "\xff\xd8\xff\xe0\0\x10JFIF";
  g_autoptr (GFile) png_file = write_document (f, "Photo atelier.PNG", png, sizeof png);
  g_autoptr (GFile) jpeg_file = write_document (f, "scan.jpeg", jpeg, sizeof jpeg);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqAttachment) a = NULL;
  g_autoptr (AcqAttachment) b = NULL;
  g_autoptr (GPtrArray) list = NULL;
  AcqSheet *sheet = make_sheet (f, "Atelier", "Texte.");

  a = acq_attachment_add (f->store, acq_sheet_get_uuid (sheet), png_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->mime_type, ==, "image/png");
  b = acq_attachment_add (f->store, acq_sheet_get_uuid (sheet), jpeg_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b->mime_type, ==, "image/jpeg");
  list = acq_attachment_list (f->store, acq_sheet_get_uuid (sheet), &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((AcqAttachment *) g_ptr_array_index (list, 0))->uuid, ==, a->uuid);
}

static void
assert_refused (Fixture *f, AcqSheet *sheet, GFile *file, GQuark domain, int code,
                const char *in_message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqAttachment) attachment =
    acq_attachment_add (f->store, acq_sheet_get_uuid (sheet), file, NULL, &error);

  g_assert_null (attachment);
  g_assert_error (error, domain, code);
  if (in_message != NULL)
    g_assert_nonnull (strstr (error->message, in_message));
  g_assert_cmpuint (count_attachments (f, sheet), ==, 0);
  g_assert_cmpuint (count_stored (f), ==, 0);
}

static void
test_attachment_wrong_type (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = make_pdf (4096);
  g_autoptr (GFile) renamed = write_document (f, "photo.png", pdf, 4096);
  g_autoptr (GFile) jpeg_as_pdf = write_document (f, "cv.pdf", "\xff\xd8\xff\xe0", 4);
  g_autoptr (GFile) empty = write_document (f, "vide.pdf", "", 0);
  g_autoptr (GFile) text = write_document (f, "notes.txt", "Bonjour", 7);
  g_autoptr (GFile) no_extension = write_document (f, "README", "%PDF-1.4", 8);
  g_autofree char *folder_path = g_build_filename (f->dir, "originals", "dossier.pdf", NULL);
  g_autoptr (GFile) folder = g_file_new_for_path (folder_path);
  g_autofree char *missing_path = g_build_filename (f->dir, "originals", "absent.pdf", NULL);
  g_autoptr (GFile) missing = g_file_new_for_path (missing_path);
  AcqSheet *sheet = make_sheet (f, "Atelier", "Texte.");

  g_assert_cmpint (g_mkdir (folder_path, 0700), ==, 0);
  assert_refused (f, sheet, renamed, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_WRONG_TYPE,
                  "photo.png");
  assert_refused (f, sheet, jpeg_as_pdf, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_WRONG_TYPE,
                  "PDF");
  assert_refused (f, sheet, empty, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_WRONG_TYPE, NULL);
  assert_refused (f, sheet, text, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_UNSUPPORTED_TYPE,
                  "notes.txt");
  assert_refused (f, sheet, no_extension, ACQ_ATTACHMENT_ERROR,
                  ACQ_ATTACHMENT_ERROR_UNSUPPORTED_TYPE, NULL);
  assert_refused (f, sheet, folder, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_NOT_A_FILE, NULL);
  assert_refused (f, sheet, missing, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, NULL);
}

static void
test_attachment_too_large (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) big = write_document (f, "gros scan.pdf", "%PDF-1.4\n", 9);
  g_autoptr (GFile) just_over = write_document (f, "juste trop.pdf", "%PDF-1.4\n", 9);
  g_autofree char *big_path = g_file_get_path (big);
  g_autofree char *just_over_path = g_file_get_path (just_over);
  AcqSheet *sheet = make_sheet (f, "Atelier", "Texte.");

  /* sparse files: nothing is written, and nothing must be read either */
  g_assert_cmpint (truncate (big_path, (off_t) 2 * 1024 * 1024 * 1024), ==, 0);
  g_assert_cmpint (truncate (just_over_path, ACQ_ATTACHMENT_MAX_SIZE + 1), ==, 0);
  assert_refused (f, sheet, big, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_TOO_LARGE,
                  "gros scan.pdf");
  assert_refused (f, sheet, just_over, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_TOO_LARGE,
                  NULL);
}

static void
on_added (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* Until the copy is made, on its worker thread; the row is not written yet. */
static GAsyncResult *
start_add (Fixture *f, AcqSheet *sheet, GFile *file, GCancellable *cancellable)
{
  GAsyncResult *result = NULL;

  acq_attachment_add_async (f->store, acq_sheet_get_uuid (sheet), file, cancellable, on_added,
                            &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return result;
}

static void
test_attachment_async (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = make_pdf (300 * 1024);
  g_autoptr (GFile) file = write_document (f, "Compte rendu.pdf", pdf, 300 * 1024);
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqAttachment) attachment = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  AcqSheet *sheet = make_sheet (f, "Atelier", "Texte.");

  g_cancellable_cancel (cancelled);
  result = start_add (f, sheet, file, cancelled);
  g_assert_null (acq_attachment_add_finish (f->store, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpuint (count_stored (f), ==, 0);

  /* the copy is made and its row not yet written: it is not an orphan to remove */
  result = start_add (f, sheet, file, NULL);
  g_assert_cmpuint (count_stored (f), ==, 1);
  g_assert_true (acq_attachment_remove_orphans (f->store, NULL, &error));
  g_assert_cmpuint (count_stored (f), ==, 1);
  attachment = acq_attachment_add_finish (f->store, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attachment);
  assert_private_copy (f, attachment, pdf, 300 * 1024);
  g_assert_cmpuint (count_attachments (f, sheet), ==, 1);
}

static void
test_attachment_purge_removes_copies (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = make_pdf (1000);
  g_autoptr (GFile) file = write_document (f, "Attestation.pdf", pdf, 1000);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqAttachment) attachment = NULL;
  g_autoptr (AcqSheet) sheet = g_object_ref (make_sheet (f, "Atelier", "Texte."));

  attachment = acq_attachment_add (f->store, acq_sheet_get_uuid (sheet), file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (acq_sheet_list_delete (f->list, sheet, &error));
  /* deleted, the undo still possible: the copy stays */
  g_assert_true (acq_attachment_remove_orphans (f->store, NULL, &error));
  g_assert_cmpuint (count_stored (f), ==, 1);
  g_assert_true (acq_sheet_list_purge (f->list, sheet, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_stored (f), ==, 0);
}


static void
test_demo_has_sheets (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheetList) sheets = NULL;
  g_autoptr (GHashTable) blocs = g_hash_table_new (g_str_hash, g_str_equal);
  AcqCandidate *helene;
  gboolean states[ACQ_N_REVIEW_STATES] = { FALSE };
  guint n, unresolved = 0;

  g_assert_true (acq_demo_populate (f->candidates, &error));
  g_assert_no_error (error);
  g_assert_true (acq_demo_populate (f->candidates, &error));
  g_assert_no_error (error);
  helene = acq_candidate_list_find (f->candidates, "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d01");
  g_assert_nonnull (helene);
  sheets = acq_sheet_list_new (f->store, helene, &error);
  n = g_list_model_get_n_items (G_LIST_MODEL (sheets));
  g_assert_cmpuint (n, >=, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (AcqSheet) sheet = g_list_model_get_item (G_LIST_MODEL (sheets), i);
      guint n_competences = g_strv_length ((GStrv) acq_sheet_get_competences (sheet));

      states[acq_sheet_get_review_state (sheet)] = TRUE;
      g_hash_table_add (blocs, (gpointer) acq_sheet_get_bloc_uuid (sheet));
      g_assert_cmpuint (n_competences, >=, 1);
      g_assert_cmpuint (n_competences, <=, 3);
      for (guint r = 0; r < ACQ_RUBRIC_ADDITIONAL; r++)
        g_assert_cmpuint (strlen (acq_sheet_get_rubric (sheet, r)), >, 100);
      g_assert_true (acq_sheet_validate (sheet, &error));
    }
  for (guint s = 0; s < ACQ_N_REVIEW_STATES; s++)
    g_assert_true (states[s]);
  g_assert_cmpuint (g_hash_table_size (blocs), >=, 2);
  g_assert_true (acq_comment_count_unresolved_for_candidate (
    f->store, acq_candidate_get_uuid (helene), &unresolved, &error));
  g_assert_cmpuint (unresolved, >=, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/sheets/store/create-and-reload", test_create_and_reload);
  ADD ("/sheets/store/competences", test_competences_edit);
  ADD ("/sheets/store/saving-touches-candidate-activity", test_saving_touches_candidate_activity);
  ADD ("/sheets/store/candidate-erased-takes-sheets", test_candidate_erased_takes_sheets);
  ADD ("/sheets/model/one-items-changed-per-change", test_one_items_changed_per_change);
  ADD ("/sheets/save/validated-edit-goes-back-to-draft", test_validated_edit_goes_back_to_draft);
  ADD ("/sheets/bad-input/too-large", test_bad_input_too_large);
  ADD ("/sheets/bad-input/invalid-utf8", test_bad_input_invalid_utf8);
  ADD ("/sheets/bad-input/period-reversed", test_bad_input_period_reversed);
  ADD ("/sheets/period/ongoing", test_period_ongoing);
  ADD ("/sheets/delete/undo-then-purge", test_delete_undo_and_purge);
  ADD ("/sheets/demo/five-sheets-various-states", test_demo_has_sheets);
  ADD ("/attachments/sha256-and-copy", test_attachment_sha256_and_copy);
  ADD ("/attachments/images", test_attachment_images);
  ADD ("/attachments/wrong-type", test_attachment_wrong_type);
  ADD ("/attachments/too-large", test_attachment_too_large);
  ADD ("/attachments/async", test_attachment_async);
  ADD ("/attachments/purge-removes-copies", test_attachment_purge_removes_copies);
#undef ADD
  g_test_add_func ("/store/migrate/from-v1", test_migrate_from_v1);
  return g_test_run ();
}

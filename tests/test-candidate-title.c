/* test-candidate-title.c — the titles, diplomas and CQP a candidate holds, and the step of
 * the store that brought them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "acq-candidate-title.h"
#include "acq-store-private.h"
#include "acq-text.h"
#include "test-util.h"

typedef struct
{
  char     *dir;
  AcqStore *store;
} Fixture;

#define CANDIDATE "k1"

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->store = test_store_open (&f->dir);
  g_assert_true (acq_store_exec (f->store,
                                 "INSERT INTO candidate (uuid, created_at, updated_at,"
                                 " last_activity_at) VALUES ('" CANDIDATE "', 'now', 'now',"
                                 " 'now')", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  test_store_close (&f->store, &f->dir);
}

static GPtrArray *
list (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *titles = acq_candidate_title_list (f->store, CANDIDATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (titles);
  return titles;
}

static AcqCandidateTitle *
add (Fixture *f, const char *title, const char *organisation, const char *date)
{
  g_autoptr (GError) error = NULL;
  AcqCandidateTitle *added = acq_candidate_title_add (f->store, CANDIDATE, title, organisation,
                                                      date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (added);
  return added;
}

/* Her titles come back in the order she added them, each with what she typed. */
static void
test_add_and_list (Fixture *f, gconstpointer data)
{
  g_autoptr (AcqCandidateTitle) bac = add (f, "Baccalauréat professionnel", "Lycée Champollion",
                                           "2009-07-03");
  g_autoptr (AcqCandidateTitle) sst = add (f, "Sauveteur secouriste du travail", "INRS", NULL);
  g_autoptr (GPtrArray) titles = list (f);
  const AcqCandidateTitle *first, *second;

  g_assert_cmpuint (titles->len, ==, 2);
  first = g_ptr_array_index (titles, 0);
  second = g_ptr_array_index (titles, 1);
  g_assert_cmpstr (first->uuid, ==, bac->uuid);
  g_assert_cmpint (first->position, ==, 1);
  g_assert_cmpstr (first->title, ==, "Baccalauréat professionnel");
  g_assert_cmpstr (first->organisation, ==, "Lycée Champollion");
  g_assert_cmpstr (first->date, ==, "2009-07-03");
  g_assert_null (first->document_uuid);
  g_assert_cmpstr (second->uuid, ==, sst->uuid);
  g_assert_cmpint (second->position, ==, 2);
  g_assert_cmpstr (second->date, ==, "");
}

/* A change is written; the same values again write nothing, so that saving as she types
 * leaves nothing for the exchange when nothing changed. */
static void
test_update (Fixture *f, gconstpointer data)
{
  g_autoptr (AcqCandidateTitle) title = add (f, "BEP", "", "");
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) titles = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *again = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT updated_at FROM candidate_title"
                                          " WHERE uuid = '%s'", title->uuid);
  const AcqCandidateTitle *read;

  g_free (title->title);
  title->title = g_strdup ("BEP Carrières sanitaires et sociales");
  g_free (title->organisation);
  title->organisation = g_strdup ("Éducation nationale");
  g_free (title->date);
  title->date = g_strdup ("2005-06-30");
  g_assert_true (acq_candidate_title_save (f->store, title, &error));
  g_assert_no_error (error);
  titles = list (f);
  g_assert_cmpuint (titles->len, ==, 1);
  read = g_ptr_array_index (titles, 0);
  g_assert_cmpstr (read->title, ==, "BEP Carrières sanitaires et sociales");
  g_assert_cmpstr (read->organisation, ==, "Éducation nationale");
  g_assert_cmpstr (read->date, ==, "2005-06-30");

  g_assert_true (acq_store_exec (f->store, "UPDATE candidate_title SET updated_at = 'then'",
                                 &error));
  g_assert_no_error (error);
  g_assert_true (acq_candidate_title_save (f->store, title, &error));
  g_assert_no_error (error);
  stamp = test_query_text (f->store, sql);
  g_assert_cmpstr (stamp, ==, "then");
  g_free (title->organisation);
  title->organisation = g_strdup ("Académie de Toulouse");
  g_assert_true (acq_candidate_title_save (f->store, title, &error));
  g_assert_no_error (error);
  again = test_query_text (f->store, sql);
  g_assert_cmpstr (again, !=, "then");
}

/* What is not a date, or a text beyond any title, is refused with a sentence and not kept. */
static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCandidateTitle) title = acq_candidate_title_add (f->store, CANDIDATE, "CAP",
                                                                 "", "2021-02-30", &error);
  g_autoptr (GString) long_text = g_string_new (NULL);
  g_autoptr (GPtrArray) titles = NULL;
  g_autoptr (AcqCandidateTitle) too_long = NULL;

  g_assert_null (title);
  g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i <= ACQ_CANDIDATE_TITLE_MAX_CHARS; i++)
    g_string_append_c (long_text, 'a');
  too_long = acq_candidate_title_add (f->store, CANDIDATE, long_text->str, "", "", &error);
  g_assert_null (too_long);
  g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
  titles = list (f);
  g_assert_cmpuint (titles->len, ==, 0);
}

/* Deleted, then brought back from the copy the Undo keeps: the same row, in its place. */
static void
test_delete_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (AcqCandidateTitle) first = add (f, "CAP Petite enfance", "Rectorat", "2003-06-20");
  g_autoptr (AcqCandidateTitle) second = add (f, "BAFA", "DDCS", "2001-08-01");
  g_autoptr (AcqCandidateTitle) kept = acq_candidate_title_copy (first);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) after_delete = NULL;
  g_autoptr (GPtrArray) after_undo = NULL;

  g_assert_true (acq_candidate_title_delete (f->store, first->uuid, &error));
  g_assert_no_error (error);
  after_delete = list (f);
  g_assert_cmpuint (after_delete->len, ==, 1);
  g_assert_cmpstr (((AcqCandidateTitle *) g_ptr_array_index (after_delete, 0))->uuid, ==,
                   second->uuid);
  g_assert_true (acq_candidate_title_save (f->store, kept, &error));
  g_assert_no_error (error);
  after_undo = list (f);
  g_assert_cmpuint (after_undo->len, ==, 2);
  g_assert_cmpstr (((AcqCandidateTitle *) g_ptr_array_index (after_undo, 0))->uuid, ==,
                   first->uuid);
  g_assert_cmpstr (((AcqCandidateTitle *) g_ptr_array_index (after_undo, 0))->title, ==,
                   "CAP Petite enfance");
}

/* Her titles go with her. */
static void
test_cascade (Fixture *f, gconstpointer data)
{
  g_autoptr (AcqCandidateTitle) title = add (f, "CAP", "", "");
  g_autoptr (GError) error = NULL;
  g_autofree char *count = NULL;

  g_assert_true (acq_store_exec (f->store, "DELETE FROM candidate WHERE uuid = '" CANDIDATE "'",
                                 &error));
  g_assert_no_error (error);
  count = test_query_text (f->store, "SELECT count (*) FROM candidate_title");
  g_assert_cmpstr (count, ==, "0");
}

/* 15 -> 16: the bundled RNCP37274 becomes a titre professionnel by its code, another
 * certification keeps no code, and her data is all there with an empty list of titles. */
static void
test_migrate_from_v15 (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, ACQ_STORE_FILE_NAME, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (GPtrArray) titles = NULL;
  g_autoptr (AcqCandidateTitle) added = NULL;
  g_autofree char *tp = NULL;
  g_autofree char *other = NULL;
  g_autofree char *name = NULL;
  g_autofree char *annex = NULL;
  sqlite3 *db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (_acq_store_migrate_db (db, 15, &error));
  g_assert_true (_acq_store_exec_db (
    db, "INSERT INTO certification (uuid, rncp, title, active, created_at, updated_at)"
        " VALUES ('c1', 'RNCP37274', 'Conseiller en insertion professionnelle', 1, 'now', 'now'),"
        " ('c2', 'RNCP99901', 'Certification inventée', 1, 'now', 'now');"
        "INSERT INTO candidate (uuid, certification_uuid, first_name, created_at, updated_at,"
        " last_activity_at) VALUES ('k1', 'c1', 'Hélène', 'now', 'now', 'now')", &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acq_store_get_schema_version (store), >=, 16);
  tp = test_query_text (store, "SELECT abrege_code || '|' || abrege_label FROM certification"
                               " WHERE uuid = 'c1'");
  g_assert_cmpstr (tp, ==, "TP|Titre professionnel");
  other = test_query_text (store, "SELECT quote (abrege_code) FROM certification"
                                  " WHERE uuid = 'c2'");
  g_assert_cmpstr (other, ==, "''");
  annex = test_query_text (store, "SELECT dflt_value FROM pragma_table_info ('attachment')"
                                  " WHERE name = 'annex'");
  g_assert_cmpstr (annex, ==, "0");
  name = test_query_text (store, "SELECT first_name FROM candidate WHERE uuid = 'k1'");
  g_assert_cmpstr (name, ==, "Hélène");
  titles = acq_candidate_title_list (store, "k1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (titles->len, ==, 0);
  added = acq_candidate_title_add (store, "k1", "CAP", "", "2001-06-01", &error);
  g_assert_no_error (error);
  g_assert_nonnull (added);
  g_clear_object (&store);
  test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/candidate-title/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("add-and-list", test_add_and_list);
  ADD ("update", test_update);
  ADD ("refused", test_refused);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("cascade", test_cascade);
  g_test_add_func ("/candidate-title/migrate/from-v15", test_migrate_from_v15);

  return g_test_run ();
}

/* test-store.c — the database: creation, migrations, rules, backups, damaged files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <sys/file.h>
#include <fcntl.h>
#include <unistd.h>
#include <utime.h>

#include "acq-candidate-list.h"
#include "acq-dossier.h"
#include "acq-map-export.h"
#include "acq-map-layout.h"
#include "acq-map.h"
#include "acq-package.h"
#include "acq-referential.h"
#include "acq-store-private.h"
#include "test-util.h"

static char *
db_path (const char *dir)
{
  return g_build_filename (dir, ACQ_STORE_FILE_NAME, NULL);
}

static void
add_certification (AcqStore *store, const char *uuid)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO certification (uuid, rncp, title, created_at, updated_at)"
    " VALUES ('%s', 'RNCP%s', 'Titre', 'now', 'now')", uuid, uuid);
  g_autoptr (GError) error = NULL;

  g_assert_true (acq_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static void
test_open_creates_private_files (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *sub = g_build_filename (dir, "nested", "acquis", NULL);
  g_autofree char *path = db_path (sub);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (sub, &error);
  g_autofree char *journal = NULL;
  g_autofree char *fk = NULL;
  struct stat st;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (acq_store_get_schema_version (store), ==, acq_store_get_latest_version ());
  g_assert_cmpint (stat (sub, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  journal = test_query_text (store, "PRAGMA journal_mode");
  fk = test_query_text (store, "PRAGMA foreign_keys");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpstr (fk, ==, "1");

  g_clear_object (&store);
  test_remove_tree (dir);
}

/* A file made by an older version, or copied in, is made private by its path. */
static void
test_open_fixes_mode (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  struct stat st;

  g_assert_true (g_file_set_contents (path, "", 0, &error));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* Every migration is run from the version just before it, on a file that has data. */
static void
test_migrate_from_each_version (void)
{
  for (int from = 0; from < acq_store_get_latest_version (); from++)
    {
      g_autofree char *dir = test_make_data_dir ();
      g_autofree char *path = db_path (dir);
      g_autoptr (GError) error = NULL;
      g_autoptr (AcqStore) store = NULL;
      sqlite3 *db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);

      g_assert_no_error (error);
      g_assert_true (_acq_store_migrate_db (db, from, &error));
      g_assert_no_error (error);
      if (from >= 1)
        g_assert_true (_acq_store_exec_db (
          db, "INSERT INTO certification (uuid, rncp, title, created_at, updated_at)"
              " VALUES ('c1', 'RNCP1', 'Titre', 'now', 'now')", &error));
      sqlite3_close (db);

      store = acq_store_open (dir, &error);
      g_assert_no_error (error);
      g_assert_cmpint (acq_store_get_schema_version (store), ==, acq_store_get_latest_version ());
      if (from >= 1)
        {
          g_autofree char *title = test_query_text (store, "SELECT title FROM certification");
          g_assert_cmpstr (title, ==, "Titre");
        }
      g_clear_object (&store);
      test_remove_tree (dir);
    }
}

/* 11 -> 12 rebuilds candidate and parcours_event to let in the stage Certified and its event:
 * the rows that refer to them (sheets, sessions, events, a document naming an event) are all
 * still there, and so is every trigger and index; the foreign keys are on again. */
static void
test_migrate_from_v11 (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  sqlite3 *db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);
  static const char *const kept[][2] = {
    { "SELECT count(*) FROM candidate", "1" },
    { "SELECT stage || ' ' || stage_date || ' ' || last_name FROM candidate", "5 2026-06-20 Traoré" },
    { "SELECT count(*) FROM sheet", "1" },
    { "SELECT count(*) FROM session", "1" },
    { "SELECT count(*) FROM parcours_event", "2" },
    { "SELECT parcours_event_uuid FROM candidate_document", "e2" },
    { "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'", "5" },
    { "SELECT count(*) FROM sqlite_schema WHERE name IN ('candidate_deleted',"
      " 'parcours_event_by_candidate', 'parcours_event_deleted')", "3" },
    { "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%_new'", "0" },
    { "PRAGMA foreign_keys", "1" },
  };

  g_assert_no_error (error);
  g_assert_true (_acq_store_migrate_db (db, 11, &error));
  g_assert_true (_acq_store_exec_db (
    db, "INSERT INTO certification (uuid, rncp, title, created_at, updated_at)"
        " VALUES ('c1', 'RNCP1', 'Titre', 'now', 'now');"
        "INSERT INTO candidate (uuid, certification_uuid, last_name, stage, stage_date,"
        " created_at, updated_at, last_activity_at)"
        " VALUES ('k1', 'c1', 'Traoré', 5, '2026-06-20', 'now', 'now', 'now');"
        "INSERT INTO sheet (uuid, candidate_uuid, title, created_at, updated_at)"
        " VALUES ('s1', 'k1', 'Accueil', 'now', 'now');"
        "INSERT INTO session (uuid, candidate_uuid, date, start_time, end_time, created_at,"
        " updated_at) VALUES ('v1', 'k1', '2026-05-02', '09:00', '11:00', 'now', 'now');"
        "INSERT INTO parcours_event (uuid, candidate_uuid, kind, date, created_at, updated_at)"
        " VALUES ('e1', 'k1', 9, '2026-06-13', 'now', 'now'),"
        " ('e2', 'k1', 10, '2026-06-20', 'now', 'now');"
        "INSERT INTO candidate_document (uuid, candidate_uuid, parcours_event_uuid, kind,"
        " author_role, file_name, mime_type, size, sha256, added_at, updated_at)"
        " VALUES ('d1', 'k1', 'e2', 5, 0, 'pv.pdf', 'application/pdf', 3,"
        " '0000000000000000000000000000000000000000000000000000000000000000', 'now', 'now')",
    &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acq_store_get_schema_version (store), >=, 12);
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *value = test_query_text (store, kept[i][0]);
      g_assert_cmpstr (value, ==, kept[i][1]);
    }
  /* the new stage and event are let in, and nothing else */
  g_assert_true (acq_store_exec (store,
                                 "UPDATE candidate SET stage = 6;"
                                 "INSERT INTO parcours_event (uuid, candidate_uuid, kind, date,"
                                 " created_at, updated_at)"
                                 " VALUES ('e3', 'k1', 11, '2026-06-13', 'now', 'now')",
                                 &error));
  g_assert_no_error (error);
  g_assert_false (acq_store_exec (store, "UPDATE candidate SET stage = 7", &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* and the foreign keys still hold: a session of nobody is refused */
  g_assert_false (acq_store_exec (store,
                                  "INSERT INTO session (uuid, candidate_uuid, date, start_time,"
                                  " end_time, created_at, updated_at) VALUES ('v2', 'nobody',"
                                  " '2026-05-02', '09:00', '11:00', 'now', 'now')",
                                  &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CONSTRAINT);
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* 3 -> 4 adds the exchange's bookkeeping: a v3 file keeps its sheets, and starts with no
 * history (its first export records them) and no conflict. */
static void
test_migrate_from_v3 (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autofree char *title = NULL;
  g_autofree char *units = NULL;
  g_autofree char *conflicts = NULL;
  sqlite3 *db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (_acq_store_migrate_db (db, 3, &error));
  g_assert_true (_acq_store_exec_db (
    db, "INSERT INTO candidate (uuid, created_at, updated_at, last_activity_at)"
        " VALUES ('k1', 'now', 'now', 'now');"
        "INSERT INTO sheet (uuid, candidate_uuid, title, created_at, updated_at)"
        " VALUES ('s1', 'k1', 'Accueil', 'now', 'now')", &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acq_store_get_schema_version (store), >=, 4);
  title = test_query_text (store, "SELECT title FROM sheet WHERE uuid = 's1'");
  g_assert_cmpstr (title, ==, "Accueil");
  units = test_query_text (store, "SELECT count(*) FROM sync_unit");
  g_assert_cmpstr (units, ==, "0");
  conflicts = test_query_text (store, "SELECT count(*) FROM conflict");
  g_assert_cmpstr (conflicts, ==, "0");
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* 10 -> 11 dates the certifications' versions and keeps an older version's competences: a
 * v10 file's fiche has no known version ("") and every competence of it is current. */
static void
test_migrate_from_v10 (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autofree char *version = NULL;
  g_autofree char *retired = NULL;
  sqlite3 *db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (_acq_store_migrate_db (db, 10, &error));
  g_assert_true (_acq_store_exec_db (
    db, "INSERT INTO certification (uuid, rncp, title, created_at, updated_at)"
        " VALUES ('c1', 'RNCP1', 'Titre', 'now', 'now');"
        "INSERT INTO bloc (uuid, certification_uuid, code, position, title, created_at,"
        " updated_at) VALUES ('b1', 'c1', 'RNCP1BC01', 1, 'Bloc', 'now', 'now');"
        "INSERT INTO competence (uuid, bloc_uuid, position, label, created_at, updated_at)"
        " VALUES ('p1', 'b1', 1, 'Accueillir', 'now', 'now')", &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acq_store_get_schema_version (store), >=, 11);
  version = test_query_text (store, "SELECT quote (version_date) FROM certification");
  g_assert_cmpstr (version, ==, "''");
  retired = test_query_text (store, "SELECT count(*) FROM competence WHERE retired_at IS NULL");
  g_assert_cmpstr (retired, ==, "1");
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* 12 -> 13 adds the Qualiopi registers: a v12 file's candidate keeps everything, has no
 * complaint nor questionnaire yet, and the five default questions are there to answer. */
static void
test_migrate_from_v12 (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *complaints = NULL;
  g_autofree char *name = NULL;
  sqlite3 *db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (_acq_store_migrate_db (db, 12, &error));
  g_assert_true (_acq_store_exec_db (
    db, "INSERT INTO candidate (uuid, first_name, last_name, created_at, updated_at,"
        " last_activity_at) VALUES ('k1', 'Hélène', 'Dubois', 'now', 'now', 'now')", &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acq_store_get_schema_version (store), >=, 13);
  name = test_query_text (store, "SELECT first_name FROM candidate WHERE uuid = 'k1'");
  g_assert_cmpstr (name, ==, "Hélène");
  questions = test_query_text (store, "SELECT group_concat (uuid, ',') FROM (SELECT uuid FROM"
                                      " satisfaction_question ORDER BY position)");
  g_assert_cmpstr (questions, ==, "accueil,clarte,disponibilite,utilite,recommandation");
  complaints = test_query_text (store, "SELECT (SELECT count(*) FROM complaint) +"
                                       " (SELECT count(*) FROM satisfaction_response) +"
                                       " (SELECT count(*) FROM yearly_review)");
  g_assert_cmpstr (complaints, ==, "0");
  g_clear_object (&store);
  test_remove_tree (dir);
}

static void
test_reopen_is_idempotent (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) first = acq_store_open (dir, &error);
  g_autoptr (AcqStore) second = NULL;
  g_autofree char *count = NULL;

  g_assert_no_error (error);
  add_certification (first, "c1");
  g_clear_object (&first);
  second = acq_store_open (dir, &error);
  g_assert_no_error (error);
  count = test_query_text (second, "SELECT count(*) FROM certification");
  g_assert_cmpstr (count, ==, "1");
  g_clear_object (&second);
  test_remove_tree (dir);
}

static void
test_newer_version_refused (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (dir, &error);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d",
                                           acq_store_get_latest_version () + 1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  g_assert_true (acq_store_exec (store, bump, &error));
  g_assert_true (acq_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = acq_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NEWER_VERSION);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  test_remove_tree (dir);
}

static void
test_constraints (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (dir, &error);

  add_certification (store, "c1");
  /* a stage that does not exist */
  g_assert_false (acq_store_exec (
    store, "INSERT INTO candidate (uuid, stage, created_at, updated_at, last_activity_at)"
           " VALUES ('x', 9, 'now', 'now', 'now')", &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* a link to a bloc that does not exist (foreign keys are on) */
  g_assert_true (acq_store_exec (
    store, "INSERT INTO candidate (uuid, created_at, updated_at, last_activity_at)"
           " VALUES ('x', 'now', 'now', 'now')", &error));
  g_assert_false (acq_store_exec (
    store, "INSERT INTO candidate_bloc (candidate_uuid, bloc_uuid) VALUES ('x', 'nope')",
    &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  /* the same certification twice */
  g_assert_false (acq_store_exec (
    store, "INSERT INTO certification (uuid, rncp, title, created_at, updated_at)"
           " VALUES ('c2', 'RNCPc1', 'Autre', 'now', 'now')", &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CONSTRAINT);
  /* the user reads a sentence, not sqlite's words */
  g_assert_null (strstr (error->message, "UNIQUE"));

  g_clear_object (&store);
  test_remove_tree (dir);
}

static void
test_transaction_rollback (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (dir, &error);
  g_autofree char *count = NULL;

  g_assert_true (acq_store_begin (store, &error));
  add_certification (store, "c1");
  acq_store_rollback (store);
  count = test_query_text (store, "SELECT count(*) FROM certification");
  g_assert_cmpstr (count, ==, "0");
  g_clear_object (&store);
  test_remove_tree (dir);
}

typedef struct
{
  guint    count;
  GThread *thread; /* where the last "changed" was emitted */
} Changes;

static void
on_changed_cb (AcqStore *store, Changes *changes)
{
  changes->count++;
  changes->thread = g_thread_self ();
}

static void
wait_changes (Changes *changes, guint count)
{
  while (changes->count < count)
    g_main_context_iteration (NULL, TRUE);
  /* nothing more is on its way */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gpointer
commit_in_thread (gpointer store)
{
  add_certification (store, "t1");
  return NULL;
}

static void
test_changed_after_commit (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (dir, &error);
  Changes changes = { 0 };
  GThread *thread;

  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &changes);
  /* opening (and migrating) is not a change */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changes.count, ==, 0);

  /* a burst of commits is one signal, after them, not during */
  g_assert_true (acq_store_begin (store, &error));
  add_certification (store, "c1");
  g_assert_true (acq_store_commit (store, &error));
  g_assert_no_error (error);
  add_certification (store, "c2"); /* autocommit */
  g_assert_cmpuint (changes.count, ==, 0);
  wait_changes (&changes, 1);
  g_assert_cmpuint (changes.count, ==, 1);

  /* a rollback changes nothing */
  g_assert_true (acq_store_begin (store, &error));
  add_certification (store, "c3");
  acq_store_rollback (store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changes.count, ==, 1);

  /* a commit made on a worker thread is announced in the main context */
  thread = g_thread_new ("commit", commit_in_thread, store);
  g_thread_join (thread);
  wait_changes (&changes, 2);
  g_assert_cmpuint (changes.count, ==, 2);
  g_assert_true (changes.thread == g_thread_self ());

  g_clear_object (&store);
  test_remove_tree (dir);
}

static void
test_changed_not_after_close (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  AcqStore *store = acq_store_open (dir, &error);

  g_assert_no_error (error);
  add_certification (store, "c1");
  /* the signal was on its way: it must not reach a store that is gone */
  g_object_unref (store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  test_remove_tree (dir);
}

static void
write_file (const char *path, const char *data, gsize len)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, len, &error));
  g_assert_no_error (error);
}

static void
test_corrupt_not_a_database (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  char garbage[8192];
  g_autofree char *after = NULL;
  gsize after_len;

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) g_test_rand_int_range (0, 256);
  write_file (path, garbage, sizeof garbage);

  store = acq_store_open (dir, &error);
  g_assert_null (store);
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CORRUPT);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (garbage, sizeof garbage, after, after_len);
  test_remove_tree (dir);
}

/* A file with many pages of data, checkpointed, then closed. */
static void
make_store_with_data (const char *dir, int rows)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (dir, &error);

  g_assert_no_error (error);
  g_assert_true (acq_store_begin (store, &error));
  for (int i = 0; i < rows; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO candidate (uuid, last_name, notes, created_at, updated_at, last_activity_at)"
        " VALUES ('u%d', 'Nom %d', printf('%%.*c', 2000, 'x'), 'now', 'now', 'now')", i, i);
      g_assert_true (acq_store_exec (store, sql, &error));
    }
  g_assert_true (acq_store_commit (store, &error));
  g_assert_true (acq_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
}

static void
test_corrupt_damaged_pages (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr (GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *after = NULL;
  gsize len, after_len;

  make_store_with_data (dir, 200);
  g_assert_true (acq_store_verify (dir, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 16 * 4096);
  /* scribble over pages 3 to 8: b-tree pages of the candidate table */
  memset (data + 2 * 4096, 0xA5, 6 * 4096);
  write_file (path, data, len);

  /* the check the app runs on a worker thread at each start finds it, and writes nothing */
  g_assert_false (acq_store_verify (dir, &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CORRUPT);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (data, len, after, after_len);
  test_remove_tree (dir);
}

static void
test_verify_missing_file (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autoptr (GError) error = NULL;

  g_assert_true (acq_store_verify (dir, &error));
  g_assert_no_error (error);
  test_remove_tree (dir);
}

static GDateTime *
day (int n)
{
  return g_date_time_new_utc (2026, 11, n, 12, 0, 0);
}

/* What the help promises a person who asks for erasure: no backup, daily or before an import,
 * stays more than seven days once Acquis has started; a damaged file prunes nothing. */
static void
test_backup_kept_seven_days_at_most (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *backups_dir = g_build_filename (dir, "backups", NULL);
  g_autofree char *recent_import = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  static const char *const imports[] = { "before-import-20261101-090000-000000.db",
                                         "before-import-20261114-090000-000000.db" };

  make_store_with_data (dir, 1);
  for (int n = 1; n <= 3; n++)
    {
      g_autoptr (GDateTime) now = day (n);
      g_assert_true (acq_store_backup_daily (dir, now, NULL, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (imports); i++)
    {
      g_autofree char *path = g_build_filename (backups_dir, imports[i], NULL);
      write_file (path, "x", 1);
    }

  /* the 20th: the backups of the 1st to the 3rd go, and the import of the 1st; the 14th is
   * within the seven days (the 14th to the 20th) */
  {
    g_autoptr (GDateTime) now = day (20);
    g_assert_true (acq_store_backup_daily (dir, now, NULL, &error));
    g_assert_no_error (error);
  }
  backups = acq_store_list_backups (dir);
  g_assert_cmpuint (backups->len, ==, 1);
  {
    g_autofree char *kept = g_path_get_basename (g_ptr_array_index (backups, 0));
    g_autofree char *old_import = g_build_filename (backups_dir, imports[0], NULL);

    g_assert_cmpstr (kept, ==, "acquis-2026-11-20.db");
    g_assert_false (g_file_test (old_import, G_FILE_TEST_EXISTS));
  }
  recent_import = g_build_filename (backups_dir, imports[1], NULL);
  g_assert_true (g_file_test (recent_import, G_FILE_TEST_EXISTS));
}

/* An erased record leaves no trace in the file, whatever the SQLite build's default: the
 * store turns secure_delete on itself. */
static void
test_erased_text_leaves_the_file (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (AcqStore) store = test_store_open (&dir);
  g_autofree char *path = db_path (dir);
  g_autofree char *secure = test_query_text (store, "PRAGMA secure_delete");
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;

  g_assert_cmpstr (secure, ==, "1");
  g_assert_true (acq_store_exec (store,
                                 "INSERT INTO candidate (uuid, first_name, last_name, created_at,"
                                 " updated_at, last_activity_at) VALUES ('c1', 'Zéphyrine',"
                                 " 'Quellec-Erasable', '2026-12-07T10:00:00Z',"
                                 " '2026-12-07T10:00:00Z', '2026-12-07T10:00:00Z')", &error));
  g_assert_no_error (error);
  g_assert_true (acq_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (test_bytes_contain (contents, length, "Quellec-Erasable"));
  g_clear_pointer (&contents, g_free);

  g_assert_true (acq_store_exec (store, "DELETE FROM candidate WHERE uuid = 'c1'", &error));
  g_assert_no_error (error);
  g_assert_true (acq_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_false (test_bytes_contain (contents, length, "Quellec-Erasable"));
  test_store_close (&store, &dir);
}

static void
test_backup_daily_rotation (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) backups = NULL;
  g_autofree char *first_kept = NULL;
  struct stat st;

  make_store_with_data (dir, 3);
  for (int n = 1; n <= 10; n++)
    {
      g_autoptr (GDateTime) now = day (n);
      g_autofree char *written = NULL;
      g_autofree char *again = NULL;

      g_assert_true (acq_store_backup_daily (dir, now, &written, &error));
      g_assert_no_error (error);
      g_assert_nonnull (written);
      g_assert_cmpint (stat (written, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      /* a second run the same day writes nothing */
      g_assert_true (acq_store_backup_daily (dir, now, &again, &error));
      g_assert_null (again);
    }
  backups = acq_store_list_backups (dir);
  g_assert_cmpuint (backups->len, ==, ACQ_STORE_BACKUPS_KEPT);
  first_kept = g_path_get_basename (g_ptr_array_index (backups, 0));
  g_assert_cmpstr (first_kept, ==, "acquis-2026-11-04.db");

  /* a backup is a whole, valid store */
  {
    g_autofree char *restore_dir = test_make_data_dir ();
    g_autofree char *target = db_path (restore_dir);
    g_autofree char *bytes = NULL;
    gsize len;
    g_autoptr (AcqStore) store = NULL;
    g_autofree char *count = NULL;

    g_assert_true (g_file_get_contents (g_ptr_array_index (backups, backups->len - 1), &bytes,
                                        &len, NULL));
    write_file (target, bytes, len);
    store = acq_store_open (restore_dir, &error);
    g_assert_no_error (error);
    count = test_query_text (store, "SELECT count(*) FROM candidate");
    g_assert_cmpstr (count, ==, "3");
    g_clear_object (&store);
    test_remove_tree (restore_dir);
  }
  test_remove_tree (dir);
}

static void
test_backup_never_of_a_damaged_file (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = day (2);
  g_autoptr (GPtrArray) backups = NULL;

  write_file (path, "this is not a database, not at all, not even a little", 54);
  g_assert_false (acq_store_backup_daily (dir, now, NULL, &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CORRUPT);
  backups = acq_store_list_backups (dir);
  g_assert_cmpuint (backups->len, ==, 0);
  test_remove_tree (dir);
}

static void
test_restore_latest_backup (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = day (5);
  g_autofree char *aside = NULL;
  g_autofree char *aside_bytes = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autofree char *count = NULL;
  gsize aside_len;

  /* nothing to restore yet */
  g_assert_false (acq_store_restore_latest_backup (dir, NULL, &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  make_store_with_data (dir, 5);
  g_assert_true (acq_store_backup_daily (dir, now, NULL, &error));
  write_file (path, "garbage garbage garbage", 23);

  g_assert_true (acq_store_restore_latest_backup (dir, &aside, &error));
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, path));
  g_assert_true (g_file_get_contents (aside, &aside_bytes, &aside_len, NULL));
  g_assert_cmpmem (aside_bytes, aside_len, "garbage garbage garbage", 23);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  count = test_query_text (store, "SELECT count(*) FROM candidate");
  g_assert_cmpstr (count, ==, "5");
  g_clear_object (&store);
  test_remove_tree (dir);
}

static void
test_set_aside_then_start_empty (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = db_path (dir);
  g_autoptr (GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autofree char *count = NULL;

  write_file (path, "garbage", 7);
  aside = acq_store_set_aside_damaged (dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (aside);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  count = test_query_text (store, "SELECT count(*) FROM candidate");
  g_assert_cmpstr (count, ==, "0");
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* The other process of the lock tests: what the CLI does on the folder the window has open. */
static void
test_lock_other_process (void)
{
  const char *dir = g_getenv ("ACQ_TEST_LOCK_DIR");
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autofree char *count = NULL;

  if (!g_test_subprocess () || dir == NULL)
    return;
  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  count = test_query_text (store, "SELECT count(*) FROM certification");
  g_assert_nonnull (count);
}

/* POSIX locks belong to the process: if opening a worker store touched the database file
 * outside SQLite, the main connection would lose its locks, and another process closing the
 * database would take itself for the last one and delete the WAL under the app. */
static void
test_lock_survives_worker_open (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *wal = g_strconcat (dir, "/" ACQ_STORE_FILE_NAME, "-wal", NULL);
  g_autofree char *path = db_path (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (dir, &error);
  g_autoptr (AcqStore) worker = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  add_certification (store, "c1");
  worker = acq_store_open (dir, &error);
  g_assert_no_error (error);

  g_setenv ("ACQ_TEST_LOCK_DIR", dir, TRUE);
  g_test_trap_subprocess ("/store/lock/other-process", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("ACQ_TEST_LOCK_DIR");

  add_certification (store, "c2");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_clear_object (&worker);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM certification", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  test_remove_tree (dir);
}

/* The disk fills up during the backup (a file size limit, as a full disk would): no backup is
 * listed and no part of it is left in the folder. */
static void
test_backup_disk_full (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *backups = acq_store_backup_dir (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = day (1);
  g_autoptr (GDir) listing = NULL;
  struct rlimit saved, limit;
  gboolean ok;

  make_store_with_data (dir, 3);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 4096;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = acq_store_backup_daily (dir, now, NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, SIG_DFL);
  g_assert_false (ok);
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_IO);
  listing = g_dir_open (backups, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));
  test_remove_tree (dir);
}

static void
write_leftover (const char *dir, const char *name, gboolean old)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "clear personal data", -1, &error));
  if (old)
    {
      struct utimbuf times = { 0, 0 };
      g_assert_cmpint (utime (path, &times), ==, 0);
    }
}

static gboolean
exists_in (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* A crash or a kill leaves decrypted files behind: the next opening removes them, those of the
 * earlier versions beside the database too, but not those of a process still running. */
static void
test_temp_swept_at_open (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *alive_lock = g_build_filename (dir, "tmp", "run-alive", ".lock", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  int fd;

  write_leftover (dir, ".acquis-import-Ab12Cd", FALSE);
  write_leftover (dir, ".acquis-export-Ef34Gh", FALSE);
  write_leftover (dir, "backups/acquis-2026-11-01.db.part", TRUE);
  write_leftover (dir, "backups/.acquis-2026-11-02.db.Xy12Zt.part", TRUE);
  write_leftover (dir, "tmp/run-dead/.lock", FALSE);
  write_leftover (dir, "tmp/run-dead/document-k1-Qw12Er/cv.pdf", FALSE);
  write_leftover (dir, "tmp/dossier-k1-Rt56Yu/dossier-1.pdf", FALSE);
  write_leftover (dir, "tmp/run-alive/import-Ui78Op", FALSE);
  /* a running process holds its lock: another open file description of it */
  write_leftover (dir, "tmp/run-alive/.lock", FALSE);
  fd = g_open (alive_lock, O_RDWR | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_false (exists_in (dir, ".acquis-import-Ab12Cd"));
  g_assert_false (exists_in (dir, ".acquis-export-Ef34Gh"));
  g_assert_false (exists_in (dir, "backups/acquis-2026-11-01.db.part"));
  g_assert_false (exists_in (dir, "backups/.acquis-2026-11-02.db.Xy12Zt.part"));
  g_assert_false (exists_in (dir, "tmp/run-dead"));
  g_assert_false (exists_in (dir, "tmp/dossier-k1-Rt56Yu"));
  g_assert_true (exists_in (dir, "tmp/run-alive/import-Ui78Op"));
  close (fd);
  g_clear_object (&store);

  /* once its process is gone, the next opening removes it */
  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_false (exists_in (dir, "tmp/run-alive"));
  g_clear_object (&store);
  test_remove_tree (dir);
}

static void
assert_private_in (const char *path, const char *data_dir, guint mode)
{
  g_autofree char *root = g_build_filename (data_dir, "tmp", NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  struct stat st;

  g_assert_true (g_str_has_prefix (path, root));
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, mode);
  g_assert_cmpint (stat (parent, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (stat (root, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

/* Run in a child whose TMPDIR is an empty folder (ACQ_TEST_TMPDIR): the temporaries of an
 * export, an import and a dossier all stay in the data folder, private. */
static void
test_temp_private_child (void)
{
  const char *tmpdir = g_getenv ("ACQ_TEST_TMPDIR");
  const char *dir = g_getenv ("ACQ_TEST_DATA_DIR");
  g_autofree char *other = NULL;
  g_autofree char *file = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *package = NULL;
  g_autofree char *dossier = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqStore) coach = NULL;
  g_autoptr (AcqCandidateList) candidates = NULL;
  AcqCandidate *candidate;
  g_autoptr (AcqImportReport) report = NULL;
  g_autoptr (GDir) listing = NULL;

  if (!g_test_subprocess () || tmpdir == NULL || dir == NULL)
    return;
  g_assert_cmpstr (g_get_tmp_dir (), ==, tmpdir);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  file = acq_store_make_temp (dir, "import", FALSE, &error);
  g_assert_no_error (error);
  assert_private_in (file, dir, 0600);
  folder = acq_store_make_temp (dir, "document", TRUE, &error);
  g_assert_no_error (error);
  assert_private_in (folder, dir, 0700);

  g_assert_true (acq_referential_ensure_default (store, &error));
  candidates = acq_candidate_list_new (store, &error);
  g_assert_no_error (error);
  candidate = acq_candidate_list_create (candidates, "Hélène", "Dubois", &error);
  g_assert_no_error (error);
  package = g_build_filename (dir, "out.acquis", NULL);
  g_assert_true (acq_package_export (store, acq_candidate_get_uuid (candidate),
                                     ACQ_ROLE_CANDIDATE, "cheval correct pile agrafe", package,
                                     NULL, &error));
  g_assert_no_error (error);
  dossier = g_build_filename (dir, "out.pdf", NULL);
  g_assert_true (acq_dossier_write (store, acq_candidate_get_uuid (candidate), dossier,
                                    ACQ_DOSSIER_MODE_DRAFT, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  other = g_build_filename (dir, "coach", NULL);
  coach = acq_store_open (other, &error);
  g_assert_no_error (error);
  g_assert_true (acq_referential_ensure_default (coach, &error));
  report = acq_package_import (coach, package, "cheval correct pile agrafe", ACQ_ROLE_COACH,
                               NULL, &error);
  g_assert_no_error (error);

  listing = g_dir_open (tmpdir, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_cmpstr (g_dir_read_name (listing), ==, NULL);
}

static void
test_temp_private (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *tmpdir = test_make_data_dir ();
  g_autofree char *run = NULL;
  g_autoptr (GDir) listing = NULL;

  g_setenv ("ACQ_TEST_DATA_DIR", dir, TRUE);
  g_setenv ("ACQ_TEST_TMPDIR", tmpdir, TRUE);
  g_setenv ("TMPDIR", tmpdir, TRUE);
  g_test_trap_subprocess ("/store/temp/private-child", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("TMPDIR");
  g_unsetenv ("ACQ_TEST_TMPDIR");
  g_unsetenv ("ACQ_TEST_DATA_DIR");
  g_test_trap_assert_passed ();
  listing = g_dir_open (tmpdir, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_cmpstr (g_dir_read_name (listing), ==, NULL);
  test_remove_tree (tmpdir);
  test_remove_tree (dir);
}

/* Erasing a candidate takes the clear copies made for them (documents opened, dossier
 * previews) with them; the other candidates' stay. */
static void
test_temp_gone_with_candidate (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (dir, &error);
  g_autoptr (AcqCandidateList) candidates = NULL;
  g_autoptr (AcqCandidate) erased = NULL;
  AcqCandidate *kept;
  g_autofree char *mine = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *prefix = NULL;

  g_assert_no_error (error);
  g_assert_true (acq_referential_ensure_default (store, &error));
  candidates = acq_candidate_list_new (store, &error);
  erased = g_object_ref (acq_candidate_list_create (candidates, "Hélène", "Dubois", &error));
  kept = acq_candidate_list_create (candidates, "Karim", "Benali", &error);
  g_assert_no_error (error);
  prefix = g_strconcat ("document-", acq_candidate_get_uuid (erased), NULL);
  mine = acq_store_make_temp (dir, prefix, TRUE, &error);
  g_free (prefix);
  prefix = g_strconcat ("dossier-", acq_candidate_get_uuid (erased), NULL);
  preview = acq_store_make_temp (dir, prefix, TRUE, &error);
  g_free (prefix);
  prefix = g_strconcat ("document-", acq_candidate_get_uuid (kept), NULL);
  theirs = acq_store_make_temp (dir, prefix, TRUE, &error);
  g_assert_no_error (error);
  write_leftover (mine, "cv.pdf", FALSE);

  g_assert_true (acq_candidate_list_delete (candidates, erased, &error));
  g_assert_true (acq_candidate_list_purge (candidates, erased, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (mine, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (preview, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (theirs, G_FILE_TEST_IS_DIR));

  /* and everything of this run goes when the application ends */
  acq_store_remove_temp (dir, NULL);
  g_assert_false (g_file_test (theirs, G_FILE_TEST_EXISTS));
  g_clear_object (&candidates);
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* The uid the read-only tests run as when the suite runs as root, who may write anywhere. */
#define NOBODY 65534

/* In a child that cannot write the data folder (dropped to nobody when run as root): the store
 * opens read-only, reads, exports, and refuses changes with a sentence that says why. */
static void
test_read_only_child (void)
{
  const char *dir = g_getenv ("ACQ_TEST_RO_DIR");
  const char *out = g_getenv ("ACQ_TEST_RO_OUT");
  const char *uuid = g_getenv ("ACQ_TEST_RO_CANDIDATE");
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqMap) map = NULL;
  g_autoptr (AcqMapLayout) layout = NULL;
  g_autofree char *count = NULL;
  g_autofree char *dossier = NULL;
  g_autofree char *picture = NULL;
  g_autofree char *package = NULL;

  if (!g_test_subprocess () || dir == NULL)
    return;
  if (getuid () == 0)
    {
      g_assert_cmpint (setgid (NOBODY), ==, 0);
      g_assert_cmpint (setuid (NOBODY), ==, 0);
    }

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_true (acq_store_is_read_only (store));
  count = test_query_text (store, "SELECT count(*) FROM candidate");
  g_assert_cmpstr (count, ==, "1");

  g_assert_false (acq_store_exec (store, "UPDATE candidate SET notes = 'x'", &error));
  g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_clear_error (&error);

  dossier = g_build_filename (out, "dossier.pdf", NULL);
  g_assert_true (acq_dossier_write (store, uuid, dossier, ACQ_DOSSIER_MODE_DRAFT, NULL, NULL,
                                    NULL, &error));
  g_assert_no_error (error);
  map = acq_map_load (store, uuid, &error);
  g_assert_no_error (error);
  layout = acq_map_layout_compute (map);
  picture = g_build_filename (out, "map.svg", NULL);
  g_assert_true (acq_map_export (layout, picture, &error));
  g_assert_no_error (error);
  package = g_build_filename (out, "dossier.acquis", NULL);
  /* an exchange file records what it carried, for the next exchange: it needs to write */
  g_assert_false (acq_package_export (store, uuid, ACQ_ROLE_COACH, "cheval correct pile agrafe",
                                      package, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "read-only"));
  g_assert_false (g_file_test (package, G_FILE_TEST_EXISTS));
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static char *
list_folder (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* A data folder that cannot be written (another user's, a read-only disk, a folder made
 * read-only): not "cannot create the folder", but read and exported, and left as it was. */
static void
test_read_only_folder (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *out = test_make_data_dir ();
  g_autofree char *run = g_build_filename (out, "run", NULL);
  g_autofree char *path = db_path (dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *bytes_before = NULL;
  g_autofree char *bytes_after = NULL;
  gsize len_before, len_after;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (dir, &error);
  g_autoptr (AcqCandidateList) candidates = NULL;
  AcqCandidate *candidate;
  g_autofree char *uuid = NULL;
  gboolean root = getuid () == 0;

  g_assert_no_error (error);
  g_assert_false (acq_store_is_read_only (store));
  g_assert_true (acq_referential_ensure_default (store, &error));
  candidates = acq_candidate_list_new (store, &error);
  candidate = acq_candidate_list_create (candidates, "Hélène", "Dubois", &error);
  g_assert_no_error (error);
  uuid = g_strdup (acq_candidate_get_uuid (candidate));
  g_clear_object (&candidates);
  g_clear_object (&store);
  acq_store_remove_temp (dir, NULL);

  /* as root, the folder is root's and the child is nobody, who may only read it */
  g_assert_cmpint (g_chmod (dir, root ? 0755 : 0500), ==, 0);
  g_assert_cmpint (g_chmod (path, root ? 0644 : 0600), ==, 0);
  g_assert_cmpint (g_mkdir (run, 0700), ==, 0);
  if (root)
    {
      g_assert_cmpint (chown (out, NOBODY, NOBODY), ==, 0);
      g_assert_cmpint (chown (run, NOBODY, NOBODY), ==, 0);
    }
  before = list_folder (dir);
  g_assert_true (g_file_get_contents (path, &bytes_before, &len_before, NULL));

  g_setenv ("ACQ_TEST_RO_DIR", dir, TRUE);
  g_setenv ("ACQ_TEST_RO_OUT", out, TRUE);
  g_setenv ("ACQ_TEST_RO_CANDIDATE", uuid, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", run, TRUE);
  g_test_trap_subprocess ("/store/read-only/child", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("ACQ_TEST_RO_DIR");
  g_unsetenv ("ACQ_TEST_RO_OUT");
  g_unsetenv ("ACQ_TEST_RO_CANDIDATE");
  g_unsetenv ("XDG_RUNTIME_DIR");
  g_test_trap_assert_passed ();

  after = list_folder (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (g_file_get_contents (path, &bytes_after, &len_after, NULL));
  g_assert_cmpmem (bytes_before, len_before, bytes_after, len_after);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
  test_remove_tree (dir);
  test_remove_tree (out);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/open/creates-private-files", test_open_creates_private_files);
  g_test_add_func ("/store/open/fixes-mode-of-existing-file", test_open_fixes_mode);
  g_test_add_func ("/store/open/reopen-keeps-data", test_reopen_is_idempotent);
  g_test_add_func ("/store/migrate/from-each-version", test_migrate_from_each_version);
  g_test_add_func ("/store/migrate/from-v3", test_migrate_from_v3);
  g_test_add_func ("/store/migrate/from-v10", test_migrate_from_v10);
  g_test_add_func ("/store/migrate/from-v11", test_migrate_from_v11);
  g_test_add_func ("/store/migrate/from-v12", test_migrate_from_v12);
  g_test_add_func ("/store/migrate/newer-version-refused", test_newer_version_refused);
  g_test_add_func ("/store/rules/constraints", test_constraints);
  g_test_add_func ("/store/rules/rollback", test_transaction_rollback);
  g_test_add_func ("/store/changed/after-commit", test_changed_after_commit);
  g_test_add_func ("/store/changed/not-after-close", test_changed_not_after_close);
  g_test_add_func ("/store/corrupt/not-a-database", test_corrupt_not_a_database);
  g_test_add_func ("/store/corrupt/damaged-pages", test_corrupt_damaged_pages);
  g_test_add_func ("/store/corrupt/verify-before-any-file", test_verify_missing_file);
  g_test_add_func ("/store/corrupt/set-aside-then-start-empty", test_set_aside_then_start_empty);
  g_test_add_func ("/store/backup/daily-rotation", test_backup_daily_rotation);
  g_test_add_func ("/store/backup/seven-days-at-most", test_backup_kept_seven_days_at_most);
  g_test_add_func ("/store/erase/leaves-no-trace-in-the-file", test_erased_text_leaves_the_file);
  g_test_add_func ("/store/backup/never-of-a-damaged-file", test_backup_never_of_a_damaged_file);
  g_test_add_func ("/store/backup/restore-latest", test_restore_latest_backup);
  g_test_add_func ("/store/backup/disk-full-leaves-nothing", test_backup_disk_full);
  g_test_add_func ("/store/lock/survives-worker-open", test_lock_survives_worker_open);
  g_test_add_func ("/store/lock/other-process", test_lock_other_process);
  g_test_add_func ("/store/temp/swept-at-open", test_temp_swept_at_open);
  g_test_add_func ("/store/temp/private-inside-data-folder", test_temp_private);
  g_test_add_func ("/store/temp/private-child", test_temp_private_child);
  g_test_add_func ("/store/temp/gone-with-the-candidate", test_temp_gone_with_candidate);
  g_test_add_func ("/store/read-only/folder-is-read-and-exported", test_read_only_folder);
  g_test_add_func ("/store/read-only/child", test_read_only_child);
  return g_test_run ();
}

/* test-package.c — the .acquis file: what it carries, and every bad file refused with its
 * message and the store left byte for byte as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sodium.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "acq-attachment.h"
#include "acq-store-private.h"
#include "test-package-fixture.h"

typedef struct
{
  Side  candidate;
  Side  coach;
  char *uuid;       /* the candidate's */
  char *sheet_uuid; /* their first sheet */
  char *file;       /* a valid file from the candidate */
} Fixture;

static const guint8 png_bytes[] = {
  0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
  0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42,
  0x60, 0x82,
};

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqAttachment) attachment = NULL;
  g_autoptr (GFile) png = NULL;
  g_autofree char *png_path = NULL;

  sides_set_up (&f->candidate, &f->coach, "Accueil des publics", "J'accueille des publics.",
                &f->uuid, &f->sheet_uuid);
  png_path = g_build_filename (f->candidate.dir, "photo.png", NULL);
  g_assert_true (g_file_set_contents (png_path, (const char *) png_bytes, sizeof png_bytes, NULL));
  png = g_file_new_for_path (png_path);
  attachment = acq_attachment_add (f->candidate.store, f->sheet_uuid, png, NULL, &error);
  g_assert_no_error (error);
  f->file = side_export (&f->candidate, f->uuid);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  side_clear (&f->candidate);
  side_clear (&f->coach);
  g_free (f->uuid);
  g_free (f->sheet_uuid);
  g_free (f->file);
}

static void
test_round_trip_carries_everything (Fixture *f, gconstpointer data)
{
  g_autoptr (AcqImportReport) report = side_import (&f->coach, f->file);
  g_autofree char *tasks = sheet_rubric (&f->coach, f->sheet_uuid, "tasks");
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) attachments = NULL;
  g_autofree char *bytes = NULL;
  gsize len;

  g_assert_cmpstr (acq_import_report_get_candidate_uuid (report), ==, f->uuid);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_NEW_CANDIDATE), ==, 1);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_NEW_SHEET), ==, 1);
  g_assert_cmpuint (acq_import_report_get_n_conflicts (report), ==, 0);
  g_assert_cmpstr (tasks, ==, "J'accueille des publics.");
  sql = g_strdup_printf ("SELECT first_name || ' ' || last_name FROM candidate WHERE uuid = '%s'",
                         f->uuid);
  name = side_query (&f->coach, sql);
  g_assert_cmpstr (name, ==, "Hélène Dubois");

  /* The attachment's bytes came inside the file. */
  attachments = acq_attachment_list (f->coach.store, f->sheet_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attachments->len, ==, 1);
  {
    g_autoptr (GFile) file = acq_attachment_get_file (f->coach.store,
                                                      g_ptr_array_index (attachments, 0), &error);
    g_assert_no_error (error);
    stored = g_file_get_path (file);
  }
  g_assert_true (g_file_get_contents (stored, &bytes, &len, NULL));
  g_assert_cmpmem (bytes, len, png_bytes, sizeof png_bytes);

  /* A backup of the store as it was just before. */
  {
    g_autofree char *backups = acq_store_backup_dir (f->coach.dir);
    g_autoptr (GDir) dir = g_dir_open (backups, 0, NULL);
    const char *entry;
    guint found = 0;
    while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
      found += g_str_has_prefix (entry, "before-import-");
    g_assert_cmpuint (found, ==, 1);
  }

  /* Nothing left behind in clear: no temporary content in either data folder, nor in the
   * private temporary folder (only the lock of this process's folder). */
  {
    g_autoptr (GDir) dir = g_dir_open (f->coach.dir, 0, NULL);
    g_autofree char *tmp = g_build_filename (f->coach.dir, "tmp", NULL);
    g_autoptr (GDir) runs = g_dir_open (tmp, 0, NULL);
    const char *entry;
    while ((entry = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (entry, ".acquis-"));
    while (runs != NULL && (entry = g_dir_read_name (runs)) != NULL)
      {
        g_autofree char *run = g_build_filename (tmp, entry, NULL);
        g_autoptr (GDir) files = g_dir_open (run, 0, NULL);
        const char *name;
        g_assert_nonnull (files);
        while ((name = g_dir_read_name (files)) != NULL)
          g_assert_cmpstr (name, ==, ".lock");
      }
  }
}

static void
test_peek_reads_the_clear_header (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *bytes = NULL;
  gsize len;
  int version = 0;

  g_assert_true (acq_package_peek (f->file, &uuid, &version, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (uuid, ==, f->uuid);
  g_assert_cmpint (version, ==, ACQ_PACKAGE_FORMAT_VERSION);
  /* No personal data in clear. */
  g_assert_true (g_file_get_contents (f->file, &bytes, &len, NULL));
  g_assert_false (test_bytes_contain (bytes, len, "Dubois"));
  g_assert_false (test_bytes_contain (bytes, len, "accueille"));
}

static void
test_export_writes_no_partial_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->candidate.dir, "none.acquis", NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);

  g_assert_false (acq_package_export (f->candidate.store, f->uuid, ACQ_ROLE_CANDIDATE, "", path,
                                      NULL, &error));
  g_assert_error (error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (acq_package_export (f->candidate.store, "2b1b0c1e-0000-4000-8000-000000000000",
                                      ACQ_ROLE_CANDIDATE, PASSPHRASE, path, NULL, &error));
  g_assert_error (error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_FAILED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
}

/* An exchange file is written for the user only, over a file others could read, in a folder
 * where nothing else is left. */
static void
test_export_private (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (f->candidate.dir, "out", NULL);
  g_autofree char *path = g_build_filename (dir, "dossier.acquis", NULL);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (acq_package_export (f->candidate.store, f->uuid, ACQ_ROLE_CANDIDATE,
                                     PASSPHRASE, path, NULL, &error));
  g_assert_no_error (error);
  test_assert_output_alone (path);
}

/* The disk fills up (a file size limit, as a full disk would): the previous exchange file stays
 * whole under its name and nothing is left behind. */
static void
test_export_disk_full (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (f->candidate.dir, "out", NULL);
  g_autofree char *path = g_build_filename (dir, "dossier.acquis", NULL);
  g_autofree char *contents = NULL;
  struct rlimit saved, limit;
  gboolean ok;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "the previous file", -1, &error));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 4096;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = acq_package_export (f->candidate.store, f->uuid, ACQ_ROLE_CANDIDATE, PASSPHRASE, path,
                           NULL, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, SIG_DFL);
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the previous file");
  test_assert_output_alone (path);
}

/* Imports @bytes into the coach's store; it must fail with @domain/@code (or any package
 * error if @code < 0), a sentence, and the store unchanged. */
static void
assert_refused (Fixture *f, const guint8 *bytes, gsize len, int code)
{
  g_autofree char *path = g_build_filename (f->coach.dir, "bad.acquis", NULL);
  g_autofree char *before = side_digest (&f->coach);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqImportReport) report = NULL;

  g_assert_true (g_file_set_contents (path, (const char *) bytes, len, NULL));
  report = acq_package_import (f->coach.store, path, PASSPHRASE, ACQ_ROLE_COACH, NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_assert_true (error->domain == ACQ_PACKAGE_ERROR);
  if (code >= 0)
    g_assert_cmpint (error->code, ==, code);
  else
    g_assert_cmpint (error->code, !=, ACQ_PACKAGE_ERROR_FAILED);
  g_assert_cmpuint (strlen (error->message), >, 20);
  after = side_digest (&f->coach);
  g_assert_cmpstr (before, ==, after);
}

static guint8 *
read_file (const char *path, gsize *len)
{
  char *bytes = NULL;

  g_assert_true (g_file_get_contents (path, &bytes, len, NULL));
  return (guint8 *) bytes;
}

static void
test_bit_flips_everywhere (Fixture *f, gconstpointer data)
{
  gsize len;
  g_autofree guint8 *bytes = read_file (f->file, &len);
  /* Every byte of the header, then about 300 places spread over the content. */
  gsize step = MAX (1, (len - ACQ_PACKAGE_HEADER_SIZE) / 300);

  /* Once with a file the coach already has, so that a refused file is not a first import. */
  g_autoptr (AcqImportReport) report = side_import (&f->coach, f->file);

  for (gsize at = 0; at < len; at += at < ACQ_PACKAGE_HEADER_SIZE ? 1 : step)
    {
      guint8 bit = 1u << (at % 8);

      bytes[at] ^= bit;
      assert_refused (f, bytes, len, at >= ACQ_PACKAGE_HEADER_SIZE ? ACQ_PACKAGE_ERROR_DAMAGED : -1);
      bytes[at] ^= bit;
    }
}

static void
test_truncated_everywhere (Fixture *f, gconstpointer data)
{
  gsize len;
  g_autofree guint8 *bytes = read_file (f->file, &len);

  for (guint percent = 1; percent < 100; percent++)
    assert_refused (f, bytes, len * percent / 100, len * percent / 100 == 0
                    ? ACQ_PACKAGE_ERROR_NOT_PACKAGE
                    : len * percent / 100 < ACQ_PACKAGE_MAGIC_LEN ? ACQ_PACKAGE_ERROR_NOT_PACKAGE
                    : ACQ_PACKAGE_ERROR_DAMAGED);
  /* And one byte short, and one byte more. */
  assert_refused (f, bytes, len - 1, ACQ_PACKAGE_ERROR_DAMAGED);
  {
    g_autofree guint8 *longer = g_malloc (len + 1);
    memcpy (longer, bytes, len);
    longer[len] = 0;
    assert_refused (f, longer, len + 1, ACQ_PACKAGE_ERROR_DAMAGED);
  }
}

static void
test_wrong_passphrase (Fixture *f, gconstpointer data)
{
  g_autofree char *before = side_digest (&f->coach);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqImportReport) report =
    acq_package_import (f->coach.store, f->file, "cheval correct pile agrafee", ACQ_ROLE_COACH,
                        NULL, &error);

  g_assert_null (report);
  g_assert_error (error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_PASSPHRASE);
  after = side_digest (&f->coach);
  g_assert_cmpstr (before, ==, after);
}

static void
test_not_a_package (Fixture *f, gconstpointer data)
{
  g_autofree char *store_path = g_build_filename (f->candidate.dir, ACQ_STORE_FILE_NAME, NULL);
  gsize len;
  g_autofree guint8 *sqlite_bytes = NULL;
  guint8 random[4096];

  assert_refused (f, (const guint8 *) "", 0, ACQ_PACKAGE_ERROR_NOT_PACKAGE);
  randombytes_buf (random, sizeof random);
  assert_refused (f, random, sizeof random, ACQ_PACKAGE_ERROR_NOT_PACKAGE);
  /* A valid SQLite file that is not ours: Acquis's own database. */
  acq_store_exec (f->candidate.store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  sqlite_bytes = read_file (store_path, &len);
  assert_refused (f, sqlite_bytes, len, ACQ_PACKAGE_ERROR_NOT_PACKAGE);
}

/* Changes a header field and seals the header again, as a forger would. */
static void
forge (guint8 *bytes, gsize offset, guint64 value, gsize width)
{
  for (gsize i = 0; i < width; i++)
    bytes[offset + i] = (value >> (8 * i)) & 0xff;
  crypto_hash_sha256 (bytes + 128, bytes, 128);
}

static void
test_forged_headers (Fixture *f, gconstpointer data)
{
  gsize len;
  g_autofree guint8 *bytes = read_file (f->file, &len);
  g_autofree guint8 *copy = g_memdup2 (bytes, len);

  /* A newer format, refused before the rest of the header is read. */
  forge (copy, 8, ACQ_PACKAGE_FORMAT_VERSION + 1, 4);
  assert_refused (f, copy, len, ACQ_PACKAGE_ERROR_NEWER);
  /* Gigabytes of memory for Argon2id, or too many passes. */
  memcpy (copy, bytes, len);
  forge (copy, 72, 4u * 1024 * 1024, 4);
  assert_refused (f, copy, len, ACQ_PACKAGE_ERROR_TOO_LARGE);
  memcpy (copy, bytes, len);
  forge (copy, 68, 1000000, 4);
  assert_refused (f, copy, len, ACQ_PACKAGE_ERROR_TOO_LARGE);
  /* A content of a thousand terabytes. */
  memcpy (copy, bytes, len);
  forge (copy, 80, G_GUINT64_CONSTANT (1) << 50, 8);
  assert_refused (f, copy, len, ACQ_PACKAGE_ERROR_TOO_LARGE);
  /* A size that does not match the file. */
  memcpy (copy, bytes, len);
  forge (copy, 80, 100, 8);
  assert_refused (f, copy, len, ACQ_PACKAGE_ERROR_DAMAGED);
  /* Another candidate's uuid on this content: the header is authenticated. */
  memcpy (copy, bytes, len);
  memcpy (copy + 16, "2b1b0c1e-0000-4000-8000-000000000000", 36);
  crypto_hash_sha256 (copy + 128, copy, 128);
  assert_refused (f, copy, len, ACQ_PACKAGE_ERROR_DAMAGED);
}

/* A file written by an Acquis whose store was at schema 3: migrated on import. */
static void
test_older_schema_is_migrated (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *content = g_build_filename (f->coach.dir, "old-content.db", NULL);
  g_autofree char *path = g_build_filename (f->coach.dir, "old.acquis", NULL);
  const char *uuid = "6f1c2a9e-5b7d-4c3e-9a1f-0d2e3c4b5a69";
  const char *sheet = "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b";
  g_autofree char *digest = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *tasks = NULL;
  g_autoptr (AcqImportReport) report = NULL;
  sqlite3 *db = _acq_store_open_db (content, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (_acq_store_migrate_db (db, 3, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf (
    "PRAGMA application_id = %d;"
    "INSERT INTO candidate (uuid, first_name, last_name, created_at, updated_at,"
    "  last_activity_at) VALUES ('%s', 'Ana', 'Martins', 'x', 'x', 'x');"
    "INSERT INTO sheet (uuid, candidate_uuid, title, tasks, created_at, updated_at)"
    "  VALUES ('%s', '%s', 'Ancien', 'Écrit avec une version 3.', 'x', 'x');"
    "CREATE TABLE package_unit (unit TEXT, history TEXT);"
    "CREATE TABLE package_blob (sha256 TEXT PRIMARY KEY, data BLOB NOT NULL);",
    ACQ_PACKAGE_APPLICATION_ID, uuid, sheet, uuid);
  g_assert_true (_acq_store_exec_db (db, sql, &error));
  g_clear_pointer (&sql, g_free);
  digest = _acq_package_content_digest (db, "main", &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("CREATE TABLE package_manifest (key TEXT PRIMARY KEY, value TEXT);"
                         "INSERT INTO package_manifest VALUES ('format_version', '1'),"
                         " ('schema_version', '3'), ('candidate_uuid', '%s'),"
                         " ('exporter_role', 'candidate'), ('content_sha256', '%s');",
                         uuid, digest);
  g_assert_true (_acq_store_exec_db (db, sql, &error));
  sqlite3_close (db);
  g_assert_true (_acq_package_encrypt (content, uuid, 1, PASSPHRASE, path, NULL, &error));
  g_assert_no_error (error);

  report = side_import (&f->coach, path);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_NEW_CANDIDATE), ==, 1);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_NEW_SHEET), ==, 1);
  tasks = sheet_rubric (&f->coach, sheet, "tasks");
  g_assert_cmpstr (tasks, ==, "Écrit avec une version 3.");
}

static void
test_newer_schema_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *content = g_build_filename (f->coach.dir, "new-content.db", NULL);
  g_autofree char *path = g_build_filename (f->coach.dir, "new.acquis", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;"
                                          "CREATE TABLE t (x);", ACQ_PACKAGE_APPLICATION_ID,
                                          acq_store_get_latest_version () + 1);
  gsize len;
  g_autofree guint8 *bytes = NULL;
  sqlite3 *db = _acq_store_open_db (content, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (_acq_store_exec_db (db, sql, &error));
  sqlite3_close (db);
  g_assert_true (_acq_package_encrypt (content, f->uuid, 1, PASSPHRASE, path, NULL, &error));
  bytes = read_file (path, &len);
  assert_refused (f, bytes, len, ACQ_PACKAGE_ERROR_NEWER);
}

/* The candidate's valid file, decrypted, changed by @sql as a passphrase holder could, its
 * manifest's digest made right again, and encrypted anew. */
static char *
forge_content (Fixture *f, const char *sql)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *content = _acq_package_open (f->file, PASSPHRASE, f->coach.dir, NULL, NULL,
                                                NULL, &error);
  g_autofree char *digest = NULL;
  g_autofree char *update = NULL;
  char *path = g_build_filename (f->coach.dir, "forged.acquis", NULL);
  sqlite3 *db;

  g_assert_no_error (error);
  db = _acq_store_open_db (content, SQLITE_OPEN_READWRITE, &error);
  g_assert_no_error (error);
  g_assert_true (_acq_store_exec_db (db, sql, &error));
  g_assert_no_error (error);
  digest = _acq_package_content_digest (db, "main", &error);
  g_assert_no_error (error);
  update = g_strdup_printf ("UPDATE " ACQ_PACKAGE_MANIFEST_TABLE " SET value = '%s' WHERE key = "
                            "'content_sha256'", digest);
  g_assert_true (_acq_store_exec_db (db, update, &error));
  sqlite3_close (db);
  g_assert_true (_acq_package_encrypt (content, f->uuid, ACQ_PACKAGE_FORMAT_VERSION, PASSPHRASE,
                                       path, NULL, &error));
  g_assert_no_error (error);
  g_unlink (content);
  return path;
}

static void
assert_forged_refused (Fixture *f, const char *sql, int code)
{
  g_autofree char *path = forge_content (f, sql);
  gsize len;
  g_autofree guint8 *bytes = read_file (path, &len);

  assert_refused (f, bytes, len, code);
}

static AcqAttachment *
coach_attachment (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = acq_attachment_list (f->coach.store, f->sheet_uuid, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  return acq_attachment_copy (g_ptr_array_index (list, 0));
}

/* The blobs of the coach's next file for the candidate. */
static GPtrArray *
coach_export_blobs (Fixture *f, GError **out_error)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = g_build_filename (f->coach.dir, "back.acquis", NULL);
  g_autofree char *content = NULL;
  GPtrArray *blobs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;

  if (!acq_package_export (f->coach.store, f->uuid, ACQ_ROLE_COACH, PASSPHRASE, out, NULL,
                           out_error))
    return blobs;
  content = _acq_package_open (out, PASSPHRASE, f->candidate.dir, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  db = _acq_store_open_db (content, SQLITE_OPEN_READONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT data FROM " ACQ_PACKAGE_BLOB_TABLE, -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (blobs, g_bytes_new (sqlite3_column_blob (stmt, 0),
                                         sqlite3_column_bytes (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_unlink (content);
  return blobs;
}

static void
assert_store_intact (Fixture *f)
{
  g_autofree char *db = g_build_filename (f->coach.dir, ACQ_STORE_FILE_NAME, NULL);
  g_autofree char *count = side_query (&f->coach, "SELECT count (*) FROM candidate");

  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (count, ==, "1");
}

/* A stored_path from the file would let a candidate's file make the coach's next export carry
 * her whole store, or make "Remove document" erase it: the path is made from the SHA-256. */
static void
test_import_never_takes_a_path (Fixture *f, gconstpointer data)
{
  const char *const paths[] = { ACQ_STORE_FILE_NAME, "../../x", "attachments/../acquis.db",
                                "/etc/passwd" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE attachment SET stored_path = '%s'",
                                              paths[i]);
      g_autofree char *path = forge_content (f, sql);
      g_autoptr (AcqImportReport) report = side_import (&f->coach, path);
      g_autoptr (AcqAttachment) attachment = coach_attachment (f);
      g_autofree char *expected = acq_attachment_path_for_sha256 (attachment->sha256);
      g_autoptr (GError) error = NULL;
      g_autoptr (GFile) file = NULL;
      g_autoptr (GPtrArray) blobs = NULL;
      g_autofree char *stored = NULL;
      g_autofree char *contents = NULL;
      gsize len;

      g_assert_nonnull (expected);
      g_assert_cmpstr (attachment->stored_path, ==, expected);
      file = acq_attachment_get_file (f->coach.store, attachment, &error);
      g_assert_no_error (error);
      stored = g_file_get_path (file);
      g_assert_true (g_file_get_contents (stored, &contents, &len, NULL));
      g_assert_cmpmem (contents, len, png_bytes, sizeof png_bytes);

      /* the coach's next file carries the document, not her store */
      blobs = coach_export_blobs (f, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (blobs->len, ==, 1);
      g_assert_cmpmem (g_bytes_get_data (g_ptr_array_index (blobs, 0), NULL),
                       g_bytes_get_size (g_ptr_array_index (blobs, 0)), png_bytes,
                       sizeof png_bytes);

      /* a row carrying such a path (a store written before) is refused, and repaired */
      g_free (attachment->stored_path);
      attachment->stored_path = g_strdup (paths[i]);
      g_clear_object (&file);
      file = acq_attachment_get_file (f->coach.store, attachment, &error);
      g_assert_null (file);
      g_assert_error (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_DAMAGED);
      g_clear_error (&error);
    }
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE attachment SET stored_path = '%s'",
                                            ACQ_STORE_FILE_NAME);
    g_autoptr (AcqAttachment) attachment = NULL;
    g_autoptr (GError) error = NULL;
    g_autofree char *expected = NULL;

    side_exec (&f->coach, sql);
    g_assert_true (acq_attachment_remove_orphans (f->coach.store, NULL, &error));
    g_assert_no_error (error);
    attachment = coach_attachment (f);
    expected = acq_attachment_path_for_sha256 (attachment->sha256);
    g_assert_cmpstr (attachment->stored_path, ==, expected);
    /* removing the document erases its copy, not the store */
    side_exec (&f->coach, sql);
    g_assert_true (acq_attachment_remove (f->coach.store, attachment, &error));
    g_assert_no_error (error);
  }
  assert_store_intact (f);
}

/* Removing a row that says stored_path = acquis.db erases nothing but the document's copy. */
static void
test_remove_never_follows_a_path (Fixture *f, gconstpointer data)
{
  g_autofree char *path = forge_content (f, "UPDATE attachment SET stored_path = 'acquis.db'");
  g_autoptr (AcqImportReport) report = side_import (&f->coach, path);
  g_autoptr (AcqAttachment) attachment = coach_attachment (f);
  g_autoptr (GError) error = NULL;

  g_free (attachment->stored_path);
  attachment->stored_path = g_strdup (ACQ_STORE_FILE_NAME);
  g_assert_true (acq_attachment_remove (f->coach.store, attachment, &error));
  g_assert_no_error (error);
  assert_store_intact (f);
}

/* A row whose SHA-256 is not one, or whose bytes the file lacks: the whole file is refused. */
static void
test_import_refuses_bad_attachments (Fixture *f, gconstpointer data)
{
  assert_forged_refused (f, "UPDATE attachment SET sha256 = upper (sha256)",
                         ACQ_PACKAGE_ERROR_DAMAGED);
  assert_forged_refused (f, "UPDATE attachment SET sha256 = '../../../../../../../../../../../../"
                            "../../../../../../../../../../../acquis.db'",
                         ACQ_PACKAGE_ERROR_DAMAGED);
  assert_forged_refused (f, "DELETE FROM " ACQ_PACKAGE_BLOB_TABLE, ACQ_PACKAGE_ERROR_DAMAGED);
  assert_forged_refused (f, "UPDATE attachment SET sha256 = NULL", ACQ_PACKAGE_ERROR_DAMAGED);
}

/* A symbolic link in attachments/ that leads out of it is never read, exported or erased. */
static void
test_symlink_out_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (AcqImportReport) report = side_import (&f->coach, f->file);
  g_autoptr (AcqAttachment) attachment = coach_attachment (f);
  g_autofree char *copy = g_build_filename (f->coach.dir, attachment->stored_path, NULL);
  g_autofree char *dir = g_path_get_dirname (copy);
  g_autofree char *target = g_build_filename (f->coach.dir, ACQ_STORE_FILE_NAME, NULL);
  g_autofree char *outside = g_build_filename (f->candidate.dir, "outside", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GPtrArray) blobs = NULL;

  /* the copy itself is a link to the store */
  g_assert_cmpint (g_unlink (copy), ==, 0);
  g_assert_cmpint (symlink (target, copy), ==, 0);
  file = acq_attachment_get_file (f->coach.store, attachment, &error);
  g_assert_null (file);
  g_assert_error (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_DAMAGED);
  g_clear_error (&error);
  blobs = coach_export_blobs (f, &error);
  g_assert_nonnull (error);
  g_assert_cmpuint (blobs->len, ==, 0);
  g_clear_error (&error);

  /* its folder is a link to a folder outside, holding a file of that name */
  g_assert_cmpint (g_unlink (copy), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_assert_cmpint (g_mkdir (outside, 0700), ==, 0);
  g_assert_cmpint (symlink (outside, dir), ==, 0);
  {
    g_autofree char *victim = g_build_filename (outside, attachment->sha256, NULL);

    g_assert_true (g_file_set_contents (victim, "not yours", -1, NULL));
    file = acq_attachment_get_file (f->coach.store, attachment, &error);
    g_assert_null (file);
    g_assert_error (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_DAMAGED);
    g_clear_error (&error);
    g_assert_true (acq_attachment_remove (f->coach.store, attachment, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (victim, G_FILE_TEST_IS_REGULAR));
    g_assert_true (acq_attachment_remove_orphans (f->coach.store, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (victim, G_FILE_TEST_IS_REGULAR));
  }
  assert_store_intact (f);
}

/* A folder of attachments/ that is a link to elsewhere: the import writes nothing there. */
static void
test_import_never_writes_through_a_link (Fixture *f, gconstpointer data)
{
  g_autofree char *sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, png_bytes,
                                                         sizeof png_bytes);
  g_autofree char *prefix = g_strndup (sha256, 2);
  g_autofree char *root = g_build_filename (f->coach.dir, ACQ_ATTACHMENT_DIR, NULL);
  g_autofree char *link = g_build_filename (root, prefix, NULL);
  g_autofree char *outside = g_build_filename (f->candidate.dir, "outside", NULL);
  g_autofree char *planted = g_build_filename (outside, sha256, NULL);
  gsize len;
  g_autofree guint8 *bytes = read_file (f->file, &len);

  g_assert_cmpint (g_mkdir (root, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (outside, 0700), ==, 0);
  g_assert_cmpint (symlink (outside, link), ==, 0);
  assert_refused (f, bytes, len, ACQ_PACKAGE_ERROR_FAILED);
  g_assert_false (g_file_test (planted, G_FILE_TEST_EXISTS));
}

/* A NUL inside a rubric would hide the bytes after it from the checks (and the length limit). */
static void
test_rubric_with_nul_refused (Fixture *f, gconstpointer data)
{
  assert_forged_refused (f, "UPDATE sheet SET tasks = CAST (X'4a27616363756569006c6c65' AS TEXT)",
                         ACQ_PACKAGE_ERROR_FAILED);
}

/* A content whose attachment bytes do not match their SHA-256: one error, no GLib warning
 * (g_test makes a warning fatal). */
static void
test_blob_mismatch_one_error (Fixture *f, gconstpointer data)
{
  assert_forged_refused (f, "UPDATE " ACQ_PACKAGE_BLOB_TABLE " SET data = X'00'",
                         ACQ_PACKAGE_ERROR_DAMAGED);
}

/* A script's passphrase is read once and gone from the environment: no child inherits it. */
static void
test_passphrase_taken_from_env (void)
{
  g_autoptr (AcqPassphrase) passphrase = NULL;
  g_autoptr (AcqPassphrase) empty = NULL;
  g_autoptr (AcqPassphrase) none = NULL;

  g_assert_true (g_setenv ("ACQUIS_PASSPHRASE", PASSPHRASE, TRUE));
  passphrase = acq_passphrase_take_from_env ();
  g_assert_cmpstr (passphrase, ==, PASSPHRASE);
  g_assert_null (g_getenv ("ACQUIS_PASSPHRASE"));
  g_assert_true (g_setenv ("ACQUIS_PASSPHRASE", "", TRUE));
  empty = acq_passphrase_take_from_env ();
  g_assert_null (empty);
  g_assert_null (g_getenv ("ACQUIS_PASSPHRASE"));
  none = acq_passphrase_take_from_env ();
  g_assert_null (none);
}

static void
on_imported (GObject *source, GAsyncResult *result, gpointer data)
{
  AcqImportReport **out = data;
  g_autoptr (GError) error = NULL;

  *out = acq_package_import_finish (ACQ_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
on_exported (GObject *source, GAsyncResult *result, gpointer data)
{
  gboolean *done = data;
  g_autoptr (GError) error = NULL;

  *done = acq_package_export_finish (ACQ_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
count_changed (AcqStore *store, gpointer data)
{
  guint *n_changed = data;

  (*n_changed)++;
}

static void
test_async_on_a_worker (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->candidate.dir, "async.acquis", NULL);
  g_autoptr (AcqImportReport) report = NULL;
  gboolean done = FALSE;
  guint n_changed = 0;

  acq_package_export_async (f->candidate.store, f->uuid, ACQ_ROLE_CANDIDATE, PASSPHRASE, path,
                            NULL, on_exported, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_signal_connect (f->coach.store, "changed", G_CALLBACK (count_changed), &n_changed);
  acq_package_import_async (f->coach.store, path, PASSPHRASE, ACQ_ROLE_COACH, NULL, on_imported,
                            &report);
  while (report == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_NEW_SHEET), ==, 1);

  /* the worker merged through its own connection: the coach's store still says "changed",
   * so that what watches it (the dossier preview) makes itself again */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_changed, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/package/round-trip/carries-everything", test_round_trip_carries_everything);
  ADD ("/package/header/peek-without-passphrase", test_peek_reads_the_clear_header);
  ADD ("/package/export/no-partial-file", test_export_writes_no_partial_file);
  ADD ("/package/export/private", test_export_private);
  ADD ("/package/export/disk-full-keeps-previous", test_export_disk_full);
  ADD ("/package/import/bit-flips-everywhere", test_bit_flips_everywhere);
  ADD ("/package/import/truncated-everywhere", test_truncated_everywhere);
  ADD ("/package/import/wrong-passphrase", test_wrong_passphrase);
  ADD ("/package/import/not-a-package", test_not_a_package);
  ADD ("/package/import/forged-headers", test_forged_headers);
  ADD ("/package/import/older-schema-migrated", test_older_schema_is_migrated);
  ADD ("/package/import/newer-schema-refused", test_newer_schema_refused);
  ADD ("/package/async/on-a-worker", test_async_on_a_worker);
  ADD ("/package/attachment/import-never-takes-a-path", test_import_never_takes_a_path);
  ADD ("/package/attachment/remove-never-follows-a-path", test_remove_never_follows_a_path);
  ADD ("/package/attachment/bad-rows-refused", test_import_refuses_bad_attachments);
  ADD ("/package/attachment/symlink-out-refused", test_symlink_out_refused);
  ADD ("/package/attachment/import-never-writes-through-a-link",
       test_import_never_writes_through_a_link);
  ADD ("/package/import/rubric-with-nul-refused", test_rubric_with_nul_refused);
  ADD ("/package/import/blob-mismatch-one-error", test_blob_mismatch_one_error);
#undef ADD
  g_test_add_func ("/package/passphrase/taken-from-env", test_passphrase_taken_from_env);
  return g_test_run ();
}

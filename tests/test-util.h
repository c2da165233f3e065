/* test-util.h — temporary data folders, and a store in one, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "acq-candidate-list.h"
#include "acq-referential.h"
#include "acq-store.h"

/* A fresh folder per test, removed with everything in it at the end. */
static inline char *
test_make_data_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("acquis-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
test_remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          test_remove_tree (child);
        else
          g_remove (child);
      }
  g_rmdir (path);
}

/* An output file is the user's only, and nothing else (no ".part") stays beside it. */
static inline void
test_assert_output_alone (const char *path)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  GStatBuf st;
  const char *name;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_cmpstr (name, ==, base);
}

/* A store in a fresh folder, whose path goes to @out_dir; test_store_close() removes both. */
static inline AcqStore *
test_store_open (char **out_dir)
{
  g_autoptr (GError) error = NULL;
  AcqStore *store;

  *out_dir = test_make_data_dir ();
  store = acq_store_open (*out_dir, &error);
  g_assert_no_error (error);
  return store;
}

static inline void
test_store_close (AcqStore **store, char **dir)
{
  g_clear_object (store);
  test_remove_tree (*dir);
  g_clear_pointer (dir, g_free);
}

static inline AcqCandidateList *
test_candidate_list_new (AcqStore *store)
{
  g_autoptr (GError) error = NULL;
  AcqCandidateList *list = acq_candidate_list_new (store, &error);

  g_assert_no_error (error);
  return list;
}

/* A fiche of an export written inline, stored as the import window stores it, read back with
 * its uuids. */
static inline AcqFiche *
test_import_fiche (AcqStore *store, const char *xml, const char *number)
{
  g_autoptr (GInputStream) stream =
    g_memory_input_stream_new_from_data (xml, strlen (xml), NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqFiche) parsed = acq_referential_read_fiche (stream, number, NULL, &error);
  AcqFiche *fiche;

  g_assert_no_error (error);
  g_assert_true (acq_referential_import_fiche (store, parsed, &error));
  g_assert_no_error (error);
  fiche = acq_referential_load (store, number, &error);
  g_assert_no_error (error);
  return fiche;
}

/* The first column of the first row that @sql returns, or %NULL. */
static inline char *
test_query_text (AcqStore *store, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (acq_store_get_db (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return result;
}

/* Whether the @length bytes at @data hold @needle anywhere (a PDF, an exchange file). */
static inline gboolean
test_bytes_contain (const char *data, gsize length, const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* The smallest PNG, one white pixel (and @extra bytes after its end, to make another content),
 * written to @dir/@name: a document a user would choose. */
static inline GFile *
test_write_png (const char *dir, const char *name, guint extra)
{
  static const guint8 png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90,
    0x77, 0x53, 0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8,
    0xff, 0xff, 0x3f, 0x00, 0x05, 0xfe, 0x02, 0xfe, 0xdc, 0xcc, 0x59, 0xe7, 0x00, 0x00, 0x00,
    0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
  };
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  g_autoptr (GError) error = NULL;

  g_byte_array_append (bytes, png, sizeof png);
  for (guint i = 0; i < extra; i++)
    g_byte_array_append (bytes, (const guint8 *) "\n", 1);
  g_file_set_contents (path, (const char *) bytes->data, bytes->len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

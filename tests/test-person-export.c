/* test-person-export.c — everything held about one person, in one ZIP (RGPD, articles 15, 20)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "acq-candidate-list.h"
#include "acq-demo.h"
#include "acq-person-export.h"
#include "test-util.h"

#define HELENE "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d01"

typedef struct
{
  char             *dir;
  AcqStore         *store;
  AcqCandidateList *candidates;
  char             *output;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;

  f->store = test_store_open (&f->dir);
  f->candidates = test_candidate_list_new (f->store);
  g_assert_true (acq_demo_populate (f->candidates, &error));
  g_assert_no_error (error);
  /* a folder of its own: nothing but the ZIP may be left in it */
  out = g_build_filename (f->dir, "out", NULL);
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  f->output = g_build_filename (out, "export.zip", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->candidates);
  g_free (f->output);
  test_store_close (&f->store, &f->dir);
}

/* Every entry of the ZIP, name → content, read with libarchive as any unzip tool would. */
static GHashTable *
read_zip (const char *path)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_bytes_unref);
  struct archive *zip = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip (zip);
  g_assert_cmpint (archive_read_open_filename (zip, path, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (zip, &entry) == ARCHIVE_OK)
    {
      GByteArray *content = g_byte_array_new ();
      guint8 buffer[8192];
      la_ssize_t n;

      while ((n = archive_read_data (zip, buffer, sizeof buffer)) > 0)
        g_byte_array_append (content, buffer, (guint) n);
      g_assert_cmpint (n, ==, 0);
      g_hash_table_insert (entries, g_strdup (archive_entry_pathname (entry)),
                           g_byte_array_free_to_bytes (content));
    }
  archive_read_free (zip);
  return entries;
}

static gint64
count (AcqStore *store, const char *sql)
{
  g_autofree char *text = test_query_text (store, sql);
  return g_ascii_strtoll (text, NULL, 10);
}

static void
test_everything_about_her (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) entries = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  GBytes *json, *pdf;
  JsonObject *root, *records, *sheet;
  JsonArray *sheets, *documents;
  g_autofree char *text = NULL;

  /* a sheet she deleted is still held until purged: it is exported, with its date */
  g_assert_true (acq_store_exec (f->store, "UPDATE sheet SET deleted_at = '2026-12-01T10:00:00Z'"
                                 " WHERE uuid = (SELECT uuid FROM sheet WHERE candidate_uuid = '"
                                 HELENE "' ORDER BY uuid LIMIT 1)", &error));
  g_assert_no_error (error);
  g_assert_true (acq_person_export_write (f->store, HELENE, f->output, NULL, &error));
  g_assert_no_error (error);
  entries = read_zip (f->output);

  g_assert_nonnull (g_hash_table_lookup (entries, "LISEZ-MOI.txt"));
  pdf = g_hash_table_lookup (entries, "dossier.pdf");
  g_assert_nonnull (pdf);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);

  json = g_hash_table_lookup (entries, "person.json");
  g_assert_nonnull (json);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (json, NULL),
                                             (gssize) g_bytes_get_size (json), &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "acquis-person-export");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, ACQ_PERSON_EXPORT_VERSION);
  g_assert_cmpstr (json_object_get_string_member (root, "dossier"), ==, "dossier.pdf");
  records = json_object_get_object_member (root, "records");

  /* her identity, every sheet of hers (the deleted one too) and what hangs from them */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (records, "candidate")),
                    ==, 1);
  sheets = json_object_get_array_member (records, "sheet");
  g_assert_cmpint (json_array_get_length (sheets), ==,
                   count (f->store, "SELECT count(*) FROM sheet WHERE candidate_uuid = '"
                          HELENE "'"));
  g_assert_cmpint (json_array_get_length (sheets), >, 1);
  sheet = json_array_get_object_element (sheets, 0);
  g_assert_cmpstr (json_object_get_string_member (sheet, "candidate_uuid"), ==, HELENE);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (records,
                                                                        "sheet_version")), ==,
                   count (f->store, "SELECT count(*) FROM sheet_version v JOIN sheet s"
                          " ON s.uuid = v.sheet_uuid WHERE s.candidate_uuid = '" HELENE "'"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (records, "comment")), ==,
                   count (f->store, "SELECT count(*) FROM comment c JOIN sheet s"
                          " ON s.uuid = c.sheet_uuid WHERE s.candidate_uuid = '" HELENE "'"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (records, "session")), ==,
                   count (f->store, "SELECT count(*) FROM session WHERE candidate_uuid = '"
                          HELENE "'"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (records,
                                                                        "parcours_event")), ==,
                   count (f->store, "SELECT count(*) FROM parcours_event WHERE"
                          " candidate_uuid = '" HELENE "'"));
  text = g_strndup (g_bytes_get_data (json, NULL), g_bytes_get_size (json));
  g_assert_nonnull (strstr (text, "\"deleted_at\" : \"2026-12-01T10:00:00Z\""));

  /* nobody else's records, and not the referential */
  g_assert_null (strstr (text, "Karim"));
  g_assert_false (json_object_has_member (records, "certification"));
  g_assert_false (json_object_has_member (records, "competence"));

  /* each document is in the ZIP under the name person.json gives */
  documents = json_object_get_array_member (root, "documents");
  g_assert_cmpint (json_array_get_length (documents), ==,
                   count (f->store, "SELECT count(*) FROM candidate_document WHERE"
                          " candidate_uuid = '" HELENE "'") +
                   count (f->store, "SELECT count(*) FROM attachment a JOIN sheet s"
                          " ON s.uuid = a.sheet_uuid WHERE s.candidate_uuid = '" HELENE "'"));
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);
      const char *file = json_object_get_string_member (document, "file");

      g_assert_true (g_str_has_prefix (file, "documents/"));
      g_assert_nonnull (g_hash_table_lookup (entries, file));
    }
  test_assert_output_alone (f->output);
}

static void
test_unknown_person (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (acq_person_export_write (f->store, "no-such-person", f->output, NULL, &error));
  g_assert_error (error, ACQ_PERSON_EXPORT_ERROR, ACQ_PERSON_EXPORT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->output, G_FILE_TEST_EXISTS));
}

static void
test_unwritable_place (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "export.zip", NULL);

  g_assert_false (acq_person_export_write (f->store, HELENE, path, NULL, &error));
  g_assert_error (error, ACQ_PERSON_EXPORT_ERROR, ACQ_PERSON_EXPORT_ERROR_WRITE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/person-export/everything-about-her", test_everything_about_her);
  ADD ("/person-export/unknown-person", test_unknown_person);
  ADD ("/person-export/unwritable-place", test_unwritable_place);
  return g_test_run ();
}

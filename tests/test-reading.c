/* test-reading.c — a candidate's reading style and the large-print outputs it sets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The outputs are read back with poppler: the size of the text that covers most of the
 * characters is the body's, so that a larger style shows as a larger size and as more pages,
 * and the official dossier shows neither.
 */
#include "config.h"

#include <poppler.h>
#include <sqlite3.h>

#include "acq-candidate-list.h"
#include "acq-demo.h"
#include "acq-dossier.h"
#include "acq-jury-prep.h"
#include "acq-livret-pdf.h"
#include "acq-reading-style.h"
#include "acq-store-private.h"
#include "test-util.h"

#define HELENE "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d01"
#define SOPHIE "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d03"

/* --- The style in the store ----------------------------------------------------------- */

/* 17 -> 18: a candidate of a version-17 file keeps her row and has no reading style; one
 * saved then reads back, clamped, and removed, leaves none. */
static void
test_migrate_from_v17 (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, ACQ_STORE_FILE_NAME, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqReadingStyle) none = NULL;
  g_autoptr (AcqReadingStyle) wanted = acq_reading_style_new ("OpenDyslexic", 30, 1.8);
  g_autoptr (AcqReadingStyle) read = NULL;
  g_autofree char *accommodations = NULL;
  sqlite3 *db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (_acq_store_migrate_db (db, 17, &error));
  g_assert_true (_acq_store_exec_db (
    db, "INSERT INTO candidate (uuid, first_name, accommodations, created_at, updated_at,"
        " last_activity_at) VALUES ('k1', 'Sophie', 'Luciole 14, interligne 1,5', 'now', 'now',"
        " 'now')", &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acq_store_get_schema_version (store), ==, acq_store_get_latest_version ());
  accommodations = test_query_text (store, "SELECT accommodations FROM candidate "
                                           "WHERE uuid = 'k1'");
  g_assert_cmpstr (accommodations, ==, "Luciole 14, interligne 1,5");
  none = acq_reading_style_load (store, "k1", &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (acq_reading_style_save (store, "k1", wanted, &error));
  g_assert_no_error (error);
  read = acq_reading_style_load (store, "k1", &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpstr (read->family, ==, "OpenDyslexic");
  g_assert_cmpfloat_with_epsilon (read->size, ACQ_READING_SIZE_MAX, 1e-9);
  g_assert_cmpfloat_with_epsilon (read->spacing, 1.8, 1e-9);
  g_clear_pointer (&read, acq_reading_style_free);

  g_assert_true (acq_reading_style_save (store, "k1", NULL, &error));
  g_assert_no_error (error);
  read = acq_reading_style_load (store, "k1", &error);
  g_assert_no_error (error);
  g_assert_null (read);
  g_clear_object (&store);
  test_remove_tree (dir);
}

/* A family that is not installed prints in the fallback sans, never an error; the offered
 * families are the installed ones, never none. */
static void
test_families (void)
{
  g_auto (GStrv) families = acq_reading_style_list_families ();
  g_autofree char *missing = acq_reading_style_resolve_family ("No Such Family For Acquis");
  g_autofree char *empty = acq_reading_style_resolve_family ("");

  g_assert_cmpstr (missing, ==, ACQ_READING_FALLBACK_FAMILY);
  g_assert_cmpuint (g_strv_length (families), >=, 1);
  for (guint i = 0; families[i] != NULL; i++)
    {
      g_autofree char *resolved = acq_reading_style_resolve_family (families[i]);
      g_assert_cmpstr (resolved, ==, families[i]);
    }
  /* fonts-dejavu-core is a dependency of the dossier */
  g_assert_cmpstr (empty, ==, ACQ_READING_DEFAULT_FAMILY);
  g_assert_cmpstr (families[0], ==, ACQ_READING_DEFAULT_FAMILY);
}

/* --- The outputs ------------------------------------------------------------------------- */

typedef struct
{
  char             *dir;
  char             *out; /* the outputs, alone in their folder */
  AcqStore         *store;
  AcqCandidateList *candidates;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->store = test_store_open (&f->dir);
  f->candidates = test_candidate_list_new (f->store);
  g_assert_true (acq_demo_populate (f->candidates, &error));
  g_assert_no_error (error);
  f->out = g_build_filename (f->dir, "out", NULL);
  g_assert_cmpint (g_mkdir (f->out, 0700), ==, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->candidates);
  g_free (f->out);
  test_store_close (&f->store, &f->dir);
}

typedef struct
{
  int    pages;
  double body_size;  /* the size covering most characters */
  char  *body_font;  /* its font's name, as the PDF says it */
} PdfLook;

static void
pdf_look_clear (PdfLook *look)
{
  g_free (look->body_font);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PdfLook, pdf_look_clear)

static void
pdf_look (const char *path, PdfLook *look)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  /* poppler-glib 22.02 (Debian 12) has no autoptr */
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  g_autoptr (GHashTable) by_size = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint best = 0;

  g_assert_no_error (error);
  look->pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < look->pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      GList *attributes = poppler_page_get_text_attributes (page);

      for (GList *l = attributes; l != NULL; l = l->next)
        {
          PopplerTextAttributes *a = l->data;
          char *run = g_strdup_printf ("%.1f|%s", a->font_size, a->font_name);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (by_size, run));

          g_hash_table_replace (by_size, run,
                                GUINT_TO_POINTER (count + a->end_index - a->start_index + 1));
        }
      poppler_page_free_text_attributes (attributes);
      g_object_unref (page);
    }
  g_object_unref (doc);
  g_hash_table_iter_init (&iter, by_size);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best)
      {
        g_auto (GStrv) parts = g_strsplit (key, "|", 2);

        best = GPOINTER_TO_UINT (value);
        look->body_size = g_ascii_strtod (parts[0], NULL);
        g_free (look->body_font);
        look->body_font = g_strdup (parts[1]);
      }
  g_assert_cmpuint (best, >, 0);
}

static char *
pdf_page_text (const char *path, int index)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  PopplerPage *page;
  char *text;

  g_assert_no_error (error);
  page = poppler_document_get_page (doc, index);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (doc);
  return text;
}

/* "DejaVu Sans" is embedded as "ABCDEF+DejaVuSans": the family without its spaces. */
static void
assert_font_is (const char *font_name, const char *family)
{
  g_autofree char *squeezed = g_strdup (family);
  g_autofree char *folded_font = g_ascii_strdown (font_name, -1);
  g_autofree char *folded_family = NULL;
  char *out = squeezed;

  for (const char *in = family; *in != '\0'; in++)
    if (*in != ' ')
      *out++ = *in;
  *out = '\0';
  folded_family = g_ascii_strdown (squeezed, -1);
  g_assert_nonnull (strstr (folded_font, folded_family));
}

static void
set_style (Fixture *f, const char *uuid, const AcqReadingStyle *style)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (acq_reading_style_save (f->store, uuid, style, &error));
  g_assert_no_error (error);
}

/* The demo's Sophie asks for 14 points spaced 1.5: her fiche is set so; at 20 points spaced 2
 * it takes more pages than without a style, whose body stays at the dossier's 10 points. */
static void
test_fiche (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *plain_path = g_build_filename (f->out, "plain.pdf", NULL);
  g_autofree char *demo_path = g_build_filename (f->out, "demo.pdf", NULL);
  g_autofree char *large_path = g_build_filename (f->out, "large.pdf", NULL);
  g_autoptr (AcqReadingStyle) large = acq_reading_style_new (NULL, 20, 2.0);
  g_auto (PdfLook) plain = { 0 };
  g_auto (PdfLook) demo = { 0 };
  g_auto (PdfLook) big = { 0 };

  g_assert_true (acq_jury_prep_write (f->store, SOPHIE, demo_path, FALSE, &error));
  g_assert_no_error (error);
  test_assert_output_alone (demo_path);
  pdf_look (demo_path, &demo);
  g_assert_cmpfloat_with_epsilon (demo.body_size, 14, 0.05);
  assert_font_is (demo.body_font, ACQ_READING_DEFAULT_FAMILY);

  set_style (f, SOPHIE, NULL);
  g_assert_true (acq_jury_prep_write (f->store, SOPHIE, plain_path, FALSE, &error));
  g_assert_no_error (error);
  set_style (f, SOPHIE, large);
  g_assert_true (acq_jury_prep_write (f->store, SOPHIE, large_path, FALSE, &error));
  g_assert_no_error (error);
  pdf_look (plain_path, &plain);
  pdf_look (large_path, &big);
  g_assert_cmpfloat_with_epsilon (plain.body_size, 10, 0.05);
  g_assert_cmpfloat_with_epsilon (big.body_size, 20, 0.05);
  g_assert_cmpint (big.pages, >, demo.pages);
  g_assert_cmpint (demo.pages, >, plain.pages);
}

/* The livret de suivi follows the candidate's style, in the family chosen when it is
 * installed and in the fallback sans when not. */
static void
test_livret (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *plain_path = g_build_filename (f->out, "plain.pdf", NULL);
  g_autofree char *large_path = g_build_filename (f->out, "large.pdf", NULL);
  g_autofree char *missing_path = g_build_filename (f->out, "missing.pdf", NULL);
  g_autoptr (AcqReadingStyle) dyslexic = acq_reading_style_new ("OpenDyslexic", 18, 1.8);
  g_autoptr (AcqReadingStyle) missing = acq_reading_style_new ("No Such Family", 18, 1.8);
  g_autofree char *family = acq_reading_style_resolve_family ("OpenDyslexic");
  g_auto (PdfLook) plain = { 0 };
  g_auto (PdfLook) large = { 0 };
  g_auto (PdfLook) fallback = { 0 };

  g_assert_true (acq_livret_pdf_write (f->store, HELENE, plain_path, NULL, &error));
  g_assert_no_error (error);
  set_style (f, HELENE, dyslexic);
  g_assert_true (acq_livret_pdf_write (f->store, HELENE, large_path, NULL, &error));
  g_assert_no_error (error);
  set_style (f, HELENE, missing);
  g_assert_true (acq_livret_pdf_write (f->store, HELENE, missing_path, NULL, &error));
  g_assert_no_error (error);
  pdf_look (plain_path, &plain);
  pdf_look (large_path, &large);
  pdf_look (missing_path, &fallback);
  g_assert_cmpfloat_with_epsilon (plain.body_size, 10, 0.05);
  g_assert_cmpfloat_with_epsilon (large.body_size, 18, 0.05);
  g_assert_cmpfloat_with_epsilon (fallback.body_size, 18, 0.05);
  g_assert_cmpint (large.pages, >, plain.pages);
  g_assert_cmpint (fallback.pages, >, plain.pages);
  if (g_strcmp0 (family, ACQ_READING_FALLBACK_FAMILY) != 0)
    assert_font_is (large.body_font, "OpenDyslexic");
  else
    g_test_message ("fonts-opendyslexic is not installed: its family was not checked");
}

/* The reading copy is the draft in the candidate's style; the draft and the official dossier
 * keep the model's layout whatever the style. */
static void
test_dossier (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *draft_path = g_build_filename (f->out, "draft.pdf", NULL);
  g_autofree char *plain_path = g_build_filename (f->out, "plain.pdf", NULL);
  g_autofree char *reading_path = g_build_filename (f->out, "reading.pdf", NULL);
  g_autofree char *default_path = g_build_filename (f->out, "default.pdf", NULL);
  g_autoptr (AcqReadingStyle) large = acq_reading_style_new (NULL, 16, 1.6);
  g_auto (PdfLook) draft = { 0 };
  g_auto (PdfLook) plain = { 0 };
  g_auto (PdfLook) reading = { 0 };
  g_auto (PdfLook) by_default = { 0 };
  g_autofree char *cover = NULL;

  set_style (f, SOPHIE, large);
  g_assert_true (acq_dossier_write (f->store, SOPHIE, draft_path, ACQ_DOSSIER_MODE_DRAFT, NULL,
                                    NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (acq_dossier_write (f->store, SOPHIE, reading_path, ACQ_DOSSIER_MODE_READING,
                                    NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  set_style (f, SOPHIE, NULL);
  g_assert_true (acq_dossier_write (f->store, SOPHIE, plain_path, ACQ_DOSSIER_MODE_DRAFT, NULL,
                                    NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (acq_dossier_write (f->store, SOPHIE, default_path, ACQ_DOSSIER_MODE_READING,
                                    NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  pdf_look (draft_path, &draft);
  pdf_look (plain_path, &plain);
  pdf_look (reading_path, &reading);
  pdf_look (default_path, &by_default);
  /* the dossier to hand in is not touched by the style */
  g_assert_cmpint (draft.pages, ==, plain.pages);
  g_assert_cmpfloat_with_epsilon (draft.body_size, plain.body_size, 0.05);
  g_assert_cmpstr (draft.body_font, ==, plain.body_font);
  g_assert_cmpfloat_with_epsilon (plain.body_size, 10, 0.05);
  /* the reading copy is, and says so on its cover */
  g_assert_cmpfloat_with_epsilon (reading.body_size, 16, 0.05);
  g_assert_cmpint (reading.pages, >, plain.pages);
  cover = pdf_page_text (reading_path, 0);
  g_assert_nonnull (strstr (cover, "Copie de lecture du "));
  /* and without a style of hers, it is the default large print */
  g_assert_cmpfloat_with_epsilon (by_default.body_size, ACQ_READING_DEFAULT_SIZE, 0.05);
  g_assert_cmpint (by_default.pages, >=, plain.pages);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reading/migrate/from-v17", test_migrate_from_v17);
  g_test_add_func ("/reading/families/fall-back-to-sans", test_families);
  g_test_add ("/reading/fiche/grows-with-the-style", Fixture, NULL, fixture_set_up, test_fiche,
              fixture_tear_down);
  g_test_add ("/reading/livret/grows-with-the-style", Fixture, NULL, fixture_set_up,
              test_livret, fixture_tear_down);
  g_test_add ("/reading/dossier/reading-copy-only", Fixture, NULL, fixture_set_up, test_dossier,
              fixture_tear_down);
  return g_test_run ();
}

/* test-exchange-folder.c — the watched exchange folder: settled files reported once, ours never
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acq-exchange-folder.h"
#include "test-util.h"

#define SETTLE_MS 300

typedef struct
{
  char              *data_dir;
  char              *folder;
  AcqExchangeFolder *watcher;
  GPtrArray         *ready;    /* of paths */
  gint64             ready_at; /* monotonic time of the last report */
} Fixture;

static void
on_file_ready_cb (AcqExchangeFolder *watcher, const char *path, Fixture *fixture)
{
  g_ptr_array_add (fixture->ready, g_strdup (path));
  fixture->ready_at = g_get_monotonic_time ();
}

static void
start_watcher (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&fixture->watcher);
  fixture->watcher = acq_exchange_folder_new (fixture->folder, fixture->data_dir);
  acq_exchange_folder_set_settle_delay (fixture->watcher, SETTLE_MS);
  g_signal_connect (fixture->watcher, "file-ready", G_CALLBACK (on_file_ready_cb), fixture);
  g_assert_true (acq_exchange_folder_start (fixture->watcher, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  fixture->data_dir = test_make_data_dir ();
  fixture->folder = g_build_filename (fixture->data_dir, "Nextcloud", NULL);
  g_assert_cmpint (g_mkdir (fixture->folder, 0700), ==, 0);
  fixture->ready = g_ptr_array_new_with_free_func (g_free);
  start_watcher (fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->watcher);
  g_ptr_array_unref (fixture->ready);
  test_remove_tree (fixture->data_dir);
  g_free (fixture->folder);
  g_free (fixture->data_dir);
}

/* Runs the main loop for @ms milliseconds: the monitor's events and the timers come in. */
static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (5 * G_TIME_SPAN_MILLISECOND);
    }
}

static char *
write_file (const char *folder, const char *name, const char *contents)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_piecewise_reported_once (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path =
    g_build_filename (fixture->folder, "Hélène Dubois – Coach – 2026-11-27.acquis", NULL);
  FILE *file = fopen (path, "wb");
  gint64 last_write;

  g_assert_nonnull (file);
  /* a sync client writing the file in pieces, each sooner than the settle delay */
  for (int i = 0; i < 6; i++)
    {
      g_assert_cmpint (fputs ("ACQUIS-PIECE-0123456789", file), >=, 0);
      g_assert_cmpint (fflush (file), ==, 0);
      spin (SETTLE_MS / 3);
      g_assert_cmpuint (fixture->ready->len, ==, 0);
    }
  last_write = g_get_monotonic_time ();
  g_assert_cmpint (fclose (file), ==, 0);
  spin (SETTLE_MS * 4);

  g_assert_cmpuint (fixture->ready->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->ready, 0), ==, path);
  g_assert_cmpint (fixture->ready_at - last_write, >=, SETTLE_MS * G_TIME_SPAN_MILLISECOND);
}

static void
test_ours_ignored (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) date = g_date_time_new_utc (2026, 11, 27, 10, 0, 0);
  g_autofree char *name = acq_exchange_folder_outgoing_name ("Hélène Dubois", "Candidate", date);
  g_autofree char *temp = acq_exchange_folder_temp_path (fixture->watcher, name);
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (g_file_set_contents (temp, "ACQUIS-OURS", -1, &error));
  g_assert_no_error (error);
  spin (SETTLE_MS * 2);
  g_assert_cmpuint (fixture->ready->len, ==, 0); /* the partial file is hidden */

  path = acq_exchange_folder_publish (fixture->watcher, temp, name, &error);
  g_assert_no_error (error);
  expected = g_build_filename (fixture->folder, "Hélène Dubois – Candidate – 2026-11-27.acquis",
                               NULL);
  g_assert_cmpstr (path, ==, expected);
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));
  spin (SETTLE_MS * 3);
  g_assert_cmpuint (fixture->ready->len, ==, 0);

  /* nor after a restart */
  start_watcher (fixture);
  spin (SETTLE_MS * 3);
  g_assert_cmpuint (fixture->ready->len, ==, 0);
}

static void
test_handled_not_again (Fixture *fixture, gconstpointer data)
{
  g_autofree char *handled = write_file (fixture->folder, "a.acquis", "ACQUIS-A");
  g_autofree char *unhandled = NULL;

  spin (SETTLE_MS * 3);
  g_assert_cmpuint (fixture->ready->len, ==, 1);
  acq_exchange_folder_mark_handled (fixture->watcher, handled);

  /* the other file is still reported */
  unhandled = write_file (fixture->folder, "b.acquis", "ACQUIS-B");
  spin (SETTLE_MS * 3);
  g_assert_cmpuint (fixture->ready->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->ready, 1), ==, unhandled);

  /* at the next start, only the file that was not dealt with comes again */
  g_ptr_array_set_size (fixture->ready, 0);
  start_watcher (fixture);
  spin (SETTLE_MS * 3);
  g_assert_cmpuint (fixture->ready->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->ready, 0), ==, unhandled);

  /* a new version under the same name is a new file */
  g_ptr_array_set_size (fixture->ready, 0);
  g_clear_pointer (&handled, g_free);
  handled = write_file (fixture->folder, "a.acquis", "ACQUIS-A, sent again with more");
  spin (SETTLE_MS * 3);
  g_assert_cmpuint (fixture->ready->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->ready, 0), ==, handled);
}

/* Syncthing and Nextcloud write a hidden file, then rename it into place. */
static void
test_renamed_into_place (Fixture *fixture, gconstpointer data)
{
  g_autofree char *hidden = write_file (fixture->folder, ".syncthing.dossier.acquis.tmp",
                                        "ACQUIS-FROM-THE-OTHER-SIDE");
  g_autofree char *path = g_build_filename (fixture->folder, "dossier.acquis", NULL);

  spin (SETTLE_MS * 2);
  g_assert_cmpuint (fixture->ready->len, ==, 0);
  g_assert_cmpint (g_rename (hidden, path), ==, 0);
  spin (SETTLE_MS * 3);
  g_assert_cmpuint (fixture->ready->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->ready, 0), ==, path);
}

static void
test_other_files_ignored (Fixture *fixture, gconstpointer data)
{
  g_autofree char *hidden = write_file (fixture->folder, ".sync-1234.acquis", "ACQUIS");
  g_autofree char *text = write_file (fixture->folder, "notes.txt", "not a dossier");
  g_autofree char *bare = write_file (fixture->folder, ".acquis", "ACQUIS");
  g_autofree char *sub = g_build_filename (fixture->folder, "folder.acquis", NULL);

  g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
  spin (SETTLE_MS * 3);
  g_assert_cmpuint (fixture->ready->len, ==, 0);
}

/* A named pipe (or a link to one) is never reported: reading it would wait forever. */
static void
test_pipe_ignored (Fixture *fixture, gconstpointer data)
{
  g_autofree char *pipe = g_build_filename (fixture->folder, "dossier.acquis", NULL);
  g_autofree char *link = g_build_filename (fixture->folder, "lien.acquis", NULL);
  g_autofree char *real = write_file (fixture->folder, "vrai.acquis", "ACQUIS");

  alarm (10);
  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  g_assert_cmpint (symlink (pipe, link), ==, 0);
  spin (SETTLE_MS * 3);
  g_assert_cmpuint (fixture->ready->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->ready, 0), ==, real);
  alarm (0);
}

static void
test_present_at_start (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = NULL;

  g_clear_object (&fixture->watcher);
  path = write_file (fixture->folder, "came while closed.acquis", "ACQUIS");
  start_watcher (fixture);
  g_assert_cmpuint (fixture->ready->len, ==, 0); /* not before it has settled */
  spin (SETTLE_MS * 3);
  g_assert_cmpuint (fixture->ready->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->ready, 0), ==, path);
}

static void
test_missing_folder (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data_dir = test_make_data_dir ();
  g_autofree char *missing = g_build_filename (data_dir, "gone", NULL);
  g_autoptr (AcqExchangeFolder) watcher = acq_exchange_folder_new (missing, data_dir);

  g_assert_false (acq_exchange_folder_start (watcher, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  test_remove_tree (data_dir);
}

static void
test_outgoing_name (void)
{
  g_autoptr (GDateTime) date = g_date_time_new_utc (2027, 1, 5, 23, 0, 0);
  g_autofree char *plain = acq_exchange_folder_outgoing_name ("Léa N'Diaye", "Coach", date);
  g_autofree char *odd = acq_exchange_folder_outgoing_name ("..A/B: C?", "Candidate", date);

  g_assert_cmpstr (plain, ==, "Léa N'Diaye – Coach – 2027-01-05.acquis");
  g_assert_cmpstr (odd, ==, "A_B_ C_ – Candidate – 2027-01-05.acquis");
}

/* A 300-character accented name: the file name (and the hidden name it is written under
 * first) fits in 255 bytes, cut between two characters, and still ends as it should. */
static void
test_outgoing_name_long (void)
{
  g_autoptr (GDateTime) date = g_date_time_new_utc (2027, 1, 5, 23, 0, 0);
  g_autoptr (GString) long_name = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autofree char *hidden = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (long_name, "éÉè");
  g_assert_cmpuint (g_utf8_strlen (long_name->str, -1), ==, 300);
  name = acq_exchange_folder_outgoing_name (long_name->str, "Candidate", date);
  hidden = g_strdup_printf (".%s.part", name);
  g_assert_cmpuint (strlen (name), <=, 255);
  g_assert_cmpuint (strlen (hidden), <=, 255);
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_true (g_str_has_suffix (name, "é – Candidate – 2027-01-05.acquis") ||
                 g_str_has_suffix (name, "É – Candidate – 2027-01-05.acquis") ||
                 g_str_has_suffix (name, "è – Candidate – 2027-01-05.acquis"));
  g_assert_true (g_str_has_prefix (name, "éÉè"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/exchange/folder/piecewise-reported-once", Fixture, NULL, fixture_set_up,
              test_piecewise_reported_once, fixture_tear_down);
  g_test_add ("/exchange/folder/ours-ignored", Fixture, NULL, fixture_set_up, test_ours_ignored,
              fixture_tear_down);
  g_test_add ("/exchange/folder/handled-not-again", Fixture, NULL, fixture_set_up,
              test_handled_not_again, fixture_tear_down);
  g_test_add ("/exchange/folder/renamed-into-place", Fixture, NULL, fixture_set_up,
              test_renamed_into_place, fixture_tear_down);
  g_test_add ("/exchange/folder/other-files-ignored", Fixture, NULL, fixture_set_up,
              test_other_files_ignored, fixture_tear_down);
  g_test_add ("/exchange/folder/pipe-ignored", Fixture, NULL, fixture_set_up, test_pipe_ignored,
              fixture_tear_down);
  g_test_add ("/exchange/folder/present-at-start", Fixture, NULL, fixture_set_up,
              test_present_at_start, fixture_tear_down);
  g_test_add_func ("/exchange/folder/missing-folder", test_missing_folder);
  g_test_add_func ("/exchange/folder/outgoing-name", test_outgoing_name);
  g_test_add_func ("/exchange/folder/outgoing-name-long", test_outgoing_name_long);
  return g_test_run ();
}

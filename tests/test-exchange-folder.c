/* test-exchange-folder.c — the watched exchange folder: settled files reported once, ours never
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acq-exchange-folder-private.h"
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
on_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* Turns the main loop until an asynchronous call has answered. */
static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

  while (*slot == NULL && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (*slot);
  return *slot;
}

static AcqExchangeFolder *
new_watcher (Fixture *fixture)
{
  AcqExchangeFolder *watcher = acq_exchange_folder_new (fixture->folder, fixture->data_dir);

  acq_exchange_folder_set_settle_delay (watcher, SETTLE_MS);
  g_signal_connect (watcher, "file-ready", G_CALLBACK (on_file_ready_cb), fixture);
  return watcher;
}

static void
start_watcher (Fixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;

  g_clear_object (&fixture->watcher);
  fixture->watcher = new_watcher (fixture);
  acq_exchange_folder_start_async (fixture->watcher, NULL, on_done_cb, &result);
  g_assert_true (acq_exchange_folder_start_finish (fixture->watcher, wait_result (&result),
                                                   &error));
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
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (g_file_set_contents (temp, "ACQUIS-OURS", -1, &error));
  g_assert_no_error (error);
  spin (SETTLE_MS * 2);
  g_assert_cmpuint (fixture->ready->len, ==, 0); /* the partial file is hidden */

  acq_exchange_folder_publish_async (fixture->watcher, temp, name, NULL, on_done_cb, &result);
  path = acq_exchange_folder_publish_finish (fixture->watcher, wait_result (&result), &error);
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

/* A folder that stops answering (a dead network mount), played by a gate that every file call
 * of the watcher passes: while it is closed, a worker that reaches it waits there. A call made
 * from the main thread is counted and let through, so that the old way fails the test instead
 * of hanging it. */
typedef struct
{
  GMutex   lock;
  GCond    cond;
  GThread *main_thread;
  gboolean closed;
  char    *hold_at; /* the operation held, or NULL for all */
  guint    waiting; /* workers held at the gate now */
  guint    calls;
  guint    on_main; /* calls made from the main thread: each would freeze the window */
} Gate;

static Gate gate;

static void
gate_io_hook (const char *operation, GFile *file, gpointer user_data)
{
  g_mutex_lock (&gate.lock);
  gate.calls++;
  if (g_thread_self () == gate.main_thread)
    gate.on_main++;
  else if (gate.hold_at == NULL || g_strcmp0 (operation, gate.hold_at) == 0)
    {
      gate.waiting++;
      while (gate.closed)
        g_cond_wait (&gate.cond, &gate.lock);
      gate.waiting--;
    }
  g_mutex_unlock (&gate.lock);
}

static void
gate_set_closed_at (gboolean closed, const char *operation)
{
  g_mutex_lock (&gate.lock);
  gate.closed = closed;
  g_free (gate.hold_at);
  gate.hold_at = g_strdup (operation);
  g_cond_broadcast (&gate.cond);
  g_mutex_unlock (&gate.lock);
}

static void
gate_set_closed (gboolean closed)
{
  gate_set_closed_at (closed, NULL);
}

static guint
gate_get (guint *counter)
{
  guint value;

  g_mutex_lock (&gate.lock);
  value = *counter;
  g_mutex_unlock (&gate.lock);
  return value;
}

static void
gate_set_up (Fixture *fixture, gconstpointer data)
{
  fixture_set_up (fixture, data);
  gate.main_thread = g_thread_self ();
  gate.calls = gate.on_main = 0;
  gate_set_closed (FALSE);
  _acq_exchange_folder_set_io_hook (gate_io_hook, NULL);
}

static void
gate_tear_down (Fixture *fixture, gconstpointer data)
{
  gate_set_closed (FALSE);
  _acq_exchange_folder_set_io_hook (NULL, NULL);
  fixture_tear_down (fixture, data);
}

static gboolean
on_tick_cb (gpointer data)
{
  guint *ticks = data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

/* Waits for a worker to be held at the gate, then checks that the main loop keeps turning
 * while it is: a 10 ms timer fires again and again, as the window would redraw. */
static void
assert_held_and_turning (void)
{
  gint64 end = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
  guint ticks = 0;
  guint source;

  while (gate_get (&gate.waiting) == 0 && g_get_monotonic_time () < end)
    spin (10);
  g_assert_cmpuint (gate_get (&gate.on_main), ==, 0);
  g_assert_cmpuint (gate_get (&gate.waiting), >, 0);

  source = g_timeout_add (10, on_tick_cb, &ticks);
  spin (SETTLE_MS);
  g_source_remove (source);
  g_assert_cmpuint (ticks, >=, SETTLE_MS / 10 / 4);
  g_assert_cmpuint (gate_get (&gate.waiting), >, 0); /* still held all along */
}

static gboolean
ready_has (Fixture *fixture, const char *path)
{
  for (guint i = 0; i < fixture->ready->len; i++)
    if (g_strcmp0 (g_ptr_array_index (fixture->ready, i), path) == 0)
      return TRUE;
  return FALSE;
}

/* The folder does not answer when the window starts watching it (held once the monitor is made,
 * while the folder is listed): the window goes on, and what was there, and what came meanwhile,
 * is reported once the folder answers. */
static void
test_slow_start_never_blocks (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *before = NULL;
  g_autofree char *meanwhile = NULL;

  g_clear_object (&fixture->watcher);
  before = write_file (fixture->folder, "came while closed.acquis", "ACQUIS-BEFORE");
  gate_set_closed_at (TRUE, "list");
  fixture->watcher = new_watcher (fixture);
  acq_exchange_folder_start_async (fixture->watcher, NULL, on_done_cb, &result);
  assert_held_and_turning ();
  meanwhile = write_file (fixture->folder, "came while starting.acquis", "ACQUIS-MEANWHILE");
  spin (SETTLE_MS);
  g_assert_null (result);
  g_assert_cmpuint (fixture->ready->len, ==, 0);

  gate_set_closed (FALSE);
  g_assert_true (acq_exchange_folder_start_finish (fixture->watcher, wait_result (&result),
                                                   &error));
  g_assert_no_error (error);
  spin (SETTLE_MS * 4);
  g_assert_cmpuint (fixture->ready->len, ==, 2);
  g_assert_true (ready_has (fixture, before));
  g_assert_true (ready_has (fixture, meanwhile));
  g_assert_cmpuint (gate_get (&gate.on_main), ==, 0);
  g_assert_cmpuint (gate_get (&gate.calls), >, 0);
}

/* The folder stops answering while a file is being looked at: the same. */
static void
test_slow_stat_never_blocks (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = NULL;

  gate_set_closed (TRUE);
  path = write_file (fixture->folder, "dossier.acquis", "ACQUIS");
  assert_held_and_turning ();
  g_assert_cmpuint (fixture->ready->len, ==, 0);

  gate_set_closed (FALSE);
  spin (SETTLE_MS * 4);
  g_assert_cmpuint (fixture->ready->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->ready, 0), ==, path);
  g_assert_cmpuint (gate_get (&gate.on_main), ==, 0);
}

/* Sending into a folder that does not answer: the window goes on, and the file, once there, is
 * still known as ours. */
static void
test_slow_publish_never_blocks (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autofree char *temp = acq_exchange_folder_temp_path (fixture->watcher, "ours.acquis");
  g_autofree char *expected = g_build_filename (fixture->folder, "ours.acquis", NULL);
  g_autofree char *path = NULL;

  g_assert_true (g_file_set_contents (temp, "ACQUIS-OURS", -1, &error));
  g_assert_no_error (error);
  gate_set_closed (TRUE);
  acq_exchange_folder_publish_async (fixture->watcher, temp, "ours.acquis", NULL, on_done_cb,
                                     &result);
  assert_held_and_turning ();
  g_assert_null (result);

  gate_set_closed (FALSE);
  path = acq_exchange_folder_publish_finish (fixture->watcher, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (path, ==, expected);
  spin (SETTLE_MS * 4);
  g_assert_cmpuint (fixture->ready->len, ==, 0);
  g_assert_cmpuint (gate_get (&gate.on_main), ==, 0);
}

/* The window lets go of a watcher whose folder does not answer (another folder was chosen):
 * it is gone at once, and says nothing when the folder answers at last. */
static void
test_dropped_while_held (Fixture *fixture, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  AcqExchangeFolder *watcher;

  /* while it starts */
  g_clear_object (&fixture->watcher);
  g_free (write_file (fixture->folder, "first.acquis", "ACQUIS-1"));
  gate_set_closed (TRUE);
  watcher = new_watcher (fixture);
  g_object_add_weak_pointer (G_OBJECT (watcher), (gpointer *) &watcher);
  acq_exchange_folder_start_async (watcher, cancellable, on_done_cb, &result);
  assert_held_and_turning ();
  g_cancellable_cancel (cancellable);
  g_assert_false (acq_exchange_folder_start_finish (watcher, wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result); /* it holds the watcher */
  g_object_unref (watcher);
  g_assert_null (watcher);
  gate_set_closed (FALSE);
  spin (SETTLE_MS * 3);
  g_assert_cmpuint (fixture->ready->len, ==, 0);

  /* while it looks at a new file */
  start_watcher (fixture);
  spin (SETTLE_MS * 3);
  g_assert_cmpuint (fixture->ready->len, ==, 1);
  gate_set_closed (TRUE);
  g_free (write_file (fixture->folder, "second.acquis", "ACQUIS-2"));
  assert_held_and_turning ();
  watcher = g_steal_pointer (&fixture->watcher);
  g_object_add_weak_pointer (G_OBJECT (watcher), (gpointer *) &watcher);
  g_object_unref (watcher);
  g_assert_null (watcher);
  gate_set_closed (FALSE);
  spin (SETTLE_MS * 3);
  g_assert_cmpuint (fixture->ready->len, ==, 1);
  g_assert_cmpuint (gate_get (&gate.on_main), ==, 0);
}

static void
test_missing_folder (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *data_dir = test_make_data_dir ();
  g_autofree char *missing = g_build_filename (data_dir, "gone", NULL);
  g_autoptr (AcqExchangeFolder) watcher = acq_exchange_folder_new (missing, data_dir);
  g_autoptr (GAsyncResult) result = NULL;

  acq_exchange_folder_start_async (watcher, NULL, on_done_cb, &result);
  g_assert_false (acq_exchange_folder_start_finish (watcher, wait_result (&result), &error));
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
  g_test_add ("/exchange/folder/slow-start-never-blocks", Fixture, NULL, gate_set_up,
              test_slow_start_never_blocks, gate_tear_down);
  g_test_add ("/exchange/folder/slow-stat-never-blocks", Fixture, NULL, gate_set_up,
              test_slow_stat_never_blocks, gate_tear_down);
  g_test_add ("/exchange/folder/slow-publish-never-blocks", Fixture, NULL, gate_set_up,
              test_slow_publish_never_blocks, gate_tear_down);
  g_test_add ("/exchange/folder/dropped-while-held", Fixture, NULL, gate_set_up,
              test_dropped_while_held, gate_tear_down);
  g_test_add_func ("/exchange/folder/missing-folder", test_missing_folder);
  g_test_add_func ("/exchange/folder/outgoing-name", test_outgoing_name);
  g_test_add_func ("/exchange/folder/outgoing-name-long", test_outgoing_name_long);
  return g_test_run ();
}

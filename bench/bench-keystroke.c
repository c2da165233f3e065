/* bench-keystroke.c — the main thread's time for each key typed in a three-page sheet, with
 * autosave on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-keystroke"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>

#include "bench-stats.h"
#include "acq-candidate-list.h"
#include "acq-dp-layout.h"
#include "acq-rubric-view.h"
#include "acq-sheet-editor.h"
#include "acq-sheet-list.h"
#include "bench-text.h"

/* A key is typed as GTK types it: gtk_text_buffer_insert_interactive_at_cursor () on the
 * focused view (the GtkTextView of the AcqRubricView of rubric 1), in the middle of its text.
 * Its time is the main thread's work from the insertion until the main loop is idle again *and*
 * the frame that shows the key is drawn: GTK lays out and paints on the frame clock, up to a
 * frame interval after the change, so a loop merely run until idle would leave the frame, the
 * costly part, out of the key (or give it to the next one). Time the loop spends blocked in
 * poll (), waiting for the frame or a timer, is not work and is taken out.
 *
 * Keys go in bursts of KEYS_PER_BURST, each as soon as the frame of the previous one is drawn,
 * then a pause of PAUSE_MS of wall time. Someone typing at 8 keys a second leaves 125 ms
 * between keys, in which nothing but the key's own work runs; the bench leaves that idle time
 * out and keeps the pauses, where autosave (after ACQ_AUTOSAVE_PAUSE_MS, 400 ms) and the page
 * estimate (600 ms) fire, as between a writer's sentences: 50 saves in about a minute. What
 * runs in a pause (the save, the estimate, the frames they cause, the cursor blinking) counts
 * for the last key of its burst, the worst case; keystroke_pause_longest_iteration is what a
 * key pressed during the pause would wait before its own work.
 *
 * Spell checking is on, as in the app: it marks each change on the key and checks in the
 * pauses (after ACQ_SPELL_PAUSE_MS, 500 ms); --no-spell turns it off, so that its cost is the
 * difference of two runs. */

#define N_KEYS 2000
#define KEYS_PER_BURST 40
#define PAUSE_MS 700
#define FRAME_WAIT_MS 100
#define WINDOW_WIDTH 1100
#define WINDOW_HEIGHT 720
/* About three pages of the dossier: rubric 1 holds the most, rubric 5 the least. */
#define SHEET_WORDS 1550
static const guint rubric_shares[ACQ_N_RUBRICS] = { 40, 20, 15, 15, 10 };

typedef struct
{
  GPollFunc    default_poll;
  gint64       blocked_us;  /* in poll () with a timeout, since the counter was reset */
  guint        n_frames;    /* after-paint of the window's frame clock */
  gint64       phase_start; /* when the current phase of the frame began */
  gint64       layout_us;   /* in the layout phases of frames, since the counter was reset */
  gint64       paint_us;    /* in the paint phases (snapshot and render) */
  double       longest_ms;  /* the longest loop iteration, since it was reset */
  guint        n_saves;     /* items-changed of the sheet list: a save that wrote */
  gboolean     woken;
} Bench;

static Bench bench;

typedef struct
{
  GArray *keys_ms;     /* double, one per key, its pause included */
  GArray *cpu_ms;      /* double, the thread's CPU time for the same */
  GArray *plain_ms;    /* the keys not followed by a pause */
  GArray *insert_ms;   /* the insertion alone: the buffer and the handlers of its signals */
  GArray *layout_ms;   /* for the keys not followed by a pause: their frames' layout */
  GArray *paint_ms;    /* the same, the frames' snapshot and render */
  GArray *pause_ms;    /* the work in each pause */
  GArray *pause_frames;      /* the frames drawn in each pause */
  GArray *pause_frames_ms;   /* their layout and paint */
  GArray *pause_longest_ms;  /* the longest iteration in each pause: what a key pressed then
                              * could wait before its own work starts */
  GArray *save_ms;     /* the loop iterations in which a save ran */
  GArray *other_ms;    /* iterations in a pause that are neither a save nor a frame */
  GArray *frame_ms;    /* iterations that drew a frame */
  guint   n_missed;    /* keys whose frame did not come within FRAME_WAIT_MS */
} Figures;

static void G_GNUC_PRINTF (1, 2)
note (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
}

static gint
poll_cb (GPollFD *fds, guint n_fds, gint timeout)
{
  gint64 start = g_get_monotonic_time ();
  gint ready = bench.default_poll (fds, n_fds, timeout);

  if (timeout != 0)
    bench.blocked_us += g_get_monotonic_time () - start;
  return ready;
}

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* Our handlers run after GTK's, connected when the window was realized: "before-paint"
 * marks the start of the frame's work, "layout" the end of GTK's layout, "paint" the end of
 * its snapshot and render. */
static void
on_before_paint_cb (GdkFrameClock *clock)
{
  bench.phase_start = g_get_monotonic_time ();
}

static void
on_layout_cb (GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();

  bench.layout_us += now - bench.phase_start;
  bench.phase_start = now;
}

static void
on_paint_cb (GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();

  bench.paint_us += now - bench.phase_start;
  bench.phase_start = now;
}

static void
on_after_paint_cb (GdkFrameClock *clock)
{
  bench.n_frames++;
}

static void
on_items_changed_cb (GListModel *list)
{
  bench.n_saves++;
}

static gboolean
wake_cb (gpointer data)
{
  bench.woken = TRUE;
  return G_SOURCE_REMOVE;
}

static void
append (GArray *values, double value)
{
  g_array_append_val (values, value);
}

/* One loop iteration, timed and sorted by what it did. */
static double
iterate (Figures *figures, gboolean may_block, gboolean *out_dispatched)
{
  gint64 start = g_get_monotonic_time ();
  gint64 blocked = bench.blocked_us;
  guint frames = bench.n_frames, saves = bench.n_saves;
  gboolean dispatched = g_main_context_iteration (NULL, may_block);
  double ms = (g_get_monotonic_time () - start - (bench.blocked_us - blocked)) / 1000.0;

  bench.longest_ms = MAX (bench.longest_ms, ms);
  if (figures != NULL && bench.n_saves != saves)
    append (figures->save_ms, ms);
  else if (figures != NULL && bench.n_frames != frames)
    append (figures->frame_ms, ms);
  else if (figures != NULL && may_block && dispatched)
    append (figures->other_ms, ms);
  if (out_dispatched != NULL)
    *out_dispatched = dispatched;
  return ms;
}

static double
drain (Figures *figures)
{
  gboolean dispatched = TRUE;
  double ms = 0;

  while (dispatched)
    ms += iterate (figures, FALSE, &dispatched);
  return ms;
}

/* Runs the loop for @ms of wall time; returns the work done in it. */
static double
run_for (Figures *figures, guint ms)
{
  double work = 0;

  bench.woken = FALSE;
  g_timeout_add (ms, wake_cb, NULL);
  while (!bench.woken)
    work += iterate (figures, TRUE, NULL);
  return work;
}

/* Runs the loop until a frame after @frames is drawn, then until it is idle. */
static double
run_until_frame (Figures *figures, guint frames)
{
  double work = drain (figures);
  guint id;

  if (bench.n_frames != frames)
    return work;
  bench.woken = FALSE;
  id = g_timeout_add (FRAME_WAIT_MS, wake_cb, NULL);
  while (bench.n_frames == frames && !bench.woken)
    work += iterate (figures, TRUE, NULL);
  if (!bench.woken)
    g_source_remove (id);
  else
    figures->n_missed++;
  return work + drain (figures);
}

static GtkWidget *
find_widget (GtkWidget *widget, gboolean (*match) (GtkWidget *widget))
{
  if (match (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_tasks_rubric (GtkWidget *widget)
{
  return ACQ_IS_RUBRIC_VIEW (widget) &&
         acq_rubric_view_get_rubric (ACQ_RUBRIC_VIEW (widget)) == ACQ_RUBRIC_TASKS;
}

static gboolean
is_text_view (GtkWidget *widget)
{
  return GTK_IS_TEXT_VIEW (widget);
}

/* With @one_paragraph, rubric 1 is a single paragraph, as written by someone who never presses
 * Enter: GTK lays a paragraph out again whole at each key. */
static AcqSheet *
make_sheet (AcqStore *store, gboolean one_paragraph, AcqSheetList **out_list, GError **error)
{
  g_autoptr (AcqCandidateList) candidates = acq_candidate_list_new (store, error);
  g_autoptr (AcqSheetList) list = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);
  g_autofree char *title = NULL;
  AcqCandidate *candidate;
  AcqSheet *sheet;

  if (candidates == NULL ||
      !(candidate = acq_candidate_list_create (candidates, "Hélène", "Rivière", error)) ||
      !(list = acq_sheet_list_new (store, candidate, error)) ||
      !(sheet = acq_sheet_list_create (list, NULL, NULL, error)))
    return NULL;
  title = bench_text_title (rand);
  acq_sheet_set_title (sheet, title);
  acq_sheet_set_organisation (sheet, bench_text_organisation (rand));
  acq_sheet_set_department (sheet, bench_text_department (rand));
  acq_sheet_set_period_from (sheet, "2021-09-01");
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    {
      g_autofree char *text = bench_text_sentences (rand, SHEET_WORDS * rubric_shares[i] / 100);

      if (one_paragraph && i == ACQ_RUBRIC_TASKS)
        g_strdelimit (text, "\n", ' ');
      acq_sheet_set_rubric (sheet, i, text);
    }
  if (!acq_sheet_list_save (list, sheet, error))
    return NULL;
  *out_list = g_steal_pointer (&list);
  return sheet;
}

static void
print_sheet_size (AcqSheet *sheet)
{
  g_autoptr (AcqDpLayout) layout = acq_dp_layout_new ();
  AcqDpExample example = { 0 };
  guint words = 0;

  example.title = acq_sheet_get_title (sheet);
  example.organisation = acq_sheet_get_organisation (sheet);
  example.department = acq_sheet_get_department (sheet);
  for (guint i = 0; i < ACQ_N_RUBRICS; i++)
    {
      g_auto (GStrv) split = g_strsplit_set (acq_sheet_get_rubric (sheet, i), " \n", -1);

      example.rubrics[i] = acq_sheet_get_rubric (sheet, i);
      for (guint j = 0; split[j] != NULL; j++)
        words += split[j][0] != '\0';
    }
  g_print ("keystroke_sheet_words: %u count\n", words);
  g_print ("keystroke_sheet_pages: %.2f pages\n", acq_dp_layout_measure_example (layout, &example));
}

/* The cursor goes after the sentence that ends nearest the middle of the text, and the editor
 * scrolls so that it is on the screen. */
static void
place_cursor (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkTextIter iter;
  GdkRectangle location;
  graphene_point_t point;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                      gtk_text_buffer_get_char_count (buffer) / 2);
  if (gtk_text_iter_forward_search (&iter, ". ", 0, NULL, &iter, NULL))
    gtk_text_iter_backward_char (&iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (view));

  gtk_text_view_get_iter_location (view, &iter, &location);
  if (scrolled != NULL &&
      gtk_widget_compute_point (GTK_WIDGET (view), scrolled,
                                &GRAPHENE_POINT_INIT (0, location.y), &point))
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y -
                                                gtk_adjustment_get_page_size (adjustment) / 2);
    }
}

static const char *
next_key (const char **text, char *key)
{
  const char *start = *text;
  const char *end = g_utf8_next_char (start);

  memcpy (key, start, end - start);
  key[end - start] = '\0';
  if (key[0] == '\n')
    key[0] = ' ';
  *text = end;
  return key;
}

static void
print_figures (const char *name, GArray *values, gboolean with_p99)
{
  g_print ("%s_median: %.3f ms\n", name, bench_percentile (values, 50));
  if (with_p99)
    {
      g_print ("%s_p95: %.3f ms\n", name, bench_percentile (values, 95));
      g_print ("%s_p99: %.3f ms\n", name, bench_percentile (values, 99));
    }
  g_print ("%s_max: %.3f ms\n", name, bench_percentile (values, 100));
}

/* Makes every array of @figures, or frees them. */
static void
figures_set_up (Figures *figures, gboolean make)
{
  GArray **arrays[] = { &figures->keys_ms, &figures->cpu_ms, &figures->plain_ms,
                        &figures->insert_ms, &figures->layout_ms, &figures->paint_ms,
                        &figures->pause_ms, &figures->pause_frames, &figures->pause_frames_ms,
                        &figures->pause_longest_ms, &figures->save_ms, &figures->other_ms,
                        &figures->frame_ms };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    if (make)
      *arrays[i] = g_array_new (FALSE, FALSE, sizeof (double));
    else
      g_clear_pointer (arrays[i], g_array_unref);
  figures->n_missed = 0;
}

static void
type_keys (GtkTextView *view, Figures *figures)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr (GRand) rand = g_rand_new_with_seed (5);
  g_autofree char *text = bench_text_sentences (rand, N_KEYS / 4);
  const char *p = text;

  for (guint i = 0; i < N_KEYS; i++)
    {
      double start_cpu = thread_cpu_ms ();
      gint64 start = g_get_monotonic_time ();
      gint64 blocked = bench.blocked_us;
      guint frames = bench.n_frames;
      gint64 layout = bench.layout_us, paint = bench.paint_us;
      char key[8];
      double ms;

      if (*p == '\0')
        p = text;
      gtk_text_buffer_insert_interactive_at_cursor (buffer, next_key (&p, key), -1, TRUE);
      append (figures->insert_ms, (g_get_monotonic_time () - start) / 1000.0);
      run_until_frame (figures, frames);
      ms = (g_get_monotonic_time () - start - (bench.blocked_us - blocked)) / 1000.0;
      if ((i + 1) % KEYS_PER_BURST == 0)
        {
          guint pause_frames = bench.n_frames;
          gint64 frames_us = bench.layout_us + bench.paint_us;
          double pause;

          bench.longest_ms = 0;
          pause = run_for (figures, PAUSE_MS);
          append (figures->pause_ms, pause);
          append (figures->pause_longest_ms, bench.longest_ms);
          append (figures->pause_frames, bench.n_frames - pause_frames);
          append (figures->pause_frames_ms,
                  (bench.layout_us + bench.paint_us - frames_us) / 1000.0);
          ms += pause;
        }
      else
        {
          append (figures->plain_ms, ms);
          append (figures->layout_ms, (bench.layout_us - layout) / 1000.0);
          append (figures->paint_ms, (bench.paint_us - paint) / 1000.0);
        }
      append (figures->keys_ms, ms);
      append (figures->cpu_ms, thread_cpu_ms () - start_cpu);
    }
}

/* What the store holds once the last change is saved is what was typed. */
static gboolean
check_saved (AcqSheetEditor *editor, AcqStore *store, AcqSheet *sheet, GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *typed = NULL;
  GtkTextIter start, end;
  sqlite3_stmt *stmt;
  gboolean same = FALSE;

  acq_sheet_editor_flush (editor);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  typed = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  stmt = acq_store_prepare (store, "SELECT tasks FROM sheet WHERE uuid = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, acq_sheet_get_uuid (sheet), -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    same = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), typed) == 0;
  sqlite3_reset (stmt);
  return same;
}

/* The application's switch, in the settings of this process (GSETTINGS_BACKEND=memory). */
static void
set_spell_check (gboolean on)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = source != NULL
    ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  g_autoptr (GSettings) settings = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "spell-check"))
    {
      g_printerr ("No spell-check setting: is GSETTINGS_SCHEMA_DIR the build's data folder?\n");
      return;
    }
  settings = g_settings_new_full (schema, NULL, NULL);
  g_settings_set_boolean (settings, "spell-check", on);
  g_print ("keystroke_spell_check: %d bool\n", on);
}

static void
load_style (void)
{
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

  /* what AdwApplication loads by itself for the app */
  gtk_css_provider_load_from_resource (provider, "/io/github/acquis/Acquis/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqSheetList) list = NULL;
  g_autoptr (GOptionContext) context = NULL;
  g_auto (GStrv) args = NULL;
  const char *data_dir;
  /* BENCH_ONE_PARAGRAPH=1 in the environment does the same as the option */
  gboolean one_paragraph = g_getenv ("BENCH_ONE_PARAGRAPH") != NULL;
  /* BENCH_NO_SPELL=1 the same as --no-spell: the cost of spell checking, by difference */
  gboolean no_spell = g_getenv ("BENCH_NO_SPELL") != NULL;
  const GOptionEntry entries[] = {
    { "one-paragraph", 'p', 0, G_OPTION_ARG_NONE, &one_paragraph,
      "Write rubric 1 as one paragraph (its sentences otherwise make paragraphs of about 90 "
      "words)", NULL },
    { "no-spell", 's', 0, G_OPTION_ARG_NONE, &no_spell,
      "Type with spell checking off (it is on by default, as in the app)", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, "DATA_DIR" },
    { NULL }
  };
  AcqSheet *sheet;
  GtkWidget *window, *editor, *rubric, *view;
  GdkFrameClock *clock;
  Figures figures;
  gint64 revision;
  gboolean saved;

  context = g_option_context_new ("— type into a sheet of a new data folder");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (args == NULL || g_strv_length (args) != 1)
    {
      g_printerr ("Usage: %s [--one-paragraph] [--no-spell] DATA_DIR\n", g_get_prgname ());
      return 2;
    }
  data_dir = args[0];
  gtk_init ();
  adw_init ();
  load_style ();

  store = acq_store_open (data_dir, &error);
  if (store == NULL || !(sheet = make_sheet (store, one_paragraph, &list, &error)))
    {
      g_printerr ("%s: %s\n", data_dir, error->message);
      return 1;
    }
  print_sheet_size (sheet);
  set_spell_check (!no_spell);

  window = gtk_window_new ();
  editor = g_object_new (ACQ_TYPE_SHEET_EDITOR, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), editor);
  acq_sheet_editor_set_sheet (ACQ_SHEET_EDITOR (editor), list, sheet);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));

  rubric = find_widget (editor, is_tasks_rubric);
  view = rubric != NULL ? find_widget (rubric, is_text_view) : NULL;
  if (view == NULL)
    {
      g_printerr ("No text view in the editor's rubric 1\n");
      return 1;
    }

  bench.default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, poll_cb);
  figures_set_up (&figures, TRUE);
  /* until the window is on the screen and the page estimate has run */
  while (gtk_widget_get_frame_clock (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout_cb), NULL);
  g_signal_connect (clock, "paint", G_CALLBACK (on_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  run_for (NULL, 1000);
  place_cursor (GTK_TEXT_VIEW (view));
  run_for (NULL, 1000);
  if (bench.n_frames == 0)
    {
      g_printerr ("The window drew no frame\n");
      return 1;
    }

  revision = acq_sheet_get_revision (sheet);
  bench.n_saves = 0;
  type_keys (GTK_TEXT_VIEW (view), &figures);
  saved = check_saved (ACQ_SHEET_EDITOR (editor), store, sheet, GTK_TEXT_VIEW (view));

  g_print ("keystroke_keys: %u count\n", figures.keys_ms->len);
  print_figures ("keystroke", figures.keys_ms, TRUE);
  print_figures ("keystroke_cpu", figures.cpu_ms, TRUE);
  /* the keys inside a burst, and what each pause did (saves, the page estimate, frames) */
  print_figures ("keystroke_plain", figures.plain_ms, TRUE);
  print_figures ("keystroke_insert", figures.insert_ms, TRUE);
  print_figures ("keystroke_plain_frame_layout", figures.layout_ms, TRUE);
  print_figures ("keystroke_plain_frame_paint", figures.paint_ms, TRUE);
  print_figures ("keystroke_pause_work", figures.pause_ms, FALSE);
  g_print ("keystroke_pause_frames_median: %.0f count\n", bench_percentile (figures.pause_frames, 50));
  print_figures ("keystroke_pause_frames_work", figures.pause_frames_ms, FALSE);
  print_figures ("keystroke_pause_longest_iteration", figures.pause_longest_ms, FALSE);
  print_figures ("keystroke_autosave_iteration", figures.save_ms, FALSE);
  print_figures ("keystroke_frame_iteration", figures.frame_ms, TRUE);
  print_figures ("keystroke_other_timer_iteration", figures.other_ms, FALSE);
  g_print ("keystroke_autosaves: %u count\n", bench.n_saves);
  g_print ("keystroke_revisions: %" G_GINT64_FORMAT " count\n",
           acq_sheet_get_revision (sheet) - revision);
  g_print ("keystroke_frames_missed: %u count\n", figures.n_missed);
  g_print ("keystroke_saved_text_matches: %d bool\n", saved);
  note ("# %u keys in bursts of %d, a pause of %d ms after each burst; "
        "a key's time includes its frame, and for the last key of a burst the pause's work\n",
        N_KEYS, KEYS_PER_BURST, PAUSE_MS);

  figures_set_up (&figures, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  return saved ? 0 : 1;
}

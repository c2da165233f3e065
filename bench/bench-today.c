/* bench-today.c — the Today view of 5,000 candidates with 20 sessions each: how long after the
 * window shows until it is drawn, against a bare window in the same process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real application runs in this process on a caseload of 5,000 candidates (20 events of
 * their parcours, 20 sessions of their livret each, bench-caseload.c), in its own X server
 * (run-in-x.sh). Each run opens a new main window as the application does at start
 * (g_application_activate()), and watches its frame clock: "shown" is the window's first frame
 * after it was made, "today" the first frame drawn with the Today view's sections, which come
 * from the worker (acq-window-today.c): first the quick ones (sessions, sheets, comments),
 * then "complete" with the deadlines. The figure the issue sets is today − shown, under
 * 100 ms; complete − shown is printed beside it. In the same run, a bare libadwaita window (a header bar and a label, the same size)
 * gives the baseline of a first frame; and acq_today_gather() alone, on this thread, what the
 * worker does. Medians of RUNS runs; the first of each kind is a warm-up, not counted.
 */
#define G_LOG_DOMAIN "bench-today"

#include "config.h"

#include <stdio.h>

#include <adwaita.h>

#include "acq-application.h"
#include "acq-today-view.h"
#include "acq-today.h"
#include "bench-caseload.h"
#include "bench-stats.h"

#define N_CANDIDATES 5000
#define N_EVENTS     20
#define N_SESSIONS   20
#define RUNS         7
#define WIDTH        1100
#define HEIGHT       720
#define TARGET_MS    100

typedef struct
{
  AcqApplication *app;
  guint           run;         /* 0 is the warm-up */
  gint64          made;        /* the window was made */
  gint64          shown;       /* its first frame */
  gint64          today;       /* its first frame with the Today view's sections */
  gint64          complete;    /* its first frame with the deadlines' sections too */
  GtkWidget      *window;
  GArray         *shown_ms;
  GArray         *today_ms;
  GArray         *complete_ms;
  GArray         *bare_ms;
  guint           n_items;
} Bench;

static double
ms_between (gint64 start, gint64 end)
{
  return (end - start) / 1000.0;
}

static GtkWidget *
find_today_view (GtkWidget *widget)
{
  if (ACQ_IS_TODAY_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_today_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A bare window's first frame, from its making: the baseline. */
static gint64 bare_painted;

static void
on_bare_after_paint_cb (GdkFrameClock *clock)
{
  if (bare_painted == 0)
    bare_painted = g_get_monotonic_time ();
}

static double
bare_window_first_frame (void)
{
  gint64 start = g_get_monotonic_time ();
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new ("Acquis");
  GdkFrameClock *clock;

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), label);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  bare_painted = 0;
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_bare_after_paint_cb), NULL);
  while (bare_painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_func (clock, on_bare_after_paint_cb, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  return ms_between (start, bare_painted);
}

static gboolean next_run_cb (gpointer data);

static void
on_after_paint_cb (GdkFrameClock *clock, Bench *bench)
{
  gint64 now = g_get_monotonic_time ();
  GtkWidget *view;

  const AcqToday *shown;

  if (bench->shown == 0)
    bench->shown = now;
  view = find_today_view (bench->window);
  if (view == NULL || (shown = acq_today_view_get_today (ACQ_TODAY_VIEW (view))) == NULL)
    return;
  if (bench->today == 0)
    bench->today = now;
  if (g_getenv ("BENCH_VERBOSE"))
    g_printerr ("run %u: frame with %s today, %u items\n", bench->run,
                shown->complete ? "a complete" : "a quick", acq_today_count (shown));
  if (!shown->complete)
    return;
  bench->complete = now;
  bench->n_items = acq_today_count (shown);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint_cb, bench);
  g_idle_add (next_run_cb, bench);
}

static void
on_window_realize_cb (GtkWidget *window, Bench *bench)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), bench);
}

static void
on_window_added_cb (GtkApplication *app, GtkWindow *window, Bench *bench)
{
  if (bench->window != NULL)
    return;
  bench->window = GTK_WIDGET (window);
  bench->made = g_get_monotonic_time ();
  bench->shown = bench->today = bench->complete = 0;
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), bench);
}

static gboolean
next_run_cb (gpointer data)
{
  Bench *bench = data;
  double bare;

  if (bench->run > 0)
    {
      double shown = ms_between (bench->made, bench->shown);
      double today = ms_between (bench->shown, bench->today);
      double complete = ms_between (bench->shown, bench->complete);

      g_array_append_val (bench->shown_ms, shown);
      g_array_append_val (bench->today_ms, today);
      g_array_append_val (bench->complete_ms, complete);
    }
  /* let the window go (its worker may still hold it while it reads) before the next one */
  g_object_add_weak_pointer (G_OBJECT (bench->window), (gpointer *) &bench->window);
  gtk_window_destroy (GTK_WINDOW (bench->window));
  while (bench->window != NULL)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  bare = bare_window_first_frame ();
  if (bench->run > 0)
    g_array_append_val (bench->bare_ms, bare);
  if (++bench->run > RUNS)
    {
      g_application_release (G_APPLICATION (bench->app));
      return G_SOURCE_REMOVE;
    }
  g_application_activate (G_APPLICATION (bench->app));
  return G_SOURCE_REMOVE;
}

static void
on_startup_cb (GApplication *app, Bench *bench)
{
  /* the accompagnatrice's copy: the role question is not asked */
  g_settings_set_string (acq_application_get_settings (ACQ_APPLICATION (app)), "user-role",
                         "coach");
  g_application_hold (app);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (GArray) gather_ms = g_array_new (FALSE, FALSE, sizeof (double));
  Bench bench = { 0 };
  const char *data_dir;
  char *app_argv[4];
  GDate today;
  guint n_items = 0;
  int status;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DATA_DIR\n", argv[0]);
      return 2;
    }
  data_dir = argv[1];
  /* no daily notification from a benchmark */
  g_setenv ("ACQUIS_NOTIFY", "0", TRUE);

  acq_today_get_local_date (&today);
  if ((store = acq_store_open (data_dir, &error)) == NULL)
    g_error ("%s", error->message);
  bench_caseload_fill (store, &today, N_CANDIDATES, N_EVENTS, N_SESSIONS);
  for (guint run = 0; run < 5; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (AcqToday) gathered = acq_today_gather (store, &today, ACQ_ROLE_COACH, &error);
      double ms = ms_between (start, g_get_monotonic_time ());

      if (gathered == NULL)
        g_error ("%s", error->message);
      n_items = acq_today_count (gathered);
      g_array_append_val (gather_ms, ms);
    }
  g_clear_object (&store);

  bench.shown_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.today_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.complete_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench.app = acq_application_new ();
  g_signal_connect_after (bench.app, "startup", G_CALLBACK (on_startup_cb), &bench);
  g_signal_connect (bench.app, "window-added", G_CALLBACK (on_window_added_cb), &bench);
  app_argv[0] = argv[0];
  app_argv[1] = (char *) "--data-dir";
  app_argv[2] = (char *) data_dir;
  app_argv[3] = NULL;
  status = g_application_run (G_APPLICATION (bench.app), 3, app_argv);
  g_object_unref (bench.app);
  if (status != 0 || bench.today_ms->len == 0)
    {
      fprintf (stderr, "the application did not show Today (status %d)\n", status);
      return 1;
    }

  printf ("today_caseload: %u candidates\n", N_CANDIDATES);
  printf ("today_sessions: %u sessions\n", N_CANDIDATES * N_SESSIONS);
  printf ("today_items: %u items\n", n_items);
  printf ("today_shown_items: %u items\n", bench.n_items);
  printf ("today_gather_median: %.1f ms\n", bench_median (gather_ms));
  printf ("today_bare_window_first_frame_median: %.1f ms\n", bench_median (bench.bare_ms));
  printf ("today_window_first_frame_median: %.1f ms\n", bench_median (bench.shown_ms));
  printf ("today_window_over_bare_ratio: %.2f x\n",
          bench_median (bench.shown_ms) / bench_median (bench.bare_ms));
  printf ("today_drawn_after_shown_median: %.1f ms\n", bench_median (bench.today_ms));
  printf ("today_drawn_after_shown_max: %.1f ms\n", bench_percentile (bench.today_ms, 100));
  printf ("today_complete_after_shown_median: %.1f ms\n", bench_median (bench.complete_ms));
  printf ("today_complete_after_shown_max: %.1f ms\n", bench_percentile (bench.complete_ms, 100));
  printf ("today_target: %d ms\n", TARGET_MS);
  status = bench_median (bench.today_ms) < TARGET_MS ? 0 : 1;
  g_array_unref (bench.shown_ms);
  g_array_unref (bench.bare_ms);
  g_array_unref (bench.today_ms);
  g_array_unref (bench.complete_ms);
  return status;
}

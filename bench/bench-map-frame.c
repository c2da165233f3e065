/* bench-map-frame.c — the frames of the competence map window while panning and zooming a
 * candidate's map of 2,000 sheets (200 as the baseline), timed by the window's frame clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-map-frame"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <adwaita.h>

#include "acq-map-view.h"
#include "acq-map-window.h"
#include "bench-map-data.h"
#include "bench-stats.h"

/* A frame is the frame clock's work from "before-paint" to "after-paint": the layout phase
 * (the view allocates its items at their new place and size) and the paint phase (snapshot,
 * then the cairo renderer draws the window and sends it to the X server). Each step changes
 * the view, then waits for the frame that shows it and for the X server to have drawn it; the
 * frame clock's wait for the next refresh is not part of the frame. While the zoom changes,
 * the view shows its last picture of the map scaled; the frame that draws the map anew once the
 * zoom rests is timed on its own (zoom_rest). */

#define N_STEPS        240
#define WINDOW_WIDTH   1280
#define WINDOW_HEIGHT  800
#define FRAME_WAIT_US  (500 * 1000)

typedef struct
{
  gint64   frame_start;
  double   last_ms;
  guint    n_frames;
} Clock;

static Clock clock_state;

static void
on_before_paint_cb (GdkFrameClock *clock)
{
  clock_state.frame_start = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock)
{
  clock_state.last_ms = (g_get_monotonic_time () - clock_state.frame_start) / 1000.0;
  clock_state.n_frames++;
}

/* Runs the loop until the next frame is drawn, then until the X server has drawn it too (the
 * cairo renderer's X11 surface is drawn by the server, after the frame clock is done); returns
 * the time of both, or -1 if no frame came. */
static double
wait_frame (void)
{
  guint frames = clock_state.n_frames;
  gint64 end = g_get_monotonic_time () + FRAME_WAIT_US;
  gint64 synced;

  while (clock_state.n_frames == frames && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  if (clock_state.n_frames == frames)
    return -1;
  synced = g_get_monotonic_time ();
  gdk_display_sync (gdk_display_get_default ());
  return clock_state.last_ms + (g_get_monotonic_time () - synced) / 1000.0;
}

static void
settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

typedef enum
{
  MOVE_PAN_WHOLE,
  MOVE_PAN_ACTUAL,
  MOVE_ZOOM,
  N_MOVES
} Move;

static const char *const move_names[N_MOVES] = { "pan_whole_map", "pan_at_100", "zoom" };

/* Pans round a circle of about 460 pixels, 12 a frame, the whole map in view or at 100 %;
 * or zooms from the whole map to 100 % and back; one frame a step. */
static GArray *
run_moves (AcqMapView *view, Move move, guint *missed)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));
  double fit, factor;

  acq_map_view_zoom_fit (view);
  wait_frame ();
  fit = acq_map_view_get_zoom (view);
  factor = pow (1.0 / fit, 1.0 / (N_STEPS / 2));
  if (move == MOVE_PAN_ACTUAL)
    {
      acq_map_view_zoom_by (view, 1.0 / fit);
      settle (500);
    }
  for (guint step = 0; step < N_STEPS; step++)
    {
      double ms;

      if (move == MOVE_ZOOM)
        acq_map_view_zoom_by (view, step < N_STEPS / 2 ? factor : 1 / factor);
      else
        {
          double angle = 2 * G_PI * step / N_STEPS;

          acq_map_view_pan_by (view, 12 * cos (angle), 12 * sin (angle));
        }
      ms = wait_frame ();
      if (g_getenv ("BENCH_MAP_TRACE") != NULL)
        fprintf (stderr, "%s step %u: %.2f ms (%.2f in the frame clock)\n", move_names[move],
                 step, ms, clock_state.last_ms);
      if (ms < 0)
        (*missed)++;
      else
        g_array_append_val (times, ms);
    }
  return times;
}

static AcqMapWindow *
open_window (const char *dir, guint n_sheets, AcqStore **out_store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheetList) sheets = NULL;
  AcqStore *store;
  AcqMapWindow *window;

  if (!(store = acq_store_open (dir, &error)) ||
      !(sheets = bench_map_data_fill (store, n_sheets, &error)))
    g_error ("%s: %s", dir, error->message);
  window = acq_map_window_new (NULL, sheets);
  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  *out_store = store;
  return window;
}

static AcqMapView *
find_view (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AcqMapView *found = ACQ_IS_MAP_VIEW (child) ? ACQ_MAP_VIEW (child) : find_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
measure (guint n_sheets)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("acquis-bench-frame-XXXXXX", &error);
  g_autoptr (AcqStore) store = NULL;
  AcqMapWindow *window;
  AcqMapView *view;
  GdkFrameClock *clock;

  if (dir == NULL)
    g_error ("%s", error->message);
  window = open_window (dir, n_sheets, &store);
  view = find_view (GTK_WIDGET (window));
  while (gtk_widget_get_frame_clock (GTK_WIDGET (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
  settle (1500);
  for (Move move = 0; move < N_MOVES; move++)
    {
      guint missed = 0;
      g_autoptr (GArray) times = run_moves (view, move, &missed);

      printf ("map_frame_%s_%u_sheets_median: %.2f ms\n", move_names[move], n_sheets,
              bench_median (times));
      printf ("map_frame_%s_%u_sheets_p95: %.2f ms\n", move_names[move], n_sheets,
              bench_percentile (times, 95));
      printf ("map_frame_%s_%u_sheets_max: %.2f ms\n", move_names[move], n_sheets,
              bench_percentile (times, 100));
      if (missed > 0)
        printf ("map_frame_%s_%u_sheets_missed: %u frames\n", move_names[move], n_sheets,
                missed);
      if (move == MOVE_ZOOM)
        /* the zoom ends on the whole map: once it rests, the view draws it anew, once */
        printf ("map_frame_zoom_rest_%u_sheets: %.2f ms\n", n_sheets, wait_frame ());
    }
  gtk_window_destroy (GTK_WINDOW (window));
  settle (200);
  g_clear_object (&store);
  bench_map_data_remove (dir);
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
  gboolean show = FALSE;
  int n_sheets = 0;
  double zoom = 0;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOptionContext) context = NULL;
  const GOptionEntry entries[] = {
    { "show", 0, 0, G_OPTION_ARG_NONE, &show,
      "Only show the map window of the demo candidate, for a screenshot", NULL },
    { "sheets", 0, 0, G_OPTION_ARG_INT, &n_sheets, "With --show, sheets to add first", "N" },
    { "zoom", 0, 0, G_OPTION_ARG_DOUBLE, &zoom, "With --show, the zoom (else the whole map)",
      "Z" },
    { NULL }
  };

  context = g_option_context_new ("— time the frames of the competence map");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  gtk_init ();
  adw_init ();
  load_style ();
  if (show)
    {
      g_autofree char *dir = g_dir_make_tmp ("acquis-map-show-XXXXXX", &error);
      g_autoptr (AcqStore) store = NULL;
      AcqMapWindow *window;

      if (dir == NULL)
        g_error ("%s", error->message);
      window = open_window (dir, MAX (n_sheets, 0), &store);
      if (zoom > 0)
        {
          AcqMapView *view = find_view (GTK_WIDGET (window));

          while (gtk_widget_get_width (GTK_WIDGET (view)) == 0)
            g_main_context_iteration (NULL, TRUE);
          settle (300);
          acq_map_view_zoom_by (view, zoom / acq_map_view_get_zoom (view));
        }
      while (g_list_model_get_n_items (gtk_window_get_toplevels ()) > 0)
        g_main_context_iteration (NULL, TRUE);
      g_clear_object (&store);
      bench_map_data_remove (dir);
      return 0;
    }
  measure (200);
  measure (2000);
  return 0;
}

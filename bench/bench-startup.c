/* bench-startup.c — how long a program takes from exec to its window on the screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "bench-startup"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <glib.h>

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

#include "bench-stats.h"

/* The programs are watched from the X server, so neither needs a hook: the bench asks for the
 * creation and mapping of every top-level window (SubstructureNotify on the root) and for the
 * damage of each one (XDamage). The window of a run is the first top-level mapped with
 * _NET_WM_PID set to the child's pid. "Shown" is the first frame GTK draws into it.
 *
 * Mapping a window makes the server paint its background, which is damage too, reported
 * right after the MapNotify. So on the MapNotify the bench sends a request of its own (a
 * marker): the server handles requests one at a time, and the background was painted while
 * it handled the child's MapWindow, before our marker. Every event carries the sequence
 * number of our last request the server had handled when it made the event, so damage
 * numbered at or after the marker is the child drawing. The child could only draw before
 * our marker by answering its own MapNotify with a whole frame before we send one request
 * (its frame takes 10 ms and more here; --verbose shows each map and damage, and a run
 * where it happened says so). */

#define RUN_TIMEOUT_US (60 * G_USEC_PER_SEC)
#define EXIT_TIMEOUT_US (5 * G_USEC_PER_SEC)

typedef struct
{
  char       *name;
  char      **argv;
  GArray     *shown_ms; /* double, one per measured run */
  GArray     *map_ms;
} Program;

typedef struct
{
  Display    *display;
  Window      root;
  Atom        net_wm_pid;
  int         damage_event_base;
  GHashTable *damages; /* Window → Damage, the top-levels alive */
  char      **envp;
  gboolean    verbose;
} Bench;

typedef struct
{
  GPid          pid;
  gint64        start;
  Window        window;
  gint64        mapped;
  unsigned long marker; /* the sequence number of our request sent on the MapNotify */
  guint         n_early; /* damage events before the marker: the background, one box */
  gint64        shown;
} Run;

static int
on_x_error_cb (Display *display, XErrorEvent *event)
{
  /* A window of a child can go away between an event and our request about it: harmless. */
  return 0;
}

static double
ms_since (gint64 start, gint64 end)
{
  return (end - start) / 1000.0;
}

static pid_t
window_pid (Bench *bench, Window window)
{
  Atom type = None;
  int format = 0;
  unsigned long n_items = 0, remaining = 0;
  unsigned char *value = NULL;
  pid_t pid = 0;

  if (XGetWindowProperty (bench->display, window, bench->net_wm_pid, 0, 1, False, XA_CARDINAL,
                          &type, &format, &n_items, &remaining, &value) == Success &&
      type == XA_CARDINAL && format == 32 && n_items == 1)
    pid = (pid_t) *(unsigned long *) value;
  if (value != NULL)
    XFree (value);
  return pid;
}

static void
handle_event (Bench *bench, Run *run, XEvent *event)
{
  gint64 now = g_get_monotonic_time ();

  if (event->type == CreateNotify && event->xcreatewindow.parent == bench->root &&
      !event->xcreatewindow.override_redirect)
    {
      Window window = event->xcreatewindow.window;
      /* a report per drawing request: the first one after the marker is what counts */
      Damage damage = XDamageCreate (bench->display, window, XDamageReportRawRectangles);

      g_hash_table_insert (bench->damages, GSIZE_TO_POINTER (window),
                           GSIZE_TO_POINTER (damage));
    }
  else if (event->type == DestroyNotify)
    {
      /* the server frees the damage of a destroyed window */
      g_hash_table_remove (bench->damages, GSIZE_TO_POINTER (event->xdestroywindow.window));
    }
  else if (event->type == MapNotify && run != NULL && run->window == None &&
           !event->xmap.override_redirect &&
           g_hash_table_contains (bench->damages, GSIZE_TO_POINTER (event->xmap.window)) &&
           window_pid (bench, event->xmap.window) == run->pid)
    {
      run->window = event->xmap.window;
      run->mapped = now;
      run->marker = NextRequest (bench->display);
      XNoOp (bench->display);
      XFlush (bench->display);
      if (bench->verbose)
        g_printerr ("  %8.1f ms  map 0x%lx\n", ms_since (run->start, now), run->window);
    }
  else if (event->type == bench->damage_event_base + XDamageNotify)
    {
      XDamageNotifyEvent *damage = (XDamageNotifyEvent *) event;
      gboolean early;

      if (run == NULL || run->window == None || damage->drawable != run->window)
        return;
      early = damage->serial < run->marker;
      if (early)
        run->n_early++;
      else if (run->shown == 0)
        run->shown = now;
      if (bench->verbose)
        g_printerr ("  %8.1f ms  damage %dx%d+%d+%d%s\n", ms_since (run->start, now),
                    damage->area.width, damage->area.height, damage->area.x, damage->area.y,
                    early ? " (background, before the marker)" : "");
    }
}

/* Reads the X events until @until (monotonic time, µs), or until the window of @run is shown
 * if @stop_when_shown. */
static void
pump_events (Bench *bench, Run *run, gint64 until, gboolean stop_when_shown)
{
  struct pollfd fd = { ConnectionNumber (bench->display), POLLIN, 0 };

  for (;;)
    {
      gint64 now;

      XFlush (bench->display);
      while (XPending (bench->display) > 0)
        {
          XEvent event;

          XNextEvent (bench->display, &event);
          handle_event (bench, run, &event);
          if (stop_when_shown && run != NULL && run->shown != 0)
            return;
        }
      now = g_get_monotonic_time ();
      if (now >= until)
        return;
      /* wake up now and then to notice a child that died before showing anything */
      if (poll (&fd, 1, MIN ((until - now) / 1000 + 1, 50)) < 0 && errno != EINTR)
        return;
      if (run != NULL && run->pid != 0 && waitpid (run->pid, NULL, WNOHANG) == run->pid)
        {
          run->pid = 0;
          return;
        }
    }
}

static void
stop_child (GPid pid)
{
  gint64 deadline = g_get_monotonic_time () + EXIT_TIMEOUT_US;

  kill (pid, SIGTERM);
  while (waitpid (pid, NULL, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        {
          kill (pid, SIGKILL);
          waitpid (pid, NULL, 0);
          return;
        }
      g_usleep (5000);
    }
}

static gboolean
run_once (Bench *bench, Program *program, gboolean measured, GError **error)
{
  Run run = { 0 };
  gboolean shown;

  /* leave the previous run behind: its destroyed windows, a quiet server */
  XSync (bench->display, False);
  pump_events (bench, NULL, g_get_monotonic_time () + 100000, FALSE);

  run.start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, program->argv, bench->envp,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                      &run.pid, error))
    return FALSE;
  if (bench->verbose)
    g_printerr ("%s%s (pid %d)\n", program->name, measured ? "" : ", unmeasured", run.pid);

  pump_events (bench, &run, run.start + RUN_TIMEOUT_US, TRUE);
  shown = run.shown != 0;
  /* what comes after the first frame, to see whether the window is complete by then */
  if (shown && bench->verbose)
    pump_events (bench, &run, run.shown + G_USEC_PER_SEC / 2, FALSE);

  if (run.pid == 0)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                   "%s exited before showing a window", program->argv[0]);
      return FALSE;
    }
  stop_child (run.pid);
  if (!shown)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                   "%s showed no window in %d s", program->argv[0],
                   (int) (RUN_TIMEOUT_US / G_USEC_PER_SEC));
      return FALSE;
    }

  if (measured)
    {
      double shown_ms = ms_since (run.start, run.shown);
      double map_ms = ms_since (run.start, run.mapped);

      g_array_append_val (program->shown_ms, shown_ms);
      g_array_append_val (program->map_ms, map_ms);
    }
  if (run.n_early > 1)
    g_printerr ("# %s drew before the marker (%u reports): this run may count its second frame\n",
                program->name, run.n_early);
  g_printerr ("# %-12s shown %7.1f ms, mapped %7.1f ms%s\n", program->name,
              ms_since (run.start, run.shown), ms_since (run.start, run.mapped),
              measured ? "" : " (warm-up, not counted)");
  return TRUE;
}

static double
minimum (GArray *values)
{
  double min = G_MAXDOUBLE;

  for (guint i = 0; i < values->len; i++)
    min = MIN (min, g_array_index (values, double, i));
  return min;
}

/* The environment both programs start in: the same for both, and free of the settings of
 * whoever runs the bench (the window size of Acquis is a setting). */
static char **
make_envp (const char *settings_dir)
{
  char **envp = g_get_environ ();
  static const char *const unset[] = {
    "GSETTINGS_SCHEMA_DIR", /* Acquis finds the schema of its build by itself */
    "WAYLAND_DISPLAY",
    "MALLOC_PERTURB_",      /* set by meson test; it makes every malloc slower */
  };

  for (guint i = 0; i < G_N_ELEMENTS (unset); i++)
    envp = g_environ_unsetenv (envp, unset[i]);
  envp = g_environ_setenv (envp, "GDK_BACKEND", "x11", TRUE);
  envp = g_environ_setenv (envp, "GSK_RENDERER", "cairo", TRUE);
  envp = g_environ_setenv (envp, "NO_AT_BRIDGE", "1", TRUE);
  /* settings in memory, or as written beforehand in SETTINGS_DIR/glib-2.0/settings/keyfile */
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", settings_dir ? "keyfile" : "memory", TRUE);
  if (settings_dir != NULL)
    envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", settings_dir, TRUE);
  return envp;
}

static void
program_clear (Program *program)
{
  g_clear_pointer (&program->name, g_free);
  g_clear_pointer (&program->argv, g_strfreev);
  g_clear_pointer (&program->shown_ms, g_array_unref);
  g_clear_pointer (&program->map_ms, g_array_unref);
}

static void
print_bare_figures (const char *prefix, Program *bare, int runs)
{
  g_print ("%s_runs: %d count\n", prefix, runs);
  g_print ("%s_bare_median: %.1f ms\n", prefix, bench_median (bare->shown_ms));
  g_print ("%s_bare_min: %.1f ms\n", prefix, minimum (bare->shown_ms));
  /* mapped: the window's size is known and it goes on screen, its first frame not drawn yet */
  g_print ("%s_map_bare_median: %.1f ms\n", prefix, bench_median (bare->map_ms));
}

static void
print_app_figures (const char *prefix, Program *bare, Program *app)
{
  double bare_median = bench_median (bare->shown_ms), app_median = bench_median (app->shown_ms);
  double bare_min = minimum (bare->shown_ms), app_min = minimum (app->shown_ms);
  const char *label = app->name;

  g_print ("%s_acquis_%s_median: %.1f ms\n", prefix, label, app_median);
  g_print ("%s_acquis_%s_min: %.1f ms\n", prefix, label, app_min);
  g_print ("%s_ratio_%s: %.2f ratio\n", prefix, label, app_median / bare_median);
  g_print ("%s_ratio_%s_min: %.2f ratio\n", prefix, label, app_min / bare_min);
  g_print ("%s_map_acquis_%s_median: %.1f ms\n", prefix, label, bench_median (app->map_ms));
}

static Program *
program_new (const char *name, char **argv)
{
  Program *program = g_new0 (Program, 1);

  program->name = g_strdup (name);
  program->argv = argv;
  program->shown_ms = g_array_new (FALSE, FALSE, sizeof (double));
  program->map_ms = g_array_new (FALSE, FALSE, sizeof (double));
  return program;
}

static void
program_free (Program *program)
{
  program_clear (program);
  g_free (program);
}

/* A configuration given as LABEL:DIR runs the app with "--data-dir DIR" added. */
static Program *
program_new_for_data_dir (const char *config, char **app_argv, GError **error)
{
  const char *colon = strchr (config, ':');
  g_autofree char *label = NULL;
  GStrvBuilder *builder;
  char **argv;

  if (colon == NULL || colon == config || colon[1] == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--data-dir wants LABEL:DIR, not “%s”", config);
      return NULL;
    }
  label = g_strndup (config, colon - config);
  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) app_argv);
  g_strv_builder_add (builder, "--data-dir");
  g_strv_builder_add (builder, colon + 1);
  argv = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return program_new (label, argv);
}

/* One unmeasured run each fills the disk cache; then the programs take turns, the first of
 * each round changing every time, so that none always runs first, or right after a start
 * that left work behind it (the disk, the X server). */
static gboolean
run_all (Bench *bench, GPtrArray *programs, int runs, GError **error)
{
  guint n = programs->len;

  for (guint i = 0; i < n; i++)
    if (!run_once (bench, g_ptr_array_index (programs, i), FALSE, error))
      return FALSE;
  for (int round = 0; round < runs; round++)
    for (guint i = 0; i < n; i++)
      if (!run_once (bench, g_ptr_array_index (programs, (round + i) % n), TRUE, error))
        return FALSE;
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) programs = g_ptr_array_new_with_free_func ((GDestroyNotify) program_free);
  g_autofree char *baseline = NULL;
  g_autofree char *settings_dir = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *label = NULL;
  g_auto (GStrv) app_argv = NULL;
  g_auto (GStrv) data_dirs = NULL;
  int runs = 7;
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Measured runs of each program (7)", "N" },
    { "baseline", 'b', 0, G_OPTION_ARG_FILENAME, &baseline, "The bare window program", "PATH" },
    { "label", 'l', 0, G_OPTION_ARG_STRING, &label, "Names the figures: startup_acquis_LABEL",
      "LABEL" },
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME_ARRAY, &data_dirs,
      "Run the app on DIR, its figures named startup_acquis_LABEL; may be repeated",
      "LABEL:DIR" },
    { "prefix", 'p', 0, G_OPTION_ARG_STRING, &prefix,
      "Begins the name of every figure (startup)", "NAME" },
    { "settings", 's', 0, G_OPTION_ARG_FILENAME, &settings_dir,
      "Run the programs with the settings of DIR/glib-2.0/settings/keyfile, not in memory",
      "DIR" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Log each map and damage", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &app_argv, NULL, NULL },
    { NULL }
  };
  Bench bench = { 0 };
  int event_base, error_base, status = 1;

  context = g_option_context_new ("-- ACQUIS [ARGS…] — time from exec to the window shown, "
                                  "against a bare window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (baseline == NULL || app_argv == NULL || app_argv[0] == NULL || runs < 1)
    {
      g_printerr ("Usage: %s --baseline BARE [--runs N] [--label LABEL | --data-dir LABEL:DIR…]"
                  " -- ACQUIS [ARGS…]\n", g_get_prgname ());
      return 2;
    }

  if (prefix == NULL)
    prefix = g_strdup ("startup");
  g_ptr_array_add (programs, program_new ("bare", g_strdupv ((char *[]) { baseline, NULL })));
  for (guint i = 0; data_dirs != NULL && data_dirs[i] != NULL; i++)
    {
      Program *app = program_new_for_data_dir (data_dirs[i], app_argv, &error);

      if (app == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
      g_ptr_array_add (programs, app);
    }
  if (programs->len == 1)
    g_ptr_array_add (programs, program_new (label != NULL ? label : "app", g_strdupv (app_argv)));

  bench.display = XOpenDisplay (NULL);
  if (bench.display == NULL)
    {
      g_printerr ("Cannot open the X display “%s”\n", g_getenv ("DISPLAY"));
      return 1;
    }
  if (!XDamageQueryExtension (bench.display, &event_base, &error_base))
    {
      g_printerr ("The X server has no DAMAGE extension\n");
      XCloseDisplay (bench.display);
      return 1;
    }
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_printerr ("# no D-Bus session: run this under dbus-run-session\n");
  XSetErrorHandler (on_x_error_cb);
  bench.damage_event_base = event_base;
  bench.root = DefaultRootWindow (bench.display);
  bench.net_wm_pid = XInternAtom (bench.display, "_NET_WM_PID", False);
  bench.damages = g_hash_table_new (NULL, NULL);
  bench.envp = make_envp (settings_dir);
  bench.verbose = verbose;
  XSelectInput (bench.display, bench.root, SubstructureNotifyMask);

  if (run_all (&bench, programs, runs, &error))
    {
      print_bare_figures (prefix, g_ptr_array_index (programs, 0), runs);
      for (guint i = 1; i < programs->len; i++)
        print_app_figures (prefix, g_ptr_array_index (programs, 0),
                           g_ptr_array_index (programs, i));
      status = 0;
    }

  if (error != NULL)
    g_printerr ("bench-startup: %s\n", error->message);
  g_strfreev (bench.envp);
  g_hash_table_unref (bench.damages);
  XCloseDisplay (bench.display);
  return status;
}

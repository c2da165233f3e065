/* bench-dossier.c — the Dossier Professionnel of a long career (about 100 pages): how fast it
 * is written, against LibreOffice converting the same text from HTML, and how fast the
 * preview shows it, against pdftoppm
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-dossier DATA_DIR   (run by run-in-x.sh, in its own X server)
 *        bench-dossier --write DATA_DIR CANDIDATE OUTPUT [TIMINGS]   (one generation, in a child
 *        process so that its peak memory is its own; the seconds of its parts go to TIMINGS)
 *        bench-dossier --start   (returns at once: the cost of starting the process)
 */
#define G_LOG_DOMAIN "bench-dossier"

#include "config.h"

#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <adwaita.h>

#include "acq-candidate-list.h"
#include "acq-dossier-document.h"
#include "acq-dossier-view.h"
#include "acq-dossier-window.h"
#include "acq-dossier.h"
#include "acq-referential.h"
#include "acq-sheet-list.h"
#include "bench-stats.h"
#include "bench-text.h"

#define N_SHEETS 30
#define WORDS_PER_SHEET 1300
#define RUNS 3
/* LibreOffice takes seconds a run: 5 of each, alternated, for a median on a shared machine */
#define GENERATION_RUNS 5
#define PAGE_RUNS 9

static const guint rubric_shares[ACQ_N_RUBRICS] = { 40, 20, 15, 15, 10 };

/* --- The fixture -------------------------------------------------------------------------- */

static AcqCandidate *
make_fixture (AcqStore *store, GString *html, GError **error)
{
  g_autoptr (AcqCandidateList) candidates = acq_candidate_list_new (store, error);
  g_autoptr (AcqFiche) fiche = NULL;
  g_autoptr (AcqSheetList) sheets = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  AcqCandidate *candidate;

  if (candidates == NULL || !acq_referential_ensure_default (store, error))
    return NULL;
  fiche = acq_referential_load (store, ACQ_REFERENTIAL_DEFAULT_FICHE, error);
  candidate = acq_candidate_list_create (candidates, "Hélène", "Dubois", error);
  if (fiche == NULL || candidate == NULL)
    return NULL;
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_BIRTH_NAME, "Martin");
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_ADDRESS, "12 rue des Tanneurs\n46000 Cahors");
  if (!acq_candidate_list_save (candidates, candidate, error))
    return NULL;
  sheets = acq_sheet_list_new (store, candidate, error);
  if (sheets == NULL)
    return NULL;
  g_string_append (html, "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                         "<title>Dossier professionnel</title></head><body>"
                         "<h1>Dossier Professionnel</h1><p>Hélène Dubois</p>");
  for (guint i = 0; i < N_SHEETS; i++)
    {
      AcqBlocDef *bloc = g_ptr_array_index (fiche->blocs, i % fiche->blocs->len);
      g_autofree char *title = bench_text_title (rand);
      AcqSheet *sheet = acq_sheet_list_create (sheets, bloc->uuid, title, error);

      if (sheet == NULL)
        return NULL;
      g_string_append_printf (html, "<h2>Exemple n° %u : %s</h2>", i + 1, title);
      acq_sheet_set_organisation (sheet, bench_text_organisation (rand));
      acq_sheet_set_department (sheet, bench_text_department (rand));
      acq_sheet_set_period_from (sheet, "2019-09-01");
      acq_sheet_set_period_to (sheet, "2022-06-30");
      for (guint r = 0; r < ACQ_N_RUBRICS; r++)
        {
          g_autofree char *text =
            bench_text_sentences (rand, WORDS_PER_SHEET * rubric_shares[r] / 100);
          g_autofree char *escaped = g_markup_escape_text (text, -1);

          acq_sheet_set_rubric (sheet, r, text);
          g_string_append_printf (html, "<h3>%s</h3><p>%s</p>", acq_rubric_label (r), escaped);
        }
      if (!acq_sheet_list_save (sheets, sheet, error))
        return NULL;
    }
  g_string_append (html, "</body></html>");
  /* the list holds its candidates: this one outlives it */
  return g_object_ref (candidate);
}

/* --- Child processes ---------------------------------------------------------------------- */

/* Runs @argv to its end; its wall time in seconds, and its peak memory (with what it waited
 * for) in kilobytes. */
static gboolean
run_child (const char *const *argv, double *seconds, long *max_rss_kb)
{
  gint64 start = g_get_monotonic_time ();
  struct rusage usage;
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      int devnull = open ("/dev/null", O_WRONLY);
      dup2 (devnull, STDOUT_FILENO);
      dup2 (devnull, STDERR_FILENO);
      execvp (argv[0], (char *const *) argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) != pid)
    return FALSE;
  *seconds = (g_get_monotonic_time () - start) / 1e6;
  *max_rss_kb = usage.ru_maxrss;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

/* The parts of one generation, in seconds: what the child's time is made of. */
typedef enum
{
  PART_PROCESS_START, /* exec to exit of an empty main(): dynamic linking, mostly */
  PART_FONTCONFIG,    /* fontconfig reading its configuration and caches */
  PART_STORE,         /* opening the store */
  PART_WRITE,         /* acq_dossier_write(): loading the data, laying out, writing */
  PART_OUTSIDE_MAIN,  /* the child's time out of main(): its start, its end, found by the
                       * parent */
  N_PARTS
} Part;

static const char *const part_names[N_PARTS] = {
  "process-start", "fontconfig-init", "store-open", "write", "outside-main",
};

/* One generation; with @timings, the seconds of its parts go there, with the time the
 * process spent in main(). */
static int
write_one (const char *data_dir, const char *uuid, const char *output, const char *timings)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  gint64 start = g_get_monotonic_time (), fonts, opened, written;
  gboolean ok;

  /* Pango would do it at its first font, inside acq_dossier_write(): done here so that it
   * shows as its own figure; the child's time is the same. */
  FcInit ();
  fonts = g_get_monotonic_time ();
  store = acq_store_open (data_dir, &error);
  opened = g_get_monotonic_time ();
  ok = store != NULL &&
       acq_dossier_write (store, uuid, output, ACQ_DOSSIER_MODE_DRAFT, NULL, NULL, NULL, &error);
  written = g_get_monotonic_time ();
  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (timings != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%.6f %.6f %.6f %.6f\n", (fonts - start) / 1e6,
                                               (opened - fonts) / 1e6, (written - opened) / 1e6,
                                               (written - start) / 1e6);

      if (!g_file_set_contents (timings, text, -1, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  return 0;
}

/* The parts of the generation the child reported, the process start being what the parent
 * measured less what the child spent in main(). */
static void
add_parts (GArray **parts, const char *timings, double seconds)
{
  g_autofree char *text = NULL;
  double fonts, store, write, in_main, value;

  if (!g_file_get_contents (timings, &text, NULL, NULL) ||
      sscanf (text, "%lf %lf %lf %lf", &fonts, &store, &write, &in_main) != 4)
    g_error ("The child did not report its timings.");
  value = seconds - in_main;
  g_array_append_val (parts[PART_FONTCONFIG], fonts);
  g_array_append_val (parts[PART_STORE], store);
  g_array_append_val (parts[PART_WRITE], write);
  g_array_append_val (parts[PART_OUTSIDE_MAIN], value);
}

/* --- Generation --------------------------------------------------------------------------- */

/* One run of LibreOffice on the same text; FALSE if it failed. */
static gboolean
run_office (const char *const *argv, GArray *times, GArray *rss_kb)
{
  double seconds, kb;
  long rss;

  if (!run_child (argv, &seconds, &rss))
    return FALSE;
  kb = rss;
  g_array_append_val (times, seconds);
  g_array_append_val (rss_kb, kb);
  return TRUE;
}

static void
bench_generation (const char *self_path, const char *data_dir, const char *uuid,
                  const char *pdf, const char *html_path, const char *tmp)
{
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ours_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) office = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) office_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/lo-profile", tmp);
  g_autofree char *outdir = g_build_filename (tmp, "lo-out", NULL);
  g_autofree char *timings = g_build_filename (tmp, "timings", NULL);
  const char *const ours_argv[] = { self_path, "--write", data_dir, uuid, pdf, timings, NULL };
  const char *const start_argv[] = { self_path, "--start", NULL };
  const char *const office_argv[] = { soffice, profile, "--headless", "--convert-to", "pdf",
                                      "--outdir", outdir, html_path, NULL };
  gboolean office_ok = soffice != NULL;
  GArray *parts[N_PARTS];
  double seconds;
  long rss;

  for (guint p = 0; p < N_PARTS; p++)
    parts[p] = g_array_new (FALSE, FALSE, sizeof (double));
  /* the first run makes LibreOffice's profile: not measured */
  if (office_ok)
    run_child (office_argv, &seconds, &rss);
  /* the two alternate, so that a machine busy for a while slows both alike */
  for (guint i = 0; i < GENERATION_RUNS; i++)
    {
      double kb;

      if (!run_child (ours_argv, &seconds, &rss))
        g_error ("The dossier could not be written.");
      kb = rss;
      g_array_append_val (ours, seconds);
      g_array_append_val (ours_rss, kb);
      add_parts (parts, timings, seconds);
      /* the same program, from exec to the end of a main() that returns at once */
      if (!run_child (start_argv, &seconds, &rss))
        g_error ("The benchmark could not start itself.");
      g_array_append_val (parts[PART_PROCESS_START], seconds);
      office_ok = office_ok && run_office (office_argv, office, office_rss);
    }
  printf ("dossier-generation: %.3f s\n", bench_median (ours));
  printf ("dossier-generation-peak-memory: %.1f MB\n", bench_median (ours_rss) / 1024);
  /* what the child's time is made of (medians, so they need not add up exactly); the app
   * pays only "write", in a worker thread of a process already started */
  for (guint p = 0; p < N_PARTS; p++)
    {
      printf ("dossier-generation-part-%s: %.1f ms\n", part_names[p],
              bench_median (parts[p]) * 1000);
      g_array_unref (parts[p]);
    }

  if (soffice == NULL)
    printf ("dossier-libreoffice: skipped, soffice is not installed "
            "(apt-get install libreoffice-writer-nogui)\n");
  else if (!office_ok)
    printf ("dossier-libreoffice: skipped, soffice failed to convert the HTML\n");
  else
    {
      printf ("dossier-libreoffice: %.3f s\n", bench_median (office));
      printf ("dossier-libreoffice-peak-memory: %.1f MB\n", bench_median (office_rss) / 1024);
      printf ("dossier-generation-speedup: %.1f x (target >= 10)\n",
              bench_median (office) / bench_median (ours));
    }
}

/* --- The preview -------------------------------------------------------------------------- */

typedef struct
{
  GMainLoop          *loop;
  AcqDossierDocument *document;
  GdkTexture         *texture;
  gint64              end;
} Wait;

static void
on_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Wait *wait = user_data;
  g_autoptr (GError) error = NULL;

  wait->document = acq_dossier_document_load_finish (result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (wait->loop);
}

static void
on_rendered_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Wait *wait = user_data;
  g_autoptr (GError) error = NULL;

  wait->texture = acq_dossier_document_render_finish (ACQ_DOSSIER_DOCUMENT (source), result,
                                                      &error);
  wait->end = g_get_monotonic_time ();
  g_assert_no_error (error);
  g_main_loop_quit (wait->loop);
}

static void
bench_page_render (const char *pdf, const char *tmp)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr (GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) pdftoppm = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *tool = g_find_program_in_path ("pdftoppm");
  g_autofree char *prefix = g_build_filename (tmp, "page", NULL);
  Wait wait = { loop };
  guint n;

  acq_dossier_document_load_async (pdf, NULL, on_loaded_cb, &wait);
  g_main_loop_run (loop);
  n = acq_dossier_document_get_n_pages (wait.document);
  printf ("dossier-pages: %u pages\n", n);
  for (guint i = 0; i < PAGE_RUNS; i++)
    {
      /* pages spread over the examples, not the cover */
      guint page = 2 + i * (n - 3) / PAGE_RUNS;
      gint64 start = g_get_monotonic_time ();
      double seconds;

      acq_dossier_document_render_async (wait.document, page, ACQ_DOSSIER_POINTS_TO_PIXELS,
                                         ACQ_DOSSIER_PRIORITY_VISIBLE, NULL, on_rendered_cb,
                                         &wait);
      g_main_loop_run (loop);
      seconds = (wait.end - start) / 1e6;
      g_array_append_val (ours, seconds);
      g_clear_object (&wait.texture);
      if (tool != NULL)
        {
          g_autofree char *number = g_strdup_printf ("%u", page + 1);
          const char *const argv[] = { tool, "-r", "96", "-f", number, "-l", number, pdf,
                                       prefix, NULL };
          long rss;

          if (!run_child (argv, &seconds, &rss))
            g_error ("pdftoppm failed.");
          g_array_append_val (pdftoppm, seconds);
        }
    }
  printf ("preview-page-render-100%%: %.1f ms\n", bench_median (ours) * 1000);
  if (tool == NULL)
    printf ("preview-pdftoppm: skipped, pdftoppm is not installed (apt-get install "
            "poppler-utils)\n");
  else
    {
      printf ("preview-pdftoppm-96dpi: %.1f ms\n", bench_median (pdftoppm) * 1000);
      printf ("preview-page-render-ratio: %.2f (ours / pdftoppm, target <= 1.2)\n",
              bench_median (ours) / bench_median (pdftoppm));
    }
  g_object_unref (wait.document);
}

static AcqDossierView *
find_view (GtkWidget *widget)
{
  if (ACQ_IS_DOSSIER_VIEW (widget))
    return ACQ_DOSSIER_VIEW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AcqDossierView *view = find_view (child);
      if (view != NULL)
        return view;
    }
  return NULL;
}

static void
on_after_paint_cb (GdkFrameClock *clock, Wait *wait)
{
  if (wait->end == 0)
    return;
  g_signal_handlers_disconnect_by_data (clock, wait);
  wait->end = g_get_monotonic_time ();
  g_main_loop_quit (wait->loop);
}

static void
on_page_ready_cb (AcqDossierView *view, guint page, Wait *wait)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));

  g_signal_handlers_disconnect_by_data (view, wait);
  /* shown once the frame that draws it is painted */
  wait->end = 1;
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), wait);
}

static void
bench_first_page (AcqStore *store, AcqCandidate *candidate)
{
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < RUNS; i++)
    {
      Wait wait = { loop };
      gint64 start = g_get_monotonic_time ();
      AcqDossierWindow *window = acq_dossier_window_new (NULL, store, candidate);
      double seconds;

      g_signal_connect (find_view (GTK_WIDGET (window)), "page-ready",
                        G_CALLBACK (on_page_ready_cb), &wait);
      g_main_loop_run (loop);
      seconds = (wait.end - start) / 1e6;
      g_array_append_val (times, seconds);
      gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  printf ("preview-first-page-shown: %.3f s (window opened to first page painted, "
          "generation included)\n", bench_median (times));
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCandidate) candidate = NULL;
  g_autoptr (GString) html = g_string_new (NULL);
  g_autofree char *data_dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *html_path = NULL;
  g_autofree char *tmp = NULL;

  if (argc == 2 && g_str_equal (argv[1], "--start"))
    return 0;
  if ((argc == 5 || argc == 6) && g_str_equal (argv[1], "--write"))
    return write_one (argv[2], argv[3], argv[4], argc == 6 ? argv[5] : NULL);
  if (argc != 2)
    {
      g_printerr ("usage: %s DATA_DIR\n", argv[0]);
      return 2;
    }
  /* the dossier is dated: the same one at every run */
  g_setenv ("SOURCE_DATE_EPOCH", "1767225600", TRUE);
  data_dir = g_strdup (argv[1]);
  tmp = g_build_filename (data_dir, "bench", NULL);
  g_mkdir_with_parents (tmp, 0700);
  store = acq_store_open (data_dir, &error);
  if (store == NULL || (candidate = make_fixture (store, html, &error)) == NULL)
    g_error ("%s", error->message);
  pdf = g_build_filename (tmp, "dossier.pdf", NULL);
  html_path = g_build_filename (tmp, "dossier.html", NULL);
  if (!g_file_set_contents (html_path, html->str, html->len, &error))
    g_error ("%s", error->message);

  bench_generation (argv[0], data_dir, acq_candidate_get_uuid (candidate), pdf, html_path, tmp);
  bench_page_render (pdf, tmp);
  if (!gtk_init_check ())
    {
      printf ("preview-first-page-shown: skipped, no display\n");
      return 0;
    }
  adw_init ();
  bench_first_page (store, candidate);
  return 0;
}

/* bench-package.c — exporting and importing an .acquis file of a large dossier, against cp
 * and sqlite3's .backup of the same data, and the merge of 1,000 changed sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-package WORK_DIR [SHEETS [ATTACHMENT_MB [RUNS]]]   (1000, 50, 3)
 *
 * Every timed step runs in a process of its own, started the same way for Acquis and for the
 * baselines, so that its peak memory (ru_maxrss) is its own: "bench-package export|import|
 * change …" are those steps. The passphrase is derived with the cost exported files use.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "acq-attachment.h"
#include "acq-candidate-list.h"
#include "acq-package.h"
#include "acq-referential.h"
#include "acq-sheet-list.h"
#include "bench-stats.h"
#include "bench-text.h"

#define PASSPHRASE "bench passphrase"
#define CANDIDATE "3c5a7e9b-1d2f-4a6c-8e0b-2f4d6a8c0e1b"

static const char *self_path;

static void
die (GError *error)
{
  g_printerr ("bench-package: %s\n", error->message);
  exit (1);
}

/* Runs @argv in a child; returns its wall time in ms, and its peak memory in MB. */
static double
run_child (char **argv, double *out_peak_mb)
{
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  int status;
  pid_t pid = fork ();

  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);
      dup2 (null, STDOUT_FILENO);
      execv (argv[0], argv);
      _exit (127);
    }
  if (pid < 0 || wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) ||
      WEXITSTATUS (status) != 0)
    {
      g_printerr ("bench-package: %s failed\n", argv[0]);
      exit (1);
    }
  if (out_peak_mb != NULL)
    *out_peak_mb = usage.ru_maxrss / 1024.0;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
fill (const char *dir, guint n_sheets, guint attachment_mb)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (dir, &error);
  g_autoptr (AcqCandidateList) candidates = NULL;
  g_autoptr (AcqCandidate) candidate = acq_candidate_new (CANDIDATE);
  g_autoptr (AcqSheetList) sheets = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (1);
  g_autofree guint8 *bytes = g_malloc (1024 * 1024);
  g_autofree char *png = g_build_filename (dir, "scan.png", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (png);
  static const guint8 magic[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (store == NULL || !acq_referential_ensure_default (store, &error) ||
      !(candidates = acq_candidate_list_new (store, &error)))
    die (error);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_FIRST_NAME, "Hélène");
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_LAST_NAME, "Dubois");
  if (!acq_candidate_list_add (candidates, candidate, &error) ||
      !(sheets = acq_sheet_list_new (store, candidate, &error)))
    die (error);
  for (guint i = 0; i < n_sheets; i++)
    {
      g_autofree char *title = bench_text_title (rand);
      AcqSheet *sheet = acq_sheet_list_create (sheets, NULL, title, &error);

      if (sheet == NULL)
        die (error);
      for (guint r = 0; r < ACQ_N_RUBRICS - 1; r++)
        {
          g_autofree char *text = bench_text_sentences (rand, 100);
          acq_sheet_set_rubric (sheet, r, text);
        }
      if (!acq_sheet_list_save (sheets, sheet, &error))
        die (error);
      /* Scans of 1 MB, on the first sheets. */
      if (i < attachment_mb)
        {
          g_autoptr (AcqAttachment) attachment = NULL;

          randombytes_buf (bytes, 1024 * 1024);
          memcpy (bytes, magic, sizeof magic);
          if (!g_file_set_contents (png, (const char *) bytes, 1024 * 1024, &error) ||
              !(attachment = acq_attachment_add (store, acq_sheet_get_uuid (sheet), file, NULL,
                                                 &error)))
            die (error);
        }
    }
  g_unlink (png);
  acq_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
}

/* Child steps ----------------------------------------------------------------------------- */

static int
child_export (const char *dir, const char *path, const char *role)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (dir, &error);

  if (store == NULL ||
      !acq_package_export (store, CANDIDATE, g_str_equal (role, "coach") ? ACQ_ROLE_COACH
                                                                          : ACQ_ROLE_CANDIDATE,
                           PASSPHRASE, path, NULL, &error))
    die (error);
  return 0;
}

static int
child_import (const char *dir, const char *path, const char *role)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (dir, &error);
  g_autoptr (AcqImportReport) report = NULL;

  if (store == NULL || !acq_referential_ensure_default (store, &error) ||
      !(report = acq_package_import (store, path, PASSPHRASE,
                                     g_str_equal (role, "coach") ? ACQ_ROLE_COACH
                                                                 : ACQ_ROLE_CANDIDATE,
                                     NULL, &error)))
    die (error);
  g_print ("%u items\n", acq_import_report_get_n_items (report));
  return 0;
}

/* Rewrites the first rubric of every sheet, as a week of work would. */
static int
child_change (const char *dir, const char *seed)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = acq_store_open (dir, &error);
  g_autoptr (AcqCandidateList) candidates = NULL;
  g_autoptr (AcqSheetList) sheets = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (atoi (seed));
  AcqCandidate *candidate = NULL;

  if (store == NULL || !(candidates = acq_candidate_list_new (store, &error)))
    die (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (candidates)); i++)
    {
      g_autoptr (AcqCandidate) c = g_list_model_get_item (G_LIST_MODEL (candidates), i);
      if (g_str_equal (acq_candidate_get_uuid (c), CANDIDATE))
        candidate = c;
    }
  if (!(sheets = acq_sheet_list_new (store, candidate, &error)))
    die (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sheets)); i++)
    {
      g_autoptr (AcqSheet) sheet = g_list_model_get_item (G_LIST_MODEL (sheets), i);
      g_autofree char *text = bench_text_sentences (rand, 100);

      acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, text);
      if (!acq_sheet_list_save (sheets, sheet, &error))
        die (error);
    }
  return 0;
}

/* The benchmark -------------------------------------------------------------------------- */

static gint64
tree_size (const char *path)
{
  GStatBuf st;
  gint64 total = 0;

  if (g_stat (path, &st) != 0)
    return 0;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          total += tree_size (child);
        }
      return total;
    }
  return st.st_size;
}

static void
print_median (const char *name, GArray *values, const char *unit)
{
  g_print ("%s: %.1f %s\n", name, bench_median (values), unit);
}

int
main (int argc, char *argv[])
{
  g_autofree char *work = NULL;
  g_autofree char *source = NULL;
  g_autofree char *package = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *db = NULL;
  g_autofree char *attachments = NULL;
  guint n_sheets, attachment_mb, runs;
  const char *names[] = { "export_ms", "export_peak_mb", "import_ms", "import_peak_mb", "cp_ms",
                          "cp_peak_mb", "sqlite_backup_ms", "sqlite_backup_peak_mb",
                          "merge_all_changed_import_ms", "merge_all_changed_export_ms", "kdf_ms" };
  GArray *figures[G_N_ELEMENTS (names)];
  gint64 t0;

  self_path = argv[0];
  if (argc >= 4 && g_str_equal (argv[1], "export"))
    return child_export (argv[2], argv[3], argc > 4 ? argv[4] : "candidate");
  if (argc >= 4 && g_str_equal (argv[1], "import"))
    return child_import (argv[2], argv[3], argc > 4 ? argv[4] : "coach");
  if (argc == 4 && g_str_equal (argv[1], "change"))
    return child_change (argv[2], argv[3]);
  if (argc < 2 || sodium_init () < 0)
    {
      g_printerr ("usage: bench-package WORK_DIR [SHEETS [ATTACHMENT_MB [RUNS]]]\n");
      return 2;
    }
  work = g_strdup (argv[1]);
  n_sheets = argc > 2 ? atoi (argv[2]) : 1000;
  attachment_mb = argc > 3 ? atoi (argv[3]) : 50;
  runs = argc > 4 ? atoi (argv[4]) : 3;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    figures[i] = g_array_new (FALSE, FALSE, sizeof (double));

  source = g_build_filename (work, "source", NULL);
  package = g_build_filename (work, "dossier.acquis", NULL);
  changed = g_build_filename (work, "changed.acquis", NULL);
  db = g_build_filename (source, ACQ_STORE_FILE_NAME, NULL);
  attachments = g_build_filename (source, ACQ_ATTACHMENT_DIR, NULL);
  t0 = g_get_monotonic_time ();
  fill (source, n_sheets, attachment_mb);
  g_printerr ("# %u sheets and %u MB of attachments written in %.1f s\n", n_sheets,
              attachment_mb, (g_get_monotonic_time () - t0) / 1e6);

  for (guint run = 0; run < runs; run++)
    {
      g_autofree char *target = g_strdup_printf ("%s/coach-%u", work, run);
      g_autofree char *seed = g_strdup_printf ("%u", run + 2);
      char *export_argv[] = { (char *) self_path, "export", source, package, "candidate", NULL };
      char *import_argv[] = { (char *) self_path, "import", target, package, "coach", NULL };
      char *change_argv[] = { (char *) self_path, "change", source, seed, NULL };
      char *export2_argv[] = { (char *) self_path, "export", source, changed, "candidate", NULL };
      char *merge_argv[] = { (char *) self_path, "import", target, changed, "coach", NULL };
      g_autofree char *cp_target = g_strdup_printf ("%s/cp-%u", work, run);
      g_autofree char *backup_target = g_strdup_printf ("%s/backup-%u.db", work, run);
      g_autofree char *backup_command = g_strdup_printf (".backup '%s'", backup_target);
      char *cp_argv[] = { "/bin/cp", "-r", db, attachments, cp_target, NULL };
      char *sqlite_argv[] = { "/usr/bin/sqlite3", db, backup_command, NULL };
      guint8 key[32], salt[16] = { 0 };
      double ms, peak;

      ms = run_child (export_argv, &peak);
      g_array_append_val (figures[0], ms);
      g_array_append_val (figures[1], peak);
      ms = run_child (import_argv, &peak);
      g_array_append_val (figures[2], ms);
      g_array_append_val (figures[3], peak);
      g_mkdir_with_parents (cp_target, 0700);
      ms = run_child (cp_argv, &peak);
      g_array_append_val (figures[4], ms);
      g_array_append_val (figures[5], peak);
      ms = run_child (sqlite_argv, &peak);
      g_array_append_val (figures[6], ms);
      g_array_append_val (figures[7], peak);

      /* The merge: every sheet changed on the candidate's side since the coach's import. */
      run_child (change_argv, NULL);
      ms = run_child (export2_argv, NULL);
      g_array_append_val (figures[9], ms);
      ms = run_child (merge_argv, NULL);
      g_array_append_val (figures[8], ms);

      /* The fixed cost inside both: one Argon2id derivation, as export and import do. */
      t0 = g_get_monotonic_time ();
      if (crypto_pwhash (key, sizeof key, PASSPHRASE, strlen (PASSPHRASE), salt, 3,
                         128 * 1024 * 1024, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return 1;
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (figures[10], ms);
      g_printerr ("# run %u done\n", run + 1);
    }

  g_print ("sheets: %u\n", n_sheets);
  g_print ("changed_sheets_in_merge: %u\n", n_sheets);
  g_print ("attachments: %u MB\n", attachment_mb);
  g_print ("data_bytes: %.1f MB\n", (tree_size (db) + tree_size (attachments)) / 1e6);
  g_print ("package_bytes: %.1f MB\n", tree_size (package) / 1e6);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    print_median (names[i], figures[i], g_str_has_suffix (names[i], "_mb") ? "MB" : "ms");
  g_print ("export_vs_cp: %.1f x\n", bench_median (figures[0]) / bench_median (figures[4]));
  g_print ("import_vs_cp: %.1f x\n", bench_median (figures[2]) / bench_median (figures[4]));
  g_print ("export_vs_sqlite_backup: %.1f x\n",
           bench_median (figures[0]) / bench_median (figures[6]));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_array_unref (figures[i]);
  return 0;
}

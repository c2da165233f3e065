/* bench-referential.c — listing the certifications of a 100 MB France Compétences export, and
 * storing one of them, against xmllint reading the same file as a stream
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export is made up here (its fiches' lists in the shapes the splitter knows), about the
 * size of the national one. The baseline is `xmllint --stream --noout` over the same file, in
 * the same run: the least any reader of it pays. Figures are medians of RUNS; the memory is
 * the growth of the process's peak resident size while listing (VmHWM, reset through
 * /proc/self/clear_refs), which must stay small: the file is never held whole.
 */
#define G_LOG_DOMAIN "bench-referential"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "acq-referential.h"
#include "acq-store.h"
#include "acq-user-file.h"
#include "bench-stats.h"

#define TARGET_BYTES (100 * 1024 * 1024)
#define RUNS         3

static const char *const shapes[] = {
  "&lt;ul&gt;&lt;li&gt;Accueillir le public %u&lt;/li&gt;&lt;li&gt;Analyser la demande "
  "exprimée&lt;/li&gt;&lt;li&gt;Orienter vers les partenaires du territoire&lt;/li&gt;&lt;/ul&gt;",
  "C%u.1 – Concevoir une action de formation C%u.2 – Animer une séquence en groupe "
  "C%u.3 – Évaluer les acquis des participants",
  "1 - Préparer l'intervention %u 2 - Conduire l'intervention sur site 3 - Rendre compte au "
  "responsable",
  "BLOC DE COMPETENCES %uA\n- Identifier les risques professionnels\n- Mettre en œuvre les "
  "mesures de prévention\n- Former les salariés aux gestes",
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The made-up export, written as a stream; returns the number of its last fiche. */
static char *
write_export (const char *path)
{
  FILE *out = fopen (path, "w");
  g_autoptr (GString) fiche = g_string_new (NULL);
  gsize written = 0;
  guint n = 0;

  g_assert (out != NULL);
  fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<FICHES>\n", out);
  while (written < TARGET_BYTES)
    {
      guint blocs = 2 + n % 5;

      n++;
      g_string_printf (fiche, "<FICHE><NUMERO_FICHE>RNCP%u</NUMERO_FICHE><INTITULE>Titre "
                              "professionnel numéro %u de la branche</INTITULE><ACTIF>%s</ACTIF>"
                              "<BLOCS_COMPETENCES>\n", 10000 + n, n, n % 7 ? "Oui" : "Non");
      for (guint b = 1; b <= blocs; b++)
        {
          g_string_append_printf (fiche, "<BLOC_COMPETENCES><CODE>RNCP%uBC%02u</CODE><LIBELLE>"
                                         "Bloc %u de la fiche %u</LIBELLE><LISTE_COMPETENCES>",
                                  10000 + n, b, b, n);
          g_string_append_printf (fiche, shapes[(n + b) % G_N_ELEMENTS (shapes)], b, b, b);
          g_string_append (fiche, "</LISTE_COMPETENCES><MODALITES_EVALUATION>Mise en situation "
                                  "professionnelle et entretien avec le jury"
                                  "</MODALITES_EVALUATION></BLOC_COMPETENCES>\n");
        }
      g_string_append (fiche, "</BLOCS_COMPETENCES></FICHE>\n");
      fwrite (fiche->str, 1, fiche->len, out);
      written += fiche->len;
    }
  fputs ("</FICHES>\n", out);
  g_assert (fclose (out) == 0);
  return g_strdup_printf ("RNCP%u", 10000 + n);
}

/* The peak resident size, in kB, and its reset: what the listing itself adds to it. */
static gint64
peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

static void
reset_peak (void)
{
  g_file_set_contents ("/proc/self/clear_refs", "5", 1, NULL);
}

static gboolean
count_fiche (AcqFiche *fiche, gpointer data)
{
  (*(guint *) data)++;
  return TRUE;
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("acquis-bench-referential-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "export.xml", NULL);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *last = NULL;
  g_autoptr (GArray) lint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) list = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) import = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (AcqStore) store = NULL;
  const char *lint_argv[] = { "xmllint", "--stream", "--noout", path, NULL };
  gint64 growth = 0;
  guint fiches = 0;
  GStatBuf st;

  g_assert_no_error (error);
  last = write_export (path);
  g_assert (g_stat (path, &st) == 0);
  printf ("referential-export-size: %.1f MB\n", st.st_size / 1048576.0);
  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      int status = 0;
      double ms;

      if (!g_spawn_sync (NULL, (char **) lint_argv, NULL,
                         G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                         NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("xmllint: %s", error->message);
      ms = ms_since (start);
      g_array_append_val (lint, ms);
    }
  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr (GInputStream) stream = acq_user_file_read (path, &error);
      gint64 start, before;
      double ms;

      g_assert_no_error (error);
      fiches = 0;
      reset_peak ();
      before = peak_kb ();
      start = g_get_monotonic_time ();
      if (!acq_referential_list (stream, count_fiche, &fiches, NULL, &error))
        g_error ("%s", error->message);
      ms = ms_since (start);
      growth = MAX (growth, peak_kb () - before);
      g_array_append_val (list, ms);
    }
  store = acq_store_open (data_dir, &error);
  g_assert_no_error (error);
  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (AcqFiche) fiche = acq_referential_read_fiche_file (path, last, NULL, &error);
      double ms;

      if (fiche == NULL || !acq_referential_import_fiche (store, fiche, &error))
        g_error ("%s", error->message);
      ms = ms_since (start);
      g_array_append_val (import, ms);
    }
  printf ("referential-export-fiches: %u fiches\n", fiches);
  printf ("referential-xmllint-stream: %.0f ms\n", bench_median (lint));
  printf ("referential-list: %.0f ms\n", bench_median (list));
  printf ("referential-list-ratio: %.2f x\n", bench_median (list) / bench_median (lint));
  printf ("referential-list-peak-growth: %.1f MB\n", growth / 1024.0);
  printf ("referential-import-last-fiche: %.0f ms\n", bench_median (import));
  g_unlink (path);
  return 0;
}

/* acq-application-cli-certification.c — the command line's certifications: list the fiches
 * of a France Compétences export, store one, print one stored
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export is read as a stream (acq_referential_parse()): a 100 MB file is never held in
 * memory, and a hostile one (entities, a huge field, a truncated file) is refused with a
 * sentence before anything is stored.
 */
#define G_LOG_DOMAIN "acq-application"

#include "config.h"

#include <glib/gi18n.h>

#include "acq-application-private.h"
#include "acq-referential.h"
#include "acq-text.h"

typedef struct
{
  char *query; /* folded, "" for every fiche */
  guint shown;
} Listing;

static gboolean
print_fiche (AcqFiche *fiche, gpointer data)
{
  Listing *listing = data;
  const char *title = fiche->title != NULL ? fiche->title : "";
  g_autofree char *key = g_strconcat (fiche->number, " ", title, NULL);
  g_autofree char *folded = acq_text_fold (key);

  if (acq_text_matches (folded, listing->query))
    {
      g_print ("%s\t%s\t%u\t%s\n", fiche->number, fiche->active ? "active" : "inactive",
               fiche->blocs->len, title);
      listing->shown++;
    }
  return TRUE;
}

/* --list-certifications FILE [--search TEXT]: one line per fiche of the export FILE. */
static int
list_certifications (GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autofree char *path = _acq_application_options_path (options, "list-certifications");
  const char *search = NULL;
  Listing listing = { NULL, 0 };

  g_variant_dict_lookup (options, "search", "&s", &search);
  listing.query = acq_text_fold (search != NULL ? search : "");
  if (path == NULL)
    g_set_error_literal (&error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                         _("--list-certifications needs an export file of France Compétences "
                           "on this computer."));
  else if ((stream = acq_referential_open_export (path, &error)) != NULL)
    acq_referential_list (stream, print_fiche, &listing, NULL, &error);
  g_free (listing.query);
  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

static guint
count_competences (const AcqFiche *fiche)
{
  guint n = 0;

  for (guint i = 0; i < fiche->blocs->len; i++)
    n += ((const AcqBlocDef *) g_ptr_array_index (fiche->blocs, i))->competences->len;
  return n;
}

/* --import-certification FILE --fiche NUMBER, with --data-dir: that fiche stored, its
 * competences split from the export's text. */
static int
import_certification (const char *data_dir, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqFiche) fiche = NULL;
  g_autoptr (GPtrArray) unmatched = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = _acq_application_options_path (options, "import-certification");
  const char *number = NULL;

  if (!g_variant_dict_lookup (options, "fiche", "&s", &number) || *number == '\0')
    {
      g_printerr ("%s\n", _("--import-certification needs the number of the fiche to store: "
                            "--fiche RNCP37274."));
      return 2;
    }
  if (path == NULL)
    g_set_error_literal (&error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                         _("--import-certification needs an export file of France Compétences "
                           "on this computer."));
  else if ((fiche = acq_referential_read_fiche_file (path, number, NULL, &error)) != NULL &&
           (store = acq_store_open (data_dir, &error)) != NULL)
    acq_referential_import_fiche_full (store, fiche, unmatched, &error);
  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("%s\t%u\t%u\n", fiche->number, fiche->blocs->len, count_competences (fiche));
  /* Over an older version: each competence it no longer words, which the sheets linking it
   * keep, one line each ("unmatched<TAB>BLOC_CODE<TAB>TEXT"), never dropped in silence. */
  for (guint i = 0; i < unmatched->len; i++)
    g_print ("unmatched\t%s\n", (const char *) g_ptr_array_index (unmatched, i));
  return 0;
}

/* --certification NUMBER: the stored fiche, one line per competence. */
static int
show_certification (const char *data_dir, GVariantDict *options)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqFiche) fiche = NULL;
  const char *number = NULL;

  g_variant_dict_lookup (options, "certification", "&s", &number);
  if ((store = acq_store_open (data_dir, &error)) == NULL ||
      (fiche = acq_referential_load (store, number, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint b = 0; b < fiche->blocs->len; b++)
    {
      const AcqBlocDef *bloc = g_ptr_array_index (fiche->blocs, b);

      for (guint c = 0; c < bloc->competences->len; c++)
        g_print ("%s\t%u\t%s\n", bloc->code, c + 1,
                 (const char *) g_ptr_array_index (bloc->competences, c));
    }
  return 0;
}

/**
 * _acq_application_handle_certification_command:
 * @data_dir: the data folder
 * @options: the command line
 *
 * Returns: the exit status of the certification command given, or -1 if none was
 */
int
_acq_application_handle_certification_command (const char *data_dir, GVariantDict *options)
{
  if (g_variant_dict_contains (options, "list-certifications"))
    return list_certifications (options);
  if (g_variant_dict_contains (options, "import-certification"))
    return import_certification (data_dir, options);
  if (g_variant_dict_contains (options, "certification"))
    return show_certification (data_dir, options);
  return -1;
}

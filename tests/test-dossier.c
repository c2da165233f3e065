/* test-dossier.c — the Dossier Professionnel as a PDF, read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-dossier"

#include "config.h"

#include <cairo-pdf.h>
#include <locale.h>
#include <signal.h>
#include <poppler.h>
#include <string.h>
#include <sys/resource.h>

#include "acq-attachment.h"
#include "acq-candidate-list.h"
#include "acq-candidate-title.h"
#include "acq-coverage.h"
#include "acq-demo.h"
#include "acq-dossier-rules.h"
#include "acq-dossier.h"
#include "acq-referential.h"
#include "acq-review.h"
#include "acq-sheet-list.h"
#include "acq-text.h"
#include "test-pdf.h"
#include "test-util.h"


#define HELENE "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d01"
/* 1 January 2026, 00:00 UTC: the date of every dossier written here */
#define FIXED_EPOCH "1767225600"

typedef struct
{
  char             *dir;
  char             *output;
  AcqStore         *store;
  AcqCandidateList *candidates;
  AcqFiche         *fiche;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->store = test_store_open (&f->dir);
  f->output = g_build_filename (f->dir, "dossier.pdf", NULL);
  f->candidates = test_candidate_list_new (f->store);
  g_assert_true (acq_referential_ensure_default (f->store, &error));
  f->fiche = acq_referential_load (f->store, ACQ_REFERENTIAL_DEFAULT_FICHE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->fiche, acq_fiche_free);
  g_clear_object (&f->candidates);
  test_store_close (&f->store, &f->dir);
  g_free (f->output);
}

/* --- Making data ------------------------------------------------------------------------ */

static void
populate_demo (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (acq_demo_populate (f->candidates, &error));
  g_assert_no_error (error);
}

static const char *
bloc_uuid (Fixture *f, guint index)
{
  return ((AcqBlocDef *) g_ptr_array_index (f->fiche->blocs, index))->uuid;
}

/* A candidate who aims at bloc 1 only, with a complete identity. */
static AcqCandidate *
make_candidate (Fixture *f, const char *first, const char *last, const char *address)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *candidate = acq_candidate_list_create (f->candidates, first, last, &error);
  const char *blocs[] = { bloc_uuid (f, 0), NULL };

  g_assert_no_error (error);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_ADDRESS, address);
  acq_candidate_set_targeted_blocs (candidate, blocs);
  g_assert_true (acq_candidate_list_save (f->candidates, candidate, &error));
  g_assert_no_error (error);
  return candidate;
}

static AcqSheetList *
sheets_of (Fixture *f, AcqCandidate *candidate)
{
  g_autoptr (GError) error = NULL;
  AcqSheetList *list = acq_sheet_list_new (f->store, candidate, &error);

  g_assert_no_error (error);
  return list;
}

/* A sheet of bloc 1 with its context filled and @tasks as its first rubric. */
static AcqSheet *
make_sheet (AcqSheetList *list, Fixture *f, const char *title, const char *tasks)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet = acq_sheet_list_create (list, bloc_uuid (f, 0), title, &error);

  g_assert_no_error (error);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, tasks);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_MEANS, "Un guide d'entretien et un tableur.");
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_PARTNERS, "La conseillère France Travail.");
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_CONTEXT, "Une association d'insertion du Lot.");
  acq_sheet_set_organisation (sheet, "Association Tremplin Quercy");
  acq_sheet_set_department (sheet, "Pôle accueil");
  acq_sheet_set_period_from (sheet, "2021-03-01");
  acq_sheet_set_period_to (sheet, "2022-06-30");
  g_assert_true (acq_sheet_list_save (list, sheet, &error));
  g_assert_no_error (error);
  return sheet;
}

static void
validate (AcqSheetList *list, AcqSheet *sheet)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (acq_review_request (list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_no_error (error);
  g_assert_true (acq_review_decide (list, sheet, ACQ_ROLE_COACH, ACQ_REVIEW_STATE_VALIDATED,
                                    &error));
  g_assert_no_error (error);
}

/* About @n_words words of French prose, in paragraphs of about 90 words. */
static char *
prose (guint n_words)
{
  static const char *const words[] = {
    "J'ai", "reçu", "la", "personne", "pour", "un", "entretien", "de", "diagnostic", "et",
    "nous", "avons", "repris", "son", "parcours", "ses", "freins", "ses", "ressources", "puis",
    "construit", "ensemble", "un", "plan", "d'action", "validé", "par", "elle",
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (text, i % 90 == 0 ? '\n' : ' ');
      g_string_append (text, words[i % G_N_ELEMENTS (words)]);
    }
  return g_string_free (text, FALSE);
}

static GFile *
attachment_path (Fixture *f, const char *name)
{
  g_autofree char *dir = g_build_filename (f->dir, "originals", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_file_new_for_path (path);
}

/* A PDF of @n_pages pages, each with a line of text, drawn with cairo. */
static GFile *
make_pdf_document (Fixture *f, const char *name, guint n_pages)
{
  GFile *file = attachment_path (f, name);
  g_autofree char *path = g_file_get_path (file);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.28, 841.89);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *line = g_strdup_printf ("Attestation employeur page %u", i + 1);

      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                              CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 18);
      cairo_move_to (cr, 72, 100);
      cairo_show_text (cr, line);
      cairo_rectangle (cr, 72, 140, 300, 200);
      cairo_stroke (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return file;
}

static GFile *
make_png (Fixture *f, const char *name, int width, int height)
{
  GFile *file = attachment_path (f, name);
  g_autofree char *path = g_file_get_path (file);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.5, 0.3);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, width / 4, height / 4, width / 2, height / 2);
  cairo_fill (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return file;
}

static void
attach (Fixture *f, AcqSheet *sheet, GFile *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqAttachment) attachment =
    acq_attachment_add (f->store, acq_sheet_get_uuid (sheet), file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (attachment);
}

/* --- Reading the PDF back ------------------------------------------------------------------ */

static void
write_dossier (Fixture *f, const char *candidate_uuid, AcqDossierMode mode)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (acq_dossier_write (f->store, candidate_uuid, f->output, mode, NULL, NULL, NULL,
                                    &error));
  g_assert_no_error (error);
}

static gboolean
page_has (PopplerDocument *doc, int index, const char *needle)
{
  g_autofree char *text = page_text (doc, index);
  g_autofree char *wanted = normalize (needle);

  return strstr (text, wanted) != NULL;
}

/* The texts appear on the page in this order. */
G_GNUC_NULL_TERMINATED static gboolean
page_has_in_order (PopplerDocument *doc, int index, ...)
{
  g_autofree char *text = page_text (doc, index);
  const char *cursor = text;
  const char *needle;
  gboolean found = TRUE;
  va_list args;

  va_start (args, index);
  while (found && (needle = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *wanted = normalize (needle);
      const char *at = strstr (cursor, wanted);

      if (at == NULL)
        g_test_message ("“%s” not found in order on page %d: %s", wanted, index + 1, text);
      found = at != NULL;
      if (found)
        cursor = at + strlen (wanted);
    }
  va_end (args);
  return found;
}

/* The "BROUILLON" watermark is a shape, not text: it is looked for as a person would, in
 * the pixels of the page, where it is the only red. */
static gboolean
page_has_watermark (PopplerDocument *doc, int index)
{
  PopplerPage *page = poppler_document_get_page (doc, index);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  cairo_t *cr = cairo_create (image);
  guint reddish = 0;
  const guchar *data;
  int stride;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 0.5, 0.5);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < 421; y++)
    for (int x = 0; x < 298; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + x * 4);
        int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        reddish += r - g > 12 && r - b > 12;
      }
  cairo_surface_destroy (image);
  g_object_unref (page);
  return reddish > 1000;
}

/* The page, from 1, that a link action leads to. */
static int
action_page (PopplerDocument *doc, PopplerAction *action)
{
  PopplerDest *dest;
  int page;

  g_assert_nonnull (action);
  g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
  dest = action->goto_dest.dest;
  if (dest->type != POPPLER_DEST_NAMED)
    return dest->page_num;
  dest = poppler_document_find_dest (doc, dest->named_dest);
  g_assert_nonnull (dest);
  page = dest->page_num;
  poppler_dest_free (dest);
  return page;
}

typedef struct
{
  char *title;
  int   page;  /* from 1 */
  int   depth;
} OutlineItem;

static void
outline_item_free (OutlineItem *item)
{
  g_free (item->title);
  g_free (item);
}

static void
read_outline (PopplerDocument *doc, PopplerIndexIter *iter, int depth, GPtrArray *items)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);
      OutlineItem *item = g_new0 (OutlineItem, 1);

      item->title = normalize (action->any.title);
      item->page = action_page (doc, action);
      item->depth = depth;
      g_ptr_array_add (items, item);
      poppler_action_free (action);
      if (child != NULL)
        {
          read_outline (doc, child, depth + 1, items);
          poppler_index_iter_free (child);
        }
    }
  while (poppler_index_iter_next (iter));
}

static GPtrArray *
outline (PopplerDocument *doc)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) outline_item_free);
  PopplerIndexIter *iter = poppler_index_iter_new (doc);

  g_assert_nonnull (iter);
  read_outline (doc, iter, 0, items);
  poppler_index_iter_free (iter);
  return items;
}

static const OutlineItem *
outline_find (GPtrArray *items, const char *prefix)
{
  g_autofree char *wanted = normalize (prefix);

  for (guint i = 0; i < items->len; i++)
    {
      const OutlineItem *item = g_ptr_array_index (items, i);

      if (g_str_has_prefix (item->title, wanted))
        return item;
    }
  return NULL;
}

/* The text inside a link's area, from the characters poppler placed there. */
static char *
link_text (PopplerPage *page, PopplerRectangle *area)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  double width, height;
  GString *out = g_string_new (NULL);
  const char *p = text;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  poppler_page_get_size (page, &width, &height);
  for (guint i = 0; i < n_rects && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      double x = (rects[i].x1 + rects[i].x2) / 2;
      /* links have the PDF's origin at the bottom, text the top */
      double y = height - (rects[i].y1 + rects[i].y2) / 2;

      if (x >= area->x1 && x <= area->x2 && y >= area->y1 && y <= area->y2)
        g_string_append_unichar (out, g_utf8_get_char (p));
      else if (out->len > 0 && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
    }
  {
    g_autofree char *raw = g_string_free (out, FALSE);
    return normalize (raw);
  }
}

/* Runs @argv; returns its standard output, or NULL if the program is not installed. */
static char *
run_tool (const char *const *argv, int *status)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  char *out = NULL;

  if (program == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, status, &error));
  g_assert_no_error (error);
  return out;
}

/* qpdf finds nothing wrong in the file. */
static gboolean
check_qpdf (const char *path)
{
  const char *argv[] = { "qpdf", "--check", path, NULL };
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  if (!(out = run_tool (argv, &status)))
    return FALSE;
  if (!g_spawn_check_wait_status (status, &error))
    g_test_message ("qpdf --check %s:\n%s", path, out);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "No syntax or stream encoding errors"));
  return TRUE;
}

/* pdffonts lists every font as embedded ("emb" column: yes). */
static gboolean
check_fonts_embedded (const char *path)
{
  const char *argv[] = { "pdffonts", path, NULL };
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  int status = 0;
  gsize column;
  guint fonts = 0;

  if (!(out = run_tool (argv, &status)))
    return FALSE;
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_nonnull (lines[0]);
  g_assert_nonnull (strstr (lines[0], " emb "));
  column = strstr (lines[0], " emb ") - lines[0] + 1;
  for (guint i = 2; lines[0] != NULL && lines[1] != NULL && lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      g_assert_cmpuint (strlen (lines[i]), >, column + 3);
      if (strncmp (lines[i] + column, "yes", 3) != 0)
        g_test_message ("not embedded: %s", lines[i]);
      g_assert_cmpint (strncmp (lines[i] + column, "yes", 3), ==, 0);
      fonts++;
    }
  g_assert_cmpuint (fonts, >, 0);
  return TRUE;
}

static void assert_inside_margins (PopplerDocument *doc);

/* --- The demo candidate --------------------------------------------------------------------- */

static void
test_demo_structure (Fixture *f, gconstpointer data)
{
  g_autoptr (Pdf) doc = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *last_page = NULL;
  const OutlineItem *item;
  int n;

  populate_demo (f);
  write_dossier (f, HELENE, ACQ_DOSSIER_MODE_DRAFT);
  doc = open_pdf (f->output);
  n = poppler_document_get_n_pages (doc);
  g_assert_cmpint (n, >=, 15);

  /* the cover */
  g_assert_true (page_has (doc, 0, "Dossier Professionnel"));
  /* poppler glues each label of the form to its value: only the order is checked */
  g_assert_true (page_has_in_order (doc, 0, "Nom de naissance", "Martin", "Nom d'usage",
                                    "Dubois", "Prénom", "Hélène", "Adresse",
                                    "12 rue des Tanneurs 46000 Cahors", NULL));
  g_assert_true (page_has (doc, 0, "Conseiller en insertion professionnelle"));
  g_assert_true (page_has (doc, 0, "RNCP37274"));
  g_assert_true (page_has (doc, 0, "Validation des acquis de l'expérience"));
  g_assert_false (page_has (doc, 0, "page 1 /"));

  /* the model's presentation page, then the contents with the optional parts said so */
  g_assert_true (page_has_in_order (doc, 1, "Présentation du dossier",
                                    "Pour prendre sa décision, le jury dispose :",
                                    "l'entretien final.", "Ce dossier comporte :",
                                    "une déclaration sur l'honneur", NULL));
  g_assert_true (page_has_in_order (doc, 2, "Sommaire",
                                    "Titres, diplômes, CQP, attestations de formation "
                                    "(facultatif)", "Déclaration sur l'honneur",
                                    "Documents illustrant la pratique professionnelle "
                                    "(facultatif)", NULL));

  /* every other page: the running header and "page X / Y" */
  for (int i = 1; i < n; i++)
    {
      g_autofree char *footer = g_strdup_printf ("page %d / %d", i + 1, n);

      g_assert_true (page_has (doc, i, "Hélène Dubois"));
      g_assert_true (page_has (doc, i, footer));
    }

  assert_inside_margins (doc);
  items = outline (doc);
  item = outline_find (items, "Titres, diplômes, CQP");
  g_assert_nonnull (item);
  g_assert_true (page_has_in_order (doc, item->page - 1, "Intitulé", "Autorité ou organisme",
                                    "Date", NULL));
  item = outline_find (items, "Déclaration sur l'honneur");
  g_assert_nonnull (item);
  g_assert_true (page_has (doc, item->page - 1,
                           "Je soussigné(e) Hélène Dubois, déclare sur l'honneur"));
  /* the model leaves the date to the signer: a line to write it on */
  g_assert_true (page_has (doc, item->page - 1, "Fait à Cahors, le ………"));
  g_assert_false (page_has (doc, item->page - 1, "1er janvier 2026"));
  g_assert_true (page_has (doc, item->page - 1, "Signature :"));
  item = outline_find (items, "Documents illustrant la pratique professionnelle");
  g_assert_nonnull (item);
  g_assert_cmpint (item->page, ==, n);
  last_page = page_text (doc, n - 1);
  g_assert_nonnull (strstr (last_page, "Aucun document n'est joint à ce dossier."));
}

static void
test_demo_outline (Fixture *f, gconstpointer data)
{
  static const struct
  {
    int depth;
    const char *title;
  } expected[] = {
    { 0, "Sommaire" },
    { 0, "Bloc 1 — Accueillir pour analyser la demande des personnes et poser les bases d'un "
         "diagnostic partagé" },
    { 1, "Exemple n° 1 : Premier accueil d'un demandeur d'emploi sans rendez-vous" },
    { 1, "Exemple n° 2 : Diagnostic partagé avec une allocataire du RSA" },
    { 1, "Exemple n° 3 : Suivi administratif des parcours sur le logiciel de la structure" },
    { 0, "Bloc 2 — Accompagner les personnes dans leur parcours d'insertion sociale et "
         "professionnelle" },
    { 1, "Exemple n° 1 : Atelier CV collectif hebdomadaire" },
    { 1, "Exemple n° 2 : Partenariat avec une SIAE pour une reprise d'emploi" },
    { 1, "Exemple n° 3 : Parrainage d'une jeune vers l'emploi" },
    { 0, "Bloc 3 — Mettre en œuvre une offre de services auprès des employeurs pour favoriser "
         "l'insertion professionnelle" },
    { 0, "Titres, diplômes, CQP, attestations de formation (facultatif)" },
    { 0, "Déclaration sur l'honneur" },
    { 0, "Documents illustrant la pratique professionnelle (facultatif)" },
  };
  g_autoptr (Pdf) doc = NULL;
  g_autoptr (GPtrArray) items = NULL;

  populate_demo (f);
  write_dossier (f, HELENE, ACQ_DOSSIER_MODE_DRAFT);
  doc = open_pdf (f->output);
  items = outline (doc);
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < items->len; i++)
    {
      const OutlineItem *item = g_ptr_array_index (items, i);
      g_autofree char *title = normalize (expected[i].title);

      g_assert_cmpstr (item->title, ==, title);
      g_assert_cmpint (item->depth, ==, expected[i].depth);
      /* the heading is on the page the bookmark leads to */
      g_assert_true (page_has (doc, item->page - 1, item->title));
      if (i > 0)
        g_assert_cmpint (item->page, >, ((OutlineItem *) g_ptr_array_index (items, i - 1))->page);
    }
}

/* The first @n words of @text as the dossier prints them. */
static char *
first_words (const char *text, guint n)
{
  g_autofree char *typeset = acq_dp_layout_typeset (text);
  g_autofree char *flat = normalize (typeset);
  g_auto (GStrv) words = g_strsplit (flat, " ", -1);
  guint length = g_strv_length (words);

  for (guint i = n; i < length; i++)
    g_clear_pointer (&words[i], g_free);
  return g_strjoinv (" ", words);
}

/* The text of pages @from to @to (from 1, inclusive). */
static char *
pages_text (PopplerDocument *doc, int from, int to)
{
  GString *text = g_string_new (NULL);

  for (int i = from; i <= to; i++)
    {
      g_autofree char *page = page_text (doc, i - 1);

      g_string_append_printf (text, "%s ", page);
    }
  return g_string_free (text, FALSE);
}

static void
assert_rubrics_in_order (PopplerDocument *doc, AcqSheet *sheet, int from, int to)
{
  g_autofree char *text = pages_text (doc, from, to);
  const char *cursor = text;

  for (guint r = 0; r < ACQ_N_RUBRICS; r++)
    {
      g_autofree char *heading = normalize (acq_dp_layout_get_rubric_heading (r));
      g_autofree char *words = first_words (acq_sheet_get_rubric (sheet, r), 8);
      const char *at = strstr (cursor, heading);

      g_assert_nonnull (at);
      cursor = at + strlen (heading);
      if (*words == '\0')
        continue;
      at = strstr (cursor, words);
      if (at == NULL)
        g_test_message ("not found after “%s”: “%s”", heading, words);
      g_assert_nonnull (at);
      cursor = at + strlen (words);
    }
}

static void
test_demo_rubrics (Fixture *f, gconstpointer data)
{
  g_autoptr (Pdf) doc = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (AcqSheetList) sheets = NULL;
  guint n_sheets, n_checked = 0;

  populate_demo (f);
  write_dossier (f, HELENE, ACQ_DOSSIER_MODE_DRAFT);
  doc = open_pdf (f->output);
  items = outline (doc);
  sheets = sheets_of (f, acq_candidate_list_find (f->candidates, HELENE));
  n_sheets = g_list_model_get_n_items (G_LIST_MODEL (sheets));
  for (guint i = 0; i < items->len; i++)
    {
      const OutlineItem *item = g_ptr_array_index (items, i);
      const OutlineItem *next = g_ptr_array_index (items, i + 1);

      if (item->depth != 1)
        continue;
      for (guint s = 0; s < n_sheets; s++)
        {
          g_autoptr (AcqSheet) sheet = g_list_model_get_item (G_LIST_MODEL (sheets), s);
          g_autofree char *title = normalize (acq_sheet_get_title (sheet));
          gboolean validated =
            acq_sheet_get_review_state (sheet) == ACQ_REVIEW_STATE_VALIDATED;

          if (!g_str_has_suffix (item->title, title))
            continue;
          assert_rubrics_in_order (doc, sheet, item->page, next->page - 1);
          /* a sheet not validated carries the watermark on every page, the others none */
          for (int p = item->page; p < next->page; p++)
            g_assert_true (page_has_watermark (doc, p - 1) == !validated);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, ==, n_sheets);
}

/* The bloc's opening page and the top of each example name the bloc as the model does: an
 * activité-type for a titre professionnel, a bloc de compétences for any other. */
static void
assert_unit_named (Fixture *f, const char *kind, const char *other)
{
  g_autoptr (Pdf) doc = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *opening = g_strdup_printf ("%s n° 1 — RNCP37274BC01", kind);
  g_autofree char *top = g_strdup_printf ("%s n° 1 — Accueillir pour analyser la demande", kind);
  const OutlineItem *item;

  write_dossier (f, HELENE, ACQ_DOSSIER_MODE_DRAFT);
  doc = open_pdf (f->output);
  items = outline (doc);
  item = outline_find (items, "Bloc 1 —");
  g_assert_nonnull (item);
  g_assert_true (page_has (doc, item->page - 1, opening));
  item = outline_find (items, "Exemple n° 1 : Premier accueil");
  g_assert_nonnull (item);
  g_assert_true (page_has_in_order (doc, item->page - 1, top,
                                    "Exemple n° 1 : Premier accueil", NULL));
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    g_assert_false (page_has (doc, p, other));
}

static void
test_activity_types (Fixture *f, gconstpointer data)
{
  char *message = NULL;

  populate_demo (f);
  /* RNCP37274 is a titre professionnel by its ABREGE/CODE, whatever its title says */
  assert_unit_named (f, "Activité-type", "Bloc de compétences");
  g_assert_cmpint (sqlite3_exec (acq_store_get_db (f->store),
                                 "UPDATE certification SET abrege_code = 'BTS', "
                                 "abrege_label = 'Brevet de technicien supérieur' "
                                 "WHERE rncp = 'RNCP37274'", NULL, NULL, &message),
                   ==, SQLITE_OK);
  g_assert_null (message);
  assert_unit_named (f, "Bloc de compétences", "Activité-type");
  /* without a code, the title decides */
  g_assert_cmpint (sqlite3_exec (acq_store_get_db (f->store),
                                 "UPDATE certification SET abrege_code = '', "
                                 "title = 'TITRE PROFESSIONNEL Conseiller en insertion "
                                 "professionnelle' WHERE rncp = 'RNCP37274'",
                                 NULL, NULL, &message),
                   ==, SQLITE_OK);
  g_assert_null (message);
  assert_unit_named (f, "Activité-type", "Bloc de compétences");
}

/* The titles and diplomas she entered fill the model's table, in her order, dated as in
 * France; without any, the table keeps its empty rows. */
static void
test_titles_printed (Fixture *f, gconstpointer data)
{
  g_autoptr (Pdf) doc = NULL;
  g_autoptr (Pdf) without = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) items_without = NULL;
  g_autoptr (GError) error = NULL;
  const OutlineItem *item;

  populate_demo (f);
  write_dossier (f, HELENE, ACQ_DOSSIER_MODE_DRAFT);
  doc = open_pdf (f->output);
  items = outline (doc);
  item = outline_find (items, "Titres, diplômes, CQP");
  g_assert_nonnull (item);
  g_assert_true (page_has_in_order (doc, item->page - 1, "Intitulé", "Autorité ou organisme",
                                    "Date", "Baccalauréat professionnel Accueil",
                                    "lycée Champollion de Figeac", "03/07/2009",
                                    "Attestation de formation", "Afpa Cahors", "26/11/2021",
                                    NULL));

  g_assert_true (acq_store_exec (f->store, "DELETE FROM candidate_title", &error));
  g_assert_no_error (error);
  write_dossier (f, HELENE, ACQ_DOSSIER_MODE_DRAFT);
  without = open_pdf (f->output);
  items_without = outline (without);
  item = outline_find (items_without, "Titres, diplômes, CQP");
  g_assert_nonnull (item);
  g_assert_true (page_has_in_order (without, item->page - 1, "Intitulé",
                                    "Autorité ou organisme", "Date", NULL));
  g_assert_false (page_has (without, item->page - 1, "03/07/2009"));
  g_assert_false (page_has (without, item->page - 1, "Afpa Cahors"));
}

/* The editor's page estimate lays out the same line the dossier prints above an example. */
static void
test_unit_heading (void)
{
  g_autofree char *tp = acq_dossier_unit_heading (NULL, "Titre professionnel Conseiller en "
                                                  "insertion professionnelle", 2, "Accompagner");
  g_autofree char *coded = acq_dossier_unit_heading ("TP", "Conseiller en insertion "
                                                     "professionnelle", 2, "Accompagner");
  g_autofree char *other = acq_dossier_unit_heading (NULL, "Conseiller en insertion "
                                                     "professionnelle", 2, "Accompagner");
  g_autofree char *bts = acq_dossier_unit_heading ("BTS", "Titre professionnel inventé", 2,
                                                   "Accompagner");
  g_autofree char *untitled = acq_dossier_unit_heading (NULL, NULL, 3, "");

  g_assert_cmpstr (tp, ==, "Activité-type n°\u00A02 — Accompagner");
  g_assert_cmpstr (coded, ==, "Activité-type n°\u00A02 — Accompagner");
  g_assert_cmpstr (other, ==, "Bloc de compétences n°\u00A02 — Accompagner");
  g_assert_cmpstr (bts, ==, "Bloc de compétences n°\u00A02 — Accompagner");
  g_assert_cmpstr (untitled, ==, "Bloc de compétences n°\u00A03");
}

/* What follows "Période d'exercice :" on the page of the example titled @title. */
static char *
period_printed (PopplerDocument *doc, GPtrArray *items, const char *title)
{
  g_autofree char *wanted = g_strdup_printf ("Exemple n° %s", title);
  const OutlineItem *item = outline_find (items, wanted);
  g_autofree char *text = NULL;
  const char *at;

  g_assert_nonnull (item);
  text = page_text (doc, item->page - 1);
  at = strstr (text, "Période d'exercice :");
  g_assert_nonnull (at);
  at += strlen ("Période d'exercice :");
  while (*at == ' ')
    at++;
  return g_strdup (at);
}

static void
test_period_printed (Fixture *f, gconstpointer data)
{
  AcqCandidate *candidate = make_candidate (f, "Léa", "Garnier", "3 rue Nationale\n46100 Figeac");
  g_autoptr (AcqSheetList) sheets = sheets_of (f, candidate);
  AcqSheet *ended = make_sheet (sheets, f, "Ateliers du printemps", "J'anime les ateliers.");
  AcqSheet *going = make_sheet (sheets, f, "Permanence du lundi", "J'accueille le lundi.");
  AcqSheet *undated = make_sheet (sheets, f, "Un exemple sans date", "Je rédige.");
  g_autoptr (GError) error = NULL;
  g_autoptr (Pdf) doc = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *first = NULL, *second = NULL, *third = NULL;

  acq_sheet_set_period_from (ended, "2025-03-03");
  acq_sheet_set_period_to (ended, "2025-06-14");
  acq_sheet_set_period_from (going, "2024-03-01");
  acq_sheet_set_period_to (going, NULL);
  acq_sheet_set_period_to (undated, NULL);
  acq_sheet_set_period_from (undated, NULL);
  for (guint i = 0; i < 3; i++)
    {
      AcqSheet *sheet = i == 0 ? ended : i == 1 ? going : undated;

      g_assert_true (acq_sheet_list_save (sheets, sheet, &error));
      g_assert_no_error (error);
    }
  write_dossier (f, acq_candidate_get_uuid (candidate), ACQ_DOSSIER_MODE_DRAFT);
  doc = open_pdf (f->output);
  items = outline (doc);
  first = period_printed (doc, items, "1 : Ateliers du printemps");
  second = period_printed (doc, items, "2 : Permanence du lundi");
  third = period_printed (doc, items, "3 : Un exemple sans date");
  g_assert_true (g_str_has_prefix (first, "Du 3 mars 2025 au 14 juin 2025"));
  g_assert_true (g_str_has_prefix (second, "Depuis le 1er mars 2024"));
  /* no start: nothing after the label, the context's text comes next */
  g_assert_true (g_str_has_prefix (third, "Une association d'insertion du Lot."));
}

static void
test_demo_metadata (Fixture *f, gconstpointer data)
{
  g_autoptr (Pdf) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *creator = NULL;

  populate_demo (f);
  write_dossier (f, HELENE, ACQ_DOSSIER_MODE_DRAFT);
  doc = open_pdf (f->output);
  title = poppler_document_get_title (doc);
  author = poppler_document_get_author (doc);
  subject = poppler_document_get_subject (doc);
  creator = poppler_document_get_creator (doc);
  g_assert_cmpstr (title, ==, "Dossier Professionnel — Hélène Dubois");
  g_assert_cmpstr (author, ==, "Hélène Dubois");
  g_assert_nonnull (strstr (subject, "Conseiller en insertion professionnelle"));
  g_assert_nonnull (strstr (subject, "RNCP37274"));
  g_assert_cmpstr (creator, ==, "Acquis " PACKAGE_VERSION);
  g_assert_cmpint (poppler_document_get_creation_date (doc), ==,
                   g_ascii_strtoll (FIXED_EPOCH, NULL, 10));
}

/* Every line of the contents with a page number is a link to that page, and the heading it
 * names stands on that page. */
static void
test_demo_contents (Fixture *f, gconstpointer data)
{
  g_autoptr (Pdf) doc = NULL;
  g_autoptr (GPtrArray) items = NULL;
  const OutlineItem *contents;
  PopplerPage *page;
  GList *links;
  guint n_links = 0;

  populate_demo (f);
  write_dossier (f, HELENE, ACQ_DOSSIER_MODE_DRAFT);
  doc = open_pdf (f->output);
  items = outline (doc);
  contents = outline_find (items, "Sommaire");
  g_assert_nonnull (contents);
  /* after the cover and the presentation page */
  g_assert_cmpint (contents->page, ==, 3);
  page = poppler_document_get_page (doc, contents->page - 1);
  links = poppler_page_get_link_mapping (page);
  for (GList *l = links; l != NULL; l = l->next)
    {
      PopplerLinkMapping *mapping = l->data;
      int target = action_page (doc, mapping->action);
      g_autofree char *text = link_text (page, &mapping->area);
      const char *digits = text + strlen (text);
      g_autofree char *title = NULL;

      while (digits > text && g_ascii_isdigit (digits[-1]))
        digits--;
      g_assert_cmpint (*digits, !=, '\0');
      /* the number printed is the page the link leads to… */
      g_assert_cmpint (g_ascii_strtoll (digits, NULL, 10), ==, target);
      /* …and the heading is really there */
      title = g_strstrip (g_strndup (text, digits - text));
      g_assert_cmpuint (strlen (title), >, 5);
      g_assert_true (page_has (doc, target - 1, title));
      g_assert_nonnull (outline_find (items, title));
      n_links++;
    }
  /* three blocs, six examples, three sections */
  g_assert_cmpuint (n_links, ==, 12);
  poppler_page_free_link_mapping (links);
  g_object_unref (page);
}

/* --- Final mode ------------------------------------------------------------------------------ */

static void
test_final_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  populate_demo (f);
  g_assert_false (acq_dossier_write (f->store, HELENE, f->output, ACQ_DOSSIER_MODE_FINAL, NULL,
                                     NULL, NULL, &error));
  g_assert_error (error, ACQ_DOSSIER_ERROR, ACQ_DOSSIER_ERROR_NOT_READY);
  /* the blocs without a validated example and the sheets not validated, one a line */
  g_assert_nonnull (strstr (error->message, "Bloc 3 (RNCP37274BC03)"));
  g_assert_nonnull (strstr (error->message, "Diagnostic partagé avec une allocataire du RSA"));
  g_assert_nonnull (strstr (error->message, "Suivi administratif des parcours"));
  g_assert_nonnull (strstr (error->message, "Partenariat avec une SIAE"));
  g_assert_nonnull (strstr (error->message, "Parrainage d'une jeune"));
  g_assert_null (strstr (error->message, "Atelier CV collectif"));
  {
    g_auto (GStrv) lines = g_strsplit (error->message, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 6);
  }
  g_assert_false (g_file_test (f->output, G_FILE_TEST_EXISTS));
}

static void
test_final_written (Fixture *f, gconstpointer data)
{
  AcqCandidate *candidate = make_candidate (f, "Léa", "Garnier", "3 rue Nationale\n46100 Figeac");
  g_autoptr (AcqSheetList) sheets = sheets_of (f, candidate);
  AcqSheet *done = make_sheet (sheets, f, "Accueil collectif des nouveaux inscrits",
                               "J'accueille chaque lundi les nouveaux inscrits.");
  g_autoptr (Pdf) doc = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) issues = NULL;
  g_autoptr (GError) error = NULL;
  const AcqDossierOptions dated = { .mode = ACQ_DOSSIER_MODE_FINAL, .dated = TRUE };

  make_sheet (sheets, f, "Un brouillon pas encore relu", "Texte en cours d'écriture.");
  validate (sheets, done);
  issues = acq_dossier_check (f->store, acq_candidate_get_uuid (candidate),
                              ACQ_DOSSIER_MODE_FINAL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (acq_dossier_has_errors (issues));

  /* the candidate chose to date the declaration */
  g_assert_true (acq_dossier_write_with_options (f->store, acq_candidate_get_uuid (candidate),
                                                 f->output, &dated, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  doc = open_pdf (f->output);
  items = outline (doc);
  text = document_text (doc);
  g_assert_nonnull (outline_find (items, "Exemple n° 1 : Accueil collectif"));
  g_assert_null (outline_find (items, "Exemple n° 2"));
  g_assert_null (strstr (text, "Un brouillon pas encore relu"));
  for (int p = 0; p < poppler_document_get_n_pages (doc); p++)
    g_assert_false (page_has_watermark (doc, p));
  g_assert_nonnull (strstr (text, "Fait à Figeac, le 1er janvier 2026"));

  /* the draft has both, the one not validated under its watermark */
  write_dossier (f, acq_candidate_get_uuid (candidate), ACQ_DOSSIER_MODE_DRAFT);
  g_clear_object (&doc);
  g_clear_pointer (&items, g_ptr_array_unref);
  doc = open_pdf (f->output);
  items = outline (doc);
  g_assert_nonnull (outline_find (items, "Exemple n° 2 : Un brouillon pas encore relu"));
  g_assert_true (page_has_watermark (doc, outline_find (items, "Exemple n° 2")->page - 1));
  g_assert_false (page_has_watermark (doc, outline_find (items, "Exemple n° 1")->page - 1));
}

/* --- Rules ----------------------------------------------------------------------------------- */

static guint
count_issues (GPtrArray *issues, AcqDossierRule rule, const char *sheet_uuid,
              const char *field)
{
  guint n = 0;

  for (guint i = 0; i < issues->len; i++)
    {
      AcqDossierIssue *issue = g_ptr_array_index (issues, i);

      g_assert_nonnull (issue->message);
      g_assert_cmpstr (issue->message, !=, "");
      if (issue->rule == rule && (sheet_uuid == NULL || g_strcmp0 (issue->sheet_uuid,
                                                                    sheet_uuid) == 0) &&
          (field == NULL || g_strcmp0 (issue->field, field) == 0))
        n++;
    }
  return n;
}

static void
assert_errors_first (GPtrArray *issues)
{
  gboolean warned = FALSE;

  for (guint i = 0; i < issues->len; i++)
    {
      AcqDossierIssue *issue = g_ptr_array_index (issues, i);

      if (issue->severity == ACQ_DOSSIER_SEVERITY_WARNING)
        warned = TRUE;
      else
        g_assert_false (warned);
    }
}

static void
test_rules_demo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) issues = NULL;
  AcqDossierIssue *first;

  populate_demo (f);
  issues = acq_dossier_check (f->store, HELENE, ACQ_DOSSIER_MODE_DRAFT, NULL, &error);
  g_assert_no_error (error);
  assert_errors_first (issues);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_BLOC_WITHOUT_EXAMPLE, NULL, NULL), ==,
                    1);
  first = g_ptr_array_index (issues, 0);
  g_assert_cmpint (first->rule, ==, ACQ_DOSSIER_RULE_BLOC_WITHOUT_EXAMPLE);
  g_assert_cmpstr (first->bloc_uuid, ==, bloc_uuid (f, 2));
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_IDENTITY_MISSING, NULL, NULL), ==, 0);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_DECLARATION_NO_PLACE, NULL, NULL), ==,
                    0);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_EXAMPLE_TOO_LONG, NULL, NULL), ==, 0);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_SHEET_NOT_VALIDATED, NULL, NULL), ==,
                    4);
  g_assert_true (acq_dossier_has_errors (issues));

  /* final: the same bloc, said otherwise; the four sheets are left out */
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = acq_dossier_check (f->store, HELENE, ACQ_DOSSIER_MODE_FINAL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_BLOC_WITHOUT_EXAMPLE, NULL, NULL), ==,
                    1);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_SHEET_NOT_VALIDATED, NULL, NULL), ==,
                    4);
}

static void
test_rules_missing (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *candidate = make_candidate (f, "", "", "");
  g_autoptr (AcqSheetList) sheets = sheets_of (f, candidate);
  AcqSheet *sheet = acq_sheet_list_create (sheets, bloc_uuid (f, 0), "Sans contexte", &error);
  const char *uuid;
  g_autoptr (GPtrArray) issues = NULL;

  g_assert_no_error (error);
  uuid = acq_sheet_get_uuid (sheet);
  issues = acq_dossier_check (f->store, acq_candidate_get_uuid (candidate),
                              ACQ_DOSSIER_MODE_DRAFT, NULL, &error);
  g_assert_no_error (error);
  assert_errors_first (issues);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_IDENTITY_MISSING, NULL, "last-name"),
                    ==, 1);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_IDENTITY_MISSING, NULL,
                                  "first-name"), ==, 1);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_IDENTITY_MISSING, NULL, "address"),
                    ==, 1);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_DECLARATION_NO_PLACE, NULL,
                                  "address"), ==, 1);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_EXAMPLE_NO_PERIOD, uuid,
                                  "period-from"), ==, 1);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_EXAMPLE_NO_ORGANISATION, uuid,
                                  "organisation"), ==, 1);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_BLOC_WITHOUT_EXAMPLE, NULL, NULL), ==,
                    0);

  /* four examples in one bloc are one too many */
  for (guint i = 0; i < 3; i++)
    make_sheet (sheets, f, "Encore un", "Texte.");
  g_clear_pointer (&issues, g_ptr_array_unref);
  issues = acq_dossier_check (f->store, acq_candidate_get_uuid (candidate),
                              ACQ_DOSSIER_MODE_DRAFT, NULL, &error);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_BLOC_TOO_MANY, NULL, NULL), ==, 1);
}

static void
test_rules_town (void)
{
  static const struct
  {
    const char *address;
    const char *town;
  } cases[] = {
    { "12 rue des Tanneurs\n46000 Cahors", "Cahors" },
    { "Lieu-dit Le Mas\n46090 Mercuès\n", "Mercuès" },
    { "1 place Vendôme\n75008 Paris CEDEX 08\nFrance", "Paris" },
    { "BP 12\n46400 Saint-Céré Cedex", "Saint-Céré" },
    { "12 rue des Tanneurs 46000 Cahors", "Cahors" },
    { "12 rue des Tanneurs\r\n46000\tCahors", "Cahors" },
    { "Cahors", "Cahors" },
    { "12 rue des Tanneurs", NULL },
    { "46000", NULL },
    { "", NULL },
    { "\n \n", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *town = acq_dossier_parse_town (cases[i].address);

      g_assert_cmpstr (town, ==, cases[i].town);
    }
}

/* The example as the dossier builds it from the sheet (no competences here). */
static double
measure_sheet (AcqSheet *sheet, AcqDpMeasure *measure)
{
  g_autoptr (AcqDpLayout) layout = acq_dp_layout_new ();
  g_autofree char *period = acq_text_french_period (acq_sheet_get_period_from (sheet),
                                                    acq_sheet_get_period_to (sheet));
  AcqDpExample example = { 0 };

  example.number = 1;
  example.title = acq_sheet_get_title (sheet);
  example.organisation = acq_sheet_get_organisation (sheet);
  example.department = acq_sheet_get_department (sheet);
  example.period = period;
  for (guint r = 0; r < ACQ_N_RUBRICS; r++)
    example.rubrics[r] = acq_sheet_get_rubric (sheet, r);
  return acq_dp_layout_measure_example_full (layout, &example, measure);
}

static void
test_rules_three_pages (Fixture *f, gconstpointer data)
{
  AcqCandidate *candidate = make_candidate (f, "Léa", "Garnier", "46100 Figeac");
  g_autoptr (AcqSheetList) sheets = sheets_of (f, candidate);
  g_autofree char *long_text = prose (2200);
  AcqSheet *sheet = make_sheet (sheets, f, "Un exemple bien trop long", long_text);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) issues = NULL;
  g_autoptr (Pdf) doc = NULL;
  g_autoptr (GPtrArray) items = NULL;
  const OutlineItem *item, *next;
  AcqDpMeasure measure;

  make_sheet (sheets, f, "Un exemple court", "Court.");
  issues = acq_dossier_check (f->store, acq_candidate_get_uuid (candidate),
                              ACQ_DOSSIER_MODE_DRAFT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_EXAMPLE_TOO_LONG,
                                  acq_sheet_get_uuid (sheet), "tasks"), ==, 1);
  g_assert_cmpuint (count_issues (issues, ACQ_DOSSIER_RULE_EXAMPLE_TOO_LONG, NULL, NULL), ==, 1);

  /* the estimate and the PDF agree: the example takes the pages it was measured to take */
  g_assert_cmpfloat (measure_sheet (sheet, &measure), >, ACQ_DP_MAX_EXAMPLE_PAGES);
  write_dossier (f, acq_candidate_get_uuid (candidate), ACQ_DOSSIER_MODE_DRAFT);
  doc = open_pdf (f->output);
  items = outline (doc);
  item = outline_find (items, "Exemple n° 1 : Un exemple bien trop long");
  next = outline_find (items, "Exemple n° 2 : Un exemple court");
  g_assert_nonnull (item);
  g_assert_nonnull (next);
  g_assert_cmpint (next->page - item->page, ==, measure.n_pages);
  /* and each rubric heading stands on the page the measure says */
  for (guint r = 0; r < ACQ_N_RUBRICS; r++)
    g_assert_true (page_has (doc, item->page - 1 + measure.rubric_first_page[r],
                             acq_dp_layout_get_rubric_heading (r)));
  assert_rubrics_in_order (doc, sheet, item->page, next->page - 1);
}

/* --- Annexes --------------------------------------------------------------------------------- */

static void
test_annexes (Fixture *f, gconstpointer data)
{
  AcqCandidate *candidate = make_candidate (f, "Léa", "Garnier", "46100 Figeac");
  const char *uuid = acq_candidate_get_uuid (candidate);
  g_autoptr (AcqSheetList) sheets = sheets_of (f, candidate);
  AcqSheet *sheet = make_sheet (sheets, f, "Atelier", "Un atelier.");
  g_autoptr (GFile) pdf = make_pdf_document (f, "Attestation employeur.pdf", 2);
  g_autoptr (GFile) png = make_png (f, "Photo de l'atelier.png", 300, 200);
  g_autoptr (GFile) damaged = attachment_path (f, "abîmé.pdf");
  g_autoptr (GFile) jpeg = g_file_new_for_path (g_test_get_filename (G_TEST_DIST, "data",
                                                                     "dossier", "photo.jpg",
                                                                     NULL));
  g_autoptr (Pdf) before = NULL;
  g_autoptr (Pdf) doc = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *bytes = NULL;
  const OutlineItem *annexes;
  int n_before, first;
  gsize length;
  GList *images;

  write_dossier (f, uuid, ACQ_DOSSIER_MODE_DRAFT);
  before = open_pdf (f->output);
  n_before = poppler_document_get_n_pages (before);

  /* a PDF of two pages adds two pages, an image one */
  attach (f, sheet, pdf);
  attach (f, sheet, png);
  write_dossier (f, uuid, ACQ_DOSSIER_MODE_DRAFT);
  doc = open_pdf (f->output);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, n_before + 3);
  items = outline (doc);
  annexes = outline_find (items, "Annexe n° 1");
  g_assert_nonnull (annexes);
  first = annexes->page;
  /* none marked as asked for by the referential: no list of annexes */
  g_assert_null (outline_find (items, "Annexes"));
  g_assert_cmpint (outline_find (items, "Annexe n° 1 : Attestation employeur.pdf")->page, ==,
                   first);
  g_assert_cmpint (outline_find (items, "Annexe n° 2 : Photo de l'atelier.png")->page, ==,
                   first + 2);
  /* the PDF's pages are drawn as vectors: their text is still text */
  g_assert_true (page_has (doc, first - 1, "Attestation employeur page 1"));
  g_assert_true (page_has (doc, first, "Attestation employeur page 2"));
  g_assert_true (page_has (doc, first, "Annexe n° 1 : Attestation employeur.pdf — page 2 / 2"));
  g_assert_true (page_has (doc, first + 1, "Annexe n° 2 : Photo de l'atelier.png"));
  {
    PopplerPage *page = poppler_document_get_page (doc, first + 1);

    images = poppler_page_get_image_mapping (page);
    g_assert_cmpuint (g_list_length (images), ==, 1);
    poppler_page_free_image_mapping (images);
    g_object_unref (page);
  }
  /* the list of documents names them, with their pages */
  g_assert_true (page_has (doc, outline_find (items, "Documents illustrant")->page - 1,
                           "Annexe n° 1 : Attestation employeur.pdf (bloc 1, exemple n° 1)"));

  /* a JPEG goes in as it is; a damaged PDF takes one page that says so */
  g_assert_true (g_file_replace_contents (damaged, "%PDF-1.7\nnot really", 19, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  attach (f, sheet, jpeg);
  attach (f, sheet, damaged);
  write_dossier (f, uuid, ACQ_DOSSIER_MODE_DRAFT);
  g_clear_object (&doc);
  g_clear_pointer (&items, g_ptr_array_unref);
  doc = open_pdf (f->output);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, n_before + 5);
  items = outline (doc);
  g_assert_true (page_has (doc, outline_find (items, "Annexe n° 4 : abîmé.pdf")->page - 1,
                           "Ce document n'a pas pu être lu"));
  g_assert_true (g_file_get_contents (f->output, &bytes, &length, NULL));
  g_assert_true (test_bytes_contain (bytes, length, "/DCTDecode"));
  {
    PopplerPage *page = poppler_document_get_page (
      doc, outline_find (items, "Annexe n° 3 : photo.jpg")->page - 1);

    images = poppler_page_get_image_mapping (page);
    g_assert_cmpuint (g_list_length (images), ==, 1);
    poppler_page_free_image_mapping (images);
    g_object_unref (page);
  }
}

/* A document marked as an annex the referential asks for is listed under "Annexes", apart
 * from the documents that illustrate the practice, in the contents and on a page of its own,
 * and its pages come after that list; the others stay under their own list. */
static void
test_annexes_apart (Fixture *f, gconstpointer data)
{
  AcqCandidate *candidate = make_candidate (f, "Léa", "Garnier", "46100 Figeac");
  const char *uuid = acq_candidate_get_uuid (candidate);
  g_autoptr (AcqSheetList) sheets = sheets_of (f, candidate);
  AcqSheet *sheet = make_sheet (sheets, f, "Atelier", "Un atelier.");
  g_autoptr (GFile) required_file = make_pdf_document (f, "Grille d'évaluation.pdf", 1);
  g_autoptr (GFile) practice_file = make_png (f, "Photo de l'atelier.png", 300, 200);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqAttachment) required = NULL;
  g_autoptr (AcqAttachment) practice = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (Pdf) doc = NULL;
  g_autoptr (GPtrArray) items = NULL;
  const OutlineItem *contents, *documents, *annexes, *photo, *grid;

  /* the annex attached first: the practice's documents still come first */
  required = acq_attachment_add (f->store, acq_sheet_get_uuid (sheet), required_file, NULL,
                                 &error);
  g_assert_no_error (error);
  practice = acq_attachment_add (f->store, acq_sheet_get_uuid (sheet), practice_file, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_true (acq_attachment_set_annex (f->store, required->uuid, TRUE, &error));
  g_assert_no_error (error);
  listed = acq_attachment_list (f->store, acq_sheet_get_uuid (sheet), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  for (guint i = 0; i < listed->len; i++)
    {
      const AcqAttachment *attachment = g_ptr_array_index (listed, i);

      g_assert_cmpint (attachment->annex, ==, g_str_equal (attachment->uuid, required->uuid));
    }

  write_dossier (f, uuid, ACQ_DOSSIER_MODE_DRAFT);
  doc = open_pdf (f->output);
  items = outline (doc);
  contents = outline_find (items, "Sommaire");
  documents = outline_find (items, "Documents illustrant");
  annexes = outline_find (items, "Annexes (si le référentiel");
  photo = outline_find (items, "Annexe n° 1 : Photo de l'atelier.png");
  grid = outline_find (items, "Annexe n° 2 : Grille d'évaluation.pdf");
  g_assert_nonnull (contents);
  g_assert_nonnull (documents);
  g_assert_nonnull (annexes);
  g_assert_nonnull (photo);
  g_assert_nonnull (grid);
  g_assert_true (page_has_in_order (doc, contents->page - 1,
                                    "Documents illustrant la pratique professionnelle "
                                    "(facultatif)", "Annexe n° 1 : Photo de l'atelier.png",
                                    "Annexes (si le référentiel l'exige)",
                                    "Annexe n° 2 : Grille d'évaluation.pdf", NULL));
  /* each list on its page, each document on its own pages, in that order */
  g_assert_cmpint (documents->page, <, photo->page);
  g_assert_cmpint (photo->page, <, annexes->page);
  g_assert_cmpint (annexes->page, <, grid->page);
  g_assert_true (page_has (doc, documents->page - 1,
                           "Annexe n° 1 : Photo de l'atelier.png (bloc 1, exemple n° 1)"));
  g_assert_false (page_has (doc, documents->page - 1, "Grille d'évaluation.pdf"));
  g_assert_true (page_has_in_order (doc, annexes->page - 1, "Annexes",
                                    "(si le référentiel l'exige)",
                                    "Annexe n° 2 : Grille d'évaluation.pdf (bloc 1, exemple n° 1)",
                                    NULL));
  g_assert_false (page_has (doc, annexes->page - 1, "Photo de l'atelier.png"));
  g_assert_true (page_has (doc, grid->page - 1, "Attestation employeur page 1"));

  /* marked back as a document of the practice: no list of annexes */
  g_assert_true (acq_attachment_set_annex (f->store, required->uuid, FALSE, &error));
  g_assert_no_error (error);
  write_dossier (f, uuid, ACQ_DOSSIER_MODE_DRAFT);
  g_clear_object (&doc);
  g_clear_pointer (&items, g_ptr_array_unref);
  doc = open_pdf (f->output);
  items = outline (doc);
  g_assert_null (outline_find (items, "Annexes (si le référentiel"));
  g_assert_true (page_has (doc, outline_find (items, "Documents illustrant")->page - 1,
                           "Grille d'évaluation.pdf (bloc 1, exemple n° 1)"));
}

/* --- Documents over the limits -------------------------------------------------------------- */

static void
put_be32 (guint8 *p, guint32 value)
{
  p[0] = value >> 24;
  p[1] = value >> 16;
  p[2] = value >> 8;
  p[3] = value;
}

/* The CRC of PNG chunks (ISO 3309), bit by bit: the tests make a few headers only. */
static guint32
png_crc (const guint8 *data, gsize length)
{
  guint32 crc = 0xFFFFFFFF;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (0xEDB88320 & -(crc & 1));
    }
  return crc ^ 0xFFFFFFFF;
}

/* A small PNG whose header declares @width × @height pixels, with a valid CRC: cairo decodes
 * the whole declared image before it says anything. */
static GFile *
make_bomb_png (Fixture *f, const char *name, guint32 width, guint32 height)
{
  GFile *file = make_png (f, name, 10, 10);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *bytes = NULL;
  guint8 *data;
  gsize length;

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  data = (guint8 *) bytes;
  g_assert_cmpuint (length, >, 33);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  put_be32 (data + 16, width);
  put_be32 (data + 20, height);
  put_be32 (data + 29, png_crc (data + 12, 17));
  g_assert_true (g_file_set_contents (path, bytes, length, NULL));
  return file;
}

/* A PDF of @n_pages empty pages. */
static GFile *
make_empty_pdf (Fixture *f, const char *name, guint n_pages)
{
  GFile *file = attachment_path (f, name);
  g_autofree char *path = g_file_get_path (file);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.28, 841.89);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < n_pages; i++)
    cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return file;
}

/* tests/data/dossier/photo.jpg, 160 × 100, declaring 65535 × 65535 pixels in its frame
 * header (at byte 158) */
static GFile *
make_bomb_jpeg (Fixture *f, const char *name)
{
  GFile *file = attachment_path (f, name);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *bytes = NULL;
  guint8 *data;
  gsize length;

  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "dossier",
                                                           "photo.jpg", NULL),
                                      &bytes, &length, NULL));
  data = (guint8 *) bytes;
  g_assert_cmpuint (length, >, 167);
  g_assert_cmpuint (data[158], ==, 0xFF);
  g_assert_cmpuint (data[159], ==, 0xC0);
  memset (data + 163, 0xFF, 4);
  g_assert_true (g_file_set_contents (path, bytes, length, NULL));
  return file;
}

static void
assert_attach_refused (Fixture *f, AcqSheet *sheet, GFile *file, const char *what,
                       const char *limit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqAttachment) attachment =
    acq_attachment_add (f->store, acq_sheet_get_uuid (sheet), file, NULL, &error);

  g_assert_null (attachment);
  g_assert_error (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, what));
  g_assert_nonnull (strstr (error->message, limit));
}

static guint
count_attachments (Fixture *f, AcqSheet *sheet)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = acq_attachment_list (f->store, acq_sheet_get_uuid (sheet),
                                                     &error);

  g_assert_no_error (error);
  return list->len;
}

static void
test_annex_bombs_refused (Fixture *f, gconstpointer data)
{
  AcqCandidate *candidate = make_candidate (f, "Léa", "Garnier", "46100 Figeac");
  g_autoptr (AcqSheetList) sheets = sheets_of (f, candidate);
  AcqSheet *sheet = make_sheet (sheets, f, "Atelier", "Un atelier.");
  g_autoptr (GFile) bomb = make_bomb_png (f, "bombe.png", 20000, 20000);
  g_autoptr (GFile) tall = make_bomb_png (f, "bandeau.png", 100, 40000);
  g_autoptr (GFile) photo = make_bomb_jpeg (f, "photo.jpg");
  g_autoptr (GFile) book = make_empty_pdf (f, "annuaire.pdf", 20000);
  g_autoptr (GFile) just_over = make_empty_pdf (f, "juste trop.pdf", 201);
  g_autoptr (GFile) scan = make_bomb_png (f, "scan 600 dpi.png", 4960, 7016);
  g_autoptr (GFile) report = make_empty_pdf (f, "rapport.pdf", 200);

  assert_attach_refused (f, sheet, bomb, "“bombe.png” is too large an image to attach "
                         "(20000 × 20000 pixels", "50 megapixels and 32767 pixels on a side");
  assert_attach_refused (f, sheet, tall, "100 × 40000 pixels", "32767 pixels on a side");
  assert_attach_refused (f, sheet, photo, "(65535 × 65535 pixels", "50 megapixels");
  assert_attach_refused (f, sheet, book, "“annuaire.pdf” has too many pages to attach (20000 "
                         "pages", "the limit is 200");
  assert_attach_refused (f, sheet, just_over, "(201 pages", "the limit is 200");
  g_assert_cmpuint (count_attachments (f, sheet), ==, 0);

  /* the limits themselves are accepted: an A4 page scanned at 600 dpi, 200 pages */
  attach (f, sheet, scan);
  attach (f, sheet, report);
  g_assert_cmpuint (count_attachments (f, sheet), ==, 2);
}

/* Puts @file in the store as an attachment of @sheet without any check, as a row attached
 * before the checks existed (or imported) would be. */
static void
forge_attachment (Fixture *f, AcqSheet *sheet, GFile *file, const char *mime_type)
{
  static const char sql[] =
    "INSERT INTO attachment (uuid, sheet_uuid, file_name, mime_type, size, sha256, "
    "stored_path, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *bytes = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *uuid = acq_store_new_uuid ();
  g_autofree char *now = acq_store_now ();
  sqlite3 *db = acq_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, length);
  prefix = g_strndup (sha256, 2);
  dir = g_build_filename (f->dir, ACQ_ATTACHMENT_DIR, prefix, NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  copy = g_build_filename (dir, sha256, NULL);
  g_assert_true (g_file_set_contents (copy, bytes, length, NULL));
  stored = g_build_path ("/", ACQ_ATTACHMENT_DIR, prefix, sha256, NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, acq_sheet_get_uuid (sheet), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, mime_type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, length);
  sqlite3_bind_text (stmt, 6, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, stored, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static void
test_annex_bombs_noted (Fixture *f, gconstpointer data)
{
  AcqCandidate *candidate = make_candidate (f, "Léa", "Garnier", "46100 Figeac");
  const char *uuid = acq_candidate_get_uuid (candidate);
  g_autoptr (AcqSheetList) sheets = sheets_of (f, candidate);
  AcqSheet *sheet = make_sheet (sheets, f, "Atelier", "Un atelier.");
  g_autoptr (GFile) bomb = make_bomb_png (f, "bombe.png", 20000, 20000);
  g_autoptr (GFile) book = make_empty_pdf (f, "annuaire.pdf", 20000);
  g_autoptr (GFile) png = make_png (f, "Photo de l'atelier.png", 300, 200);
  g_autoptr (Pdf) before = NULL;
  g_autoptr (Pdf) doc = NULL;
  g_autoptr (GPtrArray) items = NULL;
  gint64 start;
  int n_before;

  write_dossier (f, uuid, ACQ_DOSSIER_MODE_DRAFT);
  before = open_pdf (f->output);
  n_before = poppler_document_get_n_pages (before);

  forge_attachment (f, sheet, bomb, "image/png");
  forge_attachment (f, sheet, book, "application/pdf");
  attach (f, sheet, png);
  start = g_get_monotonic_time ();
  write_dossier (f, uuid, ACQ_DOSSIER_MODE_DRAFT);
  /* was 17.5 s and 1.6 GB for the image, 23 s for the pages; a few pages take well under */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 8 * G_USEC_PER_SEC);

  doc = open_pdf (f->output);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, n_before + 3);
  items = outline (doc);
  g_assert_true (page_has (doc, outline_find (items, "Annexe n° 1 : bombe.png")->page - 1,
                           "Cette image n'a pas été incluse dans le dossier : elle mesure "
                           "20000 × 20000 pixels"));
  g_assert_true (page_has (doc, outline_find (items, "Annexe n° 2 : annuaire.pdf")->page - 1,
                           "Ce document n'a pas été inclus dans le dossier : il compte 20000 "
                           "pages, et un document en annexe en compte au plus 200."));
  /* the document within the limits is drawn */
  {
    PopplerPage *page = poppler_document_get_page (
      doc, outline_find (items, "Annexe n° 3 : Photo de l'atelier.png")->page - 1);
    GList *images = poppler_page_get_image_mapping (page);

    g_assert_cmpuint (g_list_length (images), ==, 1);
    poppler_page_free_image_mapping (images);
    g_object_unref (page);
  }
}

/* A PDF whose page tree is empty: poppler opens it, with no page to draw. Found by
 * fuzz/fuzz-annex.c: the dossier asked poppler for its page 0. */
static void
test_annex_without_pages (Fixture *f, gconstpointer data)
{
  static const char pdf[] =
    "%PDF-1.4\n"
    "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    "trailer\n<< /Size 3 /Root 1 0 R >>\n%%EOF\n";
  AcqCandidate *candidate = make_candidate (f, "Léa", "Garnier", "46100 Figeac");
  const char *uuid = acq_candidate_get_uuid (candidate);
  g_autoptr (AcqSheetList) sheets = sheets_of (f, candidate);
  AcqSheet *sheet = make_sheet (sheets, f, "Atelier", "Un atelier.");
  g_autoptr (GFile) empty = attachment_path (f, "vide.pdf");
  g_autoptr (Pdf) doc = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_replace_contents (empty, pdf, sizeof pdf - 1, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  attach (f, sheet, empty);
  write_dossier (f, uuid, ACQ_DOSSIER_MODE_DRAFT);
  doc = open_pdf (f->output);
  items = outline (doc);
  g_assert_true (page_has (doc, outline_find (items, "Annexe n° 1 : vide.pdf")->page - 1,
                           "Ce document n'a pas pu être lu"));
}

/* --- Hostile text ------------------------------------------------------------------------------ */

/* @n_words short words: a rubric of 20,000 words within the 100,000 characters a rubric
 * may hold. */
static char *
short_words (guint n_words)
{
  static const char *const words[] = { "je", "le", "vu", "un", "de", "et", "il", "on", "ça" };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (text, i % 400 == 0 ? '\n' : ' ');
      g_string_append (text, words[i % G_N_ELEMENTS (words)]);
    }
  return g_string_free (text, FALSE);
}

/* No character of the dossier stands outside the margins: long words are cut, right-to-left
 * text does not run off the page. */
static void
assert_inside_margins (PopplerDocument *doc)
{
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree PopplerRectangle *rects = NULL;
      guint n_rects = 0;

      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects) || n_rects == 0);
      for (guint r = 0; r < n_rects; r++)
        {
          /* a line break has an empty box */
          if (rects[r].x2 - rects[r].x1 < 0.01)
            continue;
          g_assert_cmpfloat (rects[r].x1, >=, ACQ_DP_MARGIN_LEFT - 1);
          g_assert_cmpfloat (rects[r].x2, <=, ACQ_DP_PAGE_WIDTH - ACQ_DP_MARGIN_RIGHT + 1);
          g_assert_cmpfloat (rects[r].y1, >=, 0);
          g_assert_cmpfloat (rects[r].y2, <=, ACQ_DP_PAGE_HEIGHT - ACQ_DP_MARGIN_BOTTOM + 1);
        }
      g_object_unref (page);
    }
}

static void
assert_sound (const char *path)
{
  g_autoptr (Pdf) doc = open_pdf (path);
  int n = poppler_document_get_n_pages (doc);
  g_autofree char *footer = g_strdup_printf ("page %d / %d", n, n);

  g_assert_cmpint (n, >=, 5);
  g_assert_true (page_has (doc, n - 1, footer));
  assert_inside_margins (doc);
}

static AcqCandidate *
make_hostile_candidate (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *candidate = make_candidate (f, "مريم", "العلوي 😀",
                                            "12\true des Tanneurs\n46000\tCahors");
  g_autoptr (AcqSheetList) sheets = sheets_of (f, candidate);
  g_autofree char *word = g_strnfill (300, 'x');
  g_autofree char *tasks = NULL;
  g_autofree char *huge = short_words (20000);
  AcqSheet *sheet;

  tasks = g_strdup_printf ("Émoji 🚀🎉👩🏽‍💼 au milieu.\n\tTabulation\tinterne\t.\n%s\n"
                           "שלום עולם — مرحبا بالعالم — texte mêlé.\n« guillemets » ; "
                           "ponctuation ! ? : fin", word);
  sheet = make_sheet (sheets, f, "Accueil 🚀 d'une famille — عائلة", tasks);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_MEANS, huge);
  acq_sheet_set_organisation (sheet, word);
  g_assert_true (acq_sheet_list_save (sheets, sheet, &error));
  g_assert_no_error (error);
  /* everything empty */
  g_assert_nonnull (acq_sheet_list_create (sheets, bloc_uuid (f, 0), "", &error));
  g_assert_no_error (error);
  return candidate;
}

static void
test_hostile_text (Fixture *f, gconstpointer data)
{
  AcqCandidate *candidate = make_hostile_candidate (f);
  AcqCandidate *empty = make_candidate (f, "", "", "");
  const char *nothing[] = { NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (Pdf) doc = NULL;
  g_autoptr (GPtrArray) items = NULL;

  write_dossier (f, acq_candidate_get_uuid (candidate), ACQ_DOSSIER_MODE_DRAFT);
  assert_sound (f->output);
  doc = open_pdf (f->output);
  items = outline (doc);
  /* the 20,000 words take many pages, and the empty sheet comes after them */
  g_assert_cmpint (outline_find (items, "Exemple n° 2")->page -
                   outline_find (items, "Exemple n° 1")->page, >, 10);
  g_assert_true (page_has (doc, 0, "12 rue des Tanneurs 46000 Cahors"));

  write_dossier (f, acq_candidate_get_uuid (empty), ACQ_DOSSIER_MODE_DRAFT);
  assert_sound (f->output);

  /* no certification at all */
  acq_candidate_set_targeted_blocs (empty, nothing);
  acq_candidate_set_certification_uuid (empty, NULL);
  g_assert_true (acq_candidate_list_save (f->candidates, empty, &error));
  g_assert_no_error (error);
  write_dossier (f, acq_candidate_get_uuid (empty), ACQ_DOSSIER_MODE_DRAFT);
  assert_sound (f->output);
}

/* --- What other programs think of the file ---------------------------------------------------- */

static void
test_tools_qpdf (Fixture *f, gconstpointer data)
{
  AcqCandidate *hostile;

  populate_demo (f);
  write_dossier (f, HELENE, ACQ_DOSSIER_MODE_DRAFT);
  if (!check_qpdf (f->output))
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  hostile = make_hostile_candidate (f);
  write_dossier (f, acq_candidate_get_uuid (hostile), ACQ_DOSSIER_MODE_DRAFT);
  g_assert_true (check_qpdf (f->output));
}

static void
test_tools_fonts (Fixture *f, gconstpointer data)
{
  AcqCandidate *hostile;

  populate_demo (f);
  write_dossier (f, HELENE, ACQ_DOSSIER_MODE_DRAFT);
  if (!check_fonts_embedded (f->output))
    {
      g_test_skip ("pdffonts is not installed");
      return;
    }
  hostile = make_hostile_candidate (f);
  write_dossier (f, acq_candidate_get_uuid (hostile), ACQ_DOSSIER_MODE_DRAFT);
  g_assert_true (check_fonts_embedded (f->output));
}

/* --- In a thread, cancelled, failing ------------------------------------------------------------ */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  guint         reports;
  double        last;
  gboolean      done;
} AsyncState;

static void
async_progress_cb (double fraction, gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_false (state->done);
  g_assert_cmpfloat (fraction, >=, state->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  state->last = fraction;
  state->reports++;
}

static void
async_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncState *state = user_data;

  state->done = TRUE;
  state->result = g_object_ref (result);
  g_main_loop_quit (state->loop);
}

static gboolean
write_async (Fixture *f, GCancellable *cancellable, AsyncState *state, GError **error)
{
  gboolean ok;

  state->loop = g_main_loop_new (NULL, FALSE);
  acq_dossier_write_async (f->store, HELENE, f->output, ACQ_DOSSIER_MODE_DRAFT,
                           async_progress_cb, state, cancellable, async_done_cb, state);
  g_main_loop_run (state->loop);
  ok = acq_dossier_write_finish (f->store, state->result, error);
  g_clear_object (&state->result);
  g_clear_pointer (&state->loop, g_main_loop_unref);
  return ok;
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing != NULL && g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

static void
test_async (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Pdf) doc = NULL;
  AsyncState state = { 0 };

  populate_demo (f);
  g_assert_true (write_async (f, NULL, &state, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (state.reports, >=, 1);
  doc = open_pdf (f->output);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 15);
}

static void
cancel_cb (double fraction, gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  AsyncState state = { 0 };
  guint files;

  populate_demo (f);
  g_assert_true (g_file_set_contents (f->output, "the previous dossier", -1, &error));
  files = count_files (f->dir);

  /* cancelled in the middle: the previous file is untouched, nothing is left behind */
  g_assert_false (acq_dossier_write (f->store, HELENE, f->output, ACQ_DOSSIER_MODE_DRAFT,
                                     cancel_cb, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (f->output, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the previous dossier");
  g_assert_cmpuint (count_files (f->dir), ==, files);

  /* cancelled before the thread starts */
  g_assert_false (write_async (f, cancellable, &state, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (f->dir), ==, files);
}

static void
test_write_error (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "no such folder", "dossier.pdf", NULL);

  populate_demo (f);
  g_assert_false (acq_dossier_write (f->store, HELENE, path, ACQ_DOSSIER_MODE_DRAFT, NULL, NULL,
                                     NULL, &error));
  g_assert_error (error, ACQ_DOSSIER_ERROR, ACQ_DOSSIER_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  g_assert_false (acq_dossier_write (f->store, "not-a-candidate", f->output,
                                     ACQ_DOSSIER_MODE_DRAFT, NULL, NULL, NULL, &error));
  g_assert_error (error, ACQ_DOSSIER_ERROR, ACQ_DOSSIER_ERROR_NOT_FOUND);
}

/* The dossier is the user's only, written over a file that others could read, in a folder of
 * its own where nothing else must be left. */
static void
test_write_private (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = g_build_filename (dir, "dossier.pdf", NULL);

  populate_demo (f);
  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (acq_dossier_write (f->store, HELENE, path, ACQ_DOSSIER_MODE_DRAFT, NULL, NULL,
                                    NULL, &error));
  g_assert_no_error (error);
  test_assert_output_alone (path);
}

/* The disk fills up in the middle of the file (a file size limit, as a full disk would): the
 * previous dossier stays whole under its name and no part of the new one is left behind. */
static void
test_write_disk_full (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (f->dir, "out", NULL);
  g_autofree char *path = g_build_filename (dir, "dossier.pdf", NULL);
  g_autofree char *contents = NULL;
  struct rlimit saved, limit;
  gboolean ok;

  populate_demo (f);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "the previous dossier", -1, &error));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limit = saved;
  limit.rlim_cur = 64 * 1024;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  ok = acq_dossier_write (f->store, HELENE, path, ACQ_DOSSIER_MODE_DRAFT, NULL, NULL, NULL,
                          &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, SIG_DFL);
  g_assert_false (ok);
  g_assert_error (error, ACQ_DOSSIER_ERROR, ACQ_DOSSIER_ERROR_WRITE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the previous dossier");
  test_assert_output_alone (path);
}

/* --- The command line's candidate -------------------------------------------------------------- */

static void
assert_found (Fixture *f, const char *query, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *candidate = acq_dossier_find_candidate (f->candidates, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (candidate);
  g_assert_cmpstr (acq_candidate_get_uuid (candidate), ==, uuid);
}

static void
test_find_candidate (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *twin;

  populate_demo (f);
  assert_found (f, HELENE, HELENE);
  assert_found (f, "Hélène Dubois", HELENE);
  assert_found (f, "helene dubois", HELENE);
  assert_found (f, "  DUBOIS   Hélène ", HELENE);
  assert_found (f, "Lefevre", "6a1f0c3e-0d55-4d47-9a43-3f1e7b2c9d03");

  g_assert_null (acq_dossier_find_candidate (f->candidates, "Personne Inconnue", &error));
  g_assert_error (error, ACQ_DOSSIER_ERROR, ACQ_DOSSIER_ERROR_NOT_FOUND);
  g_clear_error (&error);

  twin = acq_candidate_list_create (f->candidates, "Helene", "DUBOIS", &error);
  g_assert_no_error (error);
  g_assert_null (acq_dossier_find_candidate (f->candidates, "Hélène Dubois", &error));
  g_assert_error (error, ACQ_DOSSIER_ERROR, ACQ_DOSSIER_ERROR_AMBIGUOUS);
  g_assert_nonnull (strstr (error->message, HELENE));
  g_assert_nonnull (strstr (error->message, acq_candidate_get_uuid (twin)));
  /* the id still tells them apart */
  assert_found (f, acq_candidate_get_uuid (twin), acq_candidate_get_uuid (twin));
}

/* A French coach's machine writes numbers with a comma: the links of the table of contents
 * must still be written (cairo 1.16 reads tag numbers with the locale). */
static void
test_french_locale (Fixture *f, gconstpointer data)
{
  g_autofree char *previous = g_strdup (setlocale (LC_NUMERIC, NULL));
  g_autoptr (Pdf) doc = NULL;

  if (setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("no fr_FR.UTF-8 locale on this machine");
      return;
    }
  populate_demo (f);
  write_dossier (f, HELENE, ACQ_DOSSIER_MODE_DRAFT);
  setlocale (LC_NUMERIC, previous);
  doc = open_pdf (f->output);
  g_assert_cmpint (poppler_document_get_n_pages (doc), >=, 15);
}

/* A candidate on a certification imported from the export: the coverage lists its blocs and
 * competences, the dossier prints its title, its bloc and the competence a sheet shows. */
static void
test_imported_certification (Fixture *f, gconstpointer data)
{
  static const char xml[] =
    "<FICHES><FICHE><NUMERO_FICHE>RNCP90001</NUMERO_FICHE><INTITULE>Gestionnaire de paie"
    "</INTITULE><ACTIF>Oui</ACTIF><BLOCS_COMPETENCES>"
    "<BLOC_COMPETENCES><CODE>RNCP90001BC01</CODE><LIBELLE>Établir la paie</LIBELLE>"
    "<LISTE_COMPETENCES>C1.1 – Collecter les variables C1.2 – Établir les bulletins de salaire"
    "</LISTE_COMPETENCES></BLOC_COMPETENCES>"
    "<BLOC_COMPETENCES><CODE>RNCP90001BC02</CODE><LIBELLE>Déclarer les charges</LIBELLE>"
    "<LISTE_COMPETENCES>- Déclarer\n- Répondre aux organismes</LISTE_COMPETENCES>"
    "</BLOC_COMPETENCES></BLOCS_COMPETENCES></FICHE></FICHES>";
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqFiche) fiche = test_import_fiche (f->store, xml, "RNCP90001");
  g_autoptr (AcqSheetList) sheets = NULL;
  g_autoptr (AcqCoverage) coverage = NULL;
  g_autoptr (GObject) pdf = NULL;
  g_autofree char *text = NULL;
  const AcqBlocDef *first;
  const AcqCoverageBloc *bloc;
  AcqCandidate *candidate;
  AcqSheet *sheet;

  first = g_ptr_array_index (fiche->blocs, 0);
  candidate = acq_candidate_list_create_for (f->candidates, "Léa", "Morel", "RNCP90001",
                                             &error);
  g_assert_no_error (error);
  acq_candidate_set_text (candidate, ACQ_CANDIDATE_ADDRESS, "2 place du Marché\n46100 Figeac");
  g_assert_true (acq_candidate_list_save (f->candidates, candidate, &error));
  sheets = sheets_of (f, candidate);
  sheet = acq_sheet_list_create (sheets, first->uuid, "Paie d'une PME de vingt salariés",
                                 &error);
  g_assert_no_error (error);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, "J'ai établi les bulletins chaque mois.");
  acq_sheet_add_competence (sheet, g_ptr_array_index (first->competence_uuids, 1));
  g_assert_true (acq_sheet_list_save (sheets, sheet, &error));
  g_assert_no_error (error);

  coverage = acq_coverage_compute (f->store, acq_candidate_get_uuid (candidate), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coverage->certification_uuid, ==, fiche->uuid);
  g_assert_cmpuint (coverage->blocs->len, ==, 2);
  bloc = g_ptr_array_index (coverage->blocs, 0);
  g_assert_cmpstr (bloc->code, ==, "RNCP90001BC01");
  g_assert_true (bloc->targeted);
  g_assert_cmpuint (bloc->competences->len, ==, 2);
  g_assert_cmpint (((AcqCoverageCompetence *) g_ptr_array_index (bloc->competences, 1))->level,
                   ==, ACQ_COVERAGE_DRAFT);
  g_assert_cmpint (((AcqCoverageCompetence *) g_ptr_array_index (bloc->competences, 0))->level,
                   ==, ACQ_COVERAGE_NONE);

  write_dossier (f, acq_candidate_get_uuid (candidate), ACQ_DOSSIER_MODE_DRAFT);
  pdf = G_OBJECT (open_pdf (f->output));
  text = document_text (POPPLER_DOCUMENT (pdf));
  g_assert_nonnull (strstr (text, "Gestionnaire de paie"));
  g_assert_nonnull (strstr (text, "Établir la paie"));
  g_assert_nonnull (strstr (text, "Établir les bulletins de salaire"));
  g_assert_null (strstr (text, "Conseiller en insertion professionnelle"));
}

/* What the candidate typed on a keyboard is printed with French typography, and the stored
 * text keeps what she typed. */
static void
test_typography_in_the_pdf (Fixture *f, gconstpointer data)
{
  static const char typed[] = "J'ai reçu M. Dupont: il a dit \"oui\"... Pour la 2ème fois, "
                              "50% des 1 000 dossiers du n°5!";
  AcqCandidate *candidate = make_candidate (f, "Léa", "Garnier", "3 rue Nationale\n46100 Figeac");
  g_autoptr (AcqSheetList) sheets = sheets_of (f, candidate);
  AcqSheet *sheet = make_sheet (sheets, f, "Accueil d'un usager", typed);
  g_autoptr (Pdf) doc = NULL;
  g_autoptr (GString) raw = g_string_new (NULL);
  g_autofree char *text = NULL;

  write_dossier (f, acq_candidate_get_uuid (candidate), ACQ_DOSSIER_MODE_DRAFT);
  doc = open_pdf (f->output);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *page_raw = poppler_page_get_text (page);

      g_string_append (raw, page_raw);
      g_object_unref (page);
    }
  text = normalize (raw->str);
  g_assert_nonnull (strstr (text, "J'ai reçu M. Dupont : il a dit « oui »… Pour la 2e fois, "
                                  "50 % des 1 000 dossiers du n° 5 !"));
  /* (poppler reads the no-break spaces back as spaces: /dp-layout/typeset/every-rule checks
   * which space each rule puts) */
  g_assert_cmpstr (acq_sheet_get_rubric (sheet, ACQ_RUBRIC_TASKS), ==, typed);
}

int
main (int argc, char **argv)
{
  /* the date of the declaration and of the metadata */
  g_setenv ("SOURCE_DATE_EPOCH", FIXED_EPOCH, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/dossier/demo/structure", test_demo_structure);
  ADD ("/dossier/imported-certification", test_imported_certification);
  ADD ("/dossier/demo/outline", test_demo_outline);
  ADD ("/dossier/demo/rubrics-in-order", test_demo_rubrics);
  ADD ("/dossier/demo/metadata", test_demo_metadata);
  ADD ("/dossier/activity-types", test_activity_types);
  ADD ("/dossier/titles/printed", test_titles_printed);
  ADD ("/dossier/period-printed", test_period_printed);
  g_test_add_func ("/dossier/unit-heading", test_unit_heading);
  ADD ("/dossier/demo/contents-pages", test_demo_contents);
  ADD ("/dossier/final/refused-with-what-is-missing", test_final_refused);
  ADD ("/dossier/final/validated-only", test_final_written);
  ADD ("/dossier/typography/french-in-the-pdf", test_typography_in_the_pdf);
  ADD ("/dossier/rules/demo", test_rules_demo);
  ADD ("/dossier/rules/missing-fields", test_rules_missing);
  g_test_add_func ("/dossier/rules/town-of-the-address", test_rules_town);
  ADD ("/dossier/rules/three-pages", test_rules_three_pages);
  ADD ("/dossier/annexes/appended", test_annexes);
  ADD ("/dossier/annexes/apart-from-the-practice", test_annexes_apart);
  ADD ("/dossier/annexes/bombs-refused-at-attach", test_annex_bombs_refused);
  ADD ("/dossier/annexes/bombs-in-store-noted", test_annex_bombs_noted);
  ADD ("/dossier/annexes/without-pages", test_annex_without_pages);
  ADD ("/dossier/hostile-text", test_hostile_text);
  ADD ("/dossier/tools/qpdf-check", test_tools_qpdf);
  ADD ("/dossier/tools/fonts-embedded", test_tools_fonts);
  ADD ("/dossier/async", test_async);
  ADD ("/dossier/cancel", test_cancel);
  ADD ("/dossier/write-error", test_write_error);
  ADD ("/dossier/write/private", test_write_private);
  ADD ("/dossier/write/disk-full-keeps-previous", test_write_disk_full);
  ADD ("/dossier/find-candidate", test_find_candidate);
  ADD ("/dossier/write/french-locale", test_french_locale);
#undef ADD

  return g_test_run ();
}

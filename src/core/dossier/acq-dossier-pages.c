/* acq-dossier-pages.c — the sections of the Dossier Professionnel around the examples
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cover, the table of contents, the page that opens each bloc, the table of titles and
 * diplomas, the déclaration sur l'honneur and the list of documents. They follow the
 * ministry's DP template; their text is French whatever the interface language, with the
 * typography of acq_dp_layout_typeset() (non-breaking spaces, typographic apostrophes).
 */
#define G_LOG_DOMAIN "acq-dossier"

#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "acq-candidate-title.h"
#include "acq-dossier-private.h"
#include "acq-text.h"

/* The column of page numbers in the contents and the list of documents. */
#define NUMBER_COLUMN 44.0
/* What is left to fill in by hand when a field is empty. */
#define BLANK "……………………………………………"

/* @text typeset on one line: line breaks and tabs become spaces. */
static char *
typeset_line (const char *text)
{
  char *typeset = acq_dp_layout_typeset (text);

  g_strdelimit (g_strstrip (typeset), "\n\t", ' ');
  return typeset;
}

static char *
example_title (const AcqDossierExample *example)
{
  g_autofree char *title = typeset_line (example->title);

  if (*title == '\0')
    return g_strdup_printf ("Exemple n°\u00A0%u", example->example.number);
  return g_strdup_printf ("Exemple n°\u00A0%u\u00A0: %s", example->example.number, title);
}

static char *
bloc_title (const AcqDossierBloc *bloc)
{
  g_autofree char *title = typeset_line (bloc->bloc->title);

  return g_strdup_printf ("Bloc %d — %s", bloc->bloc->position, title);
}

static char *
annex_title (const AcqDossierAnnex *annex)
{
  g_autofree char *name = typeset_line (annex->attachment->file_name);

  return g_strdup_printf ("Annexe n°\u00A0%u\u00A0: %s", annex->number, name);
}

static void
add_target (AcqDossierWriter *w, int level, char *title, const char *dest, gboolean in_toc)
{
  AcqDossierTarget *target = g_new0 (AcqDossierTarget, 1);

  target->level = level;
  /* the sections and the blocs stand out; the examples and annexes under them do not */
  target->strong = level == 0 || (dest != NULL && g_str_has_prefix (dest, "bloc-") &&
                                  level == 1);
  target->title = title;
  target->dest = g_strdup (dest);
  target->in_toc = in_toc;
  g_ptr_array_add (w->targets, target);
  if (dest != NULL)
    g_hash_table_insert (w->by_dest, target->dest, target);
}

/**
 * _acq_dossier_add_targets:
 * @w: the writer
 *
 * Lists what the contents and the outline lead to, in the order of the dossier.
 */
void
_acq_dossier_add_targets (AcqDossierWriter *w)
{
  AcqDossierData *data = w->data;

  add_target (w, 0, g_strdup ("Sommaire"), "sommaire", FALSE);
  add_target (w, 0, g_strdup ("Exemples de pratique professionnelle"), NULL, TRUE);
  for (guint b = 0; b < data->blocs->len; b++)
    {
      AcqDossierBloc *bloc = g_ptr_array_index (data->blocs, b);

      add_target (w, 1, bloc_title (bloc), bloc->dest, TRUE);
      for (guint e = 0; e < bloc->examples->len; e++)
        {
          AcqDossierExample *example = g_ptr_array_index (bloc->examples, e);

          add_target (w, 2, example_title (example), example->dest, TRUE);
        }
    }
  add_target (w, 0, g_strdup ("Titres, diplômes, CQP, attestations de formation (facultatif)"),
              "titres", TRUE);
  add_target (w, 0, g_strdup ("Déclaration sur l’honneur"), "declaration", TRUE);
  add_target (w, 0, g_strdup ("Documents illustrant la pratique professionnelle (facultatif)"),
              "documents", TRUE);
  /* each document under its list: the practice's, then the annexes the referential asks for
   * (data->annexes holds them in that order) */
  for (guint a = 0; a < data->annexes->len; a++)
    {
      AcqDossierAnnex *annex = g_ptr_array_index (data->annexes, a);

      if (annex->required && a == data->annexes->len - data->n_required)
        add_target (w, 0, g_strdup ("Annexes (si le référentiel l’exige)"), "annexes", TRUE);
      add_target (w, 1, annex_title (annex), annex->dest, TRUE);
    }
}

static void
start_section (AcqDossierWriter *w, const char *section, const char *dest, const char *title)
{
  acq_dossier_writer_set_section (w, section);
  acq_dossier_writer_new_page (w);
  _acq_dossier_mark (w, dest);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_SECTION, title, 0, 4);
}

/* --- The cover ------------------------------------------------------------------------ */

static void
cover_band (AcqDossierWriter *w)
{
  if (w->cr == NULL)
    return;
  cairo_save (w->cr);
  cairo_set_source_rgb (w->cr, 0.09, 0.20, 0.36);
  cairo_rectangle (w->cr, 0, 0, ACQ_DP_PAGE_WIDTH, 14);
  cairo_fill (w->cr);
  cairo_set_source_rgb (w->cr, 0.85, 0.62, 0.16);
  cairo_rectangle (w->cr, 0, 14, ACQ_DP_PAGE_WIDTH, 3);
  cairo_fill (w->cr);
  cairo_restore (w->cr);
}

static void
rule (AcqDossierWriter *w, double width)
{
  if (w->cr != NULL)
    {
      cairo_save (w->cr);
      cairo_set_source_rgb (w->cr, 0.85, 0.62, 0.16);
      cairo_rectangle (w->cr, ACQ_DP_CONTENT_X, ACQ_DP_CONTENT_Y + w->y, width, 2);
      cairo_fill (w->cr);
      cairo_restore (w->cr);
    }
  w->y += 2;
}

/* A row of the identity form: the label in a column, the value beside it, over as many
 * lines as it needs. The column is 130 points for the model's 10-point text, and grows with
 * a reading style's larger one, so that the labels never run into the values. */
static void
form_row (AcqDossierWriter *w, const char *label, const char *value)
{
  g_autofree char *typeset = acq_dp_layout_typeset (value);
  double size = pango_font_description_get_size (w->fonts[ACQ_DOSSIER_TEXT_STRONG]);
  double column = 130 * MAX (1.0, size / PANGO_SCALE / ACQ_DP_BODY_SIZE);
  double top, label_bottom;
  guint page;

  g_strdelimit (g_strstrip (typeset), "\t", ' ');
  acq_dossier_writer_need (w, acq_dossier_writer_text_height (w, ACQ_DOSSIER_TEXT_STRONG, label,
                                                              column));
  top = w->y;
  page = w->page;
  /* the label is flowed like the value, so that their first lines share a baseline */
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_STRONG, label, 0, 0);
  label_bottom = w->y;
  w->y = top;
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, *typeset != '\0' ? typeset : BLANK, column, 7);
  if (w->page == page)
    w->y = MAX (w->y, label_bottom + 7);
}

static void
cover_identity (AcqDossierWriter *w)
{
  AcqCandidate *candidate = w->data->candidate;
  const char *birth = acq_candidate_get_text (candidate, ACQ_CANDIDATE_BIRTH_NAME);
  const char *last = acq_candidate_get_text (candidate, ACQ_CANDIDATE_LAST_NAME);

  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_HEADING, "Candidat ou candidate", 0, 8);
  form_row (w, "Nom de naissance", *birth != '\0' ? birth : last);
  form_row (w, "Nom d’usage", last);
  form_row (w, "Prénom", acq_candidate_get_text (candidate, ACQ_CANDIDATE_FIRST_NAME));
  form_row (w, "Adresse", acq_candidate_get_text (candidate, ACQ_CANDIDATE_ADDRESS));
}

static void
cover_certification (AcqDossierWriter *w)
{
  AcqDossierData *data = w->data;
  g_autofree char *title = typeset_line (data->certification);

  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, "Titre professionnel visé", 0, 2);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_SECTION, *title != '\0' ? title : BLANK, 0, 4);
  acq_dossier_writer_flow_labelled (w, "Code RNCP", data->rncp != NULL ? data->rncp : BLANK, 2);
  acq_dossier_writer_flow_labelled (w, "Modalité d’accès",
                                    "Validation des acquis de l’expérience (VAE)", 0);
}

/* What this copy is, in a sentence. */
static char *
cover_note_text (AcqDossierWriter *w)
{
  AcqDossierData *data = w->data;
  g_autofree char *iso = g_date_time_format (data->generated_at, "%Y-%m-%d");
  g_autofree char *date = acq_text_french_date (iso);

  if (data->mode == ACQ_DOSSIER_MODE_READING)
    return g_strdup_printf ("Copie de lecture du %s, en gros caractères ; le dossier à remettre "
                            "garde la mise en page du modèle.", date);
  if (data->mode == ACQ_DOSSIER_MODE_DRAFT)
    return g_strdup_printf ("Version de travail du %s. Les exemples qui n’ont pas encore été "
                            "validés portent la mention « BROUILLON ».", date);
  return g_strdup_printf ("Dossier établi le %s.", date);
}

/* At the foot of the cover when there is room. */
static void
cover_note (AcqDossierWriter *w)
{
  g_autofree char *note = cover_note_text (w);
  double height;

  height = acq_dossier_writer_text_height (w, ACQ_DOSSIER_TEXT_NOTE, note, ACQ_DP_CONTENT_WIDTH);
  if (w->y + 24 + height <= ACQ_DP_CONTENT_HEIGHT)
    w->y = ACQ_DP_CONTENT_HEIGHT - height;
  else
    acq_dossier_writer_space (w, 24);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, note, 0, 0);
}

/**
 * _acq_dossier_cover:
 * @w: the writer
 *
 * The cover: the kind of dossier, the title aimed at, the access route and the candidate.
 */
void
_acq_dossier_cover (AcqDossierWriter *w)
{
  /* the reading copy says what it is under its title, where its larger text never pushes
   * the sentence onto a page of its own, and takes the room of the model's blank bands */
  gboolean reading = w->data->mode == ACQ_DOSSIER_MODE_READING;
  double gap = reading ? 0.5 : 1.0;

  w->bare = TRUE;
  acq_dossier_writer_set_section (w, NULL);
  acq_dossier_writer_new_page (w);
  w->bare = FALSE;
  cover_band (w);
  w->y = 40 * gap;
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_COVER, "Dossier Professionnel", 0, 0);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_HEADING, "(DP)", 0, 10);
  rule (w, 90);
  if (reading)
    {
      g_autofree char *note = cover_note_text (w);

      acq_dossier_writer_space (w, 12);
      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, note, 0, 0);
    }
  acq_dossier_writer_space (w, 40 * gap);
  cover_certification (w);
  acq_dossier_writer_space (w, 50 * gap);
  cover_identity (w);
  if (!reading)
    cover_note (w);
}

/* --- Presentation -------------------------------------------------------------------- */

/**
 * _acq_dossier_presentation:
 * @w: the writer
 *
 * The page the ministry's model has after the cover: what the Dossier Professionnel is, what
 * the jury has to decide, what this dossier holds. In our own words, under the model's title.
 */
void
_acq_dossier_presentation (AcqDossierWriter *w)
{
  static const char *const jury[] = {
    "les résultats de la mise en situation professionnelle, ou des autres épreuves que prévoit "
    "le référentiel de certification ;",
    "le présent dossier, où le candidat ou la candidate décrit des exemples de sa pratique "
    "professionnelle ;",
    "le cas échéant, les résultats des évaluations passées en cours de formation ;",
    "l’entretien final.",
  };
  static const char *const contents[] = {
    "pour chaque bloc de compétences visé, un à trois exemples de pratique professionnelle ;",
    "un tableau des titres, diplômes, CQP et attestations de formation (facultatif) ;",
    "une déclaration sur l’honneur, à dater et à signer ;",
    "des documents illustrant la pratique professionnelle (facultatif) ;",
    "des annexes, lorsque le référentiel de certification en prévoit.",
  };

  acq_dossier_writer_set_section (w, "Présentation du dossier");
  acq_dossier_writer_new_page (w);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_SECTION, "Présentation du dossier", 0, 14);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY,
                           "Le Dossier Professionnel (DP) est l’un des éléments sur lesquels le "
                           "jury s’appuie pour délivrer le titre professionnel. Il appartient au "
                           "candidat ou à la candidate, qui le tient à jour tout au long de son "
                           "parcours et le présente à chaque session d’examen. Une formatrice, "
                           "un formateur ou une accompagnatrice VAE peut l’aider à le rédiger.",
                           0, 12);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_HEADING, "Pour prendre sa décision, le jury "
                           "dispose\u00A0:", 0, 6);
  for (guint i = 0; i < G_N_ELEMENTS (jury); i++)
    {
      g_autofree char *line = g_strdup_printf ("• %s", jury[i]);
      g_autofree char *set = acq_dp_layout_typeset (line);
      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, set, 12, 3);
    }
  acq_dossier_writer_space (w, 10);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_HEADING, "Ce dossier comporte\u00A0:", 0, 6);
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autofree char *line = g_strdup_printf ("• %s", contents[i]);
      g_autofree char *set = acq_dp_layout_typeset (line);
      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, set, 12, 3);
    }
}

/* --- Contents ------------------------------------------------------------------------- */

static void
leader_dots (AcqDossierWriter *w, double from, double to, double baseline)
{
  /* on a grid of 4 points, so that the dots of all the lines stand in columns */
  double first = ((int) (from / 4) + 2) * 4;
  double dashes[] = { 0, 4 };

  if (w->cr == NULL || first > to - 4)
    return;
  cairo_save (w->cr);
  cairo_set_source_rgb (w->cr, 0.55, 0.55, 0.55);
  /* dots of 1.2 points: the round caps of dashes of no length, one line for the row, rather
   * than a circle each (a page of contents held thousands of curves) */
  cairo_set_line_width (w->cr, 1.2);
  cairo_set_line_cap (w->cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (w->cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_move_to (w->cr, ACQ_DP_CONTENT_X + first, ACQ_DP_CONTENT_Y + baseline);
  /* to the last dot of the grid and a point more, so that rounding never loses it */
  cairo_line_to (w->cr, ACQ_DP_CONTENT_X + first + 4 * floor ((to - 4 - first) / 4 + 1e-9) + 1,
                 ACQ_DP_CONTENT_Y + baseline);
  cairo_stroke (w->cr);
  cairo_restore (w->cr);
}

static void
link_area (AcqDossierWriter *w, const char *dest, double x, double y, double width,
           double height)
{
  g_autofree char *attributes = NULL;

  if (w->cr == NULL)
    return;
  /* Whole points: cairo 1.16 reads tag attributes with strtod(), which follows the locale
   * and takes "12.50" for 12 under a French one, then refuses the tag. */
  attributes = g_strdup_printf ("dest='%s' rect=[%d %d %d %d]", dest,
                                (int) (ACQ_DP_CONTENT_X + x + 0.5),
                                (int) (ACQ_DP_CONTENT_Y + y + 0.5), (int) (width + 0.5),
                                (int) (height + 0.5));
  cairo_tag_begin (w->cr, CAIRO_TAG_LINK, attributes);
  cairo_tag_end (w->cr, CAIRO_TAG_LINK);
}

/* The page number right-aligned in its column, on the baseline of the title's last line,
 * with dots leading to it. */
static void
entry_number (AcqDossierWriter *w, AcqDossierText style, PangoLayout *title, double indent,
              double top, guint page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  gboolean is_new;
  g_autoptr (PangoLayout) layout = _acq_dossier_kept_layout (w, style, number, 0, 0, &is_new);
  PangoLayoutIter *iter = pango_layout_get_iter (title);
  PangoRectangle last, digits;
  double baseline;

  while (pango_layout_iter_next_line (iter))
    ;
  pango_layout_iter_get_line_extents (iter, NULL, &last);
  baseline = top + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
  pango_layout_iter_free (iter);
  pango_layout_get_extents (layout, NULL, &digits);
  acq_dossier_writer_show_layout (w, style, layout,
                                  ACQ_DP_CONTENT_WIDTH - (double) digits.width / PANGO_SCALE,
                                  baseline -
                                  (double) pango_layout_get_baseline (layout) / PANGO_SCALE);
  leader_dots (w, indent + (double) (last.x + last.width) / PANGO_SCALE,
               ACQ_DP_CONTENT_WIDTH - (double) digits.width / PANGO_SCALE, baseline);
}

/* A line of the contents or of the list of documents: the title, dots, the page number,
 * the whole a link. The number has its own column, so that the title wraps the same in both
 * passes. */
static void
entry (AcqDossierWriter *w, int level, const char *title, const char *dest, gboolean strong)
{
  AcqDossierText style = strong ? ACQ_DOSSIER_TEXT_STRONG : ACQ_DOSSIER_TEXT_BODY;
  double indent = level * 16;
  gboolean is_new;
  g_autoptr (PangoLayout) layout =
    _acq_dossier_kept_layout (w, style, title, ACQ_DP_CONTENT_WIDTH - indent - NUMBER_COLUMN, 0,
                              &is_new);
  AcqDossierTarget *target = dest != NULL ? g_hash_table_lookup (w->by_dest, dest) : NULL;
  PangoRectangle logical;
  double height, top;

  pango_layout_get_extents (layout, NULL, &logical);
  height = (double) logical.height / PANGO_SCALE;
  acq_dossier_writer_space (w, level == 0 ? 10 : 3);
  acq_dossier_writer_need (w, height);
  top = w->y;
  acq_dossier_writer_show_layout (w, style, layout, indent, top);
  if (target != NULL)
    {
      entry_number (w, style, layout, indent, top, target->page);
      link_area (w, dest, indent, top, ACQ_DP_CONTENT_WIDTH - indent, height);
    }
  w->y = top + height;
}

/**
 * _acq_dossier_contents:
 * @w: the writer
 *
 * The table of contents, with the page numbers the first pass found.
 */
void
_acq_dossier_contents (AcqDossierWriter *w)
{
  start_section (w, "Sommaire", "sommaire", "Sommaire");
  acq_dossier_writer_space (w, 8);
  for (guint i = 0; i < w->targets->len; i++)
    {
      AcqDossierTarget *target = g_ptr_array_index (w->targets, i);

      if (target->in_toc)
        entry (w, target->level, target->title, target->dest, target->strong);
    }
}

/* --- Blocs ---------------------------------------------------------------------------- */

static void
bloc_competences (AcqDossierWriter *w, const AcqCoverageBloc *bloc)
{
  acq_dossier_writer_need (w, 40);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_HEADING, "Compétences du bloc", 0, 6);
  for (guint c = 0; c < bloc->competences->len; c++)
    {
      AcqCoverageCompetence *competence = g_ptr_array_index (bloc->competences, c);
      g_autofree char *label = typeset_line (competence->label);
      g_autofree char *line = g_strconcat ("• ", label, NULL);

      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, line, 8, 3);
    }
}

static void
bloc_examples (AcqDossierWriter *w, AcqDossierBloc *bloc)
{
  acq_dossier_writer_space (w, 14);
  acq_dossier_writer_need (w, 40);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_HEADING, "Exemples de pratique professionnelle",
                           0, 6);
  if (bloc->examples->len == 0)
    acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE,
                             "Aucun exemple n’a encore été rédigé pour ce bloc.", 8, 0);
  for (guint e = 0; e < bloc->examples->len; e++)
    {
      AcqDossierExample *example = g_ptr_array_index (bloc->examples, e);
      g_autofree char *title = example_title (example);
      g_autofree char *line = g_strconcat ("• ", title,
                                           example->validated ? "" : " (brouillon)", NULL);

      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, line, 8, 3);
    }
}

/**
 * _acq_dossier_bloc:
 * @w: the writer
 * @bloc: a targeted bloc
 *
 * The page that opens a bloc (an *activité-type* of the DP): its code and title, its
 * competences and its examples.
 */
void
_acq_dossier_bloc (AcqDossierWriter *w, AcqDossierBloc *bloc)
{
  g_autofree char *section = g_strdup_printf ("Bloc %d — %s", bloc->bloc->position,
                                              bloc->bloc->code);
  g_autofree char *title = bloc_title (bloc);
  g_autofree char *unit = _acq_dossier_unit_kind (w->data, bloc->bloc->position);
  g_autofree char *kind = g_strdup_printf ("%s — %s", unit, bloc->bloc->code);

  acq_dossier_writer_set_section (w, section);
  acq_dossier_writer_new_page (w);
  _acq_dossier_mark (w, bloc->dest);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, kind, 0, 4);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_SECTION, title, 0, 6);
  rule (w, 60);
  acq_dossier_writer_space (w, 18);
  bloc_competences (w, bloc->bloc);
  bloc_examples (w, bloc);
}

/* --- Titles and diplomas -------------------------------------------------------------- */

static void
table_cell (AcqDossierWriter *w, double x, double y, double width, double height,
            const char *header)
{
  if (w->cr == NULL)
    return;
  cairo_save (w->cr);
  cairo_rectangle (w->cr, ACQ_DP_CONTENT_X + x, ACQ_DP_CONTENT_Y + y, width, height);
  if (header != NULL)
    {
      cairo_set_source_rgb (w->cr, 0.89, 0.92, 0.96);
      cairo_fill_preserve (w->cr);
    }
  cairo_set_source_rgb (w->cr, 0.45, 0.50, 0.58);
  cairo_set_line_width (w->cr, 0.6);
  cairo_stroke (w->cr);
  cairo_restore (w->cr);
  if (header != NULL)
    {
      gboolean is_new;
      g_autoptr (PangoLayout) layout =
        _acq_dossier_kept_layout (w, ACQ_DOSSIER_TEXT_STRONG, header, width - 12, 0, &is_new);

      acq_dossier_writer_show_layout (w, ACQ_DOSSIER_TEXT_STRONG, layout, x + 6, y + 6);
    }
}

static void
titles_header (AcqDossierWriter *w, const char *const *headers, const double *widths,
               double height)
{
  double x = 0;

  for (guint c = 0; c < 3; c++)
    {
      table_cell (w, x, w->y, widths[c], height, headers[c]);
      x += widths[c];
    }
  w->y += height;
}

/* One line of the table: the texts in their cells, the row as high as its tallest cell; on a
 * new page, under the headers again. */
static void
titles_row (AcqDossierWriter *w, const char *const *headers, const double *widths,
            double header_height, const char *const *texts, double min_height)
{
  PangoLayout *layouts[3] = { NULL, };
  double height = min_height;
  double x = 0;
  guint page = w->page;

  for (guint c = 0; c < 3; c++)
    {
      gboolean is_new;
      PangoRectangle logical;

      layouts[c] = _acq_dossier_kept_layout (w, ACQ_DOSSIER_TEXT_BODY, texts[c],
                                             widths[c] - 12, 0, &is_new);
      pango_layout_get_extents (layouts[c], NULL, &logical);
      height = MAX (height, (double) logical.height / PANGO_SCALE + 12);
    }
  acq_dossier_writer_need (w, height);
  if (w->page != page)
    {
      titles_header (w, headers, widths, header_height);
      acq_dossier_writer_need (w, height);
    }
  for (guint c = 0; c < 3; c++)
    {
      table_cell (w, x, w->y, widths[c], height, NULL);
      acq_dossier_writer_show_layout (w, ACQ_DOSSIER_TEXT_BODY, layouts[c], x + 6, w->y + 6);
      g_object_unref (layouts[c]);
      x += widths[c];
    }
  w->y += height;
}

/**
 * _acq_dossier_titles:
 * @w: the writer
 *
 * The table of titles, diplomas, CQP and training certificates: the ones the candidate
 * entered (acq-candidate-title), in her order, dated as in France; a table of empty rows, to
 * fill in by hand, when she entered none. A row that does not fit goes to the next page,
 * under the headers again.
 */
void
_acq_dossier_titles (AcqDossierWriter *w)
{
  static const char *const headers[] = { "Intitulé", "Autorité ou organisme", "Date" };
  static const double shares[] = { 0.48, 0.34, 0.18 };
  const double header_height = 24, row_height = 30;
  const guint rows = 10;
  GPtrArray *titles = w->data->titles;
  double widths[3];

  for (guint c = 0; c < 3; c++)
    widths[c] = shares[c] * ACQ_DP_CONTENT_WIDTH;
  start_section (w, "Titres et diplômes", "titres",
                 "Titres, diplômes, CQP, attestations de formation");
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, "(facultatif)", 0, 16);
  if (titles == NULL || titles->len == 0)
    {
      acq_dossier_writer_need (w, header_height + row_height * rows);
      titles_header (w, headers, widths, header_height);
      for (guint r = 0; r < rows; r++)
        {
          static const char *const empty[] = { "", "", "" };

          titles_row (w, headers, widths, header_height, empty, row_height);
        }
      return;
    }
  acq_dossier_writer_need (w, header_height + row_height);
  titles_header (w, headers, widths, header_height);
  for (guint i = 0; i < titles->len; i++)
    {
      const AcqCandidateTitle *title = g_ptr_array_index (titles, i);
      g_autofree char *name = typeset_line (title->title);
      g_autofree char *organisation = typeset_line (title->organisation);
      g_autofree char *date = NULL;
      const char *texts[3];
      int y = 0, m = 0, d = 0;

      if (sscanf (title->date, "%4d-%2d-%2d", &y, &m, &d) == 3)
        date = g_strdup_printf ("%02d/%02d/%04d", d, m, y);
      texts[0] = name;
      texts[1] = organisation;
      texts[2] = date != NULL ? date : "";
      titles_row (w, headers, widths, header_height, texts, row_height);
    }
}

/* --- Declaration ---------------------------------------------------------------------- */

static void
signature_box (AcqDossierWriter *w)
{
  const double width = 230, height = 95;

  acq_dossier_writer_need (w, height + 20);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_STRONG, "Signature\u00A0:", 0, 6);
  if (w->cr != NULL)
    {
      cairo_save (w->cr);
      cairo_set_source_rgb (w->cr, 0.45, 0.50, 0.58);
      cairo_set_line_width (w->cr, 0.6);
      cairo_rectangle (w->cr, ACQ_DP_CONTENT_X, ACQ_DP_CONTENT_Y + w->y, width, height);
      cairo_stroke (w->cr);
      cairo_restore (w->cr);
    }
  w->y += height;
}

/**
 * _acq_dossier_declaration:
 * @w: the writer
 *
 * The déclaration sur l'honneur, as the DP words it: the candidate's name, the place (the
 * town of the address), the date — a line to write it on, as the model leaves it to the
 * signer, or the date of generation when the candidate chose to date it — and a box to sign.
 */
void
_acq_dossier_declaration (AcqDossierWriter *w)
{
  AcqDossierData *data = w->data;
  g_autofree char *name = acq_dossier_full_name (data->candidate);
  g_autofree char *typeset_name = typeset_line (name);
  g_autofree char *place = typeset_line (data->place);
  g_autofree char *iso = g_date_time_format (data->generated_at, "%Y-%m-%d");
  g_autofree char *date = data->dated ? acq_text_french_date (iso) : g_strdup (BLANK);
  g_autofree char *statement = NULL;
  g_autofree char *made = NULL;

  statement = g_strdup_printf ("Je soussigné(e) %s, déclare sur l’honneur que les "
                               "renseignements fournis dans ce dossier sont exacts et que je "
                               "suis l’auteur(e) des réalisations jointes.",
                               *typeset_name != '\0' ? typeset_name : BLANK);
  made = g_strdup_printf ("Fait à %s, le %s, pour faire valoir ce que de droit.",
                          *place != '\0' ? place : BLANK, date);
  start_section (w, "Déclaration sur l’honneur", "declaration", "Déclaration sur l’honneur");
  acq_dossier_writer_space (w, 18);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, statement, 0, 14);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, made, 0, 28);
  signature_box (w);
}

/* --- Documents ------------------------------------------------------------------------ */

/* The lines of the documents of one kind, or a sentence when there are none. */
static void
list_annexes (AcqDossierWriter *w, gboolean required)
{
  AcqDossierData *data = w->data;
  guint n = 0;

  for (guint a = 0; a < data->annexes->len; a++)
    {
      AcqDossierAnnex *annex = g_ptr_array_index (data->annexes, a);
      g_autofree char *title = NULL;
      g_autofree char *line = NULL;

      if (annex->required != required)
        continue;
      title = annex_title (annex);
      line = g_strdup_printf ("%s (bloc %d, exemple n°\u00A0%u)", title,
                              annex->example->bloc->bloc->position,
                              annex->example->example.number);
      entry (w, 1, line, annex->dest, FALSE);
      n++;
    }
  if (n == 0)
    acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY,
                             "Aucun document n’est joint à ce dossier.", 0, 0);
}

/**
 * _acq_dossier_documents:
 * @w: the writer
 *
 * The list of the documents that illustrate the practice, each with the example it belongs
 * to and the page of its annex.
 */
void
_acq_dossier_documents (AcqDossierWriter *w)
{
  start_section (w, "Documents illustrant la pratique", "documents",
                 "Documents illustrant la pratique professionnelle");
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, "(facultatif)", 0, 12);
  list_annexes (w, FALSE);
}

/**
 * _acq_dossier_required_annexes:
 * @w: the writer
 *
 * The list of the annexes the referential asks for (the documents marked so), apart from the
 * documents that illustrate the practice, each with the example it belongs to and its page.
 * Printed only when there are some, after the practice's documents.
 */
void
_acq_dossier_required_annexes (AcqDossierWriter *w)
{
  start_section (w, "Annexes", "annexes", "Annexes");
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, "(si le référentiel l’exige)", 0, 12);
  list_annexes (w, TRUE);
}

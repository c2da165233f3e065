/* acq-jury-prep.c — the fiche de préparation au jury, as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the candidate rereads before the jury, on paper: the épreuve's parts and their
 * durations, then per targeted bloc its competences, the validated examples that back each
 * one, the oral's cards, and the likely questions with her notes; then the accompagnatrice's
 * questions about no competence in particular. A4, the dossier's page, fonts and French
 * typography (dossier/acq-dp-layout.h); in French whatever the locale, as the dossier. The
 * large-print variant (for the accommodations a candidate records) sets the text at 14 points
 * with more space between the lines.
 *
 * The sheets' titles and the oral's cards, drafted from the sheets, name the people the
 * candidate accompanied: the names she accepted to replace are replaced (acq-people), as in
 * the dossier.
 *
 * One pass, paragraph by paragraph, line by line: a line that does not fit starts a new page.
 * The file is written through acq-output-file: a failure leaves the previous one as it was.
 */
#define G_LOG_DOMAIN "acq-jury"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "acq-coverage.h"
#include "acq-dp-layout.h"
#include "acq-jury-prep.h"
#include "acq-jury-questions.h"
#include "acq-jury.h"
#include "acq-output-file.h"
#include "acq-pango.h"
#include "acq-people.h"
#include "acq-sql-private.h"
#include "acq-text.h"

typedef enum { TEXT_TITLE, TEXT_HEADING, TEXT_SUBHEADING, TEXT_BODY, TEXT_NOTE, N_TEXTS } Text;

typedef struct
{
  cairo_t              *cr;
  PangoContext         *context;
  PangoFontDescription *fonts[N_TEXTS];
  double                spacing;  /* baseline to baseline, times the line height */
  double                y;        /* where the next line goes */
  guint                 page;
  int                   fd;
  int                   saved_errno;
  GPtrArray            *people;  /* (element-type AcqPersonMention): names to replace */
} Prep;

static cairo_status_t
write_cb (void *closure, const unsigned char *data, unsigned int length)
{
  Prep *p = closure;

  if (acq_output_file_write_all (p->fd, data, length))
    return CAIRO_STATUS_SUCCESS;
  p->saved_errno = errno;
  return CAIRO_STATUS_WRITE_ERROR;
}

static void
footer (Prep *p)
{
  g_autoptr (PangoLayout) layout = pango_layout_new (p->context);
  g_autofree char *text = g_strdup_printf ("Fiche de préparation au jury — page %u", p->page);
  int width, height;

  pango_layout_set_font_description (layout, p->fonts[TEXT_NOTE]);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, &height);
  cairo_move_to (p->cr, ACQ_DP_PAGE_WIDTH - ACQ_DP_MARGIN_RIGHT - (double) width / PANGO_SCALE,
                 ACQ_DP_PAGE_HEIGHT - ACQ_DP_MARGIN_BOTTOM - (double) height / PANGO_SCALE);
  pango_cairo_show_layout (p->cr, layout);
}

static void
new_page (Prep *p)
{
  if (p->page > 0)
    {
      footer (p);
      cairo_show_page (p->cr);
    }
  p->page++;
  p->y = ACQ_DP_MARGIN_TOP;
}

static double
bottom (void)
{
  return ACQ_DP_PAGE_HEIGHT - ACQ_DP_MARGIN_BOTTOM - ACQ_DP_FOOTER_HEIGHT;
}

/* @text, typeset as the dossier does, at @indent points from the left margin; a line that
 * does not fit on the page goes to the next. */
static void
paragraph (Prep *p, Text style, double indent, const char *text, double space_after)
{
  g_autoptr (PangoLayout) layout = pango_layout_new (p->context);
  g_autofree char *typeset = acq_dp_layout_typeset (text);
  PangoLayoutIter *iter;

  if (*typeset == '\0')
    return;
  pango_layout_set_font_description (layout, p->fonts[style]);
  pango_layout_set_width (layout, (int) ((ACQ_DP_CONTENT_WIDTH - indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, typeset, -1);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      if (p->y + height > bottom ())
        new_page (p);
      cairo_move_to (p->cr, ACQ_DP_CONTENT_X + indent,
                     p->y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE -
                       (double) logical.y / PANGO_SCALE);
      pango_cairo_show_layout_line (p->cr, line);
      p->y += height * p->spacing;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  p->y += space_after;
}

/* A heading stays with what follows it: it starts a page when less than a few lines are left. */
static void
heading (Prep *p, Text style, const char *text)
{
  if (p->y + 6 * ACQ_DP_BODY_SIZE * p->spacing > bottom ())
    new_page (p);
  p->y += style == TEXT_HEADING ? 10 : 4;
  paragraph (p, style, 0, text, 4);
}

static char *
format_minutes (guint minutes)
{
  return minutes >= 60 && minutes % 60 == 0 ? g_strdup_printf ("%u h", minutes / 60)
                                             : g_strdup_printf ("%u min", minutes);
}

static void
write_parts (Prep *p, GPtrArray *parts)
{
  guint total = 0;

  heading (p, TEXT_HEADING, "L’épreuve");
  for (guint i = 0; i < parts->len; i++)
    {
      const AcqJuryPart *part = g_ptr_array_index (parts, i);
      g_autofree char *minutes = format_minutes (part->minutes);
      g_autofree char *line = g_strdup_printf ("• %s : %s", part->name, minutes);

      paragraph (p, TEXT_BODY, 0, line, 0);
      total += part->minutes;
    }
  {
    g_autofree char *minutes = format_minutes (total);
    g_autofree char *line = g_strdup_printf ("Durée totale : %s", minutes);
    paragraph (p, TEXT_NOTE, 0, line, 6);
  }
}

static void
write_questions (Prep *p, GPtrArray *questions, const char *competence_uuid)
{
  for (guint i = 0; i < questions->len; i++)
    {
      const AcqJuryQuestion *q = g_ptr_array_index (questions, i);

      if (g_strcmp0 (q->competence_uuid, competence_uuid) != 0)
        continue;
      paragraph (p, TEXT_BODY, 12, q->text, 0);
      if (!acq_text_is_blank (q->note))
        {
          g_autofree char *note = g_strdup_printf ("Mes notes : %s", q->note);
          paragraph (p, TEXT_NOTE, 24, note, 0);
        }
      p->y += 2;
    }
}

static void
write_bloc (Prep *p, const AcqCoverageBloc *bloc, GPtrArray *cards, GPtrArray *questions)
{
  g_autofree char *title = g_strdup_printf ("%s — %s", bloc->code, bloc->title);

  heading (p, TEXT_HEADING, title);
  for (guint i = 0; i < cards->len; i++)
    {
      const AcqJuryCard *card = g_ptr_array_index (cards, i);

      if (g_strcmp0 (card->bloc_uuid, bloc->bloc_uuid) != 0 ||
          (g_strcmp0 (card->title, title) == 0 && acq_text_is_blank (card->key_points)))
        continue;
      g_autofree char *card_title = acq_people_replace (card->title, p->people);
      g_autofree char *key_points = acq_people_replace (card->key_points, p->people);

      heading (p, TEXT_SUBHEADING, "Ma présentation");
      /* a card drafted from the bloc bears its title, already the heading */
      if (g_strcmp0 (card->title, title) != 0)
        paragraph (p, TEXT_BODY, 0, card_title, 2);
      paragraph (p, TEXT_BODY, 12, key_points, 4);
    }
  for (guint c = 0; c < bloc->competences->len; c++)
    {
      const AcqCoverageCompetence *competence = g_ptr_array_index (bloc->competences, c);
      g_autofree char *label = g_strdup_printf ("Compétence %d. %s", competence->position,
                                                competence->label);
      guint n = 0;

      heading (p, TEXT_SUBHEADING, label);
      for (guint s = 0; s < competence->sheets->len; s++)
        {
          const AcqCoverageSheet *sheet = g_ptr_array_index (competence->sheets, s);
          g_autofree char *sheet_title = NULL;
          g_autofree char *line = NULL;

          if (sheet->review_state != ACQ_REVIEW_STATE_VALIDATED)
            continue;
          sheet_title = acq_people_replace (sheet->title, p->people);
          line = g_strdup_printf ("Exemple : %s", sheet_title);
          paragraph (p, TEXT_BODY, 0, line, 0);
          n++;
        }
      if (n == 0)
        paragraph (p, TEXT_NOTE, 0, "Aucun exemple validé ne l’illustre encore.", 0);
      p->y += 3;
      write_questions (p, questions, competence->competence_uuid);
    }
}

static gboolean
draw (Prep *p, AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (AcqCoverage) coverage = acq_coverage_compute (store, candidate_uuid, error);
  g_autoptr (AcqJurySession) session = NULL;
  g_autoptr (GPtrArray) parts = NULL;
  g_autoptr (GPtrArray) cards = NULL;
  g_autoptr (GPtrArray) questions = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  if (coverage == NULL ||
      !(session = acq_jury_session_load (store, candidate_uuid, error)) ||
      !(parts = acq_jury_parts_list (store, candidate_uuid, error)) ||
      !(cards = acq_jury_cards_list (store, candidate_uuid, error)) ||
      !(questions = acq_jury_questions_list (store, candidate_uuid, error)) ||
      !(p->people = acq_person_mention_list (store, candidate_uuid, error)) ||
      !(stmt = acq_store_prepare (store, "SELECT trim (first_name || ' ' || last_name) FROM"
                                         " candidate WHERE uuid = ?1", error)))
    return FALSE;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = _acq_sql_column_dup (stmt, 0);
  sqlite3_reset (stmt);

  new_page (p);
  paragraph (p, TEXT_TITLE, 0, "Fiche de préparation au jury", 6);
  paragraph (p, TEXT_BODY, 0, name ? name : "", 2);
  if (session->date != NULL)
    {
      g_autofree char *day = acq_text_french_date (session->date);
      g_autofree char *line = g_strdup_printf ("Jury le %s%s%s%s%s", day,
                                               session->time ? " à " : "",
                                               session->time ? session->time : "",
                                               acq_text_is_blank (session->place) ? "" : ", ",
                                               session->place ? session->place : "");
      paragraph (p, TEXT_BODY, 0, line, 2);
    }
  p->y += 6;
  write_parts (p, parts);
  for (guint b = 0; b < coverage->blocs->len; b++)
    {
      const AcqCoverageBloc *bloc = g_ptr_array_index (coverage->blocs, b);
      if (bloc->targeted)
        write_bloc (p, bloc, cards, questions);
    }
  {
    gboolean any = FALSE;
    for (guint i = 0; i < questions->len && !any; i++)
      any = ((AcqJuryQuestion *) questions->pdata[i])->competence_uuid == NULL;
    if (any)
      {
        heading (p, TEXT_HEADING, "Autres questions");
        write_questions (p, questions, NULL);
      }
  }
  footer (p);
  return TRUE;
}

/**
 * acq_jury_prep_write:
 * @store: the store
 * @candidate_uuid: whose fiche
 * @path: the PDF to write
 * @large_print: the large-print variant
 * @error: where to put an error
 *
 * Writes the fiche de préparation au jury of the candidate.
 *
 * Returns: %TRUE on success
 */
gboolean
acq_jury_prep_write (AcqStore *store, const char *candidate_uuid, const char *path,
                     gboolean large_print, GError **error)
{
  g_autofree char *tmp = NULL;
  double scale = large_print ? 1.4 : 1.0;
  static const struct { const char *family; PangoWeight weight; double size; } specs[N_TEXTS] = {
    [TEXT_TITLE] = { ACQ_DP_HEADING_FONT, PANGO_WEIGHT_BOLD, ACQ_DP_TITLE_SIZE },
    [TEXT_HEADING] = { ACQ_DP_HEADING_FONT, PANGO_WEIGHT_BOLD, ACQ_DP_HEADING_SIZE },
    [TEXT_SUBHEADING] = { ACQ_DP_BODY_FONT, PANGO_WEIGHT_BOLD, ACQ_DP_BODY_SIZE },
    [TEXT_BODY] = { ACQ_DP_BODY_FONT, PANGO_WEIGHT_NORMAL, ACQ_DP_BODY_SIZE },
    [TEXT_NOTE] = { ACQ_DP_BODY_FONT, PANGO_WEIGHT_NORMAL, ACQ_DP_BODY_SIZE - 1 },
  };
  Prep p = { 0 };
  cairo_surface_t *surface;
  gboolean drawn, written = FALSE;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate_uuid != NULL && path != NULL, FALSE);

  p.context = acq_pango_context_new ();
  p.spacing = large_print ? 1.5 : ACQ_DP_BODY_SPACING;
  for (int i = 0; i < N_TEXTS; i++)
    p.fonts[i] = acq_dp_font_new (specs[i].family, specs[i].weight,
                                  i == TEXT_NOTE ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL,
                                  specs[i].size * scale);
  if ((p.fd = acq_output_file_open (path, &tmp)) < 0)
    {
      p.saved_errno = errno;
      drawn = TRUE; /* nothing to draw on: the error is the file's */
    }
  else
    {
      surface = cairo_pdf_surface_create_for_stream (write_cb, &p, ACQ_DP_PAGE_WIDTH,
                                                     ACQ_DP_PAGE_HEIGHT);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      "Fiche de préparation au jury");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Acquis");
      p.cr = cairo_create (surface);
      pango_cairo_update_context (p.cr, p.context);
      drawn = draw (&p, store, candidate_uuid, error);
      cairo_destroy (p.cr);
      cairo_surface_finish (surface);
      if (drawn && cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
        {
          if (!(written = acq_output_file_commit (p.fd, tmp, path)))
            p.saved_errno = errno;
        }
      else
        acq_output_file_abandon (p.fd, tmp);
      cairo_surface_destroy (surface);
    }
  /* a store that could not be read has said so; else the file could not be written */
  if (drawn && !written)
    g_set_error (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_WRITE,
                 _("The fiche de préparation could not be written to “%s”: %s. Check that "
                   "the folder exists, that you may write in it and that the disk is not "
                   "full."), path, g_strerror (p.saved_errno ? p.saved_errno : EIO));
  for (int i = 0; i < N_TEXTS; i++)
    pango_font_description_free (p.fonts[i]);
  g_clear_pointer (&p.people, g_ptr_array_unref);
  g_object_unref (p.context);
  return written;
}

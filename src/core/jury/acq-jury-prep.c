/* acq-jury-prep.c — the fiche de préparation au jury, as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the candidate rereads before the jury, on paper: the épreuve's parts and their
 * durations, then per targeted bloc its competences, the validated examples that back each
 * one, the oral's cards, and the likely questions with her notes; then the accompagnatrice's
 * questions about no competence in particular. A4, the dossier's page, fonts and French
 * typography (dossier/acq-dp-layout.h); in French whatever the locale, as the dossier. For a
 * candidate with accommodations, the fiche is set in their reading style
 * (candidates/acq-reading-style.c), as the livret and the reading copy of the dossier are:
 * it is printed by the dossier's page writer, which holds the one mechanism.
 *
 * The sheets' titles and the oral's cards, drafted from the sheets, name the people the
 * candidate accompanied: the names she accepted to replace are replaced (acq-people), as in
 * the dossier.
 */
#define G_LOG_DOMAIN "acq-jury"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-coverage.h"
#include "acq-dossier-writer.h"
#include "acq-dp-layout.h"
#include "acq-jury-prep.h"
#include "acq-jury-questions.h"
#include "acq-jury.h"
#include "acq-people.h"
#include "acq-sql-private.h"
#include "acq-text.h"

/* What the fiche prints, read before the two passes of the writer. */
typedef struct
{
  AcqCoverage    *coverage;
  AcqJurySession *session;
  GPtrArray      *parts;
  GPtrArray      *cards;
  GPtrArray      *questions;
  GPtrArray      *people; /* (element-type AcqPersonMention): names to replace */
  char           *name;
} Prep;

static void
prep_free (Prep *p)
{
  g_clear_pointer (&p->coverage, acq_coverage_free);
  g_clear_pointer (&p->session, acq_jury_session_free);
  g_clear_pointer (&p->parts, g_ptr_array_unref);
  g_clear_pointer (&p->cards, g_ptr_array_unref);
  g_clear_pointer (&p->questions, g_ptr_array_unref);
  g_clear_pointer (&p->people, g_ptr_array_unref);
  g_free (p->name);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Prep, prep_free)

/* @text, typeset as the dossier does, at @indent points from the left margin; a line that
 * does not fit on the page goes to the next. */
static void
paragraph (AcqDossierWriter *w, AcqDossierText style, double indent, const char *text,
           double space_after)
{
  g_autofree char *typeset = acq_dp_layout_typeset (text);

  if (*typeset == '\0')
    return;
  acq_dossier_writer_flow (w, style, typeset, indent, space_after);
}

/* A heading stays with what follows it: it starts a page when less than a few lines are left. */
static void
heading (AcqDossierWriter *w, AcqDossierText style, const char *text)
{
  acq_dossier_writer_need (w, 6 * acq_dp_layout_get_body_line_height (w->layout));
  acq_dossier_writer_space (w, style == ACQ_DOSSIER_TEXT_HEADING ? 10 : 4);
  paragraph (w, style, 0, text, 4);
}

static char *
format_minutes (guint minutes)
{
  return minutes >= 60 && minutes % 60 == 0 ? g_strdup_printf ("%u h", minutes / 60)
                                             : g_strdup_printf ("%u min", minutes);
}

static void
write_parts (AcqDossierWriter *w, GPtrArray *parts)
{
  guint total = 0;

  heading (w, ACQ_DOSSIER_TEXT_HEADING, "L’épreuve");
  for (guint i = 0; i < parts->len; i++)
    {
      const AcqJuryPart *part = g_ptr_array_index (parts, i);
      g_autofree char *minutes = format_minutes (part->minutes);
      g_autofree char *line = g_strdup_printf ("• %s : %s", part->name, minutes);

      paragraph (w, ACQ_DOSSIER_TEXT_BODY, 0, line, 0);
      total += part->minutes;
    }
  {
    g_autofree char *minutes = format_minutes (total);
    g_autofree char *line = g_strdup_printf ("Durée totale : %s", minutes);
    paragraph (w, ACQ_DOSSIER_TEXT_NOTE, 0, line, 6);
  }
}

static void
write_questions (AcqDossierWriter *w, GPtrArray *questions, const char *competence_uuid)
{
  for (guint i = 0; i < questions->len; i++)
    {
      const AcqJuryQuestion *q = g_ptr_array_index (questions, i);

      if (g_strcmp0 (q->competence_uuid, competence_uuid) != 0)
        continue;
      paragraph (w, ACQ_DOSSIER_TEXT_BODY, 12, q->text, 0);
      if (!acq_text_is_blank (q->note))
        {
          g_autofree char *note = g_strdup_printf ("Mes notes : %s", q->note);
          paragraph (w, ACQ_DOSSIER_TEXT_NOTE, 24, note, 0);
        }
      acq_dossier_writer_space (w, 2);
    }
}

static void
write_bloc (AcqDossierWriter *w, const AcqCoverageBloc *bloc, GPtrArray *cards,
            GPtrArray *questions, GPtrArray *people)
{
  g_autofree char *title = g_strdup_printf ("%s — %s", bloc->code, bloc->title);

  heading (w, ACQ_DOSSIER_TEXT_HEADING, title);
  for (guint i = 0; i < cards->len; i++)
    {
      const AcqJuryCard *card = g_ptr_array_index (cards, i);

      if (g_strcmp0 (card->bloc_uuid, bloc->bloc_uuid) != 0 ||
          (g_strcmp0 (card->title, title) == 0 && acq_text_is_blank (card->key_points)))
        continue;
      g_autofree char *card_title = acq_people_replace (card->title, people);
      g_autofree char *key_points = acq_people_replace (card->key_points, people);

      heading (w, ACQ_DOSSIER_TEXT_STRONG, "Ma présentation");
      /* a card drafted from the bloc bears its title, already the heading */
      if (g_strcmp0 (card->title, title) != 0)
        paragraph (w, ACQ_DOSSIER_TEXT_BODY, 0, card_title, 2);
      paragraph (w, ACQ_DOSSIER_TEXT_BODY, 12, key_points, 4);
    }
  for (guint c = 0; c < bloc->competences->len; c++)
    {
      const AcqCoverageCompetence *competence = g_ptr_array_index (bloc->competences, c);
      g_autofree char *label = g_strdup_printf ("Compétence %d. %s", competence->position,
                                                competence->label);
      guint n = 0;

      heading (w, ACQ_DOSSIER_TEXT_STRONG, label);
      for (guint s = 0; s < competence->sheets->len; s++)
        {
          const AcqCoverageSheet *sheet = g_ptr_array_index (competence->sheets, s);
          g_autofree char *sheet_title = NULL;
          g_autofree char *line = NULL;

          if (sheet->review_state != ACQ_REVIEW_STATE_VALIDATED)
            continue;
          sheet_title = acq_people_replace (sheet->title, people);
          line = g_strdup_printf ("Exemple : %s", sheet_title);
          paragraph (w, ACQ_DOSSIER_TEXT_BODY, 0, line, 0);
          n++;
        }
      if (n == 0)
        paragraph (w, ACQ_DOSSIER_TEXT_NOTE, 0, "Aucun exemple validé ne l’illustre encore.", 0);
      acq_dossier_writer_space (w, 3);
      write_questions (w, questions, competence->competence_uuid);
    }
}

static Prep *
prep_load (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (Prep) p = g_new0 (Prep, 1);
  sqlite3_stmt *stmt;

  if (!(p->coverage = acq_coverage_compute (store, candidate_uuid, error)) ||
      !(p->session = acq_jury_session_load (store, candidate_uuid, error)) ||
      !(p->parts = acq_jury_parts_list (store, candidate_uuid, error)) ||
      !(p->cards = acq_jury_cards_list (store, candidate_uuid, error)) ||
      !(p->questions = acq_jury_questions_list (store, candidate_uuid, error)) ||
      !(p->people = acq_person_mention_list (store, candidate_uuid, error)) ||
      !(stmt = acq_store_prepare (store, "SELECT trim (first_name || ' ' || last_name) FROM"
                                         " candidate WHERE uuid = ?1", error)))
    return NULL;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    p->name = _acq_sql_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  if (p->name == NULL)
    p->name = g_strdup ("");
  return g_steal_pointer (&p);
}

static gboolean
write_pages (AcqDossierWriter *w, gpointer user_data)
{
  Prep *p = user_data;
  AcqJurySession *session = p->session;
  gboolean any = FALSE;

  w->page = 0;
  acq_dossier_writer_set_section (w, "Fiche de préparation au jury");
  acq_dossier_writer_new_page (w);
  paragraph (w, ACQ_DOSSIER_TEXT_SECTION, 0, "Fiche de préparation au jury", 6);
  paragraph (w, ACQ_DOSSIER_TEXT_BODY, 0, p->name, 2);
  if (session->date != NULL)
    {
      g_autofree char *day = acq_text_french_date (session->date);
      g_autofree char *line = g_strdup_printf ("Jury le %s%s%s%s%s", day,
                                               session->time ? " à " : "",
                                               session->time ? session->time : "",
                                               acq_text_is_blank (session->place) ? "" : ", ",
                                               session->place ? session->place : "");
      paragraph (w, ACQ_DOSSIER_TEXT_BODY, 0, line, 2);
    }
  acq_dossier_writer_space (w, 6);
  write_parts (w, p->parts);
  for (guint b = 0; b < p->coverage->blocs->len; b++)
    {
      const AcqCoverageBloc *bloc = g_ptr_array_index (p->coverage->blocs, b);
      if (bloc->targeted)
        write_bloc (w, bloc, p->cards, p->questions, p->people);
    }
  for (guint i = 0; i < p->questions->len && !any; i++)
    any = ((AcqJuryQuestion *) p->questions->pdata[i])->competence_uuid == NULL;
  if (any)
    {
      heading (w, ACQ_DOSSIER_TEXT_HEADING, "Autres questions");
      write_questions (w, p->questions, NULL);
    }
  return TRUE;
}

/**
 * acq_jury_prep_write:
 * @store: the store
 * @candidate_uuid: whose fiche
 * @path: the PDF to write
 * @large_print: the large-print variant even when the candidate has no reading style
 * @error: where to put an error
 *
 * Writes the fiche de préparation au jury of the candidate, on the dossier's page writer: in
 * their reading style when they have one, in the default large print with @large_print
 * when they have none (acq_dossier_writer_use_candidate_style()).
 *
 * Returns: %TRUE on success
 */
gboolean
acq_jury_prep_write (AcqStore *store, const char *candidate_uuid, const char *path,
                     gboolean large_print, GError **error)
{
  g_autoptr (Prep) prep = NULL;
  g_autoptr (AcqDpLayout) layout = NULL;
  g_autoptr (GError) local_error = NULL;
  AcqDossierWriter w;
  gboolean ok;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate_uuid != NULL && path != NULL, FALSE);

  if (!(prep = prep_load (store, candidate_uuid, error)))
    return FALSE;
  layout = acq_dp_layout_new ();
  acq_dossier_writer_init (&w, layout);
  if (!acq_dossier_writer_use_candidate_style (&w, store, candidate_uuid, large_print, error))
    {
      acq_dossier_writer_clear (&w);
      return FALSE;
    }
  w.what = "fiche";
  w.pages_func = write_pages;
  w.pages_data = prep;
  w.band_left_text = g_strdup (prep->name);
  w.band_footer_text = g_strdup ("Fiche de préparation au jury");
  w.meta_title = g_strdup ("Fiche de préparation au jury");
  w.meta_author = g_strdup (prep->name);
  w.meta_subject = g_strdup ("Validation des acquis de l’expérience");
  w.meta_date = g_date_time_new_now_local ();
  ok = acq_dossier_writer_run (&w, path, &local_error);
  acq_dossier_writer_clear (&w);
  /* the writer's sentence says what to do; the callers know the jury's domain */
  if (!ok && g_error_matches (local_error, ACQ_DOSSIER_ERROR, ACQ_DOSSIER_ERROR_WRITE))
    g_set_error_literal (error, ACQ_JURY_ERROR, ACQ_JURY_ERROR_WRITE, local_error->message);
  else if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

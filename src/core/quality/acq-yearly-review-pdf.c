/* acq-yearly-review-pdf.c — the yearly review printed as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a Qualiopi auditor reads: the practice (the coach's block, as on every printed document),
 * then the figures of the year, each with the rule that makes it, the juries, the satisfaction
 * per question, the complaints and their answers, and the improvement actions. French whatever
 * the locale, on the dossier's page writer (acq-dossier-writer.h), as the livret is.
 */
#define G_LOG_DOMAIN "acq-yearly-review"

#include "config.h"

#include "acq-coach-profile.h"
#include "acq-complaint.h"
#include "acq-dossier-writer.h"
#include "acq-dp-layout.h"
#include "acq-paperwork-pdf-private.h"
#include "acq-satisfaction.h"
#include "acq-text.h"
#include "acq-yearly-review.h"

typedef struct
{
  const AcqYearlyReview *review;
  AcqCoachProfile       *profile;
  GDateTime             *now;
} Document;

static const char *const outcome_words[ACQ_N_JURY_OUTCOMES] = {
  "Résultat non connu", "Validation totale", "Validation partielle", "Aucune validation",
  "Absent·e", "Excusé·e",
};

/* "12,5" */
static char *
decimal (double value, const char *format)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));

  g_strdelimit (text, ".", ',');
  return text;
}

static void
count_line (AcqDossierWriter *w, const char *label, guint count, const char *one,
            const char *many)
{
  g_autofree char *value = g_strdup_printf ("%u\u00A0%s", count, count > 1 ? many : one);

  _acq_paperwork_labelled (w, label, value);
}

static void
activity (AcqDossierWriter *w, const AcqYearlyReview *review)
{
  g_autofree char *hours = _acq_paperwork_hours (review->held_minutes);
  g_autofree char *rate = decimal (100.0 * acq_yearly_review_abandon_rate (review), "%.1f");
  g_autofree char *abandons = g_strdup_printf ("%u sur %u, soit %s\u00A0%%", review->n_abandons,
                                               review->n_candidates, rate);

  _acq_paperwork_heading (w, "Activité de l’année");
  count_line (w, "Candidat·es accompagné·es", review->n_candidates, "personne", "personnes");
  _acq_paperwork_labelled (w, "Heures d’accompagnement réalisées", hours);
  _acq_paperwork_labelled (w, "Abandons", abandons);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE,
                           "Accompagné·e : une séance tenue dans l’année, ou le début de "
                           "l’accompagnement daté dans l’année. Heures : les séances tenues du "
                           "livret de suivi. Abandon : archivé·e sans résultat de jury, ou "
                           "candidature marquée abandonnée par France VAE à la fin de l’année.",
                           0, 4);
}

static void
juries (AcqDossierWriter *w, const AcqYearlyReview *review)
{
  _acq_paperwork_heading (w, "Résultats des jurys");
  if (review->n_juries == 0)
    {
      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, "Aucun jury daté dans l’année.", 0, 4);
      return;
    }
  count_line (w, "Jurys de l’année", review->n_juries, "candidat·e", "candidat·es");
  for (guint i = ACQ_JURY_OUTCOME_TOTAL; i < ACQ_N_JURY_OUTCOMES; i++)
    if (review->outcomes[i] > 0 || i <= ACQ_JURY_OUTCOME_NONE)
      count_line (w, outcome_words[i], review->outcomes[i], "candidat·e", "candidat·es");
  if (review->outcomes[ACQ_JURY_OUTCOME_UNKNOWN] > 0)
    count_line (w, outcome_words[ACQ_JURY_OUTCOME_UNKNOWN],
                review->outcomes[ACQ_JURY_OUTCOME_UNKNOWN], "candidat·e", "candidat·es");
  for (guint i = 0; i < review->blocs->len; i++)
    {
      const AcqYearlyReviewBloc *bloc = g_ptr_array_index (review->blocs, i);
      g_autofree char *label = g_strdup_printf ("%s — %s", bloc->code, bloc->title);
      g_autofree char *value = g_strdup_printf ("obtenu\u00A0: %u · non obtenu\u00A0: %u · "
                                                "dispensé\u00A0: %u",
                                                bloc->counts[ACQ_JURY_BLOC_OBTAINED],
                                                bloc->counts[ACQ_JURY_BLOC_NOT_OBTAINED],
                                                bloc->counts[ACQ_JURY_BLOC_EXEMPT]);

      if (i == 0)
        acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_STRONG, "Par bloc de compétences", 0, 4);
      _acq_paperwork_labelled (w, label, value);
    }
}

static void
satisfaction (AcqDossierWriter *w, const AcqYearlyReview *review)
{
  _acq_paperwork_heading (w, "Satisfaction des bénéficiaires");
  count_line (w, "Questionnaires reçus", review->n_responses, "questionnaire", "questionnaires");
  for (guint i = 0; i < review->satisfaction->len; i++)
    {
      const AcqSatisfactionAverage *average = g_ptr_array_index (review->satisfaction, i);
      g_autofree char *mean = decimal (average->average, "%.2f");
      g_autofree char *value = average->n_answers > 0
        ? g_strdup_printf ("%s\u00A0/\u00A05 (%u réponse%s)", mean, average->n_answers,
                           average->n_answers > 1 ? "s" : "")
        : g_strdup ("aucune réponse");

      _acq_paperwork_labelled (w, average->text, value);
    }
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE,
                           "Moyenne des notes de 1 à 5 des questionnaires remplis dans l’année ; "
                           "une question laissée sans note n’est pas comptée.", 0, 4);
}

static void
complaints (AcqDossierWriter *w, const AcqYearlyReview *review)
{
  _acq_paperwork_heading (w, "Réclamations");
  if (review->complaints->len == 0)
    {
      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, "Aucune réclamation reçue dans l’année.",
                               0, 4);
      return;
    }
  count_line (w, "Réclamations reçues", review->complaints->len, "réclamation", "réclamations");
  for (guint i = 0; i < review->complaints->len; i++)
    {
      const AcqComplaint *complaint = g_ptr_array_index (review->complaints, i);
      g_autofree char *received = acq_text_french_date (complaint->received_on);
      g_autofree char *title = g_strdup_printf ("Reçue le %s par %s", received,
                                                acq_complaint_channel_french (complaint->channel));
      g_autofree char *subject = acq_dp_layout_typeset (complaint->subject);
      g_autofree char *answered = complaint->answered_on != NULL
                                  ? acq_text_french_date (complaint->answered_on) : NULL;
      g_autofree char *answer_label = answered != NULL
                                      ? g_strdup_printf ("Réponse du %s", answered)
                                      : g_strdup ("Réponse");
      const char *answer = !acq_text_is_blank (complaint->answer)
                           ? complaint->answer
                           : acq_complaint_status_french (complaint->status);

      acq_dossier_writer_space (w, 4);
      acq_dossier_writer_need (w, 60);
      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_STRONG, title, 0, 2);
      _acq_paperwork_labelled (w, "Objet", subject);
      if (!acq_text_is_blank (complaint->from_whom))
        _acq_paperwork_labelled (w, "De", complaint->from_whom);
      _acq_paperwork_labelled (w, answer_label, answer);
    }
}

static void
improvements (AcqDossierWriter *w, const AcqYearlyReview *review)
{
  g_autofree char *text = NULL;

  _acq_paperwork_heading (w, "Actions d’amélioration");
  if (acq_text_is_blank (review->improvements))
    {
      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE,
                               "Aucune action d’amélioration n’est encore écrite pour l’année.",
                               0, 4);
      return;
    }
  text = acq_dp_layout_typeset (review->improvements);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, text, 0, 4);
}

static gboolean
write_pages (AcqDossierWriter *w, gpointer user_data)
{
  Document *doc = user_data;
  g_autofree char *title = g_strdup_printf ("Bilan annuel %d", doc->review->year);
  g_autofree char *today = g_date_time_format (doc->now, "%Y-%m-%d");
  g_autofree char *printed = acq_text_french_date (today);
  g_autofree char *printed_line = g_strdup_printf ("Édité le %s, à partir des données "
                                                   "d’Acquis", printed);

  w->page = 0;
  acq_dossier_writer_set_section (w, title);
  acq_dossier_writer_new_page (w);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_COVER, title, 0, 4);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_HEADING,
                           "Analyse annuelle de la qualité de l’accompagnement VAE (Qualiopi)",
                           0, 4);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, printed_line, 0, 10);
  _acq_paperwork_coach (w, doc->profile);
  activity (w, doc->review);
  juries (w, doc->review);
  if (g_cancellable_is_cancelled (w->cancellable))
    return FALSE;
  satisfaction (w, doc->review);
  complaints (w, doc->review);
  improvements (w, doc->review);
  return !g_cancellable_is_cancelled (w->cancellable);
}

/**
 * acq_yearly_review_pdf_write:
 * @store: the store (for the coach's profile)
 * @review: the review computed
 * @output_path: the PDF to write; replaced only once the new one is complete
 * @cancellable: (nullable): to stop
 * @error: where to put an error
 *
 * Writes the yearly review in French, as an A4 PDF with the dossier's typesetting.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
acq_yearly_review_pdf_write (AcqStore *store, const AcqYearlyReview *review,
                             const char *output_path, GCancellable *cancellable, GError **error)
{
  g_autoptr (AcqDpLayout) layout = NULL;
  g_autoptr (AcqCoachProfile) profile = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  Document doc = { review, NULL, now };
  const char *who;
  AcqDossierWriter w;
  gboolean ok;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (review != NULL && output_path != NULL, FALSE);

  if (!(profile = acq_coach_profile_load (store, error)))
    return FALSE;
  doc.profile = profile;
  who = acq_text_is_blank (profile->organisation) ? profile->name : profile->organisation;
  layout = acq_dp_layout_new ();
  acq_dossier_writer_init (&w, layout);
  w.what = "bilan";
  w.cancellable = cancellable;
  w.pages_func = write_pages;
  w.pages_data = &doc;
  w.band_left_text = g_strdup (who);
  w.band_footer_text = g_strdup_printf ("Bilan annuel Qualiopi — %s", who);
  w.meta_title = g_strdup_printf ("Bilan annuel %d", review->year);
  w.meta_author = g_strdup (profile->name);
  w.meta_subject = g_strdup ("Analyse annuelle de la qualité de l’accompagnement VAE");
  w.meta_date = g_date_time_ref (now);
  ok = acq_dossier_writer_run (&w, output_path, error);
  acq_dossier_writer_clear (&w);
  return ok;
}

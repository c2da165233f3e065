/* acq-livret-pdf.c — the livret de suivi of one candidate, printed as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The offer promises the candidate a livret that keeps "the points worked in the individual
 * sessions, the difficulties met and the objectives reached". It is printed with the
 * dossier's typesetting (acq-dossier-writer.h: the same page, fonts, running header and
 * footer, the same two passes and the same safe writing of the file), in French whatever the
 * locale, as the dossier is: it is a document of the French VAE, shown to funders and to
 * Qualiopi auditors. Everything is read from the store before the first pass, so that both
 * passes lay out the same text.
 */
#define G_LOG_DOMAIN "acq-livret-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-candidate-list.h"
#include "acq-coach-profile.h"
#include "acq-document.h"
#include "acq-dossier-writer.h"
#include "acq-livret-pdf.h"
#include "acq-paperwork-pdf-private.h"
#include "acq-parcours.h"
#include "acq-session.h"
#include "acq-sql-private.h"
#include "acq-text.h"

typedef struct
{
  AcqCandidate    *candidate;
  char            *name;
  char            *certification; /* "Titre… (RNCP…)", NULL if none */
  AcqCoachProfile *profile;
  cairo_surface_t *signature;     /* NULL if she has none, or it cannot be drawn */
  GPtrArray       *events;        /* AcqParcoursEvent, by date */
  GPtrArray       *sessions;      /* AcqSession, by date */
  AcqSessionHours  hours;
  GDateTime       *now;
} Livret;

static void
livret_free (Livret *livret)
{
  g_clear_object (&livret->candidate);
  g_free (livret->name);
  g_free (livret->certification);
  acq_coach_profile_free (livret->profile);
  g_clear_pointer (&livret->signature, cairo_surface_destroy);
  g_clear_pointer (&livret->events, g_ptr_array_unref);
  g_clear_pointer (&livret->sessions, g_ptr_array_unref);
  g_clear_pointer (&livret->now, g_date_time_unref);
  g_free (livret);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Livret, livret_free)

/* --- French words, whatever the locale ------------------------------------------------- */

static const char *
parcours_kind_french (AcqParcoursKind kind)
{
  static const char *const names[ACQ_N_PARCOURS_KINDS] = {
    [ACQ_PARCOURS_FIRST_CONTACT] = "Premier contact",
    [ACQ_PARCOURS_FEASIBILITY_INTERVIEW] = "Entretien de faisabilité",
    [ACQ_PARCOURS_ADMISSIBILITY_ASKED] = "Demande de recevabilité",
    [ACQ_PARCOURS_ADMISSIBILITY_DECIDED] = "Décision de recevabilité",
    [ACQ_PARCOURS_QUOTE_SENT] = "Devis envoyé",
    [ACQ_PARCOURS_QUOTE_ACCEPTED] = "Devis accepté",
    [ACQ_PARCOURS_ACCOMPANIMENT_STARTED] = "Début de l’accompagnement",
    [ACQ_PARCOURS_DOSSIER_DEPOSITED] = "Dépôt du dossier de validation",
    [ACQ_PARCOURS_CONVOCATION_RECEIVED] = "Convocation au jury",
    [ACQ_PARCOURS_JURY] = "Jury",
    [ACQ_PARCOURS_POST_JURY_INTERVIEW] = "Entretien post-jury",
    [ACQ_PARCOURS_CERTIFIED] = "Certification obtenue (validation totale)",
  };
  return kind < ACQ_N_PARCOURS_KINDS ? names[kind] : "";
}

static const char *
outcome_french (AcqObjectiveOutcome outcome)
{
  static const char *const names[ACQ_N_OBJECTIVE_OUTCOMES] = {
    [ACQ_OBJECTIVE_NOT_ASSESSED] = "non évalué",
    [ACQ_OBJECTIVE_REACHED] = "atteint",
    [ACQ_OBJECTIVE_PARTLY] = "partiellement atteint",
    [ACQ_OBJECTIVE_NOT_REACHED] = "non atteint",
  };
  return outcome < ACQ_N_OBJECTIVE_OUTCOMES ? names[outcome] : "";
}

/* --- Reading --------------------------------------------------------------------------- */

static Livret *
livret_load (AcqStore *store, const char *candidate_uuid, GError **error)
{
  g_autoptr (Livret) livret = g_new0 (Livret, 1);
  g_autoptr (AcqCandidateList) list = acq_candidate_list_new (store, error);
  GError *local_error = NULL;

  if (list == NULL)
    return NULL;
  livret->candidate = acq_candidate_list_find (list, candidate_uuid);
  if (livret->candidate == NULL)
    {
      g_set_error (error, ACQ_SESSION_ERROR, ACQ_SESSION_ERROR_NOT_FOUND,
                   _("There is no candidate “%s”."), candidate_uuid);
      return NULL;
    }
  g_object_ref (livret->candidate);
  livret->name = acq_dossier_full_name (livret->candidate);
  livret->now = g_date_time_new_now (acq_session_get_time_zone ());
  livret->certification = _acq_paperwork_read_certification (store, candidate_uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (!(livret->profile = acq_coach_profile_load (store, error)) ||
      !(livret->events = acq_parcours_list (store, candidate_uuid, error)) ||
      !(livret->sessions = acq_session_list (store, candidate_uuid, error)) ||
      !acq_session_hours_get (store, candidate_uuid, livret->now, &livret->hours, error))
    return NULL;
  livret->signature = _acq_paperwork_read_signature (store, livret->profile);
  return g_steal_pointer (&livret);
}

/* --- Pages ----------------------------------------------------------------------------- */

static void
flow_user_text (AcqDossierWriter *w, const char *label, const char *text)
{
  g_autofree char *typeset = NULL;

  if (acq_text_is_blank (text))
    return;
  typeset = acq_dp_layout_typeset (text);
  /* a label never ends a page: it goes with the first line of its text */
  acq_dossier_writer_need (w, acq_dossier_writer_text_height (w, ACQ_DOSSIER_TEXT_STRONG, label,
                                                              ACQ_DP_CONTENT_WIDTH) +
                              acq_dp_layout_get_body_line_height (w->layout) + 2);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_STRONG, label, 0, 2);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, typeset, 12, 6);
}

static void
start_section (AcqDossierWriter *w, const char *title)
{
  acq_dossier_writer_set_section (w, title);
  acq_dossier_writer_new_page (w);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_SECTION, title, 0, 14);
}

static void
title_page (AcqDossierWriter *w, Livret *livret)
{
  AcqCoachProfile *profile = livret->profile;
  g_autofree char *planned = _acq_paperwork_hours (livret->hours.planned_minutes);
  g_autofree char *held = _acq_paperwork_hours (livret->hours.held_minutes);
  g_autofree char *ahead = _acq_paperwork_hours (livret->hours.ahead_minutes);
  g_autofree char *amount = acq_coach_profile_format_rate (profile->hourly_rate_cents);
  g_autofree char *rate = g_strdup_printf ("%s\u00A0€ TTC de l’heure", amount);
  g_autofree char *today = g_date_time_format (livret->now, "%Y-%m-%d");
  g_autofree char *printed = acq_text_french_date (today);
  g_autofree char *printed_line = g_strdup_printf ("Édité le %s", printed);

  acq_dossier_writer_set_section (w, "Livret de suivi");
  acq_dossier_writer_new_page (w);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_COVER, "Livret de suivi", 0, 4);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_HEADING,
                           "Accompagnement à la validation des acquis de l’expérience (VAE)",
                           0, 4);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, printed_line, 0, 18);

  _acq_paperwork_heading (w, "Candidat·e");
  _acq_paperwork_labelled (w, "Nom", livret->name);
  _acq_paperwork_labelled (w, "Certification visée", livret->certification);

  _acq_paperwork_coach (w, profile);
  _acq_paperwork_labelled (w, "Tarif", rate);

  _acq_paperwork_heading (w, "Heures d’accompagnement");
  _acq_paperwork_labelled (w, livret->hours.has_plan ? "Heures prévues (devis)"
                                                     : "Heures conseillées", planned);
  _acq_paperwork_labelled (w, "Heures réalisées", held);
  _acq_paperwork_labelled (w, "Heures planifiées à venir", ahead);
}

static void
event_line (AcqDossierWriter *w, const AcqParcoursEvent *event)
{
  char iso[16];
  g_autofree char *date = NULL;
  g_autofree char *line = NULL;
  const char *decision = "";

  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &event->date);
  date = acq_text_french_date (iso);
  if (event->decision == ACQ_PARCOURS_DECISION_FAVOURABLE)
    decision = " — favorable";
  else if (event->decision == ACQ_PARCOURS_DECISION_UNFAVOURABLE)
    decision = " — défavorable";
  line = g_strdup_printf ("• %s\u00A0: %s%s%s", date, parcours_kind_french (event->kind),
                          decision, event->planned ? " (prévu)" : "");
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, line, 0, 2);
  if (!acq_text_is_blank (event->note))
    {
      g_autofree char *note = acq_dp_layout_typeset (event->note);
      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, note, 12, 2);
    }
}

static void
parcours_pages (AcqDossierWriter *w, Livret *livret)
{
  start_section (w, "Parcours");
  if (livret->events->len == 0)
    acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, "Aucune étape n’est encore datée.", 0, 0);
  for (guint i = 0; i < livret->events->len; i++)
    event_line (w, g_ptr_array_index (livret->events, i));
}

static void
held_session (AcqDossierWriter *w, const AcqSession *session)
{
  g_autofree char *title = _acq_paperwork_session_title (session);
  g_autofree char *mode = _acq_paperwork_session_mode (session);
  g_autofree char *kind = g_strdup_printf ("%s, %s",
                                           _acq_paperwork_session_kind (session->kind), mode);

  _acq_paperwork_heading (w, title);
  _acq_paperwork_labelled (w, "Type", kind);
  if (session->objectives->len > 0)
    acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_STRONG, "Objectifs pédagogiques", 0, 2);
  for (guint i = 0; i < session->objectives->len; i++)
    {
      AcqSessionObjective *objective = g_ptr_array_index (session->objectives, i);
      g_autofree char *text = acq_dp_layout_typeset (objective->text);
      g_autofree char *line = g_strdup_printf ("• %s — %s", text,
                                               outcome_french (objective->outcome));

      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, line, 12, 2);
    }
  acq_dossier_writer_space (w, 4);
  flow_user_text (w, "Points travaillés", session->points_worked);
  flow_user_text (w, "Difficultés rencontrées", session->difficulties);
  flow_user_text (w, "Travail personnel convenu pour la prochaine séance",
                  session->personal_work);
}

static void
sessions_pages (AcqDossierWriter *w, Livret *livret)
{
  guint n_held = 0, n_planned = 0;

  start_section (w, "Séances réalisées");
  for (guint i = 0; i < livret->sessions->len; i++)
    {
      AcqSession *session = g_ptr_array_index (livret->sessions, i);

      if (session->held)
        {
          held_session (w, session);
          n_held++;
        }
    }
  if (n_held == 0)
    acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, "Aucune séance n’a encore eu lieu.", 0,
                             0);

  acq_dossier_writer_space (w, 14);
  acq_dossier_writer_need (w, 80);
  acq_dossier_writer_set_section (w, "Planning prévisionnel");
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_SECTION, "Planning prévisionnel", 0, 10);
  for (guint i = 0; i < livret->sessions->len; i++)
    {
      AcqSession *session = g_ptr_array_index (livret->sessions, i);
      g_autofree char *title = NULL;
      g_autofree char *mode = NULL;
      g_autofree char *line = NULL;

      if (session->held)
        continue;
      title = _acq_paperwork_session_title (session);
      mode = _acq_paperwork_session_mode (session);
      line = g_strdup_printf ("• %s — %s, %s", title,
                              _acq_paperwork_session_kind (session->kind), mode);
      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, line, 0, 2);
      for (guint o = 0; o < session->objectives->len; o++)
        {
          AcqSessionObjective *objective = g_ptr_array_index (session->objectives, o);
          g_autofree char *text = acq_dp_layout_typeset (objective->text);
          g_autofree char *objective_line = g_strdup_printf ("Objectif\u00A0: %s", text);

          acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, objective_line, 12, 2);
        }
      n_planned++;
    }
  if (n_planned == 0)
    acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, "Aucune séance n’est planifiée.", 0, 0);
}

static gboolean
write_pages (AcqDossierWriter *w, gpointer user_data)
{
  Livret *livret = user_data;

  w->page = 0;
  title_page (w, livret);
  parcours_pages (w, livret);
  if (g_cancellable_is_cancelled (w->cancellable))
    return FALSE;
  sessions_pages (w, livret);
  _acq_paperwork_signatures (w, livret->profile, livret->signature, livret->name);
  return !g_cancellable_is_cancelled (w->cancellable);
}

/* --- Writing --------------------------------------------------------------------------- */

/**
 * acq_livret_pdf_write:
 * @store: the store
 * @candidate_uuid: the candidate
 * @output_path: the PDF to write; replaced only once the new one is complete
 * @cancellable: (nullable): to stop
 * @error: where to put an error: %ACQ_SESSION_ERROR_NOT_FOUND for an unknown candidate, an
 *   #AcqDossierError for the file, or a store error
 *
 * Writes the candidate's livret de suivi, in French, as an A4 PDF with the dossier's
 * typesetting: a title page (the candidate, the certification, the accompagnatrice's
 * profile, the hours planned and held), the dated parcours, each session held (date, times,
 * mode, kind, its objectives and their outcome, the points worked, the difficulties, the
 * personal work agreed), the planned sessions, and the signatures, hers drawn from her
 * profile. Set in the candidate's reading style when they have one
 * (acq_dossier_writer_use_candidate_style()). Slow for a long livret: from an interface, run it with acq_store_write_file_async().
 *
 * Returns: %TRUE if the file was written
 */
gboolean
acq_livret_pdf_write (AcqStore *store, const char *candidate_uuid, const char *output_path,
                      GCancellable *cancellable, GError **error)
{
  g_autoptr (Livret) livret = NULL;
  g_autoptr (AcqDpLayout) layout = NULL;
  AcqDossierWriter w;
  gboolean ok;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (candidate_uuid != NULL, FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);

  if (!(livret = livret_load (store, candidate_uuid, error)))
    return FALSE;
  layout = acq_dp_layout_new ();
  acq_dossier_writer_init (&w, layout);
  if (!acq_dossier_writer_use_candidate_style (&w, store, candidate_uuid, FALSE, error))
    {
      acq_dossier_writer_clear (&w);
      return FALSE;
    }
  w.what = "livret";
  w.cancellable = cancellable;
  w.pages_func = write_pages;
  w.pages_data = livret;
  w.band_left_text = g_strdup (livret->name);
  w.band_footer_text = g_strdup_printf ("Livret de suivi — %s",
                                        acq_text_is_blank (livret->profile->organisation)
                                        ? livret->profile->name
                                        : livret->profile->organisation);
  w.meta_title = g_strdup_printf ("Livret de suivi — %s", livret->name);
  w.meta_author = g_strdup (livret->profile->name);
  w.meta_subject = g_strdup ("Accompagnement à la validation des acquis de l’expérience");
  w.meta_date = g_date_time_ref (livret->now);
  ok = acq_dossier_writer_run (&w, output_path, error);
  acq_dossier_writer_clear (&w);
  return ok;
}

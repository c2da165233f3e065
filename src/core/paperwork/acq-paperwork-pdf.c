/* acq-paperwork-pdf.c — what the printed documents of the practice share: French words and
 * times, the coach's signature, labelled lines, headings and the signature boxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The livret and the practice's documents (the convocation, the attendance sheets) print with
 * the dossier's writer (acq-dossier-writer.h), in French whatever the locale.
 */
#define G_LOG_DOMAIN "acq-paperwork"

#include "config.h"

#include "acq-attachment.h"
#include "acq-document.h"
#include "acq-paperwork-pdf-private.h"
#include "acq-sql-private.h"
#include "acq-text.h"

#define SIGNATURE_MAX_WIDTH 170.0
#define SIGNATURE_MAX_HEIGHT 70.0

const char *
_acq_paperwork_session_kind (AcqSessionKind kind)
{
  static const char *const names[ACQ_N_SESSION_KINDS] = {
    [ACQ_SESSION_KIND_FEASIBILITY] = "Entretien de faisabilité",
    [ACQ_SESSION_KIND_ACCOMPANIMENT] = "Séance d’accompagnement",
    [ACQ_SESSION_KIND_MOCK_JURY] = "Soutenance blanche",
    [ACQ_SESSION_KIND_POST_JURY] = "Entretien post-jury",
    [ACQ_SESSION_KIND_COLLECTIVE] = "Séance collective",
  };
  return kind < ACQ_N_SESSION_KINDS ? names[kind] : "";
}

/* "3 h", "3 h 30" */
char *
_acq_paperwork_hours (guint minutes)
{
  if (minutes % 60 == 0)
    return g_strdup_printf ("%u\u00A0h", minutes / 60);
  return g_strdup_printf ("%u\u00A0h\u00A0%02u", minutes / 60, minutes % 60);
}

/* "14 h 00" from "14:00", "9 h 30" from "09:30" */
char *
_acq_paperwork_time (const char *hh_mm)
{
  g_auto (GStrv) parts = g_strsplit (hh_mm, ":", 2);

  if (g_strv_length (parts) != 2)
    return g_strdup (hh_mm);
  return g_strdup_printf ("%d\u00A0h\u00A0%s", (int) g_ascii_strtoll (parts[0], NULL, 10),
                          parts[1]);
}

/* Her signature, if it can be drawn; a missing or damaged one leaves the place to sign. */
cairo_surface_t *
_acq_paperwork_read_signature (AcqStore *store, const AcqCoachProfile *profile)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = acq_coach_profile_get_signature_path (store, profile, &error);
  g_autoptr (GBytes) contents = NULL;

  if (path != NULL)
    contents = acq_document_load (path, ACQ_ATTACHMENT_MAX_SIZE, &error);
  if (contents == NULL)
    {
      if (error != NULL)
        g_warning ("The coach's signature is left out: %s", error->message);
      return NULL;
    }
  return acq_dossier_load_image (profile->signature_mime_type, contents, NULL);
}

void
_acq_paperwork_labelled (AcqDossierWriter *w, const char *label, const char *value)
{
  g_autofree char *typeset = NULL;

  if (acq_text_is_blank (value))
    return;
  typeset = acq_dp_layout_typeset (value);
  acq_dossier_writer_flow_labelled (w, label, typeset, 3);
}

void
_acq_paperwork_heading (AcqDossierWriter *w, const char *text)
{
  acq_dossier_writer_space (w, 10);
  acq_dossier_writer_need (w, 60);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_HEADING, text, 0, 6);
}

/* "Séance du 12 mars 2026, de 14 h 00 à 16 h 00 (2 h)" */
char *
_acq_paperwork_session_title (const AcqSession *session)
{
  g_autofree char *date = acq_text_french_date (session->date);
  g_autofree char *start = _acq_paperwork_time (session->start_time);
  g_autofree char *end = _acq_paperwork_time (session->end_time);
  g_autofree char *length = _acq_paperwork_hours (acq_session_get_minutes (session));

  return g_strdup_printf ("Séance du %s, de %s à %s (%s)", date, start, end, length);
}

char *
_acq_paperwork_session_mode (const AcqSession *session)
{
  if (session->mode == ACQ_SESSION_MODE_VISIO)
    return g_strdup ("en visio");
  if (acq_text_is_blank (session->place))
    return g_strdup ("en présentiel");
  return g_strdup_printf ("en présentiel, %s", session->place);
}

/* Her signature, scaled into its box, and a box for the candidate's unless @candidate_name is
 * %NULL (a letter signed by her alone). */
void
_acq_paperwork_signatures (AcqDossierWriter *w, const AcqCoachProfile *profile,
                           cairo_surface_t *signature, const char *candidate_name)
{
  _acq_paperwork_signatures_sized (w, profile, signature, candidate_name, SIGNATURE_MAX_HEIGHT);
}

/* The same, in boxes @height points high: a quote keeps to one page. */
void
_acq_paperwork_signatures_sized (AcqDossierWriter *w, const AcqCoachProfile *profile,
                                 cairo_surface_t *signature, const char *candidate_name,
                                 double height)
{
  double width = SIGNATURE_MAX_WIDTH;
  double column = ACQ_DP_CONTENT_WIDTH / 2;
  g_autofree char *coach = g_strdup_printf ("L’accompagnatrice, %s",
                                            acq_text_is_blank (profile->name)
                                            ? "" : profile->name);
  g_autofree char *candidate = candidate_name != NULL
                               ? g_strdup_printf ("Le ou la candidat·e, %s", candidate_name)
                               : NULL;
  g_autofree char *coach_typeset = acq_dp_layout_typeset (coach);
  g_autofree char *candidate_typeset = candidate ? acq_dp_layout_typeset (candidate) : NULL;
  g_autoptr (PangoLayout) coach_layout = NULL;
  g_autoptr (PangoLayout) candidate_layout = NULL;
  double top;

  acq_dossier_writer_space (w, 18);
  acq_dossier_writer_need (w, height + 60);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_HEADING,
                           candidate_name != NULL ? "Signatures" : "Signature", 0, 8);
  top = w->y;
  coach_layout = acq_dossier_writer_layout (w, ACQ_DOSSIER_TEXT_STRONG, coach_typeset,
                                            column - 12);
  if (candidate_typeset != NULL)
    candidate_layout = acq_dossier_writer_layout (w, ACQ_DOSSIER_TEXT_STRONG, candidate_typeset,
                                                  column - 12);
  if (w->cr != NULL)
    {
      acq_dossier_writer_show_layout (w, ACQ_DOSSIER_TEXT_STRONG, coach_layout, 0, top);
      if (candidate_layout != NULL)
        acq_dossier_writer_show_layout (w, ACQ_DOSSIER_TEXT_STRONG, candidate_layout, column,
                                        top);
    }
  top += 30;
  if (signature != NULL)
    {
      double image_width = cairo_image_surface_get_width (signature);
      double image_height = cairo_image_surface_get_height (signature);
      double scale = MIN (width / MAX (image_width, 1), height / MAX (image_height, 1));

      if (w->cr != NULL)
        {
          cairo_save (w->cr);
          cairo_translate (w->cr, ACQ_DP_CONTENT_X, ACQ_DP_CONTENT_Y + top);
          cairo_scale (w->cr, scale, scale);
          cairo_set_source_surface (w->cr, signature, 0, 0);
          cairo_pattern_set_filter (cairo_get_source (w->cr), CAIRO_FILTER_GOOD);
          cairo_paint (w->cr);
          cairo_restore (w->cr);
        }
    }
  if (w->cr != NULL && candidate_layout != NULL)
    {
      cairo_save (w->cr);
      cairo_set_source_rgb (w->cr, 0.45, 0.50, 0.58);
      cairo_set_line_width (w->cr, 0.6);
      cairo_rectangle (w->cr, ACQ_DP_CONTENT_X + column, ACQ_DP_CONTENT_Y + top, column - 12,
                       height);
      cairo_stroke (w->cr);
      cairo_restore (w->cr);
    }
  w->y = top + height;
}

/* The accompagnatrice and her organisation, as every document of the practice names them. */
void
_acq_paperwork_coach (AcqDossierWriter *w, const AcqCoachProfile *profile)
{
  g_autofree char *qualiopi = NULL;

  _acq_paperwork_heading (w, "Accompagnatrice");
  _acq_paperwork_labelled (w, "Nom", profile->name);
  _acq_paperwork_labelled (w, "Structure", profile->organisation);
  _acq_paperwork_labelled (w, "Adresse", profile->address);
  _acq_paperwork_labelled (w, "SIRET", profile->siret);
  _acq_paperwork_labelled (w, "Numéro de déclaration d’activité", profile->nda);
  if (!acq_text_is_blank (profile->qualiopi_number))
    qualiopi = acq_text_is_blank (profile->qualiopi_certifier)
               ? g_strdup_printf ("certificat n° %s", profile->qualiopi_number)
               : g_strdup_printf ("certificat n° %s, délivré par %s", profile->qualiopi_number,
                                  profile->qualiopi_certifier);
  _acq_paperwork_labelled (w, "Qualiopi", qualiopi);
}

/* "Titre… (RNCP…)", NULL if the candidate has none. */
char *
_acq_paperwork_read_certification (AcqStore *store, const char *candidate_uuid, GError **error)
{
  static const char sql[] =
    "SELECT c.title, c.rncp FROM candidate k JOIN certification c"
    " ON c.uuid = k.certification_uuid WHERE k.uuid = ?1";
  sqlite3_stmt *stmt = acq_store_prepare (store, sql, error);
  char *text = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  _acq_sql_bind_text (stmt, 1, candidate_uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = g_strdup_printf ("%s (%s)", _acq_sql_column_text (stmt, 0),
                            _acq_sql_column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    acq_store_set_error_from_sqlite (error, acq_store_get_db (store), rc,
                                     "reading the certification");
  return text;
}

/* acq-practice-contract.c — the quote (devis), the convention de formation and the certificat
 * de réalisation, printed from what the store holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A funded accompaniment (CPF through EDOF, an OPCO, an employer) asks for a quote before
 * anything starts, a convention signed by the parties, and at the end a certificate of the
 * hours held "sous condition de participation effective": the certificate is refused while a
 * session held has no attendance record, and the refusal names the sessions. Everything is
 * read from the data (the latest quote, the livret's sessions, the coach's profile) and
 * printed in French with the dossier's writer, like the convocation beside it.
 */
#define G_LOG_DOMAIN "acq-paperwork"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-attendance.h"
#include "acq-practice-document-private.h"
#include "acq-text.h"

#define ROW_GAP 4.0

/* The programme of the offer (shared/seed), as the quote and the convention list it. */
static const struct
{
  const char *title;
  const char *text;
} programme[] = {
  { "Entretien de faisabilité",
    "diagnostic et étude de faisabilité, demande de recevabilité" },
  { "Séances d’accompagnement",
    "de 1 à 3\u00A0h, analyse de l’expérience, rédaction du dossier" },
  { "Soutenance blanche",
    "préparation de la présentation orale et des questions du jury" },
  { "Entretien post-jury",
    "analyse des conclusions du jury et suite du parcours" },
};

/* The offer's pedagogical objectives, for the convention. */
static const char *const objectives[] = {
  "Réaliser un diagnostic et une étude de faisabilité afin d’être recevable à la VAE.",
  "Accompagner le ou la candidat·e à la rédaction du dossier de validation afin de lui "
  "permettre d’obtenir en totalité ou en partie la certification visée par la recevabilité.",
  "Préparer l’entretien oral devant le jury.",
  "Faire le bilan de l’accompagnement lors d’un entretien post-jury.",
};

/* "25/03/2026": a day both languages of the refusal read alike */
static char *
short_date (const char *iso)
{
  g_auto (GStrv) parts = g_strsplit (iso, "-", 3);

  if (g_strv_length (parts) != 3)
    return g_strdup (iso);
  return g_strdup_printf ("%s/%s/%s", parts[2], parts[1], parts[0]);
}

static gboolean
refuse_certificate (GPtrArray *missing, GError **error)
{
  GString *dates = g_string_new (NULL);

  for (guint i = 0; i < missing->len; i++)
    {
      const AcqSession *session = g_ptr_array_index (missing, i);
      g_autofree char *day = short_date (session->date);

      if (i > 0)
        g_string_append (dates, i + 1 == missing->len ? _(" and ") : ", ");
      g_string_append_printf (dates, "%s (%s–%s)", day, session->start_time, session->end_time);
    }
  g_set_error (error, ACQ_PRACTICE_DOCUMENT_ERROR, ACQ_PRACTICE_DOCUMENT_ERROR_REFUSED,
               g_dngettext (GETTEXT_PACKAGE,
                            "The certificate of completion cannot be made yet: the session "
                            "held on %s has no attendance record. Record its attendance in the "
                            "session’s window, then make the certificate again.",
                            "The certificate of completion cannot be made yet: the sessions "
                            "held on %s have no attendance record. Record their attendance in "
                            "the sessions’ windows, then make the certificate again.",
                            missing->len),
               dates->str);
  g_string_free (dates, TRUE);
  return FALSE;
}

static gboolean
load_held (AcqStore *store, AcqPracticeDoc *doc, GError **error)
{
  const char *uuid = acq_candidate_get_uuid (doc->candidate);
  g_autoptr (GPtrArray) sessions = acq_session_list (store, uuid, error);
  g_autoptr (GPtrArray) missing = NULL;

  if (sessions == NULL ||
      (doc->attendance = acq_attendance_list (store, uuid, error)) == NULL)
    return FALSE;
  doc->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) acq_session_free);
  missing = g_ptr_array_new ();
  for (guint i = 0; i < sessions->len; i++)
    {
      AcqSession *session = g_ptr_array_index (sessions, i);

      if (!session->held)
        continue;
      g_ptr_array_add (doc->sessions, acq_session_copy (session));
      if (!g_hash_table_contains (doc->attendance, session->uuid))
        g_ptr_array_add (missing, session);
    }
  if (doc->sessions->len == 0)
    {
      g_set_error_literal (error, ACQ_PRACTICE_DOCUMENT_ERROR,
                           ACQ_PRACTICE_DOCUMENT_ERROR_NOTHING,
                           _("No session was held yet: a certificate of completion counts the "
                             "hours of the sessions held."));
      return FALSE;
    }
  if (missing->len > 0)
    return refuse_certificate (missing, error);
  return TRUE;
}

/**
 * _acq_practice_contract_load:
 * @store: the store
 * @doc: the document, its candidate set
 * @error: where to put an error
 *
 * Reads what the quote, the convention or the certificate prints: the latest quote, the
 * sessions planned, the sessions held and their attendance.
 *
 * Returns: %TRUE if the document can be made
 */
gboolean
_acq_practice_contract_load (AcqStore *store, AcqPracticeDoc *doc, GError **error)
{
  const char *uuid = acq_candidate_get_uuid (doc->candidate);
  GError *local_error = NULL;

  if (doc->kind == ACQ_PRACTICE_DOCUMENT_CERTIFICATE)
    return load_held (store, doc, error);
  doc->quote = acq_quote_load_latest (store, uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (doc->quote == NULL)
    {
      g_set_error_literal (error, ACQ_PRACTICE_DOCUMENT_ERROR,
                           ACQ_PRACTICE_DOCUMENT_ERROR_NOTHING,
                           doc->kind == ACQ_PRACTICE_DOCUMENT_QUOTE
                           ? _("There is no quote yet: make one in the Quote group of the "
                               "candidate’s page first.")
                           : _("A convention states the price of a quote: make the quote in "
                               "the Quote group of the candidate’s page first."));
      return FALSE;
    }
  if (doc->kind == ACQ_PRACTICE_DOCUMENT_CONVENTION &&
      (doc->sessions = acq_session_list (store, uuid, error)) == NULL)
    return FALSE;
  return TRUE;
}

/* "D-2026-0007" for the quote, "CF-2026-0007" for its convention, "CR-" and the last session
 * held for the certificate: the same each time it is printed again. */
char *
_acq_practice_contract_number (const AcqPracticeDoc *doc)
{
  const AcqSession *last;

  if (doc->quote != NULL)
    {
      g_autofree char *number = acq_quote_dup_number (doc->quote);

      return doc->kind == ACQ_PRACTICE_DOCUMENT_QUOTE ? g_steal_pointer (&number)
                                                       : g_strdup_printf ("CF%s", number + 1);
    }
  last = g_ptr_array_index (doc->sessions, doc->sessions->len - 1);
  return g_strdup_printf ("CR-%s-%.8s", last->date,
                          acq_candidate_get_uuid (doc->candidate));
}

/* "<b>Label</b> : value" lines, the values escaped and typeset, the blank ones left out. */
static void
append_line (GString *markup, const char *label, const char *value)
{
  g_autofree char *typeset = NULL;
  g_autofree char *escaped = NULL;

  if (acq_text_is_blank (value))
    return;
  typeset = acq_dp_layout_typeset (value);
  escaped = g_markup_escape_text (typeset, -1);
  if (markup->len > 0)
    g_string_append_c (markup, '\n');
  if (label != NULL)
    g_string_append_printf (markup, "<b>%s</b>\u00A0: ", label);
  g_string_append (markup, escaped);
}

/* The two parties side by side, the coach on the left: a quote fits on one page. */
static void
parties (AcqDossierWriter *w, AcqPracticeDoc *doc, const char *client_heading)
{
  const AcqCoachProfile *profile = doc->profile;
  double column = ACQ_DP_CONTENT_WIDTH / 2;
  g_autoptr (GString) coach = g_string_new (NULL);
  g_autoptr (GString) client = g_string_new (NULL);
  g_autofree char *qualiopi = NULL;
  g_autoptr (PangoLayout) coach_layout = NULL;
  g_autoptr (PangoLayout) client_layout = NULL;
  g_autoptr (PangoLayout) left = NULL;
  g_autoptr (PangoLayout) right = NULL;
  int coach_height, client_height;
  double top;

  append_line (coach, NULL, profile->name);
  append_line (coach, NULL, profile->organisation);
  append_line (coach, NULL, profile->address);
  append_line (coach, "SIRET", profile->siret);
  append_line (coach, "NDA", profile->nda);
  if (!acq_text_is_blank (profile->qualiopi_number))
    qualiopi = g_strdup_printf ("n° %s", profile->qualiopi_number);
  append_line (coach, "Qualiopi", qualiopi);
  append_line (client, NULL, doc->name);
  append_line (client, NULL, acq_candidate_get_text (doc->candidate, ACQ_CANDIDATE_ADDRESS));
  append_line (client, "Certification visée", doc->certification);

  acq_dossier_writer_space (w, 10);
  left = acq_dossier_writer_layout (w, ACQ_DOSSIER_TEXT_HEADING, "Accompagnatrice", column - 12);
  right = acq_dossier_writer_layout (w, ACQ_DOSSIER_TEXT_HEADING, client_heading, column - 12);
  coach_layout = acq_dossier_writer_layout (w, ACQ_DOSSIER_TEXT_BODY, "", column - 12);
  pango_layout_set_markup (coach_layout, coach->str, -1);
  client_layout = acq_dossier_writer_layout (w, ACQ_DOSSIER_TEXT_BODY, "", column - 12);
  pango_layout_set_markup (client_layout, client->str, -1);
  pango_layout_get_pixel_size (coach_layout, NULL, &coach_height);
  pango_layout_get_pixel_size (client_layout, NULL, &client_height);
  acq_dossier_writer_need (w, 24 + MAX (coach_height, client_height));
  top = w->y;
  acq_dossier_writer_show_layout (w, ACQ_DOSSIER_TEXT_HEADING, left, 0, top);
  acq_dossier_writer_show_layout (w, ACQ_DOSSIER_TEXT_HEADING, right, column, top);
  acq_dossier_writer_show_layout (w, ACQ_DOSSIER_TEXT_BODY, coach_layout, 0, top + 22);
  acq_dossier_writer_show_layout (w, ACQ_DOSSIER_TEXT_BODY, client_layout, column, top + 22);
  w->y = top + 22 + MAX (coach_height, client_height) + 4;
}

static void
candidate_block (AcqDossierWriter *w, AcqPracticeDoc *doc, const char *heading)
{
  _acq_paperwork_heading (w, heading);
  _acq_paperwork_labelled (w, "Nom", doc->name);
  _acq_paperwork_labelled (w, "Adresse",
                           acq_candidate_get_text (doc->candidate, ACQ_CANDIDATE_ADDRESS));
  _acq_paperwork_labelled (w, "Certification visée", doc->certification);
}

static void
programme_lines (AcqDossierWriter *w)
{
  for (guint i = 0; i < G_N_ELEMENTS (programme); i++)
    {
      g_autofree char *line = g_strdup_printf ("• %s\u00A0: %s", programme[i].title,
                                               programme[i].text);
      g_autofree char *typeset = acq_dp_layout_typeset (line);

      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, typeset, 12, 3);
    }
}

/* One row of the price table: a text on the left, up to three right-aligned amounts. */
static const double price_widths[3] = { 55, 105, 90 };
static const double session_widths[3] = { 92, 42, 80 };

static void
table_row (AcqDossierWriter *w, AcqDossierText style, const char *label,
           const char *const cells[3], const double widths[3], gboolean rule_above)
{
  double right = ACQ_DP_CONTENT_WIDTH;
  double label_width = ACQ_DP_CONTENT_WIDTH - widths[0] - widths[1] - widths[2] - 12;
  g_autoptr (PangoLayout) layout = acq_dossier_writer_layout (w, style, label, label_width);
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  acq_dossier_writer_need (w, height + 2 * ROW_GAP);
  if (rule_above && w->cr != NULL)
    {
      cairo_save (w->cr);
      cairo_set_source_rgb (w->cr, 0.45, 0.50, 0.58);
      cairo_set_line_width (w->cr, 0.6);
      cairo_move_to (w->cr, ACQ_DP_CONTENT_X, ACQ_DP_CONTENT_Y + w->y);
      cairo_line_to (w->cr, ACQ_DP_CONTENT_X + ACQ_DP_CONTENT_WIDTH, ACQ_DP_CONTENT_Y + w->y);
      cairo_stroke (w->cr);
      cairo_restore (w->cr);
    }
  w->y += ROW_GAP;
  acq_dossier_writer_show_layout (w, style, layout, 0, w->y);
  for (int i = 2; i >= 0; i--)
    {
      if (cells[i] != NULL)
        {
          g_autoptr (PangoLayout) cell = acq_dossier_writer_layout (w, style, cells[i],
                                                                    widths[i]);

          pango_layout_set_alignment (cell, PANGO_ALIGN_RIGHT);
          acq_dossier_writer_show_layout (w, style, cell, right - widths[i], w->y);
        }
      right -= widths[i];
    }
  w->y += height + ROW_GAP;
}

static void
price_table (AcqDossierWriter *w, const AcqQuote *quote)
{
  AcqPrice price;
  g_autofree char *hours = _acq_paperwork_hours (quote->minutes);
  g_autofree char *rate = acq_price_format_euros (quote->rate_cents);
  g_autofree char *ttc = NULL;
  g_autofree char *ht = NULL;
  g_autofree char *vat = NULL;
  gboolean subject = quote->vat_regime == ACQ_VAT_SUBJECT;
  const char *header[3] = { "Quantité", subject ? "Prix horaire TTC" : "Prix horaire",
                            subject ? "Montant TTC" : "Montant" };

  acq_quote_get_price (quote, &price);
  ttc = acq_price_format_euros (price.ttc_cents);
  ht = acq_price_format_euros (price.ht_cents);
  vat = acq_price_format_euros (price.vat_cents);
  acq_dossier_writer_space (w, 6);
  acq_dossier_writer_need (w, subject ? 120 : 95);
  table_row (w, ACQ_DOSSIER_TEXT_STRONG, "Désignation", header, price_widths, FALSE);
  {
    const char *cells[3] = { hours, rate, ttc };

    table_row (w, ACQ_DOSSIER_TEXT_BODY, "Accompagnement individuel à la VAE, selon le "
               "programme ci-dessus", cells, price_widths, TRUE);
  }
  if (subject)
    {
      const char *ht_cells[3] = { NULL, NULL, ht };
      const char *vat_cells[3] = { NULL, NULL, vat };
      const char *ttc_cells[3] = { NULL, NULL, ttc };

      table_row (w, ACQ_DOSSIER_TEXT_BODY, "Total HT", ht_cells, price_widths, TRUE);
      table_row (w, ACQ_DOSSIER_TEXT_BODY, "TVA à 20\u00A0%", vat_cells, price_widths, FALSE);
      table_row (w, ACQ_DOSSIER_TEXT_STRONG, "Total TTC", ttc_cells, price_widths, FALSE);
    }
  else
    {
      const char *cells[3] = { NULL, NULL, ttc };

      table_row (w, ACQ_DOSSIER_TEXT_STRONG, "Total net à payer", cells, price_widths, TRUE);
      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, ACQ_VAT_FRANCHISE_MENTION, 0, 4);
    }
  acq_dossier_writer_space (w, 6);
}

/* "Employeur — CCAS de Figeac, Place Vival, 46100 Figeac" */
static void
funding_lines (AcqDossierWriter *w, const AcqQuote *quote)
{
  GString *text = g_string_new (acq_quote_funding_french (quote->funding));
  g_autofree char *joined = NULL;

  if (!acq_text_is_blank (quote->funder_name))
    g_string_append_printf (text, " — %s", quote->funder_name);
  if (!acq_text_is_blank (quote->funder_address))
    {
      g_auto (GStrv) lines = g_strsplit (quote->funder_address, "\n", -1);
      g_autofree char *address = g_strjoinv (", ", lines);

      g_string_append_printf (text, ", %s", address);
    }
  joined = g_string_free (text, FALSE);
  _acq_paperwork_labelled (w, "Financement", joined);
}

/* A box to sign in, with its label above, at @x from the left, @top from the content's top. */
static void
signature_box (AcqDossierWriter *w, const char *label, double x, double top, double width,
               double height)
{
  g_autofree char *typeset = acq_dp_layout_typeset (label);
  g_autoptr (PangoLayout) layout = acq_dossier_writer_layout (w, ACQ_DOSSIER_TEXT_STRONG,
                                                              typeset, width);

  if (w->cr == NULL)
    return;
  acq_dossier_writer_show_layout (w, ACQ_DOSSIER_TEXT_STRONG, layout, x, top);
  cairo_save (w->cr);
  cairo_set_source_rgb (w->cr, 0.45, 0.50, 0.58);
  cairo_set_line_width (w->cr, 0.6);
  cairo_rectangle (w->cr, ACQ_DP_CONTENT_X + x, ACQ_DP_CONTENT_Y + top + 30, width, height);
  cairo_stroke (w->cr);
  cairo_restore (w->cr);
}

void
_acq_practice_quote_page (AcqDossierWriter *w, AcqPracticeDoc *doc)
{
  const AcqQuote *quote = doc->quote;
  g_autofree char *number = acq_quote_dup_number (quote);
  g_autofree char *date = acq_text_french_date (quote->date);
  g_autofree char *until_iso = acq_quote_dup_valid_until (quote);
  g_autofree char *until = acq_text_french_date (until_iso);
  g_autofree char *line = g_strdup_printf ("Devis n° %s — établi le %s", number, date);
  g_autofree char *validity = g_strdup_printf ("%u jours, soit jusqu’au %s\u00A0; début de "
                                               "l’accompagnement 15 jours au plus après "
                                               "l’accord", quote->validity_days, until);
  g_autofree char *accepted = NULL;

  _acq_practice_contract_title (w, doc, line);
  parties (w, doc, "Client·e");
  _acq_paperwork_heading (w, "Prestation\u00A0: accompagnement individuel, en visioconférence "
                         "ou en présentiel");
  programme_lines (w);
  price_table (w, quote);
  _acq_paperwork_heading (w, "Conditions");
  funding_lines (w, quote);
  _acq_paperwork_labelled (w, "Validité de l’offre", validity);
  if (quote->accepted_date != NULL)
    {
      accepted = acq_text_french_date (quote->accepted_date);
      _acq_paperwork_labelled (w, "Devis accepté le", accepted);
    }
  {
    g_autofree char *client = g_strdup_printf ("%s — « Bon pour accord », date et "
                                               "signature", doc->name);

    _acq_paperwork_signatures_sized (w, doc->profile, doc->signature, client, 56);
  }
}

static void
article (AcqDossierWriter *w, const char *title, const char *text)
{
  _acq_paperwork_heading (w, title);
  if (text != NULL)
    {
      g_autofree char *typeset = acq_dp_layout_typeset (text);

      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, typeset, 0, 4);
    }
}

static void
convention_sessions (AcqDossierWriter *w, AcqPracticeDoc *doc)
{
  guint minutes = 0;

  if (doc->sessions->len == 0)
    acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY,
                             "Les dates des séances sont fixées ensemble à la première séance "
                             "et consignées dans le livret de suivi.", 0, 4);
  else
    acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY,
                             "Calendrier prévisionnel, consigné et tenu à jour dans le livret de "
                             "suivi\u00A0:", 0, 4);
  for (guint i = 0; i < doc->sessions->len; i++)
    {
      const AcqSession *session = g_ptr_array_index (doc->sessions, i);
      g_autofree char *title = _acq_paperwork_session_title (session);
      g_autofree char *mode = _acq_paperwork_session_mode (session);
      g_autofree char *line = g_strdup_printf ("• %s — %s, %s", title,
                                               _acq_paperwork_session_kind (session->kind),
                                               mode);
      g_autofree char *typeset = acq_dp_layout_typeset (line);

      minutes += acq_session_get_minutes (session);
      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, typeset, 12, 2);
    }
  if (doc->sessions->len > 0)
    {
      g_autofree char *hours = _acq_paperwork_hours (minutes);
      g_autofree char *total = g_strdup_printf ("Soit %s de séances déjà fixées.", hours);

      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, total, 0, 4);
    }
}

void
_acq_practice_convention_page (AcqDossierWriter *w, AcqPracticeDoc *doc)
{
  const AcqQuote *quote = doc->quote;
  g_autofree char *number = _acq_practice_contract_number (doc);
  g_autofree char *quote_number = acq_quote_dup_number (quote);
  g_autofree char *today = g_date_time_format (doc->now, "%Y-%m-%d");
  g_autofree char *printed = acq_text_french_date (today);
  g_autofree char *line = g_strdup_printf ("Convention n° %s, selon le devis n° %s — établie "
                                           "le %s", number, quote_number, printed);
  g_autofree char *hours = _acq_paperwork_hours (quote->minutes);
  g_autofree char *object = NULL;
  g_autofree char *length = NULL;
  g_autofree char *price_text = NULL;
  gboolean funder = !acq_text_is_blank (quote->funder_name);
  AcqPrice price;

  _acq_practice_contract_heading (w, doc, line);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE,
                           "Conclue en application des articles L.6353-1 et suivants du code "
                           "du travail.", 0, 4);
  candidate_block (w, doc, "Bénéficiaire");
  if (funder)
    {
      _acq_paperwork_heading (w, "Employeur ou financeur");
      _acq_paperwork_labelled (w, "Nom", quote->funder_name);
      _acq_paperwork_labelled (w, "Adresse", quote->funder_address);
    }
  object = g_strdup_printf ("L’accompagnatrice s’engage à accompagner le ou la bénéficiaire "
                            "dans sa démarche de validation des acquis de l’expérience%s%s%s, "
                            "action concourant au développement des compétences au sens de "
                            "l’article L.6313-1 (3°) du code du travail.",
                            doc->certification ? " en vue de la certification «\u00A0" : "",
                            doc->certification ? doc->certification : "",
                            doc->certification ? "\u00A0»" : "");
  article (w, "Article 1 — Objet", object);
  article (w, "Article 2 — Objectifs", "À l’issue de l’accompagnement, le ou la bénéficiaire "
           "aura été accompagné·e pour\u00A0:");
  for (guint i = 0; i < G_N_ELEMENTS (objectives); i++)
    {
      g_autofree char *bullet = g_strdup_printf ("• %s", objectives[i]);
      g_autofree char *typeset = acq_dp_layout_typeset (bullet);

      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, typeset, 12, 2);
    }
  article (w, "Article 3 — Programme", NULL);
  programme_lines (w);
  length = g_strdup_printf ("Durée totale prévue\u00A0: %s, en séances individuelles de 1 à 3 "
                            "heures, en visioconférence ou en présentiel. Des objectifs sont "
                            "fixés à chaque séance\u00A0; le livret de suivi garde la trace des "
                            "points travaillés, des difficultés et des objectifs atteints.",
                            hours);
  article (w, "Article 4 — Durée, calendrier et modalités", length);
  convention_sessions (w, doc);
  acq_quote_get_price (quote, &price);
  {
    g_autofree char *ttc = acq_price_format_euros (price.ttc_cents);
    g_autofree char *ht = acq_price_format_euros (price.ht_cents);
    g_autofree char *vat = acq_price_format_euros (price.vat_cents);
    g_autofree char *rate = acq_price_format_euros (quote->rate_cents);

    price_text = quote->vat_regime == ACQ_VAT_SUBJECT
                 ? g_strdup_printf ("%s à %s TTC de l’heure, soit %s HT, %s de TVA à 20\u00A0%%, "
                                    "%s TTC. Financement\u00A0: %s.", hours, rate, ht, vat, ttc,
                                    acq_quote_funding_french (quote->funding))
                 : g_strdup_printf ("%s à %s de l’heure, soit %s (%s). Financement\u00A0: %s.",
                                    hours, rate, ttc, ACQ_VAT_FRANCHISE_MENTION,
                                    acq_quote_funding_french (quote->funding));
  }
  article (w, "Article 5 — Prix et financement", price_text);
  article (w, "Article 6 — Rétractation, abandon",
           funder ? "En cas d’abandon ou d’interruption, seules les heures réalisées, attestées "
                    "par les feuilles de présence, sont dues."
                  : "Le ou la bénéficiaire dispose d’un délai de dix jours à compter de la "
                    "signature pour se rétracter, par lettre recommandée avec avis de "
                    "réception (article L.6353-5 du code du travail)\u00A0; aucune somme n’est "
                    "exigée avant la fin de ce délai. En cas d’abandon ou d’interruption, "
                    "seules les heures réalisées, attestées par les feuilles de présence, sont "
                    "dues.");
  article (w, "Article 7 — Suivi, satisfaction et réclamations",
           "Une feuille de présence est signée après chaque séance et un certificat de "
           "réalisation remis à la fin de l’accompagnement, sous condition de participation "
           "effective. Un questionnaire de satisfaction est transmis à l’issue de "
           "l’accompagnement\u00A0; toute réclamation, par courriel ou courrier, reçoit une "
           "réponse.");
  _acq_paperwork_signatures (w, doc->profile, doc->signature, doc->name);
  if (funder)
    {
      g_autofree char *label = g_strdup_printf ("L’employeur ou le financeur, %s",
                                                quote->funder_name);
      double top;

      acq_dossier_writer_space (w, 14);
      acq_dossier_writer_need (w, 110);
      top = w->y;
      signature_box (w, label, ACQ_DP_CONTENT_WIDTH / 2, top, ACQ_DP_CONTENT_WIDTH / 2 - 12,
                     70);
      w->y = top + 100;
    }
}

/* The kind of a session in a table's narrow column. */
static const char *
short_kind (AcqSessionKind kind)
{
  switch (kind)
    {
    case ACQ_SESSION_KIND_FEASIBILITY: return "faisabilité";
    case ACQ_SESSION_KIND_ACCOMPANIMENT: return "accompagnement";
    case ACQ_SESSION_KIND_MOCK_JURY: return "soutenance blanche";
    case ACQ_SESSION_KIND_POST_JURY: return "entretien post-jury";
    case ACQ_SESSION_KIND_COLLECTIVE: return "séance collective";
    case ACQ_N_SESSION_KINDS:
    default: return "";
    }
}

void
_acq_practice_certificate_page (AcqDossierWriter *w, AcqPracticeDoc *doc)
{
  g_autofree char *number = _acq_practice_contract_number (doc);
  g_autofree char *today = g_date_time_format (doc->now, "%Y-%m-%d");
  g_autofree char *printed = acq_text_french_date (today);
  g_autofree char *line = g_strdup_printf ("Certificat n° %s — établi le %s", number, printed);
  const AcqSession *first = g_ptr_array_index (doc->sessions, 0);
  const AcqSession *last = g_ptr_array_index (doc->sessions, doc->sessions->len - 1);
  g_autofree char *from = acq_text_french_date (first->date);
  g_autofree char *to = acq_text_french_date (last->date);
  g_autofree char *hours = NULL;
  g_autofree char *statement = NULL;
  g_autofree char *statement_set = NULL;
  guint minutes = 0;

  for (guint i = 0; i < doc->sessions->len; i++)
    minutes += acq_session_get_minutes (g_ptr_array_index (doc->sessions, i));
  hours = _acq_paperwork_hours (minutes);
  _acq_practice_contract_title (w, doc, line);
  parties (w, doc, "Bénéficiaire");
  statement = g_strdup_printf ("Je soussignée, %s, %s%s, dispensatrice de l’action, atteste que "
                               "%s a suivi l’action d’accompagnement à la validation des acquis "
                               "de l’expérience%s%s%s (action concourant au développement des "
                               "compétences, article L.6313-1 (3°) du code du travail), qui "
                               "s’est déroulée du %s au %s, pour une durée réalisée de %s.",
                               acq_text_is_blank (doc->profile->name) ? "…"
                                                                      : doc->profile->name,
                               acq_text_is_blank (doc->profile->organisation)
                               ? "accompagnatrice VAE" : "pour ",
                               acq_text_is_blank (doc->profile->organisation)
                               ? "" : doc->profile->organisation,
                               doc->name,
                               doc->certification ? " en vue de «\u00A0" : "",
                               doc->certification ? doc->certification : "",
                               doc->certification ? "\u00A0»" : "",
                               from, to, hours);
  statement_set = acq_dp_layout_typeset (statement);
  acq_dossier_writer_space (w, 8);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, statement_set, 0, 4);
  _acq_paperwork_heading (w, "Séances réalisées");
  {
    const char *header[3] = { "Horaires", "Durée", "Émargement" };

    table_row (w, ACQ_DOSSIER_TEXT_STRONG, "Date et nature", header, session_widths, FALSE);
  }
  for (guint i = 0; i < doc->sessions->len; i++)
    {
      const AcqSession *session = g_ptr_array_index (doc->sessions, i);
      const AcqAttendance *attendance = g_hash_table_lookup (doc->attendance, session->uuid);
      g_autofree char *date = acq_text_french_date (session->date);
      g_autofree char *start = _acq_paperwork_time (session->start_time);
      g_autofree char *end = _acq_paperwork_time (session->end_time);
      g_autofree char *times = g_strdup_printf ("%s – %s", start, end);
      g_autofree char *length = _acq_paperwork_hours (acq_session_get_minutes (session));
      g_autofree char *label = g_strdup_printf ("%s — %s", date,
                                                short_kind (session->kind));
      const char *cells[3] = { times, length,
                               attendance->is_signed ? "feuille signée" : "feuille non signée" };

      table_row (w, ACQ_DOSSIER_TEXT_BODY, label, cells, session_widths, i == 0);
    }
  {
    const char *cells[3] = { NULL, hours, NULL };

    table_row (w, ACQ_DOSSIER_TEXT_STRONG, "Total des heures réalisées", cells, session_widths,
               TRUE);
    acq_dossier_writer_space (w, 6);
  }
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE,
                           "Sans préjudice des délais imposés par les règles fiscales, "
                           "comptables ou commerciales, je m’engage à conserver l’ensemble des "
                           "pièces justificatives qui ont permis d’établir le présent "
                           "certificat pendant une durée de 3 ans à compter de la fin de "
                           "l’année du dernier paiement.", 0, 4);
  _acq_paperwork_signatures (w, doc->profile, doc->signature, NULL);
}

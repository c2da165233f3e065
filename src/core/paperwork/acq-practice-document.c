/* acq-practice-document.c — the convocation to the start of the accompaniment and the
 * attendance sheet of a session, printed from what the store holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A funded accompaniment (CPF, OPCO) and a Qualiopi audit ask for a convocation sent before
 * the start and an attendance sheet signed after each appointment (the offer in shared/seed
 * lists both). They are made from the data, never typed twice: the candidate, their
 * certification, the coach's profile, the session. Each carries a number made from the
 * session (its date and the start of its id), so that printing it again gives the same
 * number, and the date it was printed. French, A4, with the dossier's typesetting.
 */
#define G_LOG_DOMAIN "acq-paperwork"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acq-attendance.h"
#include "acq-candidate-list.h"
#include "acq-practice-document-private.h"
#include "acq-text.h"

G_DEFINE_QUARK (acq-practice-document-error-quark, acq_practice_document_error)

static const char *const nicks[ACQ_N_PRACTICE_DOCUMENTS] = {
  [ACQ_PRACTICE_DOCUMENT_CONVOCATION] = "convocation",
  [ACQ_PRACTICE_DOCUMENT_ATTENDANCE] = "presence",
  [ACQ_PRACTICE_DOCUMENT_QUOTE] = "devis",
  [ACQ_PRACTICE_DOCUMENT_CONVENTION] = "convention",
  [ACQ_PRACTICE_DOCUMENT_CERTIFICATE] = "certificat",
};

static const char *const titles[ACQ_N_PRACTICE_DOCUMENTS] = {
  [ACQ_PRACTICE_DOCUMENT_CONVOCATION] = "Convocation",
  [ACQ_PRACTICE_DOCUMENT_ATTENDANCE] = "Feuille de présence",
  [ACQ_PRACTICE_DOCUMENT_QUOTE] = "Devis",
  [ACQ_PRACTICE_DOCUMENT_CONVENTION] = "Convention de formation",
  [ACQ_PRACTICE_DOCUMENT_CERTIFICATE] = "Certificat de réalisation",
};

/**
 * acq_practice_document_nick:
 * @kind: a document
 *
 * Returns: its name on the command line: "convocation", "presence", "devis", "convention",
 *   "certificat"
 */
const char *
acq_practice_document_nick (AcqPracticeDocument kind)
{
  g_return_val_if_fail (kind < ACQ_N_PRACTICE_DOCUMENTS, NULL);
  return nicks[kind];
}

/**
 * acq_practice_document_from_nick:
 * @nick: a name from the command line
 * @out_kind: (out): the document
 *
 * Returns: whether @nick names a document
 */
gboolean
acq_practice_document_from_nick (const char *nick, AcqPracticeDocument *out_kind)
{
  for (guint i = 0; i < ACQ_N_PRACTICE_DOCUMENTS; i++)
    if (g_strcmp0 (nick, nicks[i]) == 0)
      {
        *out_kind = i;
        return TRUE;
      }
  return FALSE;
}

typedef AcqPracticeDoc Document;

static void
document_free (Document *doc)
{
  g_clear_object (&doc->candidate);
  g_free (doc->name);
  g_free (doc->certification);
  acq_coach_profile_free (doc->profile);
  g_clear_pointer (&doc->signature, cairo_surface_destroy);
  g_clear_pointer (&doc->session, acq_session_free);
  g_clear_pointer (&doc->quote, acq_quote_free);
  g_clear_pointer (&doc->sessions, g_ptr_array_unref);
  g_clear_pointer (&doc->attendance, g_hash_table_unref);
  g_clear_pointer (&doc->now, g_date_time_unref);
  g_free (doc);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Document, document_free)

/* The session the document is about: the one of @date for an attendance sheet (the first that
 * day), the next one planned from today for a convocation. */
static AcqSession *
find_session (AcqStore *store, AcqPracticeDocument kind, const char *candidate_uuid,
              const char *date, GDateTime *now, GError **error)
{
  g_autoptr (GPtrArray) sessions = acq_session_list (store, candidate_uuid, error);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (sessions == NULL)
    return NULL;
  for (guint i = 0; i < sessions->len; i++)
    {
      const AcqSession *session = g_ptr_array_index (sessions, i);

      if (kind == ACQ_PRACTICE_DOCUMENT_ATTENDANCE && g_strcmp0 (session->date, date) == 0)
        return acq_session_copy (session);
      if (kind == ACQ_PRACTICE_DOCUMENT_CONVOCATION && !session->held &&
          g_strcmp0 (session->date, today) >= 0)
        return acq_session_copy (session);
    }
  if (kind == ACQ_PRACTICE_DOCUMENT_ATTENDANCE)
    g_set_error (error, ACQ_PRACTICE_DOCUMENT_ERROR, ACQ_PRACTICE_DOCUMENT_ERROR_NOT_FOUND,
                 _("There is no session on %s."), date ? date : "");
  else
    g_set_error_literal (error, ACQ_PRACTICE_DOCUMENT_ERROR, ACQ_PRACTICE_DOCUMENT_ERROR_NOTHING,
                         _("No session is planned: plan the first session of the "
                           "accompaniment, then print its convocation."));
  return NULL;
}

static Document *
document_load (AcqStore *store, AcqPracticeDocument kind, const char *candidate_uuid,
               const char *date, GError **error)
{
  g_autoptr (Document) doc = g_new0 (Document, 1);
  g_autoptr (AcqCandidateList) list = acq_candidate_list_new (store, error);
  GError *local_error = NULL;

  if (list == NULL)
    return NULL;
  doc->kind = kind;
  doc->candidate = acq_candidate_list_find (list, candidate_uuid);
  if (doc->candidate == NULL)
    {
      g_set_error (error, ACQ_PRACTICE_DOCUMENT_ERROR, ACQ_PRACTICE_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no candidate “%s”."), candidate_uuid);
      return NULL;
    }
  g_object_ref (doc->candidate);
  doc->name = acq_dossier_full_name (doc->candidate);
  doc->now = g_date_time_new_now (acq_session_get_time_zone ());
  doc->certification = _acq_paperwork_read_certification (store, candidate_uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (kind == ACQ_PRACTICE_DOCUMENT_CONVOCATION || kind == ACQ_PRACTICE_DOCUMENT_ATTENDANCE)
    {
      if (!(doc->session = find_session (store, kind, candidate_uuid, date, doc->now, error)))
        return NULL;
      /* the employer or funder named on her quote, if any, gets a copy of the convocation */
      if (kind == ACQ_PRACTICE_DOCUMENT_CONVOCATION)
        {
          doc->quote = acq_quote_load_latest (store, candidate_uuid, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return NULL;
            }
        }
    }
  else if (!_acq_practice_contract_load (store, doc, error))
    return NULL;
  if (!(doc->profile = acq_coach_profile_load (store, error)))
    return NULL;
  doc->signature = _acq_paperwork_read_signature (store, doc->profile);
  return g_steal_pointer (&doc);
}

/* "CONV-2026-12-14-3f1e7b2c": the same each time the document is printed again. */
static char *
document_number (const Document *doc)
{
  if (doc->session == NULL)
    return _acq_practice_contract_number (doc);
  return g_strdup_printf ("%s-%s-%.8s",
                          doc->kind == ACQ_PRACTICE_DOCUMENT_CONVOCATION ? "CONV" : "FP",
                          doc->session->date, doc->session->uuid);
}

static void
session_lines (AcqDossierWriter *w, const AcqSession *session)
{
  g_autofree char *date = acq_text_french_date (session->date);
  g_autofree char *start = _acq_paperwork_time (session->start_time);
  g_autofree char *end = _acq_paperwork_time (session->end_time);
  g_autofree char *times = g_strdup_printf ("de %s à %s", start, end);
  g_autofree char *length = _acq_paperwork_hours (acq_session_get_minutes (session));
  g_autofree char *mode = _acq_paperwork_session_mode (session);

  _acq_paperwork_labelled (w, "Date", date);
  _acq_paperwork_labelled (w, "Horaires", times);
  _acq_paperwork_labelled (w, "Durée", length);
  _acq_paperwork_labelled (w, "Type", _acq_paperwork_session_kind (session->kind));
  _acq_paperwork_labelled (w, "Modalité", mode);
  if (session->objectives->len > 0)
    acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_STRONG, "Objectifs de la séance", 0, 2);
  for (guint i = 0; i < session->objectives->len; i++)
    {
      AcqSessionObjective *objective = g_ptr_array_index (session->objectives, i);
      g_autofree char *text = acq_dp_layout_typeset (objective->text);
      g_autofree char *line = g_strdup_printf ("• %s", text);

      acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, line, 12, 2);
    }
}

/* The title, the number and date line, without the coach's block. */
void
_acq_practice_contract_title (AcqDossierWriter *w, AcqPracticeDoc *doc, const char *line)
{
  g_autofree char *line_set = acq_dp_layout_typeset (line);

  acq_dossier_writer_set_section (w, titles[doc->kind]);
  acq_dossier_writer_new_page (w);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_COVER, titles[doc->kind], 0, 4);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_HEADING,
                           "Accompagnement à la validation des acquis de l’expérience (VAE)",
                           0, 4);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, line_set, 0, 6);
}

void
_acq_practice_contract_heading (AcqDossierWriter *w, AcqPracticeDoc *doc, const char *line)
{
  g_autofree char *line_set = acq_dp_layout_typeset (line);

  acq_dossier_writer_set_section (w, titles[doc->kind]);
  acq_dossier_writer_new_page (w);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_COVER, titles[doc->kind], 0, 4);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_HEADING,
                           "Accompagnement à la validation des acquis de l’expérience (VAE)",
                           0, 4);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_NOTE, line_set, 0, 14);
  _acq_paperwork_coach (w, doc->profile);
}

static void
heading_block (AcqDossierWriter *w, Document *doc)
{
  g_autofree char *today = g_date_time_format (doc->now, "%Y-%m-%d");
  g_autofree char *printed = acq_text_french_date (today);
  g_autofree char *number = document_number (doc);
  g_autofree char *line = g_strdup_printf ("Document n° %s — édité le %s", number, printed);

  _acq_practice_contract_heading (w, doc, line);
}

/* The convocation, to the candidate; with @copy_to (the employer or funder of her quote), the
 * copy sent to them for information, which names her. */
static void
convocation_page (AcqDossierWriter *w, Document *doc, const char *copy_to,
                  const char *copy_address)
{
  const char *address = acq_candidate_get_text (doc->candidate, ACQ_CANDIDATE_ADDRESS);
  g_autofree char *aim = NULL;
  g_autofree char *aim_set = NULL;

  heading_block (w, doc);
  _acq_paperwork_heading (w, copy_to != NULL ? "Copie pour information" : "Destinataire");
  if (copy_to != NULL)
    {
      _acq_paperwork_labelled (w, "Destinataire", copy_to);
      _acq_paperwork_labelled (w, "Adresse", copy_address);
      _acq_paperwork_labelled (w, "Candidat·e convoqué·e", doc->name);
    }
  else
    {
      _acq_paperwork_labelled (w, "Nom", doc->name);
      _acq_paperwork_labelled (w, "Adresse", address);
    }

  acq_dossier_writer_space (w, 10);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, "Madame, Monsieur,", 0, 6);
  aim = doc->certification != NULL
        ? g_strdup_printf ("Votre accompagnement à la validation des acquis de l’expérience en "
                           "vue de la certification «\u00A0%s\u00A0» commence. Vous êtes "
                           "convoqué·e à la séance suivante\u00A0:", doc->certification)
        : g_strdup ("Votre accompagnement à la validation des acquis de l’expérience "
                    "commence. Vous êtes convoqué·e à la séance suivante\u00A0:");
  aim_set = acq_dp_layout_typeset (aim);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY, aim_set, 0, 8);
  session_lines (w, doc->session);
  acq_dossier_writer_space (w, 8);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY,
                           "Merci de vous munir d’une pièce d’identité et de ce qui décrit "
                           "votre expérience (CV, attestations d’emploi, fiches de poste). En "
                           "cas d’empêchement, prévenez votre accompagnatrice au plus tôt.",
                           0, 6);
  _acq_paperwork_signatures (w, doc->profile, doc->signature, NULL);
}

static void
attendance_page (AcqDossierWriter *w, Document *doc)
{
  heading_block (w, doc);
  _acq_paperwork_heading (w, "Candidat·e");
  _acq_paperwork_labelled (w, "Nom", doc->name);
  _acq_paperwork_labelled (w, "Certification visée", doc->certification);
  _acq_paperwork_heading (w, "Séance");
  session_lines (w, doc->session);
  acq_dossier_writer_space (w, 8);
  acq_dossier_writer_flow (w, ACQ_DOSSIER_TEXT_BODY,
                           doc->session->mode == ACQ_SESSION_MODE_VISIO
                           ? "Les soussigné·es attestent que cette séance, tenue à distance, a "
                             "eu lieu aux date et horaires indiqués."
                           : "Les soussigné·es attestent que cette séance a eu lieu aux date "
                             "et horaires indiqués.",
                           0, 6);
  _acq_paperwork_signatures (w, doc->profile, doc->signature, doc->name);
}

static gboolean
write_pages (AcqDossierWriter *w, gpointer user_data)
{
  Document *doc = user_data;

  w->page = 0;
  switch (doc->kind)
    {
    case ACQ_PRACTICE_DOCUMENT_CONVOCATION:
      convocation_page (w, doc, NULL, NULL);
      if (doc->quote != NULL && doc->quote->funder_name != NULL && *doc->quote->funder_name)
        convocation_page (w, doc, doc->quote->funder_name, doc->quote->funder_address);
      break;
    case ACQ_PRACTICE_DOCUMENT_ATTENDANCE:
      attendance_page (w, doc);
      break;
    case ACQ_PRACTICE_DOCUMENT_QUOTE:
      _acq_practice_quote_page (w, doc);
      break;
    case ACQ_PRACTICE_DOCUMENT_CONVENTION:
      _acq_practice_convention_page (w, doc);
      break;
    case ACQ_PRACTICE_DOCUMENT_CERTIFICATE:
      _acq_practice_certificate_page (w, doc);
      break;
    case ACQ_N_PRACTICE_DOCUMENTS:
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

/**
 * acq_practice_document_write:
 * @store: the store
 * @kind: which document
 * @candidate_uuid: the candidate
 * @session_date: (nullable): for %ACQ_PRACTICE_DOCUMENT_ATTENDANCE, the session's day
 *   ("YYYY-MM-DD"); the convocation is to the next session planned
 * @output_path: the PDF to write; replaced only once the new one is complete
 * @error: where to put an error: %ACQ_PRACTICE_DOCUMENT_ERROR_NOT_FOUND (no such candidate or
 *   session), %ACQ_PRACTICE_DOCUMENT_ERROR_NOTHING (no session planned for a convocation), an
 *   #AcqDossierError for the file, or a store error
 *
 * Writes the document in French, as an A4 PDF with the dossier's typesetting: the coach's
 * profile, the candidate, the session (date, times, length, kind, mode or place, objectives),
 * a number made from the session and the date printed; the convocation is addressed to the
 * candidate and signed by the coach, the attendance sheet has both signature boxes.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
acq_practice_document_write (AcqStore *store, AcqPracticeDocument kind,
                             const char *candidate_uuid, const char *session_date,
                             const char *output_path, GError **error)
{
  g_autoptr (Document) doc = NULL;
  g_autoptr (AcqDpLayout) layout = NULL;
  AcqDossierWriter w;
  gboolean ok;

  g_return_val_if_fail (ACQ_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind < ACQ_N_PRACTICE_DOCUMENTS, FALSE);
  g_return_val_if_fail (candidate_uuid != NULL, FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);

  if (!(doc = document_load (store, kind, candidate_uuid, session_date, error)))
    return FALSE;
  layout = acq_dp_layout_new ();
  acq_dossier_writer_init (&w, layout);
  w.what = nicks[kind];
  w.pages_func = write_pages;
  w.pages_data = doc;
  w.band_left_text = g_strdup (doc->name);
  w.band_footer_text = g_strdup_printf ("%s — %s", titles[kind],
                                        acq_text_is_blank (doc->profile->organisation)
                                        ? doc->profile->name : doc->profile->organisation);
  w.meta_title = g_strdup_printf ("%s — %s", titles[kind], doc->name);
  w.meta_author = g_strdup (doc->profile->name);
  w.meta_subject = g_strdup ("Accompagnement à la validation des acquis de l’expérience");
  w.meta_date = g_date_time_ref (doc->now);
  ok = acq_dossier_writer_run (&w, output_path, error);
  acq_dossier_writer_clear (&w);
  return ok;
}

/**
 * acq_practice_document_write_convocation:
 * @store: the store
 * @candidate_uuid: the candidate
 * @output_path: the PDF to write
 * @cancellable: (nullable): unused: the convocation is one page
 * @error: where to put an error, as for acq_practice_document_write()
 *
 * The convocation to the next session planned, in the shape of an #AcqStoreFileWriter, to be
 * written on a worker with acq_store_write_file_async().
 *
 * Returns: %TRUE if the file was written
 */
gboolean
acq_practice_document_write_convocation (AcqStore *store, const char *candidate_uuid,
                                         const char *output_path, GCancellable *cancellable,
                                         GError **error)
{
  return acq_practice_document_write (store, ACQ_PRACTICE_DOCUMENT_CONVOCATION, candidate_uuid,
                                      NULL, output_path, error);
}

/**
 * acq_practice_document_write_quote:
 * @store: the store
 * @candidate_uuid: the candidate
 * @output_path: the PDF to write
 * @cancellable: (nullable): unused: the quote is a page or two
 * @error: where to put an error, as for acq_practice_document_write()
 *
 * The candidate's latest quote, in the shape of an #AcqStoreFileWriter.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
acq_practice_document_write_quote (AcqStore *store, const char *candidate_uuid,
                                   const char *output_path, GCancellable *cancellable,
                                   GError **error)
{
  return acq_practice_document_write (store, ACQ_PRACTICE_DOCUMENT_QUOTE, candidate_uuid, NULL,
                                      output_path, error);
}

/**
 * acq_practice_document_write_convention:
 * @store: the store
 * @candidate_uuid: the candidate
 * @output_path: the PDF to write
 * @cancellable: (nullable): unused
 * @error: where to put an error, as for acq_practice_document_write()
 *
 * The convention de formation of the latest quote, in the shape of an #AcqStoreFileWriter.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
acq_practice_document_write_convention (AcqStore *store, const char *candidate_uuid,
                                        const char *output_path, GCancellable *cancellable,
                                        GError **error)
{
  return acq_practice_document_write (store, ACQ_PRACTICE_DOCUMENT_CONVENTION, candidate_uuid,
                                      NULL, output_path, error);
}

/**
 * acq_practice_document_write_certificate:
 * @store: the store
 * @candidate_uuid: the candidate
 * @output_path: the PDF to write
 * @cancellable: (nullable): unused
 * @error: where to put an error, as for acq_practice_document_write():
 *   %ACQ_PRACTICE_DOCUMENT_ERROR_REFUSED while a session held has no attendance record
 *
 * The certificat de réalisation, in the shape of an #AcqStoreFileWriter.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
acq_practice_document_write_certificate (AcqStore *store, const char *candidate_uuid,
                                         const char *output_path, GCancellable *cancellable,
                                         GError **error)
{
  return acq_practice_document_write (store, ACQ_PRACTICE_DOCUMENT_CERTIFICATE, candidate_uuid,
                                      NULL, output_path, error);
}

/* test-livret-pdf.c — the livret de suivi as a PDF, read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "acq-attachment.h"
#include "acq-coach-profile.h"
#include "acq-livret-pdf.h"
#include "acq-parcours.h"
#include "acq-session.h"
#include "test-pdf.h"
#include "test-util.h"

typedef struct
{
  char             *dir;
  char             *out_dir; /* the output alone, outside the data folder */
  char             *output;
  AcqStore         *store;
  AcqCandidateList *candidates;
  char             *uuid;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqCandidate *candidate;

  f->store = test_store_open (&f->dir);
  f->out_dir = test_make_data_dir ();
  f->output = g_build_filename (f->out_dir, "livret.pdf", NULL);
  f->candidates = test_candidate_list_new (f->store);
  candidate = acq_candidate_list_create (f->candidates, "Hélène", "Dupont-Martin", &error);
  g_assert_no_error (error);
  f->uuid = g_strdup (acq_candidate_get_uuid (candidate));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->candidates);
  test_store_close (&f->store, &f->dir);
  test_remove_tree (f->out_dir);
  g_free (f->out_dir);
  g_free (f->output);
  g_free (f->uuid);
}

static void
fill_livret (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCoachProfile) profile = acq_coach_profile_new ();
  g_autoptr (AcqSession) held = acq_session_new (f->uuid, "2026-03-12", "14:00", "16:00",
                                                 ACQ_SESSION_KIND_ACCOMPANIMENT);
  g_autoptr (AcqSession) planned = acq_session_new (f->uuid, "2026-04-02", "09:30", "11:00",
                                                    ACQ_SESSION_KIND_MOCK_JURY);
  g_autoptr (AcqParcoursEvent) event = NULL;
  GDate date;

  g_free (profile->name);
  profile->name = g_strdup ("Claire Lefèvre");
  g_free (profile->organisation);
  profile->organisation = g_strdup ("Parcours & Compétences");
  g_free (profile->nda);
  profile->nda = g_strdup ("84691234569");
  g_free (profile->qualiopi_number);
  profile->qualiopi_number = g_strdup ("QUA-2024-0137");
  g_assert_true (acq_coach_profile_save (f->store, profile, &error));

  held->held = TRUE;
  held->mode = ACQ_SESSION_MODE_IN_PERSON;
  acq_session_set_text (&held->place, "Maison de l'emploi, Lyon");
  acq_session_add_objective (held, "Choisir les deux exemples du bloc 1", ACQ_OBJECTIVE_REACHED);
  acq_session_add_objective (held, "Rédiger le contexte", ACQ_OBJECTIVE_PARTLY);
  acq_session_set_text (&held->points_worked, "Le tableau des activités");
  acq_session_set_text (&held->difficulties, "Trouver le temps d'écrire");
  acq_session_set_text (&held->personal_work, "Relire l'exemple 2");
  g_assert_true (acq_session_save (f->store, held, &error));
  acq_session_add_objective (planned, "Tenir dix minutes à l'oral", ACQ_OBJECTIVE_NOT_ASSESSED);
  g_assert_true (acq_session_save (f->store, planned, &error));

  g_date_set_dmy (&date, 10, G_DATE_JANUARY, 2026);
  event = acq_parcours_event_new (ACQ_PARCOURS_ADMISSIBILITY_ASKED, &date, FALSE);
  g_free (event->candidate_uuid);
  event->candidate_uuid = g_strdup (f->uuid);
  g_assert_true (acq_parcours_add (f->store, event, &error));
  g_assert_no_error (error);
}

static void
test_livret_french_text (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Pdf) doc = NULL;
  g_autofree char *text = NULL;

  fill_livret (f);
  g_assert_true (acq_livret_pdf_write (f->store, f->uuid, f->output, NULL, &error));
  g_assert_no_error (error);
  test_assert_output_alone (f->output);
  doc = open_pdf (f->output);
  text = document_text (doc);
  /* the title page */
  g_assert_nonnull (strstr (text, "Livret de suivi"));
  g_assert_nonnull (strstr (text, "Hélène Dupont-Martin"));
  g_assert_nonnull (strstr (text, "Claire Lefèvre"));
  g_assert_nonnull (strstr (text, "84691234569"));
  g_assert_nonnull (strstr (text, "QUA-2024-0137"));
  g_assert_nonnull (strstr (text, "Heures réalisées : 2 h"));
  g_assert_nonnull (strstr (text, "80 € TTC"));
  /* the parcours */
  g_assert_nonnull (strstr (text, "10 janvier 2026 : Demande de recevabilité"));
  /* the session held, its objectives and their outcome */
  g_assert_nonnull (strstr (text, "Séance du 12 mars 2026, de 14 h 00 à 16 h 00"));
  g_assert_nonnull (strstr (text, "Choisir les deux exemples du bloc 1 — atteint"));
  g_assert_nonnull (strstr (text, "Rédiger le contexte — partiellement atteint"));
  g_assert_nonnull (strstr (text, "Maison de l'emploi, Lyon"));
  g_assert_nonnull (strstr (text, "Trouver le temps d'écrire"));
  g_assert_nonnull (strstr (text, "Relire l'exemple 2"));
  /* the planning */
  g_assert_nonnull (strstr (text, "Planning prévisionnel"));
  g_assert_nonnull (strstr (text, "Séance du 2 avril 2026, de 9 h 30 à 11 h 00"));
  g_assert_nonnull (strstr (text, "Soutenance blanche"));
  g_assert_nonnull (strstr (text, "Tenir dix minutes"));
  g_assert_nonnull (strstr (text, "Signatures"));
}

static void
test_livret_french_whatever_the_locale (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Pdf) doc = NULL;
  g_autofree char *text = NULL;

  g_setenv ("LANGUAGE", "en", TRUE);
  fill_livret (f);
  g_assert_true (acq_livret_pdf_write (f->store, f->uuid, f->output, NULL, &error));
  doc = open_pdf (f->output);
  text = document_text (doc);
  g_assert_nonnull (strstr (text, "Séance d'accompagnement"));
  g_assert_null (strstr (text, "Accompaniment"));
}

/* Her signature, an image of her profile, is drawn at the foot */
static void
test_livret_signature_drawn (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *files = test_make_data_dir ();
  g_autoptr (GFile) file = test_write_png (files, "signature.png", 0);
  g_autoptr (AcqAttachment) imported = NULL;
  g_autoptr (Pdf) doc = NULL;
  PopplerPage *page;
  GList *images;

  imported = acq_attachment_import (f->dir, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (acq_coach_profile_set_signature (f->store, imported, &error));
  acq_attachment_import_release (imported);
  g_assert_true (acq_livret_pdf_write (f->store, f->uuid, f->output, NULL, &error));
  g_assert_no_error (error);
  doc = open_pdf (f->output);
  page = poppler_document_get_page (doc, poppler_document_get_n_pages (doc) - 1);
  images = poppler_page_get_image_mapping (page);
  g_assert_cmpuint (g_list_length (images), ==, 1);
  poppler_page_free_image_mapping (images);
  g_object_unref (page);
  test_remove_tree (files);
}

static void
test_livret_unknown_candidate (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (acq_livret_pdf_write (f->store, "no-such-candidate", f->output, NULL, &error));
  g_assert_error (error, ACQ_SESSION_ERROR, ACQ_SESSION_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (f->output, G_FILE_TEST_EXISTS));
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ADD ("/livret-pdf/french-text-read-back", test_livret_french_text);
  ADD ("/livret-pdf/french-whatever-the-locale", test_livret_french_whatever_the_locale);
  ADD ("/livret-pdf/signature-drawn", test_livret_signature_drawn);
  ADD ("/livret-pdf/unknown-candidate", test_livret_unknown_candidate);
  return g_test_run ();
}

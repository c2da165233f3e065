/* test-paperwork.c — the coach's profile and a candidate's documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "acq-attachment.h"
#include "acq-candidate-document.h"
#include "acq-coach-profile.h"
#include "acq-practice-document.h"
#include "acq-session.h"
#include "acq-text.h"
#include "acq-store-private.h"
#include "test-pdf.h"
#include "test-util.h"

typedef struct
{
  char             *dir;
  char             *files;  /* where the user's files are, outside the data folder */
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
  f->files = test_make_data_dir ();
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
  test_remove_tree (f->files);
  g_free (f->files);
  g_free (f->uuid);
}

static GFile *
user_file (Fixture *f, const char *name, const void *contents, gsize length)
{
  g_autofree char *path = g_build_filename (f->files, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* Profile --------------------------------------------------------------------------------- */

static void
test_siret_luhn (void)
{
  /* 732 829 320 00074: a real establishment (INSEE's example) */
  g_assert_true (acq_siret_is_valid ("73282932000074"));
  g_assert_true (acq_siret_is_valid ("732 829 320 00074"));
  /* one digit changed, two swapped */
  g_assert_false (acq_siret_is_valid ("73282932000075"));
  g_assert_false (acq_siret_is_valid ("73282932000047"));
  /* La Poste: its digits add up to a multiple of 5, its Luhn key is wrong */
  g_assert_true (acq_siret_is_valid ("35600000049837"));
  g_assert_false (acq_siret_is_valid ("35600000049838"));
  g_assert_false (acq_siret_is_valid ("7328293200007"));
  g_assert_false (acq_siret_is_valid ("7328293200007A"));
  g_assert_false (acq_siret_is_valid (NULL));
}

static void
test_profile_checks_say_what_is_wrong (void)
{
  g_autofree char *short_siret = acq_coach_profile_check_siret ("1234");
  g_autofree char *wrong_key = acq_coach_profile_check_siret ("73282932000075");
  g_autofree char *right = acq_coach_profile_check_siret ("732 829 320 00074");
  g_autofree char *empty = acq_coach_profile_check_siret ("");
  g_autofree char *short_nda = acq_coach_profile_check_nda ("8469");
  g_autofree char *nda = acq_coach_profile_check_nda ("84 69 12345 69");
  g_autofree char *letters = acq_coach_profile_check_nda ("8469I234569");

  g_assert_nonnull (strstr (short_siret, "14 digits"));
  g_assert_nonnull (strstr (wrong_key, "check digit"));
  g_assert_null (right);
  g_assert_null (empty);
  g_assert_nonnull (strstr (short_nda, "11 digits"));
  g_assert_null (nda);
  g_assert_nonnull (letters);
}

static void
test_profile_rate (void)
{
  guint cents = 0;
  g_autofree char *eighty = acq_coach_profile_format_rate (8000);
  g_autofree char *half = acq_coach_profile_format_rate (8050);

  g_assert_true (acq_coach_profile_parse_rate ("80", &cents));
  g_assert_cmpuint (cents, ==, 8000);
  g_assert_true (acq_coach_profile_parse_rate ("80,5", &cents));
  g_assert_cmpuint (cents, ==, 8050);
  g_assert_true (acq_coach_profile_parse_rate (" 72.25 € ", &cents));
  g_assert_cmpuint (cents, ==, 7225);
  g_assert_false (acq_coach_profile_parse_rate ("quatre-vingts", &cents));
  g_assert_false (acq_coach_profile_parse_rate ("80,", &cents));
  g_assert_false (acq_coach_profile_parse_rate ("-80", &cents));
  g_assert_cmpstr (eighty, ==, "80");
  g_assert_cmpstr (half, ==, "80,50");
}

static void
test_profile_saved_as_typed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCoachProfile) empty = acq_coach_profile_load (f->store, &error);
  g_autoptr (AcqCoachProfile) profile = NULL;
  g_autoptr (AcqCoachProfile) back = NULL;
  g_autofree char *candidate_column = NULL;

  g_assert_no_error (error);
  g_assert_true (acq_coach_profile_is_empty (empty));
  g_assert_cmpuint (empty->hourly_rate_cents, ==, 8000);

  profile = acq_coach_profile_copy (empty);
  g_free (profile->name);
  profile->name = g_strdup ("Claire Lefèvre");
  g_free (profile->siret);
  profile->siret = g_strdup ("7328 (typing)"); /* wrong, kept as typed */
  g_free (profile->qualiopi_certifier);
  profile->qualiopi_certifier = g_strdup ("AFNOR Certification");
  profile->hourly_rate_cents = 7500;
  g_assert_true (acq_coach_profile_save (f->store, profile, &error));
  g_assert_no_error (error);

  back = acq_coach_profile_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->name, ==, "Claire Lefèvre");
  g_assert_cmpstr (back->siret, ==, "7328 (typing)");
  g_assert_cmpstr (back->qualiopi_certifier, ==, "AFNOR Certification");
  g_assert_cmpuint (back->hourly_rate_cents, ==, 7500);
  g_assert_false (acq_coach_profile_is_empty (back));
  /* it names no candidate: it never travels */
  candidate_column = test_query_text (f->store, "SELECT count(*) FROM pragma_table_info "
                                                "('coach_profile') WHERE name = 'candidate_uuid'");
  g_assert_cmpstr (candidate_column, ==, "0");
}

static void
test_profile_signature (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) image = test_write_png (f->files, "signature.png", 0);
  g_autoptr (GFile) pdf = user_file (f, "signature.pdf", "%PDF-1.4\n%%EOF\n", 15);
  g_autoptr (AcqAttachment) imported = NULL;
  g_autoptr (AcqAttachment) not_image = NULL;
  g_autoptr (AcqCoachProfile) profile = NULL;
  g_autofree char *path = NULL;

  imported = acq_attachment_import (f->dir, image, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (acq_coach_profile_set_signature (f->store, imported, &error));
  g_assert_no_error (error);
  acq_attachment_import_release (imported);

  profile = acq_coach_profile_load (f->store, &error);
  g_assert_cmpstr (profile->signature_sha256, ==, imported->sha256);
  g_assert_cmpstr (profile->signature_mime_type, ==, "image/png");
  path = acq_coach_profile_get_signature_path (f->store, profile, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, f->dir));
  /* the clean-up of orphans keeps the copy her profile names */
  g_assert_true (acq_attachment_remove_orphans (f->store, NULL, &error));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* a signature is an image */
  not_image = acq_attachment_import (f->dir, pdf, NULL, &error);
  if (not_image == NULL)
    g_clear_error (&error); /* a two-line PDF may be refused as damaged: fine as well */
  else
    {
      g_assert_false (acq_coach_profile_set_signature (f->store, not_image, &error));
      g_assert_error (error, ACQ_COACH_PROFILE_ERROR, ACQ_COACH_PROFILE_ERROR_NOT_AN_IMAGE);
      g_clear_error (&error);
      acq_attachment_import_release (not_image);
    }

  g_assert_true (acq_coach_profile_clear_signature (f->store, &error));
  g_clear_pointer (&profile, acq_coach_profile_free);
  profile = acq_coach_profile_load (f->store, &error);
  g_assert_null (profile->signature_sha256);
  g_assert_true (acq_attachment_remove_orphans (f->store, NULL, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Documents ------------------------------------------------------------------------------- */

static void
test_document_add_list_remove (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) cv = test_write_png (f->files, "CV Hélène.png", 0);
  g_autoptr (AcqCandidateDocument) added = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autofree char *path = NULL;
  AcqCandidateDocument *back;

  added = acq_candidate_document_add (f->store, f->uuid, ACQ_CANDIDATE_DOCUMENT_CV,
                                      ACQ_ROLE_CANDIDATE, cv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (added->file_name, ==, "CV Hélène.png");
  g_assert_cmpstr (acq_candidate_document_get_display_title (added), ==, "CV Hélène.png");

  list = acq_candidate_document_list (f->store, f->uuid, &error);
  g_assert_cmpuint (list->len, ==, 1);
  back = g_ptr_array_index (list, 0);
  g_assert_cmpint (back->kind, ==, ACQ_CANDIDATE_DOCUMENT_CV);
  g_assert_cmpint (back->author_role, ==, ACQ_ROLE_CANDIDATE);
  g_assert_cmpstr (back->mime_type, ==, "image/png");
  g_assert_cmpint (back->size, ==, 69);
  path = acq_candidate_document_get_path (f->store, back, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, f->dir));
  g_assert_true (acq_attachment_remove_orphans (f->store, NULL, &error));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* removed, then back with undo */
  g_assert_true (acq_candidate_document_delete (f->store, added->uuid, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = acq_candidate_document_list (f->store, f->uuid, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_assert_true (acq_candidate_document_undelete (f->store, added->uuid, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = acq_candidate_document_list (f->store, f->uuid, &error);
  g_assert_cmpuint (list->len, ==, 1);
}

static void
test_document_attached_to_event (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) notice = test_write_png (f->files, "notice.png", 0);
  g_autoptr (AcqCandidateDocument) added = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *event = NULL;

  g_assert_true (acq_store_exec (f->store,
                                 "INSERT INTO parcours_event (uuid, candidate_uuid, kind, date,"
                                 " created_at, updated_at) SELECT 'e1', uuid, 3, '2026-01-10',"
                                 " 'now', 'now' FROM candidate", &error));
  added = acq_candidate_document_add (f->store, f->uuid,
                                      ACQ_CANDIDATE_DOCUMENT_ADMISSIBILITY_NOTICE,
                                      ACQ_ROLE_COACH, notice, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (acq_candidate_document_set_event (f->store, added->uuid, "e1", &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT parcours_event_uuid FROM candidate_document WHERE uuid = '%s'",
                         added->uuid);
  event = test_query_text (f->store, sql);
  g_assert_cmpstr (event, ==, "e1");
}

static void
test_document_refuses_fifo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->files, "pipe.pdf", NULL);
  g_autoptr (GFile) fifo = g_file_new_for_path (path);
  g_autoptr (AcqCandidateDocument) added = NULL;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  /* nobody writes into it: an import that opened it would wait for ever */
  added = acq_candidate_document_add (f->store, f->uuid, ACQ_CANDIDATE_DOCUMENT_OTHER,
                                      ACQ_ROLE_COACH, fifo, NULL, &error);
  g_assert_null (added);
  g_assert_error (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_NOT_A_FILE);
}

static void
test_document_refuses_too_big (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->files, "scan.pdf", NULL);
  g_autoptr (GFile) big = g_file_new_for_path (path);
  g_autoptr (AcqCandidateDocument) added = NULL;
  FILE *out = fopen (path, "w");

  /* a sparse file: 30 MB that take no room */
  g_assert_nonnull (out);
  fputs ("%PDF-1.4\n", out);
  g_assert_cmpint (fseek (out, 30 * 1000 * 1000, SEEK_SET), ==, 0);
  fputc ('\n', out);
  fclose (out);
  added = acq_candidate_document_add (f->store, f->uuid, ACQ_CANDIDATE_DOCUMENT_OTHER,
                                      ACQ_ROLE_COACH, big, NULL, &error);
  g_assert_null (added);
  g_assert_error (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_TOO_LARGE);
}

static void
test_document_refuses_wrong_type (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  static const char not_pdf[] = "PK\x03\x04 not a PDF";
  g_autoptr (GFile) word = user_file (f, "cv.docx", "PK\x03\x04", 4);
  g_autoptr (GFile) renamed = user_file (f, "cv.pdf", not_pdf, sizeof not_pdf - 1);
  g_autoptr (AcqCandidateDocument) added = NULL;
  g_autofree char *count = NULL;

  added = acq_candidate_document_add (f->store, f->uuid, ACQ_CANDIDATE_DOCUMENT_CV,
                                      ACQ_ROLE_CANDIDATE, word, NULL, &error);
  g_assert_null (added);
  g_assert_error (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_UNSUPPORTED_TYPE);
  g_clear_error (&error);
  added = acq_candidate_document_add (f->store, f->uuid, ACQ_CANDIDATE_DOCUMENT_CV,
                                      ACQ_ROLE_CANDIDATE, renamed, NULL, &error);
  g_assert_null (added);
  g_assert_error (error, ACQ_ATTACHMENT_ERROR, ACQ_ATTACHMENT_ERROR_WRONG_TYPE);
  count = test_query_text (f->store, "SELECT count(*) FROM candidate_document");
  g_assert_cmpstr (count, ==, "0");
}

static void
add_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AcqCandidateDocument **out = user_data;
  g_autoptr (GError) error = NULL;

  *out = acq_candidate_document_add_finish (ACQ_STORE (source), result, &error);
  g_assert_no_error (error);
}

static void
test_document_add_async (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) quote = test_write_png (f->files, "devis.png", 0);
  AcqCandidateDocument *added = NULL;

  acq_candidate_document_add_async (f->store, f->uuid, ACQ_CANDIDATE_DOCUMENT_QUOTE,
                                    ACQ_ROLE_COACH, quote, NULL, add_done_cb, &added);
  while (added == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (added->kind, ==, ACQ_CANDIDATE_DOCUMENT_QUOTE);
  g_assert_cmpint (added->author_role, ==, ACQ_ROLE_COACH);
  acq_candidate_document_free (added);
}

/* A store of version 7 (before the paperwork) opens with an empty profile and no document. */
static void
test_migrate_from_v7 (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, ACQ_STORE_FILE_NAME, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCoachProfile) profile = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  sqlite3 *db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (_acq_store_migrate_db (db, 7, &error));
  g_assert_true (_acq_store_exec_db (
    db, "INSERT INTO candidate (uuid, created_at, updated_at, last_activity_at)"
        " VALUES ('k1', 'now', 'now', 'now')", &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acq_store_get_schema_version (store), >=, 8);
  profile = acq_coach_profile_load (store, &error);
  g_assert_no_error (error);
  g_assert_true (acq_coach_profile_is_empty (profile));
  documents = acq_candidate_document_list (store, "k1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 0);
  g_clear_object (&store);
  test_remove_tree (dir);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* Practice documents ------------------------------------------------------------------------ */

static char *
iso_day (int offset)
{
  g_autoptr (GDateTime) now = g_date_time_new_now (acq_session_get_time_zone ());
  g_autoptr (GDateTime) day = g_date_time_add_days (now, offset);

  return g_date_time_format (day, "%Y-%m-%d");
}

static void
add_session (Fixture *f, const char *date, const char *start, const char *end, gboolean held,
             const char *objective)
{
  g_autoptr (GError) error = NULL;
  AcqSession *session = acq_session_new (f->uuid, date, start, end,
                                         ACQ_SESSION_KIND_ACCOMPANIMENT);

  session->held = held;
  session->mode = ACQ_SESSION_MODE_IN_PERSON;
  acq_session_set_text (&session->place, "Espace France Services, Figeac");
  acq_session_add_objective (session, objective, ACQ_OBJECTIVE_NOT_ASSESSED);
  g_assert_true (acq_session_save (f->store, session, &error));
  g_assert_no_error (error);
  acq_session_free (session);
}

static char *
practice_text (Fixture *f, AcqPracticeDocument kind, const char *date)
{
  g_autofree char *path = g_build_filename (f->files, "document.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (Pdf) doc = NULL;

  g_assert_true (acq_practice_document_write (f->store, kind, f->uuid, date, path, &error));
  g_assert_no_error (error);
  doc = open_pdf (path);
  return document_text (doc);
}

static void
test_practice_documents (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCoachProfile) profile = acq_coach_profile_new ();
  g_autofree char *past = iso_day (-7);
  g_autofree char *next = iso_day (3);
  g_autofree char *later = iso_day (17);
  g_autofree char *path = g_build_filename (f->files, "none.pdf", NULL);
  g_autofree char *convocation = NULL;
  g_autofree char *again = NULL;
  g_autofree char *attendance = NULL;
  g_autofree char *next_french = NULL;
  g_autofree char *number = NULL;

  /* nothing planned: the convocation says what to do first, and writes nothing */
  g_assert_false (acq_practice_document_write (f->store, ACQ_PRACTICE_DOCUMENT_CONVOCATION,
                                               f->uuid, NULL, path, &error));
  g_assert_error (error, ACQ_PRACTICE_DOCUMENT_ERROR, ACQ_PRACTICE_DOCUMENT_ERROR_NOTHING);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_free (profile->name);
  profile->name = g_strdup ("Claire Morel");
  g_free (profile->organisation);
  profile->organisation = g_strdup ("Claire Morel Accompagnement VAE");
  g_free (profile->siret);
  profile->siret = g_strdup ("81234567800013");
  g_assert_true (acq_coach_profile_save (f->store, profile, &error));
  g_assert_no_error (error);
  add_session (f, past, "09:30", "11:30", TRUE, "Choisir l'exemple du bloc 1");
  add_session (f, later, "14:00", "16:00", FALSE, "Relire l'exemple");
  add_session (f, next, "14:00", "16:30", FALSE, "Rédiger l'exemple du bloc 2");

  /* the convocation: to the next session planned, addressed to her, signed by the coach */
  convocation = practice_text (f, ACQ_PRACTICE_DOCUMENT_CONVOCATION, NULL);
  next_french = acq_text_french_date (next);
  number = g_strdup_printf ("Document n° CONV-%s-", next);
  g_assert_nonnull (strstr (convocation, "Convocation"));
  g_assert_nonnull (strstr (convocation, number));
  g_assert_nonnull (strstr (convocation, "Madame, Monsieur,"));
  g_assert_nonnull (strstr (convocation, "Hélène Dupont-Martin"));
  g_assert_nonnull (strstr (convocation, next_french));
  g_assert_nonnull (strstr (convocation, "de 14 h 00 à 16 h 30"));
  g_assert_nonnull (strstr (convocation, "Rédiger l'exemple du bloc 2"));
  g_assert_nonnull (strstr (convocation, "Claire Morel Accompagnement VAE"));
  g_assert_null (strstr (convocation, "Le ou la candidat·e"));
  /* printed again: the same number */
  again = practice_text (f, ACQ_PRACTICE_DOCUMENT_CONVOCATION, NULL);
  g_assert_cmpstr (again, ==, convocation);

  /* the attendance sheet of the session held, with both signatures */
  attendance = practice_text (f, ACQ_PRACTICE_DOCUMENT_ATTENDANCE, past);
  g_assert_nonnull (strstr (attendance, "Feuille de présence"));
  g_assert_nonnull (strstr (attendance, "de 9 h 30 à 11 h 30"));
  g_assert_nonnull (strstr (attendance, "en présentiel, Espace France Services, Figeac"));
  g_assert_nonnull (strstr (attendance, "Les soussigné·es attestent"));
  /* (two columns: a long name may wrap in its own) */
  g_assert_nonnull (strstr (attendance, "L'accompagnatrice, Claire Morel"));
  g_assert_nonnull (strstr (attendance, "Le ou la candidat·e, Hélène"));

  /* a day without a session */
  g_assert_false (acq_practice_document_write (f->store, ACQ_PRACTICE_DOCUMENT_ATTENDANCE,
                                               f->uuid, "2001-01-01", path, &error));
  g_assert_error (error, ACQ_PRACTICE_DOCUMENT_ERROR, ACQ_PRACTICE_DOCUMENT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/paperwork/profile/siret-has-a-luhn-key", test_siret_luhn);
  g_test_add_func ("/paperwork/profile/checks-say-what-is-wrong",
                   test_profile_checks_say_what_is_wrong);
  g_test_add_func ("/paperwork/profile/rate-in-euros", test_profile_rate);
  ADD ("/paperwork/profile/saved-as-typed", test_profile_saved_as_typed);
  ADD ("/paperwork/profile/signature-is-an-image-kept-by-its-hash", test_profile_signature);
  ADD ("/paperwork/documents/add-list-remove-undo", test_document_add_list_remove);
  ADD ("/paperwork/practice/convocation-and-attendance", test_practice_documents);
  ADD ("/paperwork/documents/attached-to-a-parcours-event", test_document_attached_to_event);
  ADD ("/paperwork/documents/refuses-a-fifo", test_document_refuses_fifo);
  ADD ("/paperwork/documents/refuses-a-file-too-big", test_document_refuses_too_big);
  ADD ("/paperwork/documents/refuses-a-wrong-type", test_document_refuses_wrong_type);
  ADD ("/paperwork/documents/added-on-a-worker", test_document_add_async);
  g_test_add_func ("/paperwork/migrate/from-v7", test_migrate_from_v7);
  return g_test_run ();
}

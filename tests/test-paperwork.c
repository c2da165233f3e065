/* test-paperwork.c — the coach's profile and a candidate's documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "acq-attachment.h"
#include "acq-attendance.h"
#include "acq-candidate-document.h"
#include "acq-coach-profile.h"
#include "acq-deadline.h"
#include "acq-parcours.h"
#include "acq-practice-document.h"
#include "acq-quote.h"
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

/* 13 -> 14: her profile keeps its rate and is under franchise en base, so that no price she
 * printed gains a VAT it did not have; no quote nor attendance record yet. */
static void
test_migrate_from_v13 (void)
{
  g_autofree char *dir = test_make_data_dir ();
  g_autofree char *path = g_build_filename (dir, ACQ_STORE_FILE_NAME, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqStore) store = NULL;
  g_autoptr (AcqCoachProfile) profile = NULL;
  g_autoptr (GPtrArray) quotes = NULL;
  g_autoptr (GHashTable) attendance = NULL;
  sqlite3 *db = _acq_store_open_db (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (_acq_store_migrate_db (db, 13, &error));
  g_assert_true (_acq_store_exec_db (
    db, "INSERT INTO candidate (uuid, created_at, updated_at, last_activity_at)"
        " VALUES ('k1', 'now', 'now', 'now');"
        "INSERT INTO coach_profile (id, name, hourly_rate_cents, updated_at)"
        " VALUES (1, 'Claire Morel', 7250, 'now')", &error));
  g_assert_no_error (error);
  sqlite3_close (db);

  store = acq_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acq_store_get_schema_version (store), >=, 14);
  profile = acq_coach_profile_load (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (profile->name, ==, "Claire Morel");
  g_assert_cmpuint (profile->hourly_rate_cents, ==, 7250);
  g_assert_cmpint (profile->vat_regime, ==, ACQ_VAT_FRANCHISE);
  quotes = acq_quote_list (store, "k1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quotes->len, ==, 0);
  attendance = acq_attendance_list (store, "k1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (attendance), ==, 0);
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
  /* no employer on a quote: no copy */
  g_assert_null (strstr (convocation, "Copie pour information"));

  /* her employer, named on her quote as the convention's third party, gets a copy that
   * names her */
  {
    g_autoptr (AcqQuote) quote = acq_quote_create (f->store, f->uuid, "2026-03-02", &error);
    g_autofree char *with_copy = NULL;
    const char *copy;

    g_assert_no_error (error);
    quote->funding = ACQ_QUOTE_FUNDING_EMPLOYER;
    g_free (quote->funder_name);
    quote->funder_name = g_strdup ("CCAS de Figeac");
    g_free (quote->funder_address);
    quote->funder_address = g_strdup ("Place Vival, 46100 Figeac");
    g_assert_true (acq_quote_save (f->store, quote, &error));
    g_assert_no_error (error);
    with_copy = practice_text (f, ACQ_PRACTICE_DOCUMENT_CONVOCATION, NULL);
    copy = strstr (with_copy, "Copie pour information");
    g_assert_nonnull (copy);
    /* the candidate's page first, as before, then the copy */
    g_assert_true (g_str_has_prefix (with_copy, convocation) ||
                   strstr (with_copy, "Madame, Monsieur,") < copy);
    g_assert_nonnull (strstr (copy, "Destinataire : CCAS de Figeac"));
    g_assert_nonnull (strstr (copy, "Place Vival, 46100 Figeac"));
    g_assert_nonnull (strstr (copy, "Hélène Dupont-Martin"));
    g_assert_nonnull (strstr (copy, "de 14 h 00 à 16 h 30"));
  }

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

/* Quote, convention, certificate ------------------------------------------------------------ */

static gint64
query_int (AcqStore *store, const char *sql)
{
  g_autofree char *text = test_query_text (store, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static void
test_vat_arithmetic (void)
{
  AcqPrice price;
  g_autofree char *euros = NULL;

  /* the offer: 24 h at 80 € TTC, subject to VAT: 1 600 HT + 320 TVA */
  acq_price_compute (24 * 60, 8000, ACQ_VAT_SUBJECT, &price);
  g_assert_cmpint (price.ttc_cents, ==, 192000);
  g_assert_cmpint (price.ht_cents, ==, 160000);
  g_assert_cmpint (price.vat_cents, ==, 32000);
  /* under franchise en base there is no VAT */
  acq_price_compute (24 * 60, 8000, ACQ_VAT_FRANCHISE, &price);
  g_assert_cmpint (price.ttc_cents, ==, 192000);
  g_assert_cmpint (price.ht_cents, ==, 192000);
  g_assert_cmpint (price.vat_cents, ==, 0);
  /* 1 h 30 at 75,55: 113,325 → 113,33 TTC; /1.2 = 94,441… → 94,44 HT; 18,89 TVA */
  acq_price_compute (90, 7555, ACQ_VAT_SUBJECT, &price);
  g_assert_cmpint (price.ttc_cents, ==, 11333);
  g_assert_cmpint (price.ht_cents, ==, 9444);
  g_assert_cmpint (price.vat_cents, ==, 1889);
  /* a half cent of HT rounds up: 0,03 TTC / 1.2 = 0,025 → 0,03 HT, 0,00 TVA */
  acq_price_compute (1, 180, ACQ_VAT_SUBJECT, &price);
  g_assert_cmpint (price.ttc_cents, ==, 3);
  g_assert_cmpint (price.ht_cents, ==, 3);
  g_assert_cmpint (price.vat_cents, ==, 0);
  /* 20 minutes at 80 €: 26,666… → 26,67 */
  acq_price_compute (20, 8000, ACQ_VAT_FRANCHISE, &price);
  g_assert_cmpint (price.ttc_cents, ==, 2667);

  euros = acq_price_format_euros (192000);
  g_assert_cmpstr (euros, ==, "1\u202F920,00\u00A0€");
  g_free (euros);
  euros = acq_price_format_euros (1234567);
  g_assert_cmpstr (euros, ==, "12\u202F345,67\u00A0€");
  g_free (euros);
  euros = acq_price_format_euros (5);
  g_assert_cmpstr (euros, ==, "0,05\u00A0€");
}

static void
test_vat_regime_saved (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCoachProfile) profile = acq_coach_profile_load (f->store, &error);
  g_autoptr (AcqCoachProfile) again = NULL;

  g_assert_no_error (error);
  /* the default leaves every rate what it was: no VAT added */
  g_assert_cmpint (profile->vat_regime, ==, ACQ_VAT_FRANCHISE);
  profile->vat_regime = ACQ_VAT_SUBJECT;
  g_assert_true (acq_coach_profile_save (f->store, profile, &error));
  g_assert_no_error (error);
  again = acq_coach_profile_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->vat_regime, ==, ACQ_VAT_SUBJECT);
}

static void
test_quote_numbering (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqQuote) first = NULL;
  g_autoptr (AcqQuote) second = NULL;
  g_autoptr (AcqQuote) next_year = NULL;
  g_autoptr (AcqQuote) latest = NULL;
  g_autoptr (GPtrArray) quotes = NULL;
  g_autofree char *number = NULL;
  g_autofree char *until = NULL;
  AcqCandidate *other;

  g_assert_true (acq_session_set_planned_minutes (f->store, f->uuid, 20 * 60, &error));
  g_assert_no_error (error);
  first = acq_quote_create (f->store, f->uuid, "2026-03-02", &error);
  g_assert_no_error (error);
  number = acq_quote_dup_number (first);
  g_assert_cmpstr (number, ==, "D-2026-0001");
  /* the defaults: the planned hours, the profile's rate, 30 days, the CPF */
  g_assert_cmpuint (first->minutes, ==, 20 * 60);
  g_assert_cmpuint (first->rate_cents, ==, ACQ_COACH_PROFILE_DEFAULT_RATE_CENTS);
  g_assert_cmpuint (first->validity_days, ==, 30);
  g_assert_cmpint (first->funding, ==, ACQ_QUOTE_FUNDING_CPF);
  until = acq_quote_dup_valid_until (first);
  g_assert_cmpstr (until, ==, "2026-04-01");

  /* numbered per year, across the candidates */
  other = acq_candidate_list_create (f->candidates, "Karim", "Benali", &error);
  g_assert_no_error (error);
  second = acq_quote_create (f->store, acq_candidate_get_uuid (other), "2026-11-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->year, ==, 2026);
  g_assert_cmpuint (second->sequence, ==, 2);
  next_year = acq_quote_create (f->store, f->uuid, "2027-01-04", &error);
  g_assert_no_error (error);
  g_clear_pointer (&number, g_free);
  number = acq_quote_dup_number (next_year);
  g_assert_cmpstr (number, ==, "D-2027-0001");

  quotes = acq_quote_list (f->store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (quotes->len, ==, 2);
  latest = acq_quote_load_latest (f->store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latest->uuid, ==, next_year->uuid);

  /* bad input gets a sentence, and nothing is written */
  g_assert_null (acq_quote_create (f->store, f->uuid, "2026-02-30", &error));
  g_assert_error (error, ACQ_QUOTE_ERROR, ACQ_QUOTE_ERROR_INVALID);
  g_clear_error (&error);
  first->validity_days = 0;
  g_assert_false (acq_quote_save (f->store, first, &error));
  g_assert_error (error, ACQ_QUOTE_ERROR, ACQ_QUOTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f->store, "SELECT count (*) FROM quote"), ==, 3);
}

static gboolean
has_start_deadline (Fixture *f, const char *today_iso, GDate *out_due)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) deadlines = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_parse (&today, today_iso);
  deadlines = acq_deadline_list_caseload (f->store, &today, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < deadlines->len; i++)
    {
      const AcqDeadline *deadline = g_ptr_array_index (deadlines, i);

      if (deadline->kind == ACQ_DEADLINE_START && g_strcmp0 (deadline->candidate_uuid,
                                                             f->uuid) == 0)
        {
          *out_due = deadline->due;
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_quote_accepted_starts_deadline (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqQuote) quote = acq_quote_create (f->store, f->uuid, "2026-03-02", &error);
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (AcqQuote) again = NULL;
  GDate due;

  g_assert_no_error (error);
  g_assert_false (has_start_deadline (f, "2026-03-05", &due));
  /* accepted before it was made: refused, nothing recorded */
  g_assert_false (acq_quote_mark_accepted (f->store, quote, "2026-03-01", &error));
  g_assert_error (error, ACQ_QUOTE_ERROR, ACQ_QUOTE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (quote->accepted_date);
  g_assert_cmpint (query_int (f->store, "SELECT count (*) FROM parcours_event"), ==, 0);

  g_assert_true (acq_quote_mark_sent (f->store, quote, "2026-03-03", &error));
  g_assert_no_error (error);
  g_assert_true (acq_quote_mark_accepted (f->store, quote, "2026-03-06", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (quote->accepted_date, ==, "2026-03-06");
  g_assert_nonnull (quote->accepted_event_uuid);

  /* the parcours holds the two events, the accepted one named in the quote */
  events = acq_parcours_list (f->store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpint (((AcqParcoursEvent *) events->pdata[0])->kind, ==, ACQ_PARCOURS_QUOTE_SENT);
  g_assert_cmpint (((AcqParcoursEvent *) events->pdata[1])->kind, ==,
                   ACQ_PARCOURS_QUOTE_ACCEPTED);
  g_assert_cmpstr (((AcqParcoursEvent *) events->pdata[1])->uuid, ==,
                   quote->accepted_event_uuid);
  g_assert_cmpstr (((AcqParcoursEvent *) events->pdata[1])->note, ==, "Devis D-2026-0001");

  /* the charte's 15 days, from the day it was accepted */
  g_assert_true (has_start_deadline (f, "2026-03-10", &due));
  g_assert_cmpint (g_date_get_day (&due), ==, 21);
  g_assert_cmpint (g_date_get_month (&due), ==, 3);

  /* accepted once */
  g_assert_false (acq_quote_mark_accepted (f->store, quote, "2026-03-07", &error));
  g_assert_error (error, ACQ_QUOTE_ERROR, ACQ_QUOTE_ERROR_INVALID);
  again = acq_quote_load_latest (f->store, f->uuid, NULL);
  g_assert_cmpstr (again->accepted_date, ==, "2026-03-06");
  g_assert_cmpstr (again->sent_date, ==, "2026-03-03");
}

static char *
write_text (Fixture *f, AcqPracticeDocument kind, const char *name)
{
  g_autofree char *path = g_build_filename (f->files, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (Pdf) doc = NULL;
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  char *text;

  g_assert_true (acq_practice_document_write (f->store, kind, f->uuid, NULL, path, &error));
  g_assert_no_error (error);
  if (qpdf != NULL)
    {
      const char *argv[] = { qpdf, "--check", path, NULL };
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                    NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }
  doc = open_pdf (path);
  text = document_text (doc);
  g_test_message ("%s: %s", name, text);
  return text;
}

static void
set_profile (Fixture *f, AcqVatRegime regime)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCoachProfile) profile = acq_coach_profile_new ();

  g_free (profile->name);
  profile->name = g_strdup ("Claire Morel");
  g_free (profile->organisation);
  profile->organisation = g_strdup ("Claire Morel Accompagnement VAE");
  g_free (profile->siret);
  profile->siret = g_strdup ("81234567800013");
  g_free (profile->nda);
  profile->nda = g_strdup ("76460123446");
  profile->vat_regime = regime;
  g_assert_true (acq_coach_profile_save (f->store, profile, &error));
  g_assert_no_error (error);
}

static void
test_quote_pdf (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->files, "none.pdf", NULL);
  g_autoptr (AcqQuote) quote = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *franchise = NULL;
  g_autofree char *convention = NULL;

  /* no quote yet: a sentence says what to do, no file */
  g_assert_false (acq_practice_document_write (f->store, ACQ_PRACTICE_DOCUMENT_QUOTE, f->uuid,
                                               NULL, path, &error));
  g_assert_error (error, ACQ_PRACTICE_DOCUMENT_ERROR, ACQ_PRACTICE_DOCUMENT_ERROR_NOTHING);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  set_profile (f, ACQ_VAT_SUBJECT);
  quote = acq_quote_create (f->store, f->uuid, "2026-03-02", &error);
  g_assert_no_error (error);
  quote->funding = ACQ_QUOTE_FUNDING_OPCO;
  g_assert_true (acq_quote_save (f->store, quote, &error));
  g_assert_no_error (error);
  subject = write_text (f, ACQ_PRACTICE_DOCUMENT_QUOTE, "devis.pdf");
  g_assert_nonnull (strstr (subject, "Devis n° D-2026-0001 — établi le 2 mars 2026"));
  g_assert_nonnull (strstr (subject, "Claire Morel Accompagnement VAE"));
  g_assert_nonnull (strstr (subject, "Hélène Dupont-Martin"));
  g_assert_nonnull (strstr (subject, "Entretien de faisabilité"));
  g_assert_nonnull (strstr (subject, "Soutenance blanche"));
  g_assert_nonnull (strstr (subject, "Entretien post-jury"));
  g_assert_nonnull (strstr (subject, "24 h"));
  g_assert_nonnull (strstr (subject, "80,00 €"));
  /* (the table's cells are read in columns) */
  g_assert_nonnull (strstr (subject, "Total HT"));
  g_assert_nonnull (strstr (subject, "1 600,00 €"));
  g_assert_nonnull (strstr (subject, "TVA à 20 %"));
  g_assert_nonnull (strstr (subject, "320,00 €"));
  g_assert_nonnull (strstr (subject, "Total TTC"));
  g_assert_nonnull (strstr (subject, "1 920,00 €"));
  g_assert_null (strstr (subject, "293 B"));
  g_assert_nonnull (strstr (subject, "Opérateur de compétences (OPCO)"));
  g_assert_nonnull (strstr (subject, "30 jours, soit jusqu'au 1er avril 2026"));
  g_assert_nonnull (strstr (subject, "Bon pour accord"));

  /* under franchise en base: the regime the quote was made with stays, a new one has the
   * mention and no VAT */
  set_profile (f, ACQ_VAT_FRANCHISE);
  g_clear_pointer (&quote, acq_quote_free);
  quote = acq_quote_create (f->store, f->uuid, "2026-03-09", &error);
  g_assert_no_error (error);
  g_free (quote->funder_name);
  quote->funder_name = g_strdup ("Association Le Relais");
  quote->funding = ACQ_QUOTE_FUNDING_EMPLOYER;
  g_assert_true (acq_quote_save (f->store, quote, &error));
  g_assert_no_error (error);
  franchise = write_text (f, ACQ_PRACTICE_DOCUMENT_QUOTE, "devis-293b.pdf");
  g_assert_nonnull (strstr (franchise, "D-2026-0002"));
  g_assert_nonnull (strstr (franchise, "Total net à payer"));
  g_assert_nonnull (strstr (franchise, "1 920,00 €"));
  g_assert_nonnull (strstr (franchise, "TVA non applicable, art. 293 B du CGI"));
  g_assert_null (strstr (franchise, "Total HT"));

  /* the convention: objectives, planned sessions, price, the funder's party */
  add_session (f, "2026-03-16", "14:00", "16:00", FALSE, "Choisir les exemples");
  convention = write_text (f, ACQ_PRACTICE_DOCUMENT_CONVENTION, "convention.pdf");
  g_assert_nonnull (strstr (convention, "Convention de formation"));
  g_assert_nonnull (strstr (convention, "selon le devis n° D-2026-0002"));
  g_assert_nonnull (strstr (convention, "Préparer l'entretien oral devant le jury."));
  g_assert_nonnull (strstr (convention, "Séance du 16 mars 2026, de 14 h 00 à 16 h 00 (2 h)"));
  g_assert_nonnull (strstr (convention, "24 h à 80,00 € de l'heure, soit 1 920,00 €"));
  g_assert_nonnull (strstr (convention, "Employeur ou financeur"));
  g_assert_nonnull (strstr (convention, "L'employeur ou le financeur, Association Le Relais"));
  g_assert_nonnull (strstr (convention, "Le ou la candidat·e, Hélène"));
}

static void
test_certificate_refused_then_made (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->files, "certificat.pdf", NULL);
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (AcqAttendance) attendance = NULL;
  g_autofree char *text = NULL;

  /* nothing held */
  g_assert_false (acq_practice_document_write (f->store, ACQ_PRACTICE_DOCUMENT_CERTIFICATE,
                                               f->uuid, NULL, path, &error));
  g_assert_error (error, ACQ_PRACTICE_DOCUMENT_ERROR, ACQ_PRACTICE_DOCUMENT_ERROR_NOTHING);
  g_clear_error (&error);

  set_profile (f, ACQ_VAT_FRANCHISE);
  add_session (f, "2026-03-16", "14:00", "16:00", TRUE, "Choisir les exemples");
  add_session (f, "2026-03-23", "09:30", "12:00", TRUE, "Rédiger le premier exemple");
  add_session (f, "2026-04-20", "09:30", "11:00", FALSE, "Relire");
  sessions = acq_session_list (f->store, f->uuid, &error);
  g_assert_no_error (error);

  /* two held sessions without attendance: refused, both named, no file */
  g_assert_false (acq_practice_document_write (f->store, ACQ_PRACTICE_DOCUMENT_CERTIFICATE,
                                               f->uuid, NULL, path, &error));
  g_assert_error (error, ACQ_PRACTICE_DOCUMENT_ERROR, ACQ_PRACTICE_DOCUMENT_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "16/03/2026 (14:00–16:00) and 23/03/2026"));
  g_assert_nonnull (strstr (error->message, "have no attendance record"));
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* one recorded: the other is still named, alone */
  g_assert_true (acq_attendance_record (f->store, ((AcqSession *) sessions->pdata[0])->uuid,
                                        TRUE, NULL, &error));
  g_assert_no_error (error);
  missing = acq_attendance_missing (f->store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_false (acq_practice_document_write (f->store, ACQ_PRACTICE_DOCUMENT_CERTIFICATE,
                                               f->uuid, NULL, path, &error));
  g_assert_error (error, ACQ_PRACTICE_DOCUMENT_ERROR, ACQ_PRACTICE_DOCUMENT_ERROR_REFUSED);
  g_assert_nonnull (strstr (error->message, "the session held on 23/03/2026 (09:30–12:00) "
                                            "has no attendance record"));
  g_assert_null (strstr (error->message, "16/03/2026"));
  g_clear_error (&error);

  /* all recorded (one not signed): the hours held, not the planned one */
  g_assert_true (acq_attendance_record (f->store, ((AcqSession *) sessions->pdata[1])->uuid,
                                        FALSE, NULL, &error));
  g_assert_no_error (error);
  attendance = acq_attendance_load (f->store, ((AcqSession *) sessions->pdata[1])->uuid, &error);
  g_assert_no_error (error);
  g_assert_false (attendance->is_signed);
  text = write_text (f, ACQ_PRACTICE_DOCUMENT_CERTIFICATE, "certificat.pdf");
  g_assert_nonnull (strstr (text, "Certificat de réalisation"));
  g_assert_nonnull (strstr (text, "Je soussignée, Claire Morel"));
  g_assert_nonnull (strstr (text, "du 16 mars 2026 au 23 mars 2026"));
  g_assert_nonnull (strstr (text, "durée réalisée de 4 h 30"));
  g_assert_nonnull (strstr (text, "feuille signée"));
  g_assert_nonnull (strstr (text, "feuille non signée"));
  g_assert_nonnull (strstr (text, "Total des heures réalisées"));
  g_assert_null (strstr (text, "20 avril"));

  /* a session gone: its record can no longer be written */
  g_assert_false (acq_attendance_record (f->store, "no-such-session", TRUE, NULL, &error));
  g_assert_error (error, ACQ_SESSION_ERROR, ACQ_SESSION_ERROR_NOT_FOUND);
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
  g_test_add_func ("/paperwork/migrate/from-v13", test_migrate_from_v13);
  g_test_add_func ("/paperwork/price/vat-to-the-cent-and-293-b", test_vat_arithmetic);
  ADD ("/paperwork/profile/vat-regime-saved", test_vat_regime_saved);
  ADD ("/paperwork/quote/numbered-per-year", test_quote_numbering);
  ADD ("/paperwork/quote/accepted-starts-the-15-day-deadline",
       test_quote_accepted_starts_deadline);
  ADD ("/paperwork/quote/pdf-devis-and-convention", test_quote_pdf);
  ADD ("/paperwork/certificate/refused-while-an-attendance-is-missing",
       test_certificate_refused_then_made);
  return g_test_run ();
}

/* test-merge.c — the merge of exchange files between a candidate and the accompagnatrice:
 * round trips, conflicts, deletions, roles, first contact both ways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "acq-candidate-dispense.h"
#include "acq-candidate-title.h"

#include <string.h>

#include "acq-jury.h"
#include "acq-jury-questions.h"
#include "acq-attachment.h"
#include "acq-candidate-document.h"
#include "acq-coach-profile.h"
#include "acq-complaint.h"
#include "acq-parcours.h"
#include "acq-satisfaction.h"
#include "acq-attendance.h"
#include "acq-people.h"
#include "acq-quote.h"
#include "acq-reading-style.h"
#include "acq-session.h"
#include "test-package-fixture.h"

typedef struct
{
  Side  candidate;
  Side  coach;
  char *uuid;
  char *sheet; /* the first sheet, known to both sides after set-up */
} Fixture;

/* The candidate started alone, wrote a sheet and sent it: the coach has it now. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (AcqImportReport) report = NULL;
  g_autofree char *file = NULL;

  sides_set_up (&f->candidate, &f->coach, "Accueil", "J'accueille.", &f->uuid, &f->sheet);
  file = side_export (&f->candidate, f->uuid);
  report = side_import (&f->coach, file);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_NEW_CANDIDATE), ==, 1);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  side_clear (&f->candidate);
  side_clear (&f->coach);
  g_free (f->uuid);
  g_free (f->sheet);
}

/* Exports from @from and imports into @to. */
static AcqImportReport *
send (Fixture *f, Side *from, Side *to)
{
  g_autofree char *file = side_export (from, f->uuid);
  return side_import (to, file);
}

static void
set_rubric (Side *side, Fixture *f, const char *sheet, AcqRubric rubric, const char *text)
{
  g_autoptr (AcqSheetList) list = side_sheets (side, f->uuid);
  side_set_rubric (side, list, sheet, rubric, text);
}

static void
assert_rubric (Side *side, const char *sheet, const char *column, const char *expected)
{
  g_autofree char *text = sheet_rubric (side, sheet, column);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_round_trips_both_ways (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqComment) comment = acq_comment_new (f->sheet, ACQ_RUBRIC_TASKS, ACQ_ROLE_COACH,
                                                    "Précisez le public.");
  g_autoptr (AcqImportReport) r1 = NULL;
  g_autoptr (AcqImportReport) r2 = NULL;
  g_autoptr (AcqImportReport) r3 = NULL;
  g_autoptr (AcqImportReport) r4 = NULL;
  g_autoptr (GPtrArray) comments = NULL;
  g_autofree char *state = NULL;

  /* coach → candidate: a comment. */
  g_assert_true (acq_comment_insert (f->coach.store, comment, &error));
  g_assert_no_error (error);
  r1 = send (f, &f->coach, &f->candidate);
  g_assert_cmpuint (report_count (r1, ACQ_IMPORT_NEW_COMMENT), ==, 1);
  comments = acq_comment_list (f->candidate.store, f->sheet, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 1);

  /* candidate → coach: the rubric rewritten, a review asked. */
  {
    g_autoptr (AcqSheetList) list = side_sheets (&f->candidate, f->uuid);
    side_set_rubric (&f->candidate, list, f->sheet, ACQ_RUBRIC_TASKS, "J'accueille des jeunes.");
    g_assert_true (acq_review_request (list, acq_sheet_list_find (list, f->sheet),
                                       ACQ_ROLE_CANDIDATE, &error));
    g_assert_no_error (error);
  }
  r2 = send (f, &f->candidate, &f->coach);
  g_assert_cmpuint (report_count (r2, ACQ_IMPORT_CHANGED_RUBRIC), ==, 1);
  g_assert_cmpuint (report_count (r2, ACQ_IMPORT_CHANGED_SHEET), ==, 1);
  g_assert_cmpuint (report_count (r2, ACQ_IMPORT_IGNORED), ==, 0);
  assert_rubric (&f->coach, f->sheet, "tasks", "J'accueille des jeunes.");
  assert_rubric (&f->coach, f->sheet, "review_state", "1");

  /* coach → candidate: validated. */
  {
    g_autoptr (AcqSheetList) list = side_sheets (&f->coach, f->uuid);
    g_assert_true (acq_review_decide (list, acq_sheet_list_find (list, f->sheet), ACQ_ROLE_COACH,
                                      ACQ_REVIEW_STATE_VALIDATED, &error));
    g_assert_no_error (error);
  }
  r3 = send (f, &f->coach, &f->candidate);
  g_assert_cmpuint (report_count (r3, ACQ_IMPORT_IGNORED), ==, 0);
  assert_rubric (&f->candidate, f->sheet, "review_state", "3");
  state = side_query (&f->candidate, "SELECT count(*) FROM sheet_version WHERE kind = 2");
  g_assert_cmpstr (state, ==, "1");

  /* Nothing changed since: a file back brings nothing. */
  r4 = send (f, &f->candidate, &f->coach);
  g_assert_cmpuint (acq_import_report_get_n_items (r4), ==, 0);
}

static void
test_different_rubrics_merge_silently (Fixture *f, gconstpointer data)
{
  g_autofree char *from_candidate = NULL;
  g_autoptr (AcqImportReport) r1 = NULL;
  g_autoptr (AcqImportReport) r2 = NULL;

  set_rubric (&f->candidate, f, f->sheet, ACQ_RUBRIC_MEANS, "Un ordinateur.");
  set_rubric (&f->coach, f, f->sheet, ACQ_RUBRIC_CONTEXT, "Une mission locale.");
  from_candidate = side_export (&f->candidate, f->uuid);
  r1 = send (f, &f->coach, &f->candidate);
  r2 = side_import (&f->coach, from_candidate);
  g_assert_cmpuint (acq_import_report_get_n_conflicts (r1), ==, 0);
  g_assert_cmpuint (acq_import_report_get_n_conflicts (r2), ==, 0);
  for (Side *side = &f->candidate; side != NULL; side = side == &f->candidate ? &f->coach : NULL)
    {
      assert_rubric (side, f->sheet, "means", "Un ordinateur.");
      assert_rubric (side, f->sheet, "context", "Une mission locale.");
    }
}

static void
test_same_rubric_is_a_conflict_until_resolved (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *from_candidate = NULL;
  g_autoptr (AcqImportReport) r1 = NULL;
  g_autoptr (AcqImportReport) r2 = NULL;
  g_autoptr (AcqImportReport) r3 = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) left = NULL;
  AcqConflict *conflict;

  set_rubric (&f->candidate, f, f->sheet, ACQ_RUBRIC_TASKS, "Version de la candidate.");
  set_rubric (&f->coach, f, f->sheet, ACQ_RUBRIC_TASKS, "Version de l'accompagnatrice.");
  from_candidate = side_export (&f->candidate, f->uuid);
  r1 = send (f, &f->coach, &f->candidate);
  r2 = side_import (&f->coach, from_candidate);
  g_assert_cmpuint (acq_import_report_get_n_conflicts (r1), ==, 1);
  g_assert_cmpuint (acq_import_report_get_n_conflicts (r2), ==, 1);
  /* Each side keeps its text, and the other's beside it. */
  assert_rubric (&f->coach, f->sheet, "tasks", "Version de l'accompagnatrice.");
  conflicts = acq_conflict_list (f->coach.store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (conflict->rubric, ==, ACQ_RUBRIC_TASKS);
  g_assert_cmpstr (conflict->sheet_uuid, ==, f->sheet);
  g_assert_cmpstr (conflict->sheet_title, ==, "Accueil");
  g_assert_cmpstr (conflict->mine, ==, "Version de l'accompagnatrice.");
  g_assert_cmpstr (conflict->theirs, ==, "Version de la candidate.");
  /* with no candidate named: every candidate's, here the same one */
  all = acq_conflict_list (f->coach.store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpstr (((AcqConflict *) g_ptr_array_index (all, 0))->uuid, ==, conflict->uuid);

  /* The coach chooses; the candidate, still in conflict, takes the choice. */
  g_assert_true (acq_conflict_resolve (f->coach.store, conflict->uuid, "Version commune.", &error));
  g_assert_no_error (error);
  left = acq_conflict_list (f->coach.store, f->uuid, &error);
  g_assert_cmpuint (left->len, ==, 0);
  r3 = send (f, &f->coach, &f->candidate);
  g_assert_cmpuint (acq_import_report_get_n_conflicts (r3), ==, 0);
  assert_rubric (&f->candidate, f->sheet, "tasks", "Version commune.");
  g_clear_pointer (&left, g_ptr_array_unref);
  left = acq_conflict_list (f->candidate.store, f->uuid, &error);
  g_assert_cmpuint (left->len, ==, 0);
}

static void
test_same_text_on_both_sides_is_no_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr (AcqImportReport) report = NULL;

  set_rubric (&f->candidate, f, f->sheet, ACQ_RUBRIC_MEANS, "Le même texte.");
  set_rubric (&f->coach, f, f->sheet, ACQ_RUBRIC_MEANS, "Le même texte.");
  report = send (f, &f->candidate, &f->coach);
  g_assert_cmpuint (acq_import_report_get_n_items (report), ==, 0);
}

static void
test_other_fields_changed_on_both_sides (Fixture *f, gconstpointer data)
{
  g_autofree char *from_candidate = NULL;
  g_autoptr (AcqImportReport) r1 = NULL;
  g_autoptr (AcqImportReport) r2 = NULL;
  g_autoptr (AcqImportReport) r3 = NULL;
  g_autofree char *title_here = NULL;
  g_autofree char *title_there = NULL;

  side_exec (&f->candidate, "UPDATE sheet SET title = 'Titre candidate'");
  side_exec (&f->coach, "UPDATE sheet SET title = 'Titre accompagnatrice'");
  from_candidate = side_export (&f->candidate, f->uuid);
  r1 = side_import (&f->coach, from_candidate);
  /* Not a text to show side by side: the importer's stays, and the next file settles it. */
  g_assert_cmpuint (report_count (r1, ACQ_IMPORT_OTHER), ==, 1);
  r2 = send (f, &f->coach, &f->candidate);
  r3 = send (f, &f->candidate, &f->coach);
  title_here = side_query (&f->candidate, "SELECT title FROM sheet");
  title_there = side_query (&f->coach, "SELECT title FROM sheet");
  g_assert_cmpstr (title_here, ==, "Titre accompagnatrice");
  g_assert_cmpstr (title_there, ==, "Titre accompagnatrice");
}

static void
test_deleted_here_edited_there_is_kept (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqImportReport) report = NULL;
  g_autofree char *count = NULL;

  /* The candidate erases the sheet for good; the coach had edited it meanwhile. */
  {
    g_autoptr (AcqSheetList) list = side_sheets (&f->candidate, f->uuid);
    AcqSheet *sheet = g_object_ref (acq_sheet_list_find (list, f->sheet));
    g_assert_true (acq_sheet_list_delete (list, sheet, &error));
    g_assert_true (acq_sheet_list_purge (list, sheet, &error));
    g_assert_no_error (error);
    g_object_unref (sheet);
  }
  set_rubric (&f->coach, f, f->sheet, ACQ_RUBRIC_MEANS, "Ajouté par l'accompagnatrice.");
  report = send (f, &f->coach, &f->candidate);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_KEPT_DELETED), ==, 1);
  assert_rubric (&f->candidate, f->sheet, "means", "Ajouté par l'accompagnatrice.");
  count = side_query (&f->candidate, "SELECT count(*) FROM sheet WHERE deleted_at IS NULL");
  g_assert_cmpstr (count, ==, "1");
}

static void
test_deleted_there_edited_here_is_kept (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqImportReport) report = NULL;
  g_autofree char *deleted = NULL;

  set_rubric (&f->coach, f, f->sheet, ACQ_RUBRIC_MEANS, "Édité ici.");
  {
    g_autoptr (AcqSheetList) list = side_sheets (&f->candidate, f->uuid);
    g_assert_true (acq_sheet_list_delete (list, acq_sheet_list_find (list, f->sheet), &error));
    g_assert_no_error (error);
  }
  report = send (f, &f->candidate, &f->coach);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_KEPT_DELETED), ==, 1);
  deleted = side_query (&f->coach, "SELECT deleted_at IS NULL FROM sheet");
  g_assert_cmpstr (deleted, ==, "1");
}

static void
test_deletion_travels (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqImportReport) report = NULL;
  g_autofree char *deleted = NULL;
  g_autoptr (AcqImportReport) again = NULL;

  {
    g_autoptr (AcqSheetList) list = side_sheets (&f->candidate, f->uuid);
    g_assert_true (acq_sheet_list_delete (list, acq_sheet_list_find (list, f->sheet), &error));
    g_assert_no_error (error);
  }
  report = send (f, &f->candidate, &f->coach);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_OTHER), ==, 1);
  deleted = side_query (&f->coach, "SELECT deleted_at IS NOT NULL FROM sheet");
  g_assert_cmpstr (deleted, ==, "1");
  /* The coach's next file does not bring it back. */
  again = send (f, &f->coach, &f->candidate);
  g_assert_cmpuint (acq_import_report_get_n_items (again), ==, 0);
}

static void
test_candidate_cannot_act_for_the_coach (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqComment) comment = acq_comment_new (f->sheet, ACQ_RUBRIC_TASKS, ACQ_ROLE_COACH,
                                                    "Bien.");
  g_autoptr (AcqImportReport) r1 = NULL;
  g_autoptr (AcqImportReport) report = NULL;
  g_autofree char *before = NULL;
  g_autofree char *state = NULL;
  g_autofree char *body = NULL;
  g_autofree char *funding = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (acq_comment_insert (f->coach.store, comment, &error));
  r1 = send (f, &f->coach, &f->candidate);
  /* A candidate's file that validates, rewrites the coach's comment, forges a comment of hers,
   * and sets the funding: all refused, each listed. */
  side_exec (&f->candidate, "UPDATE sheet SET review_state = 3");
  side_exec (&f->candidate, "UPDATE comment SET body = 'Parfait, validé.' WHERE author_role = 1");
  side_exec (&f->candidate, "UPDATE candidate SET funding = 3");
  sql = g_strdup_printf ("INSERT INTO comment (uuid, sheet_uuid, rubric, author_role, body,"
                         " created_at, updated_at) VALUES ('1c7a8f5e-2d3b-4c1a-9e8f-7d6c5b4a3f2e',"
                         " '%s', 0, 1, 'Validé par moi.', 'x', 'x')", f->sheet);
  side_exec (&f->candidate, sql);
  before = side_query (&f->coach, "SELECT review_state FROM sheet");
  report = send (f, &f->candidate, &f->coach);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_IGNORED), ==, 4);
  state = side_query (&f->coach, "SELECT review_state FROM sheet");
  g_assert_cmpstr (state, ==, before);
  body = side_query (&f->coach, "SELECT body FROM comment WHERE author_role = 1");
  g_assert_cmpstr (body, ==, "Bien.");
  funding = side_query (&f->coach, "SELECT funding FROM candidate");
  g_assert_cmpstr (funding, ==, "0");
  forged = side_query (&f->coach, "SELECT count(*) FROM comment");
  g_assert_cmpstr (forged, ==, "1");
}

static void
test_candidate_may_resolve_and_reply (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqComment) comment = acq_comment_new (f->sheet, ACQ_RUBRIC_TASKS, ACQ_ROLE_COACH,
                                                    "Précisez.");
  g_autoptr (AcqImportReport) r1 = NULL;
  g_autoptr (AcqImportReport) r2 = NULL;
  g_autoptr (GPtrArray) comments = NULL;
  g_autoptr (AcqComment) reply = NULL;
  g_autofree char *count = NULL;
  g_autofree char *resolved = NULL;

  g_assert_true (acq_comment_insert (f->coach.store, comment, &error));
  r1 = send (f, &f->coach, &f->candidate);
  comments = acq_comment_list (f->candidate.store, f->sheet, &error);
  reply = acq_comment_reply (f->candidate.store, g_ptr_array_index (comments, 0),
                             ACQ_ROLE_CANDIDATE, "C'est fait.", &error);
  g_assert_no_error (error);
  g_assert_true (acq_comment_set_resolved (f->candidate.store, g_ptr_array_index (comments, 0),
                                           TRUE, &error));
  r2 = send (f, &f->candidate, &f->coach);
  g_assert_cmpuint (report_count (r2, ACQ_IMPORT_NEW_COMMENT), ==, 1);
  g_assert_cmpuint (report_count (r2, ACQ_IMPORT_IGNORED), ==, 0);
  count = side_query (&f->coach, "SELECT count(*) FROM comment");
  g_assert_cmpstr (count, ==, "2");
  resolved = side_query (&f->coach, "SELECT resolved FROM comment WHERE parent_uuid IS NULL");
  g_assert_cmpstr (resolved, ==, "1");
}

/* The coach prepares a dossier (profile, targeted blocs, a first sheet) for a new candidate. */
static void
test_first_contact_from_the_coach (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Side fresh = { 0 };
  AcqCandidate *prepared;
  const char *blocs[] = { NULL, NULL };
  g_autoptr (AcqSheetList) list = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr (AcqImportReport) report = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *targeted = NULL;

  prepared = acq_candidate_list_create (f->coach.candidates, "Karim", "Benali", &error);
  g_assert_no_error (error);
  blocs[0] = ((AcqBlocDef *) g_ptr_array_index (f->coach.fiche->blocs, 1))->uuid;
  acq_candidate_set_targeted_blocs (prepared, blocs);
  g_assert_true (acq_candidate_list_save (f->coach.candidates, prepared, &error));
  g_assert_no_error (error);
  list = acq_sheet_list_new (f->coach.store, prepared, &error);
  side_add_sheet (&f->coach, list, "Premier exemple", "À compléter.");
  path = g_build_filename (f->coach.dir, "new.acquis", NULL);
  g_assert_true (acq_package_export (f->coach.store, acq_candidate_get_uuid (prepared),
                                     ACQ_ROLE_COACH, PASSPHRASE, path, NULL, &error));
  g_assert_no_error (error);

  side_init (&fresh, ACQ_ROLE_CANDIDATE);
  report = side_import (&fresh, path);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_NEW_CANDIDATE), ==, 1);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_NEW_SHEET), ==, 1);
  sql = g_strdup_printf ("SELECT bloc_uuid FROM candidate_bloc WHERE candidate_uuid = '%s'",
                         acq_candidate_get_uuid (prepared));
  targeted = side_query (&fresh, sql);
  g_assert_cmpstr (targeted, ==, blocs[0]);
  side_clear (&fresh);
  (void) file;
}

/* The same in a long exchange: candidate → coach → candidate → coach, edits each time. */
static void
test_long_exchange_converges (Fixture *f, gconstpointer data)
{
  g_autofree char *digest_here = NULL;
  g_autofree char *digest_there = NULL;

  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *text = g_strdup_printf ("Tour %u.", round);
      Side *from = round % 2 ? &f->coach : &f->candidate;
      Side *to = round % 2 ? &f->candidate : &f->coach;
      g_autoptr (AcqImportReport) report = NULL;
      g_autoptr (AcqSheetList) list = side_sheets (from, f->uuid);

      side_set_rubric (from, list, f->sheet, round % ACQ_N_RUBRICS, text);
      side_add_sheet (from, list, text, text);
      report = send (f, from, to);
      g_assert_cmpuint (report_count (report, ACQ_IMPORT_NEW_SHEET), ==, 1);
      g_assert_cmpuint (report_count (report, ACQ_IMPORT_CHANGED_RUBRIC), ==, 1);
      g_assert_cmpuint (acq_import_report_get_n_conflicts (report), ==, 0);
    }
  digest_here = side_query (&f->candidate, "SELECT group_concat (tasks || means || partners ||"
                                           " context || additional || title, '|') FROM"
                                           " (SELECT * FROM sheet ORDER BY uuid)");
  digest_there = side_query (&f->coach, "SELECT group_concat (tasks || means || partners ||"
                                        " context || additional || title, '|') FROM"
                                        " (SELECT * FROM sheet ORDER BY uuid)");
  g_assert_cmpstr (digest_here, ==, digest_there);
}

static gboolean
report_mentions (AcqImportReport *report, const char *text)
{
  for (guint i = 0; i < acq_import_report_get_n_items (report); i++)
    if (strstr (acq_import_report_get_item (report, i)->description, text) != NULL)
      return TRUE;
  return FALSE;
}

/* An export of one fiche, with one bloc of the competences @list ("- A\n- B"), written
 * inline; @date is its DATE_DE_PUBLICATION, or NULL. */
static char *
fiche_xml (const char *number, const char *title, const char *bloc_title, const char *list,
           const char *date)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><FICHES>"
                          "<VERSION_FLUX>4.1</VERSION_FLUX><FICHE><NUMERO_FICHE>%s"
                          "</NUMERO_FICHE><INTITULE>%s</INTITULE><ACTIF>Oui</ACTIF>%s%s%s"
                          "<BLOCS_COMPETENCES><BLOC_COMPETENCES><CODE>%sBC01</CODE><LIBELLE>%s"
                          "</LIBELLE><LISTE_COMPETENCES>%s</LISTE_COMPETENCES>"
                          "</BLOC_COMPETENCES></BLOCS_COMPETENCES></FICHE></FICHES>",
                          number, title, date != NULL ? "<DATE_DE_PUBLICATION>" : "",
                          date != NULL ? date : "", date != NULL ? "</DATE_DE_PUBLICATION>" : "",
                          number, bloc_title, list);
}

static AcqFiche *
side_import_fiche (Side *side, const char *number, const char *title, const char *bloc_title,
                   const char *list, const char *date)
{
  g_autofree char *xml = fiche_xml (number, title, bloc_title, list, date);

  return test_import_fiche (side->store, xml, number);
}

/* A candidate's file carries the sender's whole referential: only the candidate's own
 * certification, its blocs and competences come in, and the report says so. */
static void
test_referential_only_the_candidates_own (Fixture *f, gconstpointer data)
{
  g_autoptr (AcqImportReport) report = NULL;
  g_autoptr (AcqFiche) extra_fiche = side_import_fiche (&f->candidate, "RNCP99991",
                                                        "Certification en trop", "Bloc en trop",
                                                        "- Compétence en trop", NULL);
  g_autoptr (AcqFiche) own_fiche = side_import_fiche (&f->candidate, "RNCP99992",
                                                      "Certification visée", "Bloc visé",
                                                      "- Compétence visée", NULL);
  g_autofree char *sql = g_strdup_printf ("UPDATE candidate SET certification_uuid = '%s'"
                                          " WHERE uuid = '%s';", own_fiche->uuid, f->uuid);
  g_autofree char *extra = NULL;
  g_autofree char *extra_blocs = NULL;
  g_autofree char *own = NULL;
  g_autofree char *own_competences = NULL;
  g_autofree char *chosen = NULL;

  side_exec (&f->candidate, sql);
  report = send (f, &f->candidate, &f->coach);
  extra = side_query (&f->coach, "SELECT count (*) FROM certification WHERE rncp = 'RNCP99991'");
  extra_blocs = side_query (&f->coach, "SELECT count (*) FROM bloc WHERE code = 'RNCP99991BC01'"
                            " OR uuid IN (SELECT bloc_uuid FROM competence WHERE label ="
                            " 'Compétence en trop')");
  own = side_query (&f->coach, "SELECT count (*) FROM certification WHERE rncp = 'RNCP99992'");
  own_competences = side_query (&f->coach, "SELECT count (*) FROM competence WHERE label ="
                                " 'Compétence visée'");
  chosen = side_query (&f->coach, "SELECT title FROM certification WHERE uuid = (SELECT "
                       "certification_uuid FROM candidate)");
  g_assert_cmpstr (extra, ==, "0");
  g_assert_cmpstr (extra_blocs, ==, "0");
  g_assert_cmpstr (own, ==, "1");
  g_assert_cmpstr (own_competences, ==, "1");
  g_assert_cmpstr (chosen, ==, "Certification visée");
  g_assert_true (report_mentions (report, "Certification visée"));
  g_assert_false (report_mentions (report, "Certification en trop"));
  g_assert_true (report_mentions (report, "1 bloc "));
  g_assert_true (report_mentions (report, "1 competence "));
}

static void
choose_fiche (Fixture *f, Side *side, const AcqFiche *fiche)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE candidate SET certification_uuid = '%s'"
                                          " WHERE uuid = '%s';", fiche->uuid, f->uuid);
  side_exec (side, sql);
}

/* The version of the candidate's certification that the importer holds stays when it is the
 * newer one. */
static void
test_referential_newer_here_is_kept (Fixture *f, gconstpointer data)
{
  g_autoptr (AcqImportReport) report = NULL;
  g_autoptr (AcqFiche) mine = side_import_fiche (&f->coach, "RNCP99993", "Certification",
                                                 "Bloc", "- Compétence récente", "01/02/2025");
  g_autoptr (AcqFiche) theirs = side_import_fiche (&f->candidate, "RNCP99993", "Certification",
                                                   "Bloc", "- Compétence ancienne",
                                                   "01/02/2024");
  g_autofree char *label = NULL;
  g_autofree char *version = NULL;

  choose_fiche (f, &f->candidate, theirs);
  report = send (f, &f->candidate, &f->coach);
  label = side_query (&f->coach, "SELECT group_concat (label) FROM competence c JOIN bloc b ON"
                                 " b.uuid = c.bloc_uuid WHERE b.code = 'RNCP99993BC01'");
  version = side_query (&f->coach, "SELECT version_date FROM certification WHERE rncp ="
                                   " 'RNCP99993'");
  g_assert_cmpstr (label, ==, "Compétence récente");
  g_assert_cmpstr (version, ==, "2025-02-01");
  g_assert_false (report_mentions (report, "Certification"));
}

static AcqCandidateDocument *side_add_document (Side *side, const char *uuid,
                                                AcqCandidateDocumentKind kind, const char *name,
                                                guint8 variant);

/* Her titles and diplomas travel with her: added, changed and deleted on her side, the same
 * on her accompagnatrice's. */
static void
test_candidate_titles_travel (Fixture *f, gconstpointer data)
{
  g_autoptr (AcqImportReport) first = NULL;
  g_autoptr (AcqImportReport) second = NULL;
  g_autoptr (AcqImportReport) third = NULL;
  g_autoptr (AcqCandidateTitle) title = NULL;
  g_autoptr (AcqCandidateDocument) proof = NULL;
  g_autoptr (GPtrArray) there = NULL;
  g_autoptr (GPtrArray) changed = NULL;
  g_autoptr (GPtrArray) deleted = NULL;
  g_autoptr (GError) error = NULL;
  const AcqCandidateTitle *read;

  title = acq_candidate_title_add (f->candidate.store, f->uuid, "CAP Petite enfance",
                                   "Rectorat de Toulouse", "2003-06-20", &error);
  g_assert_no_error (error);
  /* with its proof, a document of hers that travels with it */
  proof = side_add_document (&f->candidate, f->uuid, ACQ_CANDIDATE_DOCUMENT_OTHER, "cap.png", 4);
  title->document_uuid = g_strdup (proof->uuid);
  g_assert_true (acq_candidate_title_save (f->candidate.store, title, &error));
  g_assert_no_error (error);
  first = send (f, &f->candidate, &f->coach);
  there = acq_candidate_title_list (f->coach.store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (there->len, ==, 1);
  read = g_ptr_array_index (there, 0);
  g_assert_cmpstr (read->uuid, ==, title->uuid);
  g_assert_cmpstr (read->title, ==, "CAP Petite enfance");
  g_assert_cmpstr (read->organisation, ==, "Rectorat de Toulouse");
  g_assert_cmpstr (read->date, ==, "2003-06-20");
  g_assert_cmpstr (read->document_uuid, ==, proof->uuid);

  g_free (title->date);
  title->date = g_strdup ("2003-07-01");
  g_assert_true (acq_candidate_title_save (f->candidate.store, title, &error));
  g_assert_no_error (error);
  second = send (f, &f->candidate, &f->coach);
  changed = acq_candidate_title_list (f->coach.store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpstr (((AcqCandidateTitle *) g_ptr_array_index (changed, 0))->date, ==,
                   "2003-07-01");

  g_assert_true (acq_candidate_title_delete (f->candidate.store, title->uuid, &error));
  g_assert_no_error (error);
  third = send (f, &f->candidate, &f->coach);
  deleted = acq_candidate_title_list (f->coach.store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, 0);
}

/* The certification's kind (its ABREGE, which makes the DP say "Activité-type") comes in with
 * the fiche the other side did not have. */
static void
test_referential_kind_travels (Fixture *f, gconstpointer data)
{
  g_autoptr (AcqImportReport) report = NULL;
  g_autoptr (AcqFiche) theirs = side_import_fiche (&f->candidate, "RNCP99995",
                                                   "Conseiller inventé", "Bloc",
                                                   "- Compétence", "01/02/2025");
  g_autoptr (AcqFiche) loaded = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *kind = NULL;

  side_exec (&f->candidate, "UPDATE certification SET abrege_code = 'TP', abrege_label ="
                            " 'Titre professionnel' WHERE rncp = 'RNCP99995';");
  choose_fiche (f, &f->candidate, theirs);
  report = send (f, &f->candidate, &f->coach);
  kind = side_query (&f->coach, "SELECT abrege_code || '|' || abrege_label FROM certification"
                                " WHERE rncp = 'RNCP99995'");
  g_assert_cmpstr (kind, ==, "TP|Titre professionnel");
  loaded = acq_referential_load (f->coach.store, "RNCP99995", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (loaded->abrege_code, ==, "TP");
  g_assert_true (acq_fiche_is_titre_professionnel (loaded));
}

/* A newer version in the file replaces the importer's, the report says so, and the
 * competence it no longer words is listed. */
static void
test_referential_newer_there_comes_in (Fixture *f, gconstpointer data)
{
  g_autoptr (AcqImportReport) report = NULL;
  g_autoptr (AcqFiche) mine = side_import_fiche (&f->coach, "RNCP99994", "Certification",
                                                 "Bloc", "- Compétence d'origine\n- Saisir",
                                                 "01/02/2024");
  g_autoptr (AcqFiche) theirs = side_import_fiche (&f->candidate, "RNCP99994", "Certification",
                                                   "Bloc", "- saisir.\n- Compétence reformulée",
                                                   "01/02/2025");
  g_autofree char *label = NULL;

  choose_fiche (f, &f->candidate, theirs);
  report = send (f, &f->candidate, &f->coach);
  label = side_query (&f->coach, "SELECT group_concat (label, '|') FROM (SELECT label FROM"
                                 " competence c JOIN bloc b ON b.uuid = c.bloc_uuid WHERE"
                                 " b.code = 'RNCP99994BC01' ORDER BY c.position)");
  g_assert_cmpstr (label, ==, "saisir.|Compétence reformulée");
  g_assert_true (report_mentions (report, "updated to its version of 2025-02-01"));
  g_assert_true (report_mentions (report, "Compétence d'origine"));
}

/* A crafted file whose certification is not the one its uuids say (here a competence under a
 * uuid no machine derives, then a bloc of another certification) is refused: nothing
 * imported, the importer's store as it was. */
static void
test_referential_damaged_refused (Fixture *f, gconstpointer data)
{
  static const char *const tampering[] = {
    "UPDATE competence SET uuid = '00000000-0000-4000-8000-000000000000' WHERE label ="
    " 'Saisir'",
    "UPDATE bloc SET code = 'RNCP37274BC09' WHERE code = 'RNCP99995BC01'",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tampering); i++)
    {
      g_autoptr (AcqFiche) theirs = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (AcqImportReport) report = NULL;
      g_autofree char *file = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      const char *digest = "SELECT (SELECT count (*) FROM certification) || '/' || (SELECT"
                           " count (*) FROM competence) || '/' || (SELECT count (*) FROM"
                           " candidate) || '/' || (SELECT group_concat (certification_uuid)"
                           " FROM candidate)";

      side_exec (&f->candidate, "DELETE FROM competence WHERE bloc_uuid IN (SELECT uuid FROM bloc"
                                " WHERE certification_uuid IN (SELECT uuid FROM certification"
                                " WHERE rncp = 'RNCP99995'))");
      theirs = side_import_fiche (&f->candidate, "RNCP99995", "Certification", "Bloc",
                                  "- Saisir\n- Classer", NULL);
      choose_fiche (f, &f->candidate, theirs);
      side_exec (&f->candidate, "UPDATE bloc SET code = 'RNCP99995BC01' WHERE code ="
                                " 'RNCP37274BC09'");
      side_exec (&f->candidate, tampering[i]);
      file = side_export (&f->candidate, f->uuid);
      before = side_query (&f->coach, digest);
      report = acq_package_import (f->coach.store, file, PASSPHRASE, f->coach.role, NULL,
                                   &error);
      g_assert_null (report);
      g_assert_error (error, ACQ_PACKAGE_ERROR, ACQ_PACKAGE_ERROR_DAMAGED);
      g_assert_nonnull (strstr (error->message, "certification"));
      after = side_query (&f->coach, digest);
      g_assert_cmpstr (before, ==, after);
    }
}

/* A dispense travels with the candidate, as the targeted blocs do. */
static void
test_referential_dispense_travels (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqImportReport) report = NULL;
  g_autofree char *bloc = side_query (&f->coach, "SELECT b.uuid FROM bloc b JOIN candidate k ON"
                                                 " k.certification_uuid = b.certification_uuid"
                                                 " WHERE b.position = 3");
  g_autofree char *there = NULL;

  g_assert_true (acq_candidate_set_dispense (f->coach.store, f->uuid, bloc, "Titre détenu",
                                             "Titre de conseiller", &error));
  g_assert_no_error (error);
  report = send (f, &f->coach, &f->candidate);
  there = side_query (&f->candidate, "SELECT reason || '|' || held_certification FROM"
                                     " candidate_dispense");
  g_assert_cmpstr (there, ==, "Titre détenu|Titre de conseiller");
}

/* A newer version on the sender's side, over a sheet linked to a competence it no longer
 * words: the importer takes the new version and the sheet keeps its link, retired alike on
 * both sides. */
static void
test_referential_retired_link_travels (Fixture *f, gconstpointer data)
{
  g_autoptr (AcqImportReport) first = NULL;
  g_autoptr (AcqImportReport) second = NULL;
  g_autoptr (AcqFiche) v1 = side_import_fiche (&f->candidate, "RNCP99996", "Certification",
                                               "Bloc", "- Accueillir\n- Orienter", "01/01/2024");
  g_autoptr (AcqFiche) v2 = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *here = NULL;
  g_autofree char *there = NULL;
  g_autofree char *fiche = NULL;

  choose_fiche (f, &f->candidate, v1);
  sql = g_strdup_printf ("INSERT INTO sheet_competence (sheet_uuid, competence_uuid) VALUES"
                         " ('%s', '%s')", f->sheet,
                         (char *) g_ptr_array_index (((AcqBlocDef *) g_ptr_array_index (
                           v1->blocs, 0))->competence_uuids, 1));
  side_exec (&f->candidate, sql);
  first = send (f, &f->candidate, &f->coach);
  v2 = side_import_fiche (&f->candidate, "RNCP99996", "Certification", "Bloc",
                          "- Accueillir\n- Conseiller", "01/01/2025");
  second = send (f, &f->candidate, &f->coach);

  here = side_query (&f->candidate, "SELECT c.uuid || c.label || (c.retired_at IS NOT NULL) FROM"
                                    " sheet_competence sc JOIN competence c ON c.uuid ="
                                    " sc.competence_uuid");
  there = side_query (&f->coach, "SELECT c.uuid || c.label || (c.retired_at IS NOT NULL) FROM"
                                 " sheet_competence sc JOIN competence c ON c.uuid ="
                                 " sc.competence_uuid");
  g_assert_nonnull (here);
  g_assert_true (g_str_has_suffix (here, "Orienter1"));
  g_assert_cmpstr (here, ==, there);
  fiche = side_query (&f->coach, "SELECT group_concat (label, '|') FROM (SELECT c.label FROM"
                                 " competence c JOIN bloc b ON b.uuid = c.bloc_uuid WHERE b.code"
                                 " = 'RNCP99996BC01' AND c.retired_at IS NULL ORDER BY"
                                 " c.position)");
  g_assert_cmpstr (fiche, ==, "Accueillir|Conseiller");
}

/* The dated parcours is the accompagnatrice's: her events reach the candidate, and a
 * candidate's file that changes, deletes or adds one is refused, each listed. */
static void
test_parcours_is_the_coachs (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqImportReport) r1 = NULL;
  g_autoptr (AcqImportReport) report = NULL;
  g_autoptr (AcqParcoursEvent) contact = NULL;
  g_autoptr (AcqParcoursEvent) asked = NULL;
  g_autoptr (GPtrArray) theirs = NULL;
  g_autoptr (GPtrArray) mine = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *stage = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 5, 1, 2026);
  contact = acq_parcours_event_new (ACQ_PARCOURS_FIRST_CONTACT, &date, FALSE);
  contact->candidate_uuid = g_strdup (f->uuid);
  g_assert_true (acq_parcours_add (f->coach.store, contact, &error));
  g_date_set_dmy (&date, 2, 2, 2026);
  asked = acq_parcours_event_new (ACQ_PARCOURS_ADMISSIBILITY_ASKED, &date, FALSE);
  asked->candidate_uuid = g_strdup (f->uuid);
  g_assert_true (acq_parcours_add (f->coach.store, asked, &error));
  g_assert_no_error (error);

  r1 = send (f, &f->coach, &f->candidate);
  theirs = acq_parcours_list (f->candidate.store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (theirs->len, ==, 2);
  stage = side_query (&f->candidate, "SELECT stage || ' ' || stage_date FROM candidate");
  g_assert_cmpstr (stage, ==, "2 2026-02-02");
  g_clear_pointer (&stage, g_free);

  sql = g_strdup_printf ("UPDATE parcours_event SET date = '2020-01-01' WHERE uuid = '%s';"
                         "DELETE FROM parcours_event WHERE uuid = '%s';"
                         "INSERT INTO parcours_event (uuid, candidate_uuid, kind, date, planned,"
                         " created_at, updated_at) VALUES ('2b7c9d1e-3f4a-4b5c-8d6e-7f8091a2b3c4',"
                         " '%s', 9, '2026-03-01', 0, 'x', 'x');"
                         "UPDATE candidate SET stage = 4, stage_date = '2026-03-01'",
                         contact->uuid, asked->uuid, f->uuid);
  side_exec (&f->candidate, sql);
  report = send (f, &f->candidate, &f->coach);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_IGNORED), ==, 4);
  mine = acq_parcours_list (f->coach.store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 2);
  g_assert_cmpstr (((AcqParcoursEvent *) mine->pdata[0])->uuid, ==, contact->uuid);
  g_assert_cmpint (g_date_get_year (&((AcqParcoursEvent *) mine->pdata[0])->date), ==, 2026);
  g_assert_cmpstr (((AcqParcoursEvent *) mine->pdata[1])->uuid, ==, asked->uuid);
  stage = side_query (&f->coach, "SELECT stage || ' ' || stage_date FROM candidate");
  g_assert_cmpstr (stage, ==, "2 2026-02-02");
}

/* The satisfaction questionnaire comes back by exchange: the candidate's answers reach her
 * accompagnatrice, whose file cannot change them; her paper one reaches the candidate; her
 * complaints log stays on her machine. */
static void
test_satisfaction_travels (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSatisfactionResponse) answers = NULL;
  g_autoptr (AcqSatisfactionResponse) paper = NULL;
  g_autoptr (AcqComplaint) complaint = acq_complaint_new ("2026-03-01");
  g_autoptr (AcqImportReport) r1 = NULL;
  g_autoptr (AcqImportReport) r2 = NULL;
  g_autoptr (AcqImportReport) r3 = NULL;
  g_autoptr (GPtrArray) averages = NULL;
  g_autofree char *score = NULL;
  g_autofree char *count = NULL;
  guint n = 0;

  answers = acq_satisfaction_response_new (f->candidate.store, f->uuid, ACQ_ROLE_CANDIDATE,
                                           "2026-03-20", &error);
  g_assert_no_error (error);
  ((AcqSatisfactionScore *) answers->scores->pdata[0])->score = 5;
  ((AcqSatisfactionScore *) answers->scores->pdata[1])->score = 3;
  acq_session_set_text (&answers->comment, "Très utile");
  g_assert_true (acq_satisfaction_response_save (f->candidate.store, answers, ACQ_ROLE_CANDIDATE,
                                                 &error));
  g_assert_no_error (error);
  r1 = send (f, &f->candidate, &f->coach);
  averages = acq_satisfaction_averages (f->coach.store, 2026, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (((AcqSatisfactionAverage *) averages->pdata[0])->question_uuid, ==, "accueil");
  g_assert_cmpuint (((AcqSatisfactionAverage *) averages->pdata[0])->n_answers, ==, 1);
  g_assert_cmpfloat_with_epsilon (((AcqSatisfactionAverage *) averages->pdata[0])->average, 5.0,
                                  1e-9);

  /* her file changes the candidate's score (as another program could): ignored, said so; her
   * paper questionnaire travels; the complaint does not */
  side_exec (&f->coach, "UPDATE satisfaction_score SET score = 1, updated_at = 'z'"
                        " WHERE question_uuid = 'accueil'");
  paper = acq_satisfaction_response_new (f->coach.store, f->uuid, ACQ_ROLE_COACH, "2026-03-21",
                                         &error);
  g_assert_no_error (error);
  ((AcqSatisfactionScore *) paper->scores->pdata[0])->score = 4;
  g_assert_true (acq_satisfaction_response_save (f->coach.store, paper, ACQ_ROLE_COACH, &error));
  g_assert_no_error (error);
  complaint->candidate_uuid = g_strdup (f->uuid);
  acq_session_set_text (&complaint->subject, "Retard");
  g_assert_true (acq_complaint_save (f->coach.store, complaint, &error));
  g_assert_no_error (error);
  r2 = send (f, &f->coach, &f->candidate);
  g_assert_cmpuint (report_count (r2, ACQ_IMPORT_IGNORED), >=, 1);
  score = side_query (&f->candidate, "SELECT score FROM satisfaction_score s JOIN"
                                     " satisfaction_response r ON r.uuid = s.response_uuid"
                                     " WHERE r.author_role = 0 AND s.question_uuid = 'accueil'");
  g_assert_cmpstr (score, ==, "5");
  count = side_query (&f->candidate, "SELECT count (*) FROM satisfaction_response");
  g_assert_cmpstr (count, ==, "2");
  g_clear_pointer (&count, g_free);
  count = side_query (&f->candidate, "SELECT count (*) FROM complaint");
  g_assert_cmpstr (count, ==, "0");

  /* the candidate changes her answer: it reaches the coach */
  ((AcqSatisfactionScore *) answers->scores->pdata[0])->score = 4;
  g_assert_true (acq_satisfaction_response_save (f->candidate.store, answers, ACQ_ROLE_CANDIDATE,
                                                 &error));
  g_assert_no_error (error);
  r3 = send (f, &f->candidate, &f->coach);
  g_clear_pointer (&averages, g_ptr_array_unref);
  averages = acq_satisfaction_averages (f->coach.store, 2026, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (((AcqSatisfactionAverage *) averages->pdata[0])->n_answers, ==, 2);
  g_assert_cmpfloat_with_epsilon (((AcqSatisfactionAverage *) averages->pdata[0])->average, 4.0,
                                  1e-9);
}

/* The quote and the attendance records are the accompagnatrice's: they reach the candidate,
 * and a candidate's file that changes or adds one is refused, each listed. */
static void
test_quote_is_the_coachs (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqImportReport) r1 = NULL;
  g_autoptr (AcqImportReport) report = NULL;
  g_autoptr (AcqQuote) quote = NULL;
  g_autoptr (AcqSession) session = acq_session_new (f->uuid, "2026-03-12", "14:00", "16:00",
                                                    ACQ_SESSION_KIND_ACCOMPANIMENT);
  g_autofree char *sql = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *mine = NULL;

  session->held = TRUE;
  g_assert_true (acq_session_save (f->coach.store, session, &error));
  g_assert_true (acq_attendance_record (f->coach.store, session->uuid, FALSE, NULL, &error));
  quote = acq_quote_create (f->coach.store, f->uuid, "2026-03-02", &error);
  g_assert_no_error (error);
  g_assert_true (acq_quote_mark_accepted (f->coach.store, quote, "2026-03-05", &error));
  g_assert_no_error (error);

  r1 = send (f, &f->coach, &f->candidate);
  theirs = side_query (&f->candidate, "SELECT accepted_date || ' ' || rate_cents || ' ' ||"
                                      " (SELECT signed FROM session_attendance) FROM quote");
  g_assert_cmpstr (theirs, ==, "2026-03-05 8000 0");

  sql = g_strdup_printf ("UPDATE quote SET rate_cents = 1, accepted_date = NULL;"
                         "UPDATE session_attendance SET signed = 1;"
                         "INSERT INTO quote (uuid, candidate_uuid, year, sequence, date, minutes,"
                         " rate_cents, created_at, updated_at) VALUES"
                         " ('3c8d0e2f-4a5b-4c6d-9e7f-8091a2b3c4d5', '%s', 2026, 99,"
                         " '2026-03-09', 60, 1, 'x', 'x')", f->uuid);
  side_exec (&f->candidate, sql);
  report = send (f, &f->candidate, &f->coach);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_IGNORED), ==, 3);
  mine = side_query (&f->coach, "SELECT count(*) || ' ' || min (accepted_date) || ' ' ||"
                                " min (rate_cents) || ' ' || (SELECT signed FROM"
                                " session_attendance) FROM quote");
  g_assert_cmpstr (mine, ==, "1 2026-03-05 8000 0");
}

/* The coach's livret, sent to the candidate: a held session with its objectives, and a plan. */
static char *
coach_sends_livret (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSession) session = acq_session_new (f->uuid, "2026-03-12", "14:00", "16:00",
                                                    ACQ_SESSION_KIND_ACCOMPANIMENT);
  g_autoptr (AcqImportReport) report = NULL;
  g_autofree char *count = NULL;

  session->held = TRUE;
  acq_session_set_text (&session->points_worked, "L'exemple Accueil");
  acq_session_set_text (&session->personal_work, "Relire la rubrique 2");
  acq_session_add_objective (session, "Décrire le contexte", ACQ_OBJECTIVE_PARTLY);
  g_assert_true (acq_session_save (f->coach.store, session, &error));
  g_assert_true (acq_session_set_planned_minutes (f->coach.store, f->uuid, 20 * 60, &error));
  g_assert_no_error (error);
  report = send (f, &f->coach, &f->candidate);
  count = side_query (&f->candidate, "SELECT count(*) FROM session_objective");
  g_assert_cmpstr (count, ==, "1");
  return g_strdup (session->uuid);
}

/* The candidate reads the livret and writes their personal work; the rest is the coach's: a
 * changed objective, changed notes, a changed plan, a forged session are refused and listed. */
static void
test_candidate_writes_personal_work_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = coach_sends_livret (f);
  g_autoptr (AcqSession) theirs = acq_session_load (f->candidate.store, uuid, &error);
  g_autoptr (AcqSession) forged = NULL;
  g_autoptr (AcqImportReport) report = NULL;
  g_autoptr (AcqSession) back = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *sessions = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (theirs->points_worked, ==, "L'exemple Accueil");
  acq_session_set_text (&theirs->personal_work, "Relire la rubrique 2 : fait, et la 3");
  acq_session_set_text (&theirs->points_worked, "Tout est parfait");
  ((AcqSessionObjective *) g_ptr_array_index (theirs->objectives, 0))->outcome =
    ACQ_OBJECTIVE_REACHED;
  g_assert_true (acq_session_save (f->candidate.store, theirs, &error));
  side_exec (&f->candidate, "UPDATE session_plan SET planned_minutes = 1800");
  forged = acq_session_new (f->uuid, "2026-03-20", "10:00", "12:00",
                            ACQ_SESSION_KIND_ACCOMPANIMENT);
  forged->held = TRUE;
  g_assert_true (acq_session_save (f->candidate.store, forged, &error));
  g_assert_no_error (error);

  report = send (f, &f->candidate, &f->coach);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_IGNORED), ==, 4);
  g_assert_true (report_mentions (report, "livret de suivi"));
  g_assert_true (report_mentions (report, "personal work"));
  back = acq_session_load (f->coach.store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->personal_work, ==, "Relire la rubrique 2 : fait, et la 3");
  g_assert_cmpstr (back->points_worked, ==, "L'exemple Accueil");
  g_assert_cmpint (((AcqSessionObjective *) g_ptr_array_index (back->objectives, 0))->outcome,
                   ==, ACQ_OBJECTIVE_PARTLY);
  plan = side_query (&f->coach, "SELECT planned_minutes FROM session_plan");
  g_assert_cmpstr (plan, ==, "1200");
  sessions = side_query (&f->coach, "SELECT count(*) FROM session");
  g_assert_cmpstr (sessions, ==, "1");
}

/* A session the candidate erased stays with the coach; one the coach erased goes. */
static void
test_livret_deletions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uuid = coach_sends_livret (f);
  g_autoptr (AcqImportReport) from_candidate = NULL;
  g_autoptr (AcqImportReport) from_coach = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *gone = NULL;

  g_assert_true (acq_session_delete (f->candidate.store, uuid, &error));
  side_exec (&f->candidate, "UPDATE session SET deleted_at = '2020-01-01T00:00:00.000Z'");
  g_assert_true (acq_session_purge_stale (f->candidate.store, &error));
  g_assert_no_error (error);
  from_candidate = send (f, &f->candidate, &f->coach);
  g_assert_cmpuint (report_count (from_candidate, ACQ_IMPORT_IGNORED), >=, 1);
  kept = side_query (&f->coach, "SELECT count(*) FROM session WHERE deleted_at IS NULL");
  g_assert_cmpstr (kept, ==, "1");

  g_assert_true (acq_session_delete (f->coach.store, uuid, &error));
  side_exec (&f->coach, "UPDATE session SET deleted_at = '2020-01-01T00:00:00.000Z'");
  g_assert_true (acq_session_purge_stale (f->coach.store, &error));
  from_coach = send (f, &f->coach, &f->candidate);
  gone = side_query (&f->candidate, "SELECT count(*) FROM session WHERE deleted_at IS NULL");
  g_assert_cmpstr (gone, ==, "0");
}

/* The coach's jury page, sent to the candidate: the session, its hand items, a question of
 * hers and a competence marked "à retravailler". */
static void
coach_sends_jury (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqJurySession) session = acq_jury_session_load (f->coach.store, f->uuid, &error);
  g_autoptr (AcqImportReport) report = NULL;
  g_autofree char *competence = side_query (&f->coach, "SELECT uuid FROM competence ORDER BY"
                                                       " uuid LIMIT 1");
  g_autofree char *question = NULL;
  g_autofree char *items = NULL;

  session->date = g_strdup ("2027-01-14");
  session->time = g_strdup ("09:00");
  session->place = g_strdup ("AFPA Balma");
  session->convocation_date = g_strdup ("2026-12-01");
  g_assert_true (acq_jury_session_save (f->coach.store, session, &error));
  question = acq_jury_question_add (f->coach.store, f->uuid, competence,
                                    "Pourquoi ce partenaire ?", &error);
  g_assert_true (acq_jury_readiness_set (f->coach.store, f->uuid, competence,
                                         ACQ_JURY_READINESS_REWORK, "Trop vague", &error));
  g_assert_no_error (error);
  report = send (f, &f->coach, &f->candidate);
  items = side_query (&f->candidate, "SELECT count(*) FROM jury_hand_item");
  g_assert_cmpstr (items, ==, "4");
}

/* The candidate ticks her hand items and writes her notes, cards and runs; the session, the
 * items' labels, the readiness and the result are the coach's: changing, adding, deleting or
 * forging them is refused and listed. */
static void
test_jury_candidate_writes_her_parts_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqImportReport) report = NULL;
  g_autoptr (AcqJurySession) theirs = NULL;
  g_autoptr (AcqJurySession) back = NULL;
  g_autoptr (GPtrArray) hand = NULL;
  g_autoptr (AcqJuryRehearsal) run = acq_jury_rehearsal_new ("2026-12-20");
  g_autoptr (GPtrArray) questions = NULL;
  AcqJuryCard card = { NULL, NULL, (char *) "Bloc 1", (char *) "Accueil\nDiagnostic" };
  g_autofree char *ticked = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *n_items = NULL;
  g_autofree char *readiness = NULL;
  g_autofree char *results = NULL;
  g_autofree char *cards = NULL;
  g_autofree char *runs = NULL;
  g_autofree char *note = NULL;
  g_autofree char *added = NULL;

  coach_sends_jury (f);
  hand = acq_jury_hand_items_list (f->candidate.store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_true (acq_jury_hand_item_set_done (f->candidate.store,
                                              ((AcqJuryHandItem *) hand->pdata[0])->uuid, TRUE,
                                              &error));
  g_assert_true (acq_jury_hand_item_set_label (f->candidate.store,
                                               ((AcqJuryHandItem *) hand->pdata[1])->uuid,
                                               "Rien à apporter", &error));
  g_assert_true (acq_jury_hand_item_delete (f->candidate.store,
                                            ((AcqJuryHandItem *) hand->pdata[2])->uuid, &error));
  added = acq_jury_hand_item_add (f->candidate.store, f->uuid, "Un ajout", &error);
  g_assert_nonnull (added);
  questions = acq_jury_questions_list (f->candidate.store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_true (acq_jury_question_set_note (f->candidate.store, f->uuid,
                                             ((AcqJuryQuestion *) questions->pdata[questions->len - 1])->key,
                                             "Parce qu'il connaît le public", &error));
  g_assert_true (acq_jury_card_save (f->candidate.store, f->uuid, &card, &error));
  acq_jury_rehearsal_add_part (run, "Présentation", 1200);
  g_assert_true (acq_jury_rehearsal_save (f->candidate.store, f->uuid, run, &error));
  g_assert_no_error (error);
  theirs = acq_jury_session_load (f->candidate.store, f->uuid, &error);
  g_free (theirs->place);
  theirs->place = g_strdup ("Chez moi");
  g_assert_true (acq_jury_session_save (f->candidate.store, theirs, &error));
  side_exec (&f->candidate, "UPDATE jury_readiness SET state = 1, remark = 'Prête'");
  side_exec (&f->candidate, "INSERT INTO jury_result (uuid, candidate_uuid, outcome,"
                            " created_at, updated_at) SELECT uuid, uuid, 1, 'now', 'now'"
                            " FROM candidate");
  g_clear_pointer (&card.uuid, g_free);

  report = send (f, &f->candidate, &f->coach);
  g_assert_true (report_mentions (report, "jury's checklist"));
  g_assert_true (report_mentions (report, "jury's session, result or plan"));
  /* the label, the deletion, the new item, the place, the readiness, the result */
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_IGNORED), ==, 6);
  ticked = side_query (&f->coach, "SELECT count(*) FROM jury_hand_item WHERE done = 1");
  g_assert_cmpstr (ticked, ==, "1");
  labels = side_query (&f->coach, "SELECT count(*) FROM jury_hand_item WHERE label ="
                                  " 'Rien à apporter'");
  g_assert_cmpstr (labels, ==, "0");
  n_items = side_query (&f->coach, "SELECT count(*) FROM jury_hand_item");
  g_assert_cmpstr (n_items, ==, "4");
  back = acq_jury_session_load (f->coach.store, f->uuid, &error);
  g_assert_cmpstr (back->place, ==, "AFPA Balma");
  readiness = side_query (&f->coach, "SELECT state || remark FROM jury_readiness");
  g_assert_cmpstr (readiness, ==, "2Trop vague");
  results = side_query (&f->coach, "SELECT count(*) FROM jury_result");
  g_assert_cmpstr (results, ==, "0");
  cards = side_query (&f->coach, "SELECT key_points FROM jury_card");
  g_assert_cmpstr (cards, ==, "Accueil\nDiagnostic");
  runs = side_query (&f->coach, "SELECT parts FROM jury_rehearsal");
  g_assert_cmpstr (runs, ==, "1200\tPrésentation\n");
  note = side_query (&f->coach, "SELECT note FROM jury_answer");
  g_assert_cmpstr (note, ==, "Parce qu'il connaît le public");
}

/* The coach's result and plan reach the candidate: both sides see the same jury page. */
static void
test_jury_result_reaches_the_candidate (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqImportReport) report = NULL;
  g_autoptr (AcqJuryResult) result = NULL;
  g_autoptr (AcqJuryResult) theirs = NULL;
  g_autoptr (AcqJuryPlan) plan = NULL;
  AcqJuryBlocResult *last;

  coach_sends_jury (f);
  result = acq_jury_result_load (f->coach.store, f->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->blocs->len, >, 1);
  result->outcome = ACQ_JURY_OUTCOME_PARTIAL;
  for (guint i = 0; i < result->blocs->len; i++)
    ((AcqJuryBlocResult *) result->blocs->pdata[i])->outcome = ACQ_JURY_BLOC_OBTAINED;
  last = result->blocs->pdata[result->blocs->len - 1];
  last->outcome = ACQ_JURY_BLOC_NOT_OBTAINED;
  g_assert_true (acq_jury_result_save (f->coach.store, result, &error));
  g_assert_no_error (error);
  report = send (f, &f->coach, &f->candidate);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_IGNORED), ==, 0);
  theirs = acq_jury_result_load (f->candidate.store, f->uuid, &error);
  g_assert_cmpint (theirs->outcome, ==, ACQ_JURY_OUTCOME_PARTIAL);
  g_assert_cmpint (((AcqJuryBlocResult *) theirs->blocs->pdata[theirs->blocs->len - 1])->outcome,
                   ==, ACQ_JURY_BLOC_NOT_OBTAINED);
  plan = acq_jury_plan_load (f->candidate.store, f->uuid, &error);
  g_assert_cmpuint (plan->items->len, ==, 1);
  g_assert_cmpstr (((AcqJuryPlanItem *) plan->items->pdata[0])->bloc_uuid, ==, last->bloc_uuid);
}

/* A document added on @side: a small PNG written in the side's data folder. */
static AcqCandidateDocument *
side_add_document (Side *side, const char *uuid, AcqCandidateDocumentKind kind,
                   const char *name, guint8 variant)
{
  g_autoptr (GError) error = NULL;
  /* bytes after the end: another content, another copy */
  g_autoptr (GFile) file = test_write_png (side->dir, name, variant);
  AcqCandidateDocument *document;

  document = acq_candidate_document_add (side->store, uuid, kind, side->role, file, NULL,
                                         &error);
  g_assert_no_error (error);
  return document;
}

/* A sheet's document marked as an annex the referential asks for is marked so on the other
 * side too, and so is its mark taken back. */
static void
test_annex_mark_travels (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = test_write_png (f->candidate.dir, "grille.png", 3);
  g_autoptr (AcqAttachment) attachment = NULL;
  g_autoptr (AcqImportReport) first = NULL;
  g_autoptr (AcqImportReport) second = NULL;
  g_autoptr (AcqImportReport) third = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *unmarked = NULL;

  attachment = acq_attachment_add (f->candidate.store, f->sheet, file,
                                   NULL, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT annex FROM attachment WHERE uuid = '%s'", attachment->uuid);
  first = send (f, &f->candidate, &f->coach);
  before = side_query (&f->coach, sql);
  g_assert_cmpstr (before, ==, "0");
  g_assert_true (acq_attachment_set_annex (f->candidate.store, attachment->uuid, TRUE, &error));
  g_assert_no_error (error);
  second = send (f, &f->candidate, &f->coach);
  marked = side_query (&f->coach, sql);
  g_assert_cmpstr (marked, ==, "1");
  g_assert_true (acq_attachment_set_annex (f->coach.store, attachment->uuid, FALSE, &error));
  g_assert_no_error (error);
  third = send (f, &f->coach, &f->candidate);
  unmarked = side_query (&f->candidate, sql);
  g_assert_cmpstr (unmarked, ==, "0");
}

/* The documents travel with their bytes: the candidate sends her CV, the coach the notice. */
static void
test_documents_travel_with_their_bytes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCandidateDocument) cv =
    side_add_document (&f->candidate, f->uuid, ACQ_CANDIDATE_DOCUMENT_CV, "cv.png", 1);
  g_autoptr (AcqCandidateDocument) notice = NULL;
  g_autoptr (AcqImportReport) to_coach = send (f, &f->candidate, &f->coach);
  g_autoptr (AcqImportReport) to_candidate = NULL;
  g_autoptr (GPtrArray) at_coach = acq_candidate_document_list (f->coach.store, f->uuid, &error);
  g_autoptr (GPtrArray) at_candidate = NULL;
  g_autofree char *path = NULL;

  g_assert_cmpuint (at_coach->len, ==, 1);
  g_assert_cmpstr (((AcqCandidateDocument *) at_coach->pdata[0])->sha256, ==, cv->sha256);
  path = acq_candidate_document_get_path (f->coach.store, at_coach->pdata[0], &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (path, f->coach.dir));
  /* the copy is kept by the clean-up of orphans */
  g_assert_true (acq_attachment_remove_orphans (f->coach.store, NULL, &error));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  notice = side_add_document (&f->coach, f->uuid, ACQ_CANDIDATE_DOCUMENT_ADMISSIBILITY_NOTICE,
                              "notice.png", 2);
  to_candidate = send (f, &f->coach, &f->candidate);
  at_candidate = acq_candidate_document_list (f->candidate.store, f->uuid, &error);
  g_assert_cmpuint (at_candidate->len, ==, 2);
  g_clear_pointer (&path, g_free);
  path = acq_candidate_document_get_path (f->candidate.store, at_candidate->pdata[1], &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A candidate's file may add, rename and remove her own documents, never the coach's. */
static void
test_documents_candidate_changes_only_her_own (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCandidateDocument) notice =
    side_add_document (&f->coach, f->uuid, ACQ_CANDIDATE_DOCUMENT_ADMISSIBILITY_NOTICE,
                       "notice.png", 3);
  g_autoptr (AcqImportReport) first = send (f, &f->coach, &f->candidate);
  g_autoptr (AcqCandidateDocument) cv =
    side_add_document (&f->candidate, f->uuid, ACQ_CANDIDATE_DOCUMENT_CV, "cv.png", 4);
  g_autoptr (AcqImportReport) report = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *notice_here = NULL;
  g_autofree char *title = NULL;
  g_autofree char *cv_here = NULL;
  g_autofree char *forged = NULL;

  /* she removes the notice, renames it, and forges a "coach's" convocation */
  side_exec (&f->candidate, "UPDATE candidate_document SET title = 'Rien' WHERE kind = 1");
  g_assert_true (acq_candidate_document_delete (f->candidate.store, notice->uuid, &error));
  side_exec (&f->candidate, "INSERT INTO candidate_document (uuid, candidate_uuid, kind, title,"
                            " author_role, file_name, mime_type, size, sha256, added_at,"
                            " updated_at) SELECT 'forged', candidate_uuid, 3, 'Convocation', 1,"
                            " file_name, mime_type, size, sha256, added_at, updated_at FROM"
                            " candidate_document WHERE kind = 0");
  report = send (f, &f->candidate, &f->coach);
  g_assert_cmpuint (report_count (report, ACQ_IMPORT_IGNORED), >=, 1);

  sql = g_strdup_printf ("SELECT count(*) FROM candidate_document WHERE uuid = '%s'"
                         " AND deleted_at IS NULL", notice->uuid);
  notice_here = side_query (&f->coach, sql);
  g_assert_cmpstr (notice_here, ==, "1");
  title = side_query (&f->coach, "SELECT title FROM candidate_document WHERE kind = 1");
  g_assert_cmpstr (title, ==, "");
  cv_here = side_query (&f->coach, "SELECT author_role FROM candidate_document WHERE kind = 0");
  g_assert_cmpstr (cv_here, ==, "0");
  forged = side_query (&f->coach, "SELECT count(*) FROM candidate_document WHERE uuid = 'forged'");
  g_assert_cmpstr (forged, ==, "0");
}

/* The coach's profile (her SIRET, her rate, her signature) never leaves her machine. */
static void
test_coach_profile_stays_home (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCoachProfile) profile = acq_coach_profile_new ();
  g_autoptr (AcqImportReport) report = NULL;
  g_autofree char *rows = NULL;

  g_free (profile->siret);
  profile->siret = g_strdup ("73282932000074");
  g_assert_true (acq_coach_profile_save (f->coach.store, profile, &error));
  g_assert_no_error (error);
  report = send (f, &f->coach, &f->candidate);
  rows = side_query (&f->candidate, "SELECT count(*) FROM coach_profile");
  g_assert_cmpstr (rows, ==, "0");
}

/* The people the candidate writes about travel with her sheets, both ways: her accompagnatrice
 * may change a replacement, and a name removed on one side is removed on the other. */
static void
test_people_travel (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqPersonMention) martin = acq_person_mention_new (f->uuid, "Mme Martin", NULL,
                                                                ACQ_PERSON_ACCEPTED);
  g_autoptr (AcqImportReport) r1 = NULL;
  g_autoptr (AcqImportReport) r2 = NULL;
  g_autoptr (AcqImportReport) r3 = NULL;
  g_autofree char *on_coach = NULL;
  g_autofree char *on_candidate = NULL;
  g_autofree char *left = NULL;

  g_assert_true (acq_person_mention_save (f->candidate.store, martin, &error));
  g_assert_no_error (error);
  r1 = send (f, &f->candidate, &f->coach);
  on_coach = side_query (&f->coach, "SELECT name || ' > ' || replacement FROM person_mention");
  g_assert_cmpstr (on_coach, ==, "Mme Martin > Mme M.");

  side_exec (&f->coach, "UPDATE person_mention SET replacement = 'la personne accompagnée',"
                        " updated_at = 'z'");
  r2 = send (f, &f->coach, &f->candidate);
  on_candidate = side_query (&f->candidate, "SELECT replacement FROM person_mention");
  g_assert_cmpstr (on_candidate, ==, "la personne accompagnée");

  g_assert_true (acq_person_mention_delete (f->candidate.store, martin, &error));
  g_assert_no_error (error);
  r3 = send (f, &f->candidate, &f->coach);
  left = side_query (&f->coach, "SELECT count (*) FROM person_mention");
  g_assert_cmpstr (left, ==, "0");
}

static void
assert_reading_size (Side *side, const char *uuid, double size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqReadingStyle) style = acq_reading_style_load (side->store, uuid, &error);

  g_assert_no_error (error);
  if (size == 0)
    {
      g_assert_null (style);
      return;
    }
  g_assert_nonnull (style);
  g_assert_cmpfloat_with_epsilon (style->size, size, 1e-9);
}

/* The reading style is both roles': the candidate knows what she reads best, the coach
 * prints for her; a change from either side comes in without a word in the report, and so
 * does switching it off. */
static void
test_reading_style_is_both_roles (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqReadingStyle) hers = acq_reading_style_new ("OpenDyslexic", 16, 1.5);
  g_autoptr (AcqReadingStyle) larger = acq_reading_style_new ("OpenDyslexic", 20, 1.5);
  g_autoptr (AcqImportReport) to_coach = NULL;
  g_autoptr (AcqImportReport) to_candidate = NULL;
  g_autoptr (AcqImportReport) off = NULL;

  g_assert_true (acq_reading_style_save (f->candidate.store, f->uuid, hers, &error));
  g_assert_no_error (error);
  to_coach = send (f, &f->candidate, &f->coach);
  g_assert_cmpuint (report_count (to_coach, ACQ_IMPORT_IGNORED), ==, 0);
  assert_reading_size (&f->coach, f->uuid, 16);

  g_assert_true (acq_reading_style_save (f->coach.store, f->uuid, larger, &error));
  g_assert_no_error (error);
  to_candidate = send (f, &f->coach, &f->candidate);
  assert_reading_size (&f->candidate, f->uuid, 20);

  g_assert_true (acq_reading_style_save (f->candidate.store, f->uuid, NULL, &error));
  g_assert_no_error (error);
  off = send (f, &f->candidate, &f->coach);
  g_assert_cmpuint (report_count (off, ACQ_IMPORT_IGNORED), ==, 0);
  assert_reading_size (&f->coach, f->uuid, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/merge/round-trip/both-ways", test_round_trips_both_ways);
  ADD ("/merge/people/travel-both-ways", test_people_travel);
  ADD ("/merge/round-trip/long-exchange-converges", test_long_exchange_converges);
  ADD ("/merge/rubrics/different-merge-silently", test_different_rubrics_merge_silently);
  ADD ("/merge/conflict/same-rubric-until-resolved", test_same_rubric_is_a_conflict_until_resolved);
  ADD ("/merge/conflict/same-text-is-none", test_same_text_on_both_sides_is_no_conflict);
  ADD ("/merge/conflict/other-fields", test_other_fields_changed_on_both_sides);
  ADD ("/merge/deleted/here-edited-there", test_deleted_here_edited_there_is_kept);
  ADD ("/merge/deleted/there-edited-here", test_deleted_there_edited_here_is_kept);
  ADD ("/merge/deleted/travels", test_deletion_travels);
  ADD ("/merge/roles/candidate-cannot-act-for-coach", test_candidate_cannot_act_for_the_coach);
  ADD ("/merge/roles/candidate-may-resolve-and-reply", test_candidate_may_resolve_and_reply);
  ADD ("/merge/roles/parcours-is-the-coachs", test_parcours_is_the_coachs);
  ADD ("/merge/roles/satisfaction-is-its-authors", test_satisfaction_travels);
  ADD ("/merge/roles/quote-and-attendance-are-the-coachs", test_quote_is_the_coachs);
  ADD ("/merge/roles/candidate-writes-personal-work-only",
       test_candidate_writes_personal_work_only);
  ADD ("/merge/roles/livret-deletions", test_livret_deletions);
  ADD ("/merge/roles/jury-candidate-writes-her-parts-only",
       test_jury_candidate_writes_her_parts_only);
  ADD ("/merge/roles/jury-result-reaches-the-candidate", test_jury_result_reaches_the_candidate);
  ADD ("/merge/documents/travel-with-their-bytes", test_documents_travel_with_their_bytes);
  ADD ("/merge/roles/candidate-changes-only-her-documents",
       test_documents_candidate_changes_only_her_own);
  ADD ("/merge/roles/coach-profile-stays-home", test_coach_profile_stays_home);
  ADD ("/merge/roles/reading-style-is-both-roles", test_reading_style_is_both_roles);
  ADD ("/merge/first-contact/from-the-coach", test_first_contact_from_the_coach);
  ADD ("/merge/referential/only-the-candidates-own", test_referential_only_the_candidates_own);
  ADD ("/merge/referential/newer-here-is-kept", test_referential_newer_here_is_kept);
  ADD ("/merge/referential/newer-there-comes-in", test_referential_newer_there_comes_in);
  ADD ("/merge/referential/kind-travels", test_referential_kind_travels);
  ADD ("/merge/candidate-titles/travel", test_candidate_titles_travel);
  ADD ("/merge/documents/annex-mark-travels", test_annex_mark_travels);
  ADD ("/merge/referential/damaged-refused", test_referential_damaged_refused);
  ADD ("/merge/referential/dispense-travels", test_referential_dispense_travels);
  ADD ("/merge/referential/retired-link-travels", test_referential_retired_link_travels);
#undef ADD
  return g_test_run ();
}

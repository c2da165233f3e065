/* test-review.c — the review round-trip, its versions, comments and coverage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-review"

#include "config.h"

#include <string.h>

#include "acq-candidate-list.h"
#include "acq-comment.h"
#include "acq-coverage.h"
#include "acq-referential.h"
#include "acq-review.h"
#include "acq-sheet-list.h"
#include "acq-text.h"
#include "sheet-fixture.h"

static GPtrArray *
versions_of (Fixture *f, AcqSheet *sheet)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *versions = acq_review_list_versions (f->store, acq_sheet_get_uuid (sheet), &error);

  g_assert_no_error (error);
  return versions;
}

static void
test_request_then_validate (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  AcqSheet *sheet = make_sheet (f, "Diagnostic partagé", "J'accueille Mme B.");
  guint changes = f->changes;

  g_assert_true (acq_review_can_request (sheet));
  g_assert_false (acq_review_can_decide (sheet, ACQ_ROLE_COACH));
  /* unsaved text is saved with the request, and the list says it once */
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_MEANS, "Grille d'entretien.");
  g_assert_true (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes, ==, changes + 1);
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_TO_REVIEW);
  g_assert_false (acq_review_can_request (sheet));
  g_assert_true (acq_review_can_decide (sheet, ACQ_ROLE_COACH));
  g_assert_false (acq_review_can_decide (sheet, ACQ_ROLE_CANDIDATE));

  g_assert_true (acq_review_decide (f->list, sheet, ACQ_ROLE_COACH, ACQ_REVIEW_STATE_VALIDATED,
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes, ==, changes + 2);
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_VALIDATED);

  versions = versions_of (f, sheet);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (((AcqSheetVersion *) g_ptr_array_index (versions, 0))->kind, ==,
                   ACQ_VERSION_REVIEW_REQUESTED);
  g_assert_cmpint (((AcqSheetVersion *) g_ptr_array_index (versions, 0))->author_role, ==,
                   ACQ_ROLE_CANDIDATE);
  g_assert_cmpstr (((AcqSheetVersion *) g_ptr_array_index (versions, 0))->rubrics[ACQ_RUBRIC_MEANS],
                   ==, "Grille d'entretien.");
  g_assert_cmpint (((AcqSheetVersion *) g_ptr_array_index (versions, 1))->kind, ==,
                   ACQ_VERSION_VALIDATED);
  g_assert_cmpint (((AcqSheetVersion *) g_ptr_array_index (versions, 1))->author_role, ==,
                   ACQ_ROLE_COACH);
}

static void
test_candidate_cannot_validate (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  AcqSheet *sheet = make_sheet (f, "Atelier CV", "J'anime un atelier.");
  gint64 revision;

  g_assert_true (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  revision = acq_sheet_get_revision (sheet);
  g_assert_false (acq_review_decide (f->list, sheet, ACQ_ROLE_CANDIDATE,
                                     ACQ_REVIEW_STATE_VALIDATED, &error));
  g_assert_error (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "accompagnatrice"));
  g_clear_error (&error);
  g_assert_false (acq_review_decide (f->list, sheet, ACQ_ROLE_CANDIDATE,
                                     ACQ_REVIEW_STATE_CHANGES_REQUESTED, &error));
  g_assert_error (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_NOT_ALLOWED);
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_TO_REVIEW);
  g_assert_cmpint (acq_sheet_get_revision (sheet), ==, revision);
  versions = versions_of (f, sheet);
  g_assert_cmpuint (versions->len, ==, 1);
}

static void
test_wrong_state_keeps_text (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheetList) again = NULL;
  AcqSheet *sheet = make_sheet (f, "Veille", "Je lis la presse spécialisée.");

  /* the coach cannot decide on a draft nobody sent */
  g_assert_false (acq_review_decide (f->list, sheet, ACQ_ROLE_COACH, ACQ_REVIEW_STATE_VALIDATED,
                                     &error));
  g_assert_error (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_WRONG_STATE);
  g_clear_error (&error);
  g_assert_true (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));

  /* asked twice: refused, but the words typed meanwhile are kept */
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, "Je lis la presse et je partage une synthèse.");
  g_assert_false (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_error (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_WRONG_STATE);
  g_clear_error (&error);
  again = acq_sheet_list_new (f->store, f->candidate, &error);
  g_assert_cmpstr (acq_sheet_get_rubric (acq_sheet_list_find (again, acq_sheet_get_uuid (sheet)),
                                         ACQ_RUBRIC_TASKS),
                   ==, "Je lis la presse et je partage une synthèse.");

  /* a validated sheet is not sent again unchanged */
  g_assert_true (acq_review_decide (f->list, sheet, ACQ_ROLE_COACH, ACQ_REVIEW_STATE_VALIDATED,
                                    &error));
  g_assert_false (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_error (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_WRONG_STATE);
  g_clear_error (&error);
  /* edited, it is a draft again and can be sent */
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_MEANS, "Abonnement à une revue.");
  g_assert_true (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_no_error (error);
}

static void
test_stale_state_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheetList) other = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  AcqSheet *sheet = make_sheet (f, "Réseau", "Texte.");
  AcqSheet *copy;

  /* another list (another window) sends the sheet first */
  other = acq_sheet_list_new (f->store, f->candidate, &error);
  copy = acq_sheet_list_find (other, acq_sheet_get_uuid (sheet));
  g_assert_true (acq_review_request (other, copy, ACQ_ROLE_CANDIDATE, &error));
  g_assert_no_error (error);
  /* this one is stale: it learns the stored state instead of writing over it */
  g_assert_false (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_error (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_WRONG_STATE);
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_TO_REVIEW);
  versions = versions_of (f, sheet);
  g_assert_cmpuint (versions->len, ==, 1);
}

static void
test_versions_kept (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (AcqSheetVersion) reviewed = NULL;
  g_autoptr (AcqSheetVersion) copy = NULL;
  AcqSheet *sheet = make_sheet (f, "Partenariat", "Première version.");

  /* never decided on: nothing to compare with, and no error */
  reviewed = acq_review_get_last_reviewed (f->store, acq_sheet_get_uuid (sheet), &error);
  g_assert_no_error (error);
  g_assert_null (reviewed);

  g_assert_true (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_true (acq_review_decide (f->list, sheet, ACQ_ROLE_COACH,
                                    ACQ_REVIEW_STATE_CHANGES_REQUESTED, &error));
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_CHANGES_REQUESTED);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, "Deuxième version, plus précise.");
  acq_sheet_set_period_from (sheet, "2022-09-01");
  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  /* still to rework until sent again */
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_CHANGES_REQUESTED);

  /* what she read last is the first version */
  reviewed = acq_review_get_last_reviewed (f->store, acq_sheet_get_uuid (sheet), &error);
  g_assert_cmpint (reviewed->kind, ==, ACQ_VERSION_CHANGES_REQUESTED);
  g_assert_cmpstr (reviewed->rubrics[ACQ_RUBRIC_TASKS], ==, "Première version.");
  g_assert_null (reviewed->period_from);
  g_clear_pointer (&reviewed, acq_sheet_version_free);

  g_assert_true (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_true (acq_review_decide (f->list, sheet, ACQ_ROLE_COACH, ACQ_REVIEW_STATE_VALIDATED,
                                    &error));
  g_assert_no_error (error);
  versions = versions_of (f, sheet);
  g_assert_cmpuint (versions->len, ==, 4);
  for (guint i = 1; i < versions->len; i++)
    g_assert_cmpint (((AcqSheetVersion *) g_ptr_array_index (versions, i - 1))->revision, <,
                     ((AcqSheetVersion *) g_ptr_array_index (versions, i))->revision);
  reviewed = acq_review_get_last_reviewed (f->store, acq_sheet_get_uuid (sheet), &error);
  g_assert_cmpint (reviewed->kind, ==, ACQ_VERSION_VALIDATED);
  g_assert_cmpstr (reviewed->title, ==, "Partenariat");
  g_assert_cmpstr (reviewed->rubrics[ACQ_RUBRIC_TASKS], ==, "Deuxième version, plus précise.");
  g_assert_cmpstr (reviewed->period_from, ==, "2022-09-01");
  copy = acq_sheet_version_copy (reviewed);
  g_assert_cmpstr (copy->rubrics[ACQ_RUBRIC_TASKS], ==, reviewed->rubrics[ACQ_RUBRIC_TASKS]);
  g_assert_cmpstr (copy->uuid, ==, reviewed->uuid);
}

/* Comments */

static AcqComment *
add_comment (Fixture *f, AcqSheet *sheet, AcqRubric rubric, AcqRole role, const char *body)
{
  g_autoptr (GError) error = NULL;
  AcqComment *comment = acq_comment_new (acq_sheet_get_uuid (sheet), rubric, role, body);

  g_assert_true (acq_comment_insert (f->store, comment, &error));
  g_assert_no_error (error);
  g_assert_nonnull (comment->created_at);
  return comment;
}

static guint
unresolved_on (Fixture *f, AcqSheet *sheet)
{
  g_autoptr (GError) error = NULL;
  guint n = G_MAXUINT;

  g_assert_true (acq_comment_count_unresolved (f->store, acq_sheet_get_uuid (sheet), &n, &error));
  g_assert_no_error (error);
  return n;
}

static void
test_comment_anchored (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) comments = NULL;
  g_autoptr (AcqComment) comment = NULL;
  AcqSheet *sheet = make_sheet (f, "Accueil", "J'accueille M. K. au guichet, sans rendez-vous.");
  AcqComment *listed;

  comment = acq_comment_new (acq_sheet_get_uuid (sheet), ACQ_RUBRIC_TASKS, ACQ_ROLE_COACH,
                             "Combien de personnes par jour ?");
  acq_comment_set_anchor (comment, "au guichet", 17, 27, "J'accueille M. K. ",
                          ", sans rendez-vous.");
  g_assert_true (acq_comment_insert (f->store, comment, &error));
  g_assert_no_error (error);

  comments = acq_comment_list (f->store, acq_sheet_get_uuid (sheet), &error);
  g_assert_cmpuint (comments->len, ==, 1);
  listed = g_ptr_array_index (comments, 0);
  g_assert_cmpstr (listed->uuid, ==, comment->uuid);
  g_assert_cmpint (listed->rubric, ==, ACQ_RUBRIC_TASKS);
  g_assert_cmpint (listed->author_role, ==, ACQ_ROLE_COACH);
  g_assert_cmpstr (listed->body, ==, "Combien de personnes par jour ?");
  g_assert_cmpstr (listed->quote, ==, "au guichet");
  g_assert_cmpint (listed->anchor_start, ==, 17);
  g_assert_cmpint (listed->anchor_end, ==, 27);
  g_assert_cmpstr (listed->prefix, ==, "J'accueille M. K. ");
  g_assert_cmpstr (listed->suffix, ==, ", sans rendez-vous.");
  g_assert_false (listed->resolved);
  g_assert_null (listed->parent_uuid);

  /* the words were deleted: re-anchoring makes it a comment on the rubric, never lost */
  acq_comment_set_anchor (comment, NULL, 0, 0, NULL, NULL);
  g_assert_true (acq_comment_update_anchor (f->store, comment, &error));
  g_assert_no_error (error);
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = acq_comment_list (f->store, acq_sheet_get_uuid (sheet), &error);
  listed = g_ptr_array_index (comments, 0);
  g_assert_null (listed->quote);
  g_assert_cmpint (listed->anchor_start, ==, -1);
  g_assert_null (listed->prefix);
  g_assert_cmpstr (listed->body, ==, "Combien de personnes par jour ?");
}

static void
test_comment_replies_and_resolve (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) comments = NULL;
  g_autoptr (GHashTable) by_sheet = NULL;
  g_autoptr (GHashTable) by_candidate = NULL;
  g_autoptr (AcqComment) first = NULL;
  g_autoptr (AcqComment) second = NULL;
  g_autoptr (AcqComment) reply = NULL;
  g_autoptr (AcqComment) reply_to_reply = NULL;
  AcqSheet *sheet = make_sheet (f, "Atelier", "Texte.");
  AcqSheet *other = make_sheet (f, "Bilan", "Texte.");
  guint n;

  first = add_comment (f, sheet, ACQ_RUBRIC_MEANS, ACQ_ROLE_COACH, "Quels supports ?");
  second = add_comment (f, sheet, ACQ_RUBRIC_TASKS, ACQ_ROLE_COACH, "Préciser la durée.");
  g_clear_pointer (&second, acq_comment_free);
  second = add_comment (f, other, ACQ_RUBRIC_TASKS, ACQ_ROLE_CANDIDATE, "Note pour moi.");
  reply = acq_comment_reply (f->store, first, ACQ_ROLE_CANDIDATE, "Un diaporama.", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reply->parent_uuid, ==, first->uuid);
  g_assert_cmpint (reply->rubric, ==, ACQ_RUBRIC_MEANS);
  g_assert_null (reply->quote);
  /* a reply to a reply stays in the thread */
  reply_to_reply = acq_comment_reply (f->store, reply, ACQ_ROLE_COACH, "Joignez-le.", &error);
  g_assert_cmpstr (reply_to_reply->parent_uuid, ==, first->uuid);

  /* threads by rubric, each first comment followed by its replies */
  comments = acq_comment_list (f->store, acq_sheet_get_uuid (sheet), &error);
  g_assert_cmpuint (comments->len, ==, 4);
  g_assert_cmpint (((AcqComment *) g_ptr_array_index (comments, 0))->rubric, ==, ACQ_RUBRIC_TASKS);
  g_assert_cmpstr (((AcqComment *) g_ptr_array_index (comments, 1))->uuid, ==, first->uuid);
  g_assert_cmpstr (((AcqComment *) g_ptr_array_index (comments, 2))->uuid, ==, reply->uuid);
  g_assert_cmpstr (((AcqComment *) g_ptr_array_index (comments, 3))->uuid, ==,
                   reply_to_reply->uuid);

  /* replies do not count: threads do */
  g_assert_cmpuint (unresolved_on (f, sheet), ==, 2);
  g_assert_cmpuint (unresolved_on (f, other), ==, 1);
  g_assert_true (acq_comment_count_unresolved_for_candidate (
    f->store, acq_candidate_get_uuid (f->candidate), &n, &error));
  g_assert_cmpuint (n, ==, 3);

  /* resolving from a reply resolves the thread */
  g_assert_true (acq_comment_set_resolved (f->store, reply_to_reply, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unresolved_on (f, sheet), ==, 1);
  by_sheet = acq_comment_unresolved_by_sheet (f->store, acq_candidate_get_uuid (f->candidate),
                                              &error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (by_sheet, acq_sheet_get_uuid (sheet))),
                    ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (by_sheet, acq_sheet_get_uuid (other))),
                    ==, 1);
  by_candidate = acq_comment_unresolved_by_candidate (f->store, &error);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (
                      by_candidate, acq_candidate_get_uuid (f->candidate))), ==, 2);

  /* opened again */
  g_assert_true (acq_comment_set_resolved (f->store, first, FALSE, &error));
  g_assert_cmpuint (unresolved_on (f, sheet), ==, 2);

  /* a deleted sheet's comments are not counted; deleting a thread deletes its replies */
  g_assert_true (acq_sheet_list_delete (f->list, other, &error));
  g_assert_true (acq_comment_count_unresolved_for_candidate (
    f->store, acq_candidate_get_uuid (f->candidate), &n, &error));
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (acq_comment_delete (f->store, first, &error));
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = acq_comment_list (f->store, acq_sheet_get_uuid (sheet), &error);
  g_assert_cmpuint (comments->len, ==, 1);
}

static void
test_comment_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) comments = NULL;
  g_autofree char *huge = g_strnfill (ACQ_COMMENT_MAX_CHARS + 1, 'x');
  AcqSheet *sheet = make_sheet (f, "Atelier", "Texte.");
  const char *bodies[] = { "", "   \n ", "Mauvais \xff texte", huge };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr (AcqComment) comment = acq_comment_new (acq_sheet_get_uuid (sheet),
                                                        ACQ_RUBRIC_TASKS, ACQ_ROLE_COACH,
                                                        bodies[i]);
      g_assert_false (acq_comment_insert (f->store, comment, &error));
      g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
      g_clear_error (&error);
    }
  {
    g_autoptr (AcqComment) comment = acq_comment_new (acq_sheet_get_uuid (sheet),
                                                      ACQ_RUBRIC_TASKS, ACQ_ROLE_COACH, "Ok");
    acq_comment_set_anchor (comment, "Texte", 4, 2, NULL, NULL);
    g_assert_false (acq_comment_insert (f->store, comment, &error));
    g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    /* on a sheet that does not exist */
    g_autoptr (AcqComment) comment = acq_comment_new ("nope", ACQ_RUBRIC_TASKS, ACQ_ROLE_COACH,
                                                      "Ok");
    g_assert_false (acq_comment_insert (f->store, comment, &error));
    g_assert_error (error, ACQ_STORE_ERROR, ACQ_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }
  comments = acq_comment_list (f->store, acq_sheet_get_uuid (sheet), &error);
  g_assert_cmpuint (comments->len, ==, 0);
}

/* Coverage */

static void
set_state (Fixture *f, AcqSheet *sheet, AcqReviewState state)
{
  g_autoptr (GError) error = NULL;

  if (state == ACQ_REVIEW_STATE_DRAFT)
    return;
  g_assert_true (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  if (state != ACQ_REVIEW_STATE_TO_REVIEW)
    g_assert_true (acq_review_decide (f->list, sheet, ACQ_ROLE_COACH, state, &error));
  g_assert_no_error (error);
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, state);
}

static AcqSheet *
linked_sheet (Fixture *f, const char *title, const char *competence_uuid, AcqReviewState state)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet = make_sheet (f, title, "Texte.");

  acq_sheet_add_competence (sheet, competence_uuid);
  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  set_state (f, sheet, state);
  return sheet;
}

static void
test_coverage_best_state (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCoverage) coverage = NULL;
  const char *blocs[] = { bloc (f, 0)->uuid, bloc (f, 1)->uuid, NULL };
  AcqCoverageCompetence *c;
  AcqCoverageBloc *b1, *b3;
  AcqSheet *deleted;

  acq_candidate_set_targeted_blocs (f->candidate, blocs);
  g_assert_true (acq_candidate_list_save (f->candidates, f->candidate, &error));
  linked_sheet (f, "Brouillon", competence (f, 0, 0), ACQ_REVIEW_STATE_DRAFT);
  linked_sheet (f, "Validée", competence (f, 0, 0), ACQ_REVIEW_STATE_VALIDATED);
  linked_sheet (f, "À reprendre", competence (f, 0, 0), ACQ_REVIEW_STATE_CHANGES_REQUESTED);
  linked_sheet (f, "À reprendre 2", competence (f, 0, 1), ACQ_REVIEW_STATE_CHANGES_REQUESTED);
  linked_sheet (f, "Brouillon 2", competence (f, 0, 1), ACQ_REVIEW_STATE_DRAFT);
  linked_sheet (f, "À relire", competence (f, 0, 2), ACQ_REVIEW_STATE_TO_REVIEW);
  linked_sheet (f, "Brouillon 3", competence (f, 0, 2), ACQ_REVIEW_STATE_CHANGES_REQUESTED);
  deleted = linked_sheet (f, "Supprimée", competence (f, 0, 3), ACQ_REVIEW_STATE_VALIDATED);
  g_assert_true (acq_sheet_list_delete (f->list, deleted, &error));

  coverage = acq_coverage_compute (f->store, acq_candidate_get_uuid (f->candidate), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coverage->certification_uuid, ==, f->fiche->uuid);
  g_assert_cmpuint (coverage->blocs->len, ==, 3);
  b1 = g_ptr_array_index (coverage->blocs, 0);
  b3 = g_ptr_array_index (coverage->blocs, 2);
  g_assert_true (b1->targeted);
  g_assert_false (b3->targeted);
  g_assert_cmpuint (b1->competences->len, ==, 5);
  g_assert_cmpuint (b1->n_sheets, ==, 7);

  c = acq_coverage_find (coverage, competence (f, 0, 0));
  g_assert_cmpint (c->level, ==, ACQ_COVERAGE_VALIDATED);
  g_assert_cmpuint (c->sheets->len, ==, 3);
  /* the best first */
  g_assert_cmpstr (((AcqCoverageSheet *) g_ptr_array_index (c->sheets, 0))->title, ==, "Validée");
  g_assert_cmpstr (((AcqCoverageSheet *) g_ptr_array_index (c->sheets, 2))->title, ==,
                   "Brouillon");
  c = acq_coverage_find (coverage, competence (f, 0, 1));
  g_assert_cmpint (c->level, ==, ACQ_COVERAGE_CHANGES_REQUESTED);
  c = acq_coverage_find (coverage, competence (f, 0, 2));
  g_assert_cmpint (c->level, ==, ACQ_COVERAGE_TO_REVIEW);
  /* a deleted sheet covers nothing */
  c = acq_coverage_find (coverage, competence (f, 0, 3));
  g_assert_cmpint (c->level, ==, ACQ_COVERAGE_NONE);
  g_assert_cmpuint (c->sheets->len, ==, 0);

  g_assert_cmpuint (acq_coverage_bloc_count (b1, ACQ_COVERAGE_DRAFT), ==, 3);
  g_assert_cmpuint (acq_coverage_bloc_count (b1, ACQ_COVERAGE_VALIDATED), ==, 1);
  g_assert_false (acq_coverage_is_complete (coverage));
  g_assert_null (acq_coverage_find (coverage, "nope"));
}

static void
test_coverage_without_certification (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqCoverage) coverage = NULL;

  acq_candidate_set_certification_uuid (f->candidate, NULL);
  g_assert_true (acq_candidate_list_save (f->candidates, f->candidate, &error));
  coverage = acq_coverage_compute (f->store, acq_candidate_get_uuid (f->candidate), &error);
  g_assert_no_error (error);
  g_assert_null (coverage->certification_uuid);
  g_assert_cmpuint (coverage->blocs->len, ==, 0);
  g_assert_false (acq_coverage_is_complete (coverage));
}

/* A sheet is reviewed once it has a title, a competence and the four rubrics that are not
 * optional; what is missing is said. */
static void
test_ready_for_review (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet = make_sheet (f, "", "J'accueille Mme B.");

  g_assert_false (acq_review_check_ready (sheet, &error));
  g_assert_error (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "a title"));
  g_assert_nonnull (strstr (error->message, "a competence"));
  g_assert_nonnull (strstr (error->message, "rubric 2 “"));
  g_assert_null (strstr (error->message, acq_rubric_label (ACQ_RUBRIC_TASKS)));
  g_assert_nonnull (strstr (error->message, acq_rubric_label (ACQ_RUBRIC_MEANS)));
  g_assert_nonnull (strstr (error->message, acq_rubric_label (ACQ_RUBRIC_CONTEXT)));
  g_assert_null (strstr (error->message, acq_rubric_label (ACQ_RUBRIC_ADDITIONAL)));
  g_clear_error (&error);

  acq_sheet_set_title (sheet, "Diagnostic partagé");
  acq_sheet_add_competence (sheet, competence (f, 0, 0));
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_MEANS, "Grille d'entretien.");
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_PARTNERS, "  \n ");
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_CONTEXT, "Une association.");
  g_assert_false (acq_review_check_ready (sheet, &error));
  g_assert_error (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_INCOMPLETE);
  g_assert_null (strstr (error->message, "a title"));
  g_assert_nonnull (strstr (error->message, acq_rubric_label (ACQ_RUBRIC_PARTNERS)));
  g_clear_error (&error);

  /* the optional fifth rubric may stay empty */
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_PARTNERS, "La conseillère.");
  g_assert_true (acq_review_check_ready (sheet, &error));
  g_assert_no_error (error);
}

/* After asking for changes, the accompagnatrice may validate at once (a face-to-face rework),
 * but not ask for changes a second time. */
static void
test_validate_after_changes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet = make_sheet (f, "Diagnostic partagé", "J'accueille Mme B.");

  g_assert_false (acq_review_can_validate (sheet, ACQ_ROLE_COACH));
  g_assert_true (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_true (acq_review_decide (f->list, sheet, ACQ_ROLE_COACH,
                                    ACQ_REVIEW_STATE_CHANGES_REQUESTED, &error));
  g_assert_no_error (error);
  g_assert_true (acq_review_can_validate (sheet, ACQ_ROLE_COACH));
  g_assert_false (acq_review_can_validate (sheet, ACQ_ROLE_CANDIDATE));
  g_assert_false (acq_review_can_decide (sheet, ACQ_ROLE_COACH));
  g_assert_false (acq_review_decide (f->list, sheet, ACQ_ROLE_COACH,
                                     ACQ_REVIEW_STATE_CHANGES_REQUESTED, &error));
  g_assert_error (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_WRONG_STATE);
  g_clear_error (&error);
  g_assert_false (acq_review_decide (f->list, sheet, ACQ_ROLE_CANDIDATE,
                                     ACQ_REVIEW_STATE_VALIDATED, &error));
  g_assert_error (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (acq_review_decide (f->list, sheet, ACQ_ROLE_COACH, ACQ_REVIEW_STATE_VALIDATED,
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_VALIDATED);
}

/* Undo puts the state back and forgets the version the decision kept. */
static void
test_undo_decision (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (AcqReviewDecision) decision = NULL;
  g_autoptr (AcqSheetList) reread = NULL;
  AcqSheet *sheet = make_sheet (f, "Diagnostic partagé", "J'accueille Mme B.");
  guint changes;

  g_assert_true (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_true (acq_review_decide_full (f->list, sheet, ACQ_ROLE_COACH,
                                         ACQ_REVIEW_STATE_VALIDATED, NULL, &decision, &error));
  g_assert_no_error (error);
  g_assert_nonnull (decision);
  changes = f->changes;
  g_assert_true (acq_review_undo_decision (f->list, sheet, decision, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes, ==, changes + 1);
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_TO_REVIEW);
  versions = versions_of (f, sheet);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpint (((AcqSheetVersion *) g_ptr_array_index (versions, 0))->kind, ==,
                   ACQ_VERSION_REVIEW_REQUESTED);
  /* as stored, not only in memory */
  reread = acq_sheet_list_new (f->store, f->candidate, &error);
  g_assert_no_error (error);
  g_assert_cmpint (acq_sheet_get_review_state (acq_sheet_list_find (reread,
                                                                     acq_sheet_get_uuid (sheet))),
                   ==, ACQ_REVIEW_STATE_TO_REVIEW);
  /* undone once only */
  g_assert_false (acq_review_undo_decision (f->list, sheet, decision, &error));
  g_assert_error (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_CHANGED_SINCE);
  g_clear_error (&error);
}

/* Nothing is undone over a later change: the text edited since stays, and so does the state. */
static void
test_undo_refused_after_edit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) versions = NULL;
  g_autoptr (AcqReviewDecision) decision = NULL;
  AcqSheet *sheet = make_sheet (f, "Diagnostic partagé", "J'accueille Mme B.");

  g_assert_true (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_true (acq_review_decide_full (f->list, sheet, ACQ_ROLE_COACH,
                                         ACQ_REVIEW_STATE_CHANGES_REQUESTED, NULL, &decision,
                                         &error));
  g_assert_no_error (error);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_MEANS, "Une grille revue.");
  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_no_error (error);
  g_assert_false (acq_review_undo_decision (f->list, sheet, decision, &error));
  g_assert_error (error, ACQ_REVIEW_ERROR, ACQ_REVIEW_ERROR_CHANGED_SINCE);
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_CHANGES_REQUESTED);
  g_assert_cmpstr (acq_sheet_get_rubric (sheet, ACQ_RUBRIC_MEANS), ==, "Une grille revue.");
  versions = versions_of (f, sheet);
  g_assert_cmpuint (versions->len, ==, 2);
}

/* A remark on the whole sheet goes with the decision, is kept with its version, and is
 * refused, with nothing decided, when it is too long. */
static void
test_decision_remark (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (AcqSheetVersion) last = NULL;
  g_autofree char *huge = g_strnfill (ACQ_REVIEW_REMARK_MAX + 1, 'x');
  AcqSheet *sheet = make_sheet (f, "Diagnostic partagé", "J'accueille Mme B.");

  g_assert_true (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_false (acq_review_decide_full (f->list, sheet, ACQ_ROLE_COACH,
                                          ACQ_REVIEW_STATE_CHANGES_REQUESTED, huge, NULL,
                                          &error));
  g_assert_error (error, ACQ_TEXT_ERROR, ACQ_TEXT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_TO_REVIEW);
  g_assert_true (acq_review_decide_full (f->list, sheet, ACQ_ROLE_COACH,
                                         ACQ_REVIEW_STATE_CHANGES_REQUESTED,
                                         "Bon début : détaillez le « je » de la rubrique 1.", NULL,
                                         &error));
  g_assert_no_error (error);
  last = acq_review_get_last_reviewed (f->store, acq_sheet_get_uuid (sheet), &error);
  g_assert_no_error (error);
  g_assert_cmpint (last->kind, ==, ACQ_VERSION_CHANGES_REQUESTED);
  g_assert_cmpstr (last->remark, ==, "Bon début : détaillez le « je » de la rubrique 1.");
}

/* A sheet edited while it waits for a review says so. */
static void
test_edited_since_request (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  AcqSheet *sheet = make_sheet (f, "Diagnostic partagé", "J'accueille Mme B.");
  gboolean edited = TRUE;

  g_assert_true (acq_review_edited_since_request (f->store, sheet, &edited, &error));
  g_assert_false (edited);
  g_assert_true (acq_review_request (f->list, sheet, ACQ_ROLE_CANDIDATE, &error));
  g_assert_true (acq_review_edited_since_request (f->store, sheet, &edited, &error));
  g_assert_no_error (error);
  g_assert_false (edited);
  acq_sheet_set_rubric (sheet, ACQ_RUBRIC_TASKS, "J'accueille Mme B. et son fils.");
  g_assert_true (acq_sheet_list_save (f->list, sheet, &error));
  g_assert_no_error (error);
  g_assert_cmpint (acq_sheet_get_review_state (sheet), ==, ACQ_REVIEW_STATE_TO_REVIEW);
  g_assert_true (acq_review_edited_since_request (f->store, sheet, &edited, &error));
  g_assert_no_error (error);
  g_assert_true (edited);
  /* once decided on, it no longer waits */
  g_assert_true (acq_review_decide (f->list, sheet, ACQ_ROLE_COACH, ACQ_REVIEW_STATE_VALIDATED,
                                    &error));
  g_assert_true (acq_review_edited_since_request (f->store, sheet, &edited, &error));
  g_assert_false (edited);
}

/* The sidebar counts, per candidate, the sheets that wait for a review. */
static void
test_waiting_by_candidate (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) none = NULL;
  g_autoptr (GHashTable) counts = NULL;
  AcqSheet *first = make_sheet (f, "Diagnostic partagé", "J'accueille Mme B.");
  AcqSheet *second = make_sheet (f, "Atelier CV", "Je prépare l'atelier.");

  make_sheet (f, "Brouillon", "Rien encore.");
  none = acq_review_waiting_by_candidate (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (none), ==, 0);
  g_assert_true (acq_review_request (f->list, first, ACQ_ROLE_CANDIDATE, &error));
  g_assert_true (acq_review_request (f->list, second, ACQ_ROLE_CANDIDATE, &error));
  g_assert_true (acq_review_decide (f->list, second, ACQ_ROLE_COACH, ACQ_REVIEW_STATE_VALIDATED,
                                    &error));
  g_assert_no_error (error);
  counts = acq_review_waiting_by_candidate (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (
                      counts, acq_candidate_get_uuid (f->candidate))), ==, 1);
}

/* The count runs at every start: it reads the partial index of the sheets waiting, never the
 * sheet table with its texts. */
static void
test_waiting_uses_index (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (acq_store_get_db (f->store),
                                       "EXPLAIN QUERY PLAN SELECT s.candidate_uuid, count(*) FROM"
                                       " sheet s JOIN candidate k ON k.uuid = s.candidate_uuid"
                                       " WHERE s.deleted_at IS NULL AND k.deleted_at IS NULL AND"
                                       " s.review_state = 1 GROUP BY s.candidate_uuid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", (const char *) sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);
  g_assert_nonnull (strstr (plan->str, "USING INDEX sheet_waiting_review"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/review/request-then-validate", test_request_then_validate);
  ADD ("/review/candidate-cannot-validate", test_candidate_cannot_validate);
  ADD ("/review/wrong-state-keeps-text", test_wrong_state_keeps_text);
  ADD ("/review/stale-state-refused", test_stale_state_refused);
  ADD ("/review/versions-kept", test_versions_kept);
  ADD ("/review/ready-for-review", test_ready_for_review);
  ADD ("/review/validate-after-changes", test_validate_after_changes);
  ADD ("/review/undo-decision", test_undo_decision);
  ADD ("/review/decision-remark", test_decision_remark);
  ADD ("/review/waiting-uses-index", test_waiting_uses_index);
  ADD ("/review/undo-refused-after-edit", test_undo_refused_after_edit);
  ADD ("/review/edited-since-request", test_edited_since_request);
  ADD ("/review/waiting-by-candidate", test_waiting_by_candidate);
  ADD ("/comments/anchored", test_comment_anchored);
  ADD ("/comments/replies-and-resolve", test_comment_replies_and_resolve);
  ADD ("/comments/bad-input", test_comment_bad_input);
  ADD ("/coverage/best-state", test_coverage_best_state);
  ADD ("/coverage/without-certification", test_coverage_without_certification);
#undef ADD
  return g_test_run ();
}
